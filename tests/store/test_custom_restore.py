"""Archiving and restoring a custom exercise: version-checked, audited, on both backends;
built-in exercises are never archived or restored."""

from __future__ import annotations

import pytest

from bonecoach.store.errors import NotFoundError, StaleSaveError
from bonecoach.store.store import Store
from tests.store.factories import POSED, custom


def _audit(store: Store) -> list[tuple[str, str, str]]:
    return [
        (a.action, a.detail, a.who) for a in store.audit_entries() if a.entity == "custom_exercise"
    ]


def test_archive_then_restore_round_trip(store: Store) -> None:
    saved = store.save_custom_exercise(custom(), POSED)
    archived = store.archive_custom_exercise("towel_squeeze", expected_version=saved.version)
    assert archived.archived and archived.version == 2
    assert "towel_squeeze" not in store.full_library()
    assert store.custom_exercises() == []

    restored = store.restore_custom_exercise(
        "towel_squeeze", expected_version=archived.version, by="Sam Roe"
    )
    assert not restored.archived and restored.version == 3 and restored.updated_by == "Sam Roe"
    assert store.full_library()["towel_squeeze"] == custom()
    assert [r.id for r in store.custom_exercises()] == ["towel_squeeze"]
    assert restored.picture == POSED and restored.exercise == saved.exercise
    assert _audit(store)[:2] == [
        ("unarchive", "towel_squeeze", "Sam Roe"),
        ("archive", "towel_squeeze", "Pat Physio"),
    ]


def test_a_stale_restore_is_refused_and_nothing_changes(
    store: Store, store_url: str | None
) -> None:
    store.save_custom_exercise(custom(), POSED)
    seen = store.archive_custom_exercise("towel_squeeze")
    other = Store.open(store_url, auto_backup=False, actor="Sam Other")
    try:  # another workstation restores, changes it and archives it again meanwhile
        back = other.restore_custom_exercise("towel_squeeze", expected_version=seen.version)
        changed = other.save_custom_exercise(
            custom(name="Theirs"), POSED, expected_version=back.version
        )
        other.archive_custom_exercise("towel_squeeze", expected_version=changed.version)
    finally:
        other.close(auto_backup=False)
    entries = len(_audit(store))
    with pytest.raises(StaleSaveError, match="Sam Other") as caught:
        store.restore_custom_exercise("towel_squeeze", expected_version=seen.version)
    assert caught.value.current_version == seen.version + 3
    stored = store.custom_exercise("towel_squeeze")
    assert stored.archived and stored.exercise.name == "Theirs"
    assert len(_audit(store)) == entries


def test_restoring_what_is_not_archived_writes_nothing(store: Store) -> None:
    saved = store.save_custom_exercise(custom(), POSED)
    entries = len(_audit(store))
    again = store.restore_custom_exercise("towel_squeeze", expected_version=saved.version)
    assert again.version == saved.version and not again.archived
    assert len(_audit(store)) == entries


@pytest.mark.parametrize("exercise_id", ["sit_to_stand", "no_such_exercise"])
def test_built_in_or_unknown_exercises_are_never_archived_or_restored(
    store: Store, exercise_id: str
) -> None:
    with pytest.raises(NotFoundError, match=f"No custom exercise with id {exercise_id}"):
        store.restore_custom_exercise(exercise_id)
    with pytest.raises(NotFoundError):
        store.archive_custom_exercise(exercise_id)
    assert exercise_id not in {r.id for r in store.custom_exercises(include_archived=True)}
