"""Accepting a suggestion saves the new program version and the recorded decision together
(one transaction) or neither; dismissing is one call too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import bonecoach.store.suggestions as suggestions_module
from bonecoach.store.errors import NotFoundError, StaleSaveError
from bonecoach.store.store import Store
from tests.store import factories


@pytest.fixture
def second_workstation(store: Store, store_url: str | None) -> Iterator[Store]:
    other = Store.open(store_url, actor="Sam Other", auto_backup=False)
    yield other
    other.close(auto_backup=False)


def _snapshot(store: Store, client_id: int, program_id: int) -> tuple[Any, ...]:
    """Everything an accept could write: versions, suggestions, audit entries."""
    return (
        [(v.id, v.number, v.program) for v in store.program_versions(program_id)],
        store.suggestions(client_id),
        [(e.action, e.entity, e.entity_id) for e in store.audit_entries(client_id)],
    )


def test_accept_writes_version_and_outcome_linked(store: Store) -> None:
    client = store.create_client("Ann Lee")
    v1 = store.save_program(client.id, factories.program())
    changed = factories.program(reps=12)

    made, decided = store.accept_suggestion(
        client.id, factories.suggestion(), changed, based_on_version_id=v1.id, by="Bo Berg"
    )

    assert made is not None
    assert (made.number, made.program, made.saved_by) == (2, changed, "Bo Berg")
    assert (decided.outcome, decided.decided_by) == ("accepted", "Bo Berg")
    assert decided.result_version_id == made.id
    assert decided.program_version_id == v1.id  # the version it was suggested for
    assert decided.suggestion == factories.suggestion()
    assert store.suggestions(client.id) == [decided]
    latest = store.latest_program(client.id)
    assert latest is not None and latest.id == made.id
    audit = [(e.action, e.entity, e.entity_id) for e in store.audit_entries(client.id)]
    assert ("save", "program_version", made.id) in audit
    assert ("accept", "suggestion", decided.id) in audit


def test_accept_uses_the_already_stored_pending_suggestion(store: Store) -> None:
    client = store.create_client("Ann Lee")
    v1 = store.save_program(client.id, factories.program())
    (pending,) = store.save_suggestions(
        client.id, [factories.suggestion()], program_version_id=v1.id
    )

    made, decided = store.accept_suggestion(
        client.id, factories.suggestion(), factories.program(reps=12), based_on_version_id=v1.id
    )

    assert made is not None
    assert decided.id == pending.id and decided.result_version_id == made.id
    assert store.suggestions(client.id, pending_only=True) == []
    assert len(store.suggestions(client.id)) == 1


@pytest.mark.parametrize(
    ("failing_step", "fault"),
    [
        ("decide", "power cut while recording the outcome"),  # after the version is written
        ("stored_suggestion", "disk full"),  # before it
    ],
)
def test_a_failure_part_way_leaves_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch, failing_step: str, fault: str
) -> None:
    client = store.create_client("Ann Lee")
    v1 = store.save_program(client.id, factories.program())
    before = _snapshot(store, client.id, v1.program_id)

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError(fault)

    monkeypatch.setattr(suggestions_module, failing_step, crash)
    with pytest.raises(RuntimeError, match=fault):
        store.accept_suggestion(
            client.id, factories.suggestion(), factories.program(reps=12), based_on_version_id=v1.id
        )

    assert _snapshot(store, client.id, v1.program_id) == before
    assert [v.number for v in store.program_versions(v1.program_id)] == [1]
    assert store.suggestions(client.id) == []
    # once the fault is gone the same accept goes through as version 2
    monkeypatch.undo()
    made, decided = store.accept_suggestion(
        client.id, factories.suggestion(), factories.program(reps=12), based_on_version_id=v1.id
    )
    assert made is not None and made.number == 2 and decided.result_version_id == made.id


def test_stale_accept_is_refused_and_changes_nothing(
    store: Store, second_workstation: Store
) -> None:
    client = store.create_client("Ann Lee")
    v1 = store.save_program(client.id, factories.program())
    theirs = second_workstation.save_program(
        client.id, factories.program(reps=8), program_id=v1.program_id, based_on=1
    )
    before = _snapshot(store, client.id, v1.program_id)

    with pytest.raises(StaleSaveError, match="Sam Other") as caught:
        store.accept_suggestion(
            client.id, factories.suggestion(), factories.program(reps=12), based_on_version_id=v1.id
        )

    assert (caught.value.your_version, caught.value.current_version) == (1, 2)
    assert _snapshot(store, client.id, v1.program_id) == before
    latest = store.latest_program(client.id)
    assert latest is not None and latest.id == theirs.id and latest.program == theirs.program
    assert store.suggestions(client.id) == []


def test_stale_accept_without_program_change_is_refused_too(
    store: Store, second_workstation: Store
) -> None:
    client = store.create_client("Ann Lee")
    v1 = store.save_program(client.id, factories.program())
    second_workstation.save_program(
        client.id, factories.program(reps=8), program_id=v1.program_id, based_on=1
    )
    before = _snapshot(store, client.id, v1.program_id)
    with pytest.raises(StaleSaveError):
        store.accept_suggestion(client.id, factories.suggestion(), None, based_on_version_id=v1.id)
    assert _snapshot(store, client.id, v1.program_id) == before


def test_accept_without_program_change_records_outcome_only(store: Store) -> None:
    client = store.create_client("Ann Lee")
    v1 = store.save_program(client.id, factories.program())
    made, decided = store.accept_suggestion(
        client.id, factories.suggestion(), None, based_on_version_id=v1.id
    )
    assert made is None
    assert (decided.outcome, decided.result_version_id) == ("accepted", None)
    assert [v.number for v in store.program_versions(v1.program_id)] == [1]


def test_accepting_twice_is_refused_and_adds_no_version(store: Store) -> None:
    client = store.create_client("Ann Lee")
    v1 = store.save_program(client.id, factories.program())
    made, _ = store.accept_suggestion(
        client.id, factories.suggestion(), factories.program(reps=12), based_on_version_id=v1.id
    )
    assert made is not None
    before = _snapshot(store, client.id, v1.program_id)
    with pytest.raises(ValueError, match="already accepted by Pat Physio"):
        store.accept_suggestion(
            client.id,
            factories.suggestion(),
            factories.program(reps=14),
            based_on_version_id=made.id,
        )
    assert _snapshot(store, client.id, v1.program_id) == before


def test_accept_refuses_another_clients_version(store: Store) -> None:
    ann = store.create_client("Ann Lee")
    bo = store.create_client("Bo Berg")
    v1 = store.save_program(ann.id, factories.program())
    with pytest.raises(NotFoundError, match="program version"):
        store.accept_suggestion(
            bo.id, factories.suggestion(), factories.program(reps=12), based_on_version_id=v1.id
        )
    assert [v.number for v in store.program_versions(v1.program_id)] == [1]
    assert store.suggestions(bo.id) == [] and store.suggestions(ann.id) == []


def test_dismiss_is_one_call_and_needs_a_reason(store: Store) -> None:
    client = store.create_client("Ann Lee")
    v1 = store.save_program(client.id, factories.program())
    with pytest.raises(ValueError, match="reason"):
        store.dismiss_suggestion(
            client.id, factories.suggestion(), reason="  ", program_version_id=v1.id
        )
    assert store.suggestions(client.id) == []

    dismissed = store.dismiss_suggestion(
        client.id, factories.suggestion(), reason="knee sore today", program_version_id=v1.id
    )
    assert (dismissed.outcome, dismissed.outcome_reason) == ("dismissed", "knee sore today")
    assert (dismissed.program_version_id, dismissed.result_version_id) == (v1.id, None)
    assert store.suggestions(client.id) == [dismissed]
    audit = [(e.action, e.entity, e.entity_id) for e in store.audit_entries(client.id)]
    assert ("dismiss", "suggestion", dismissed.id) in audit


def test_dismiss_failure_stores_no_pending_suggestion(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = store.create_client("Ann Lee")

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(suggestions_module, "decide", crash)
    with pytest.raises(RuntimeError):
        store.dismiss_suggestion(client.id, factories.suggestion(), reason="knee sore")
    assert store.suggestions(client.id) == []


def test_undo_saves_the_version_before_again_and_puts_the_suggestion_back(store: Store) -> None:
    client = store.create_client("Ann Lee")
    v1 = store.save_program(client.id, factories.program())
    made, decided = store.accept_suggestion(
        client.id, factories.suggestion(), factories.program(reps=12), based_on_version_id=v1.id
    )
    assert made is not None

    restored = store.undo_accepted_suggestion(client.id, decided.id, by="Bo Berg")

    assert restored is not None and (restored.number, restored.program) == (3, v1.program)
    assert [v.number for v in store.program_versions(v1.program_id)] == [1, 2, 3]  # none lost
    [again] = store.suggestions(client.id)
    assert (again.outcome, again.result_version_id, again.decided_by) == ("pending", None, "")
    audit = [(e.action, e.entity_id) for e in store.audit_entries(client.id)]
    assert ("accept", decided.id) in audit and ("undo accept", decided.id) in audit


def test_undo_after_the_program_was_saved_again_changes_nothing(store: Store) -> None:
    client = store.create_client("Ann Lee")
    v1 = store.save_program(client.id, factories.program())
    made, decided = store.accept_suggestion(
        client.id, factories.suggestion(), factories.program(reps=12), based_on_version_id=v1.id
    )
    assert made is not None
    store.save_program(
        client.id, factories.program(reps=14), program_id=v1.program_id, based_on=made.number
    )
    before = _snapshot(store, client.id, v1.program_id)

    with pytest.raises(StaleSaveError):
        store.undo_accepted_suggestion(client.id, decided.id)

    assert _snapshot(store, client.id, v1.program_id) == before


def test_two_workstations_dismissing_one_suggestion_at_once_one_decision_stands(
    store: Store, store_url: str | None
) -> None:
    import threading

    from bonecoach.store import database

    url = store_url or f"sqlite:///{database.default_sqlite_path()}"
    client = store.create_client("Ann Lee")
    (pending,) = store.save_suggestions(client.id, [factories.suggestion()])
    second = Store.open(url, actor="Sam Second", auto_backup=False)
    meet = threading.Barrier(2)
    results: list[str] = []

    def dismiss(who: Store, reason: str) -> None:
        meet.wait()
        try:
            who.record_suggestion_outcome(pending.id, accepted=False, reason=reason)
            results.append("saved")
        except ValueError as exc:
            results.append(str(exc))

    try:
        threads = [
            threading.Thread(target=dismiss, args=(store, "knee sore today")),
            threading.Thread(target=dismiss, args=(second, "client away")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        second.close(auto_backup=False)
    assert sorted(r == "saved" for r in results) == [False, True], results
    assert any("already dismissed by" in r for r in results), results
    dismissals = [e for e in store.audit_entries() if e.action == "dismiss"]
    assert len(dismissals) == 1  # one decision, not two written over each other
