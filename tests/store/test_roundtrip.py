"""Every entity goes in and comes back out equal, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from bonecoach.store.errors import DuplicateClientError, NotFoundError
from bonecoach.store.store import Store
from tests.store import factories


def test_therapist_round_trip(store: Store) -> None:
    added = store.add_therapist("Pat Physio", "PT, DPT", "pat@clinic.example")
    assert store.therapists() == [added]
    changed = store.update_therapist(added.id, credentials="PT", active=False)
    assert store.therapists() == []
    assert store.therapists(include_inactive=True) == [changed]
    assert changed.credentials == "PT" and not changed.active


def test_client_round_trip_search_and_archive(store: Store) -> None:
    ann = store.create_client(
        "  Ann   O'Brien ", date_of_birth=dt.date(1951, 4, 2), clinic_id="A-17", contact="555-0101"
    )
    bob = store.create_client("Bob 100%_Smith", clinic_id=None)
    assert ann.name == "Ann O'Brien" and ann.version == 1
    assert store.get_client(ann.id) == ann
    assert [c.id for c in store.list_clients()] == [ann.id, bob.id]
    assert [c.id for c in store.search_clients("o'bri")] == [ann.id]
    assert [c.id for c in store.search_clients("a-17")] == [ann.id]
    assert [c.id for c in store.search_clients("100%_")] == [bob.id]  # LIKE characters literal
    assert store.search_clients("n%") == []  # "%" is not a wildcard

    archived = store.archive_client(ann.id, ann.version)
    assert archived.archived and archived.version == 2 and archived.updated_by == "Pat Physio"
    assert [c.id for c in store.list_clients()] == [bob.id]
    assert [c.id for c in store.list_clients(include_archived=True)] == [ann.id, bob.id]
    assert store.search_clients("ann") == []
    restored = store.update_client(ann.id, 2, archived=False, clinic_id=None, by="Sam")
    assert restored.clinic_id is None and not restored.archived and restored.updated_by == "Sam"


def test_clinic_id_is_unique(store: Store) -> None:
    first = store.create_client("Ann Lee", clinic_id="X1")
    with pytest.raises(DuplicateClientError, match="X1") as caught:
        store.create_client("Someone Else", clinic_id="X1")
    assert caught.value.existing_id == first.id
    assert len(store.list_clients()) == 1
    second = store.create_client("Someone Else", clinic_id="X2")
    with pytest.raises(DuplicateClientError, match="X1' already belongs to Ann Lee"):
        store.update_client(second.id, second.version, clinic_id="X1")
    assert store.get_client(second.id) == second


def test_profile_versions_keep_history(store: Store) -> None:
    client = store.create_client("Ann Lee")
    older = store.save_profile(
        client.id, factories.profile(tug_seconds=14.0), recorded_on=dt.date(2025, 12, 5)
    )
    newer = store.save_profile(
        client.id,
        factories.profile(t_score_lowest=-3.1, falls_past_year=2, tug_seconds=None),
        recorded_on=dt.date(2026, 3, 1),
        note="after the winter",
    )
    history = store.profile_history(client.id)
    assert history == [older, newer]
    assert history[0].profile == factories.profile(tug_seconds=14.0)
    assert (newer.t_score_lowest, newer.falls_past_year, newer.tug_seconds) == (-3.1, 2, None)
    assert store.latest_profile(client.id) == newer


def test_program_versions_round_trip(store: Store) -> None:
    client = store.create_client("Ann Lee")
    program = factories.program()
    first = store.save_program(client.id, program)
    assert first.number == 1 and first.program == program
    changed = factories.program("Renamed", reps=12)
    second = store.save_program(
        client.id, changed, program_id=first.program_id, based_on=first.number
    )
    assert second.number == 2
    assert store.program_version(first.id).program == program  # old version untouched
    assert store.latest_program(client.id) == second
    assert [v.program for v in store.program_versions(first.program_id)] == [program, changed]
    [summary] = store.programs(client.id)
    assert (summary.name, summary.latest_version) == ("Renamed", 2)
    store.archive_program(first.program_id)
    assert store.latest_program(client.id) is None
    assert store.latest_program(client.id, first.program_id) == second


def test_handouts_record_the_program_version(store: Store) -> None:
    client = store.create_client("Ann Lee")
    version = store.save_program(client.id, factories.program())
    printed = store.record_handout(version.id, paper="a4", large_print=True, file_name="ann.pdf")
    assert store.handouts(version.id) == [printed]
    assert printed.program_version_id == version.id and printed.large_print
    with pytest.raises(ValueError, match="paper"):
        store.record_handout(version.id, paper="legal", large_print=False)


def test_session_logs_round_trip_with_every_set(store: Store) -> None:
    client = store.create_client("Ann Lee")
    version = store.save_program(client.id, factories.program())
    logs = [factories.session_log(dt.date(2025, 3, d), reps=8 + d % 3) for d in (12, 5, 8)]
    saved = [store.save_session(client.id, log, program_version_id=version.id) for log in logs]
    loaded = store.sessions(client.id)
    assert [s.log for s in loaded] == sorted(logs, key=lambda log: log.date)
    assert {s.id for s in loaded} == {s.id for s in saved}
    assert all(s.program_version_id == version.id for s in loaded)
    history = store.client_history(client.id)
    assert history.sessions == loaded
    assert history.latest_program == version
    squat = [p for p in history.progress if p.exercise_id == "goblet_squat"]
    assert [(p.total_reps, p.volume_kg) for p in squat] == [(23, 23 * 4.5)] * 3
    balance = next(p for p in history.progress if p.exercise_id == "tandem_stand")
    assert balance.total_seconds == 53 and balance.volume_kg is None


def test_suggestions_and_outcomes(store: Store) -> None:
    client = store.create_client("Ann Lee")
    version = store.save_program(client.id, factories.program())
    first, second = store.save_suggestions(
        client.id,
        [factories.suggestion(), factories.suggestion("progress:other")],
        program_version_id=version.id,
    )
    assert first.suggestion == factories.suggestion() and first.outcome == "pending"
    newer = store.save_program(
        client.id, factories.program(reps=8), program_id=version.program_id, based_on=1
    )
    accepted = store.record_suggestion_outcome(
        first.id, accepted=True, result_version_id=newer.id, by="Sam"
    )
    assert (accepted.outcome, accepted.decided_by, accepted.result_version_id) == (
        "accepted",
        "Sam",
        newer.id,
    )
    with pytest.raises(ValueError, match="reason"):
        store.record_suggestion_outcome(second.id, accepted=False)
    dismissed = store.record_suggestion_outcome(second.id, accepted=False, reason="knee sore today")
    assert dismissed.outcome_reason == "knee sore today"
    with pytest.raises(ValueError, match="already dismissed"):
        store.record_suggestion_outcome(second.id, accepted=True)
    assert store.suggestions(client.id) == [accepted, dismissed]
    assert store.suggestions(client.id, pending_only=True) == []


def test_audit_log_names_who_did_what(store: Store) -> None:
    client = store.create_client("Ann Lee", by="Front Desk")
    store.save_profile(client.id, factories.profile())
    store.update_client(client.id, client.version, contact="555-0199", by="Sam")
    entries = store.audit_entries(client.id)
    assert [(e.who, e.action, e.entity) for e in entries] == [
        ("Sam", "update", "client"),
        ("Pat Physio", "save", "profile"),
        ("Front Desk", "create", "client"),
    ]
    assert all(e.at.tzinfo is not None for e in entries)


def test_unknown_ids_are_named(store: Store) -> None:
    with pytest.raises(NotFoundError, match="client with id 99"):
        store.get_client(99)
    with pytest.raises(NotFoundError):
        store.save_session(99, factories.session_log())
    client = store.create_client("Ann Lee")
    with pytest.raises(NotFoundError, match="program version"):
        store.save_session(client.id, factories.session_log(), program_version_id=1234)
    assert store.sessions(client.id) == []


def test_synthetic_benchmark_rows_read_back_as_domain_objects(store: Store) -> None:
    from bonecoach.store.synthetic import fill

    assert fill(store.engine, clients=3, sessions_per_client=2, sets_per_entry=3) == 3 * 2 * 5 * 3
    [first, *_] = store.list_clients()
    history = store.client_history(first.id)
    assert len(history.sessions) == 2 and history.latest_program is not None
    assert all(len(e.reps_per_set or ()) == 3 for s in history.sessions for e in s.log.entries)
    assert len(history.progress) == 10
    store.create_client("After The Synthetic Ones")  # ids continue after the explicit ones
