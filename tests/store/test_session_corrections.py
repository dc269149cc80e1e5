"""A logged session can be corrected, moved to the right client or deleted (#17, point 1):
nothing is overwritten (the old session stays, withdrawn, with who, when and why, and in the
audit log) and only current sessions count for progress and suggestions."""

from __future__ import annotations

import datetime as dt

import pytest

from bonecoach.store.store import Store
from tests.store import factories


def test_a_correction_replaces_the_session_and_keeps_the_old_one(store: Store) -> None:
    client = store.create_client("Ann Lee")
    wrong = store.save_session(client.id, factories.session_log(dt.date(2025, 3, 5), reps=10))
    fixed_log = factories.session_log(dt.date(2025, 3, 6), reps=12)

    fixed = store.correct_session(wrong.id, fixed_log, reason="typed the wrong day", by="Bo")

    assert [s.id for s in store.sessions(client.id)] == [fixed.id]
    assert store.sessions(client.id)[0].log == fixed_log
    history = store.sessions(client.id, include_withdrawn=True)
    old = next(s for s in history if s.id == wrong.id)
    assert old.log == wrong.log  # what was logged is kept as it was
    assert old.withdrawn is not None and old.withdrawn.replaced_by == fixed.id
    assert (old.withdrawn.by, old.withdrawn.reason) == ("Bo", "typed the wrong day")
    audit = [(e.action, e.entity_id) for e in store.audit_entries(client.id)]
    assert ("correct", wrong.id) in audit


def test_a_session_logged_to_the_wrong_client_moves(store: Store) -> None:
    ann = store.create_client("Ann Lee")
    bea = store.create_client("Bea Moss")
    logged = store.save_session(ann.id, factories.session_log())

    moved = store.correct_session(logged.id, logged.log, reason="Bea's sheet", client_id=bea.id)

    assert store.sessions(ann.id) == [] and moved.client_id == bea.id
    assert [s.log for s in store.sessions(bea.id)] == [logged.log]
    assert any(e.action == "save" and "moved from client" in e.detail
               for e in store.audit_entries(bea.id))  # fmt: skip


def test_a_deleted_session_stops_counting_and_stays_in_the_history(store: Store) -> None:
    client = store.create_client("Ann Lee")
    logged = store.save_session(client.id, factories.session_log())
    store.withdraw_session(logged.id, reason="a test entry", by="Bo")
    assert store.sessions(client.id) == []
    [kept] = store.sessions(client.id, include_withdrawn=True)
    assert kept.withdrawn is not None and kept.withdrawn.replaced_by is None
    assert ("delete", logged.id) in [
        (e.action, e.entity_id) for e in store.audit_entries(client.id)
    ]


def test_a_reason_is_needed_and_a_session_is_withdrawn_once(store: Store) -> None:
    client = store.create_client("Ann Lee")
    logged = store.save_session(client.id, factories.session_log())
    with pytest.raises(ValueError, match="reason"):
        store.withdraw_session(logged.id, reason="  ")
    with pytest.raises(ValueError, match="reason"):
        store.correct_session(logged.id, logged.log, reason="")
    assert len(store.sessions(client.id)) == 1  # nothing changed
    store.withdraw_session(logged.id, reason="duplicate")
    with pytest.raises(ValueError, match="already deleted"):
        store.correct_session(logged.id, logged.log, reason="again")
    assert len(store.sessions(client.id, include_withdrawn=True)) == 1


def test_two_workstations_correcting_one_session_the_second_is_told(
    store: Store, store_url: str | None
) -> None:
    """One after the other, and at the same moment (threads meeting at a barrier): exactly
    one correction lands; the other is told who corrected it, and the first stays."""
    import threading

    from bonecoach.store import database

    url = store_url or f"sqlite:///{database.default_sqlite_path()}"
    client = store.create_client("Ann Lee")
    second = Store.open(url, actor="Sam Second", auto_backup=False)
    try:
        logged = store.save_session(client.id, factories.session_log())
        store.correct_session(logged.id, factories.session_log(reps=8), reason="8 reps, not 10")
        with pytest.raises(ValueError, match="already corrected by Pat Physio"):
            second.correct_session(logged.id, factories.session_log(reps=6), reason="6 reps")
        [current] = store.sessions(client.id)
        assert current.log == factories.session_log(reps=8)

        again = store.save_session(client.id, factories.session_log(dt.date(2025, 3, 9)))
        meet = threading.Barrier(2)
        results: list[str] = []

        def correct(who: Store, reps: int) -> None:
            meet.wait()
            try:
                who.correct_session(
                    again.id, factories.session_log(dt.date(2025, 3, 9), reps=reps), reason="fix"
                )
                results.append("saved")
            except ValueError as exc:
                results.append(str(exc))

        threads = [
            threading.Thread(target=correct, args=(store, 7)),
            threading.Thread(target=correct, args=(second, 5)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert sorted(r == "saved" for r in results) == [False, True], results
        assert any("already corrected" in r for r in results), results
        dates = [s.log.date for s in store.sessions(client.id)]
        assert dates.count(dt.date(2025, 3, 9)) == 1  # one current session, not two
    finally:
        second.close(auto_backup=False)
