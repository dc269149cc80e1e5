"""Custom exercises in the database: validated at the door, saved with a version check, kept
out of the shipped ids, carried by client export/import, and migrated from the old folder."""

from __future__ import annotations

import struct
import zlib
from typing import Any

import pytest

from bonecoach.program.exercise import Exercise
from bonecoach.program.picture import MAX_BYTES, CustomPicture
from bonecoach.store.custom_ops import shipped_library
from bonecoach.store.errors import InvalidExercise, StaleSaveError
from bonecoach.store.service import Store


def png(width: int = 8, height: int = 6) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    rows = b"".join(b"\x00" + bytes(width) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def custom(exercise_id: str = "towel_squeeze", **changes: Any) -> Exercise:
    """A custom copy of a shipped exercise under a new id (ladder links dropped)."""
    base = shipped_library()["sit_to_stand"].model_dump(mode="json")
    base.update(id=exercise_id, name="Sit to stand, slow lowering", easier=None, harder=None)
    base.update(changes)
    return Exercise.model_validate(base)


POSED = CustomPicture("poses", start="sit_chair", end="stand")


def test_round_trip_with_picture_photo_and_audit(store: Store) -> None:
    saved = store.save_custom_exercise(custom(), POSED)
    assert (saved.version, saved.created_by, saved.archived) == (1, "Pat Physio", False)
    [again] = store.custom_exercises()
    assert again.exercise == custom() and again.picture == POSED and again.photo is None

    photo = png()
    changed = store.save_custom_exercise(
        custom(name="Towel squeeze"), CustomPicture("photo"), photo, expected_version=1
    )
    assert changed.version == 2
    stored = store.custom_exercise("towel_squeeze")
    assert stored.exercise.name == "Towel squeeze"
    assert stored.photo == photo and stored.picture.photo == "image/png"
    # a later text change keeps the stored photo
    kept = store.save_custom_exercise(custom(), CustomPicture("photo"), expected_version=2)
    assert kept.photo == photo
    duplicate = store.save_custom_exercise(
        custom("bridge_copy"), CustomPicture("same_as", same_as="bridge")
    )
    assert duplicate.picture.same_as == "bridge"

    archived = store.archive_custom_exercise("towel_squeeze")
    assert archived.archived and archived.version == 4
    assert [r.id for r in store.custom_exercises()] == ["bridge_copy"]
    assert {r.id for r in store.custom_exercises(include_archived=True)} == {
        "bridge_copy",
        "towel_squeeze",
    }
    actions = [
        (a.action, a.detail.split(":")[0])
        for a in store.audit_entries()
        if a.entity == "custom_exercise"
    ]
    assert actions[0] == ("archive", "towel_squeeze")
    assert ("create", "towel_squeeze") in actions and ("update", "towel_squeeze") in actions


def test_stale_save_is_refused_and_nothing_changes(store: Store, store_url: str | None) -> None:
    store.save_custom_exercise(custom(), POSED)
    other = Store.open(store_url, auto_backup=False, actor="Sam Other")
    try:
        other.save_custom_exercise(custom(name="Their version"), POSED, expected_version=1)
    finally:
        other.close(auto_backup=False)
    with pytest.raises(StaleSaveError, match="Sam Other") as caught:
        store.save_custom_exercise(custom(name="My version"), POSED, expected_version=1)
    assert caught.value.current_version == 2
    assert store.custom_exercise("towel_squeeze").exercise.name == "Their version"
    # adding a second one under the same id is refused too, naming the id
    with pytest.raises(InvalidExercise, match="id: already used"):
        store.save_custom_exercise(custom(name="Another"), POSED)


def test_clash_with_a_shipped_id_is_refused(store: Store) -> None:
    with pytest.raises(InvalidExercise, match="'sit_to_stand' is a built-in exercise"):
        store.save_custom_exercise(custom("sit_to_stand"), POSED)
    assert store.custom_exercises() == []


def test_domain_rules_and_links_name_their_field(store: Store) -> None:
    raw = custom().model_dump(mode="json")
    raw.update(fall_risk="high", support_variant=None, harder="no_such_thing")
    with pytest.raises(InvalidExercise) as caught:
        store.save_custom_exercise(raw, POSED)
    assert [f for f, _p in caught.value.problems] == ["support_variant"]
    with pytest.raises(InvalidExercise) as caught:
        store.save_custom_exercise(custom(harder="no_such_thing"), POSED)
    assert caught.value.problems == [
        ("harder", "no exercise with id 'no_such_thing' in the library")
    ]
    with pytest.raises(InvalidExercise, match=r"picture\.start"):
        store.save_custom_exercise(custom(), {"kind": "poses", "start": "Not A Pose"})
    assert store.custom_exercises() == []


def test_photo_type_and_size_limits(store: Store) -> None:
    with pytest.raises(InvalidExercise, match=r"picture\.photo: the file is not a PNG or JPEG"):
        store.save_custom_exercise(custom(), CustomPicture("photo"), b"%PDF-1.7")
    too_big = png() + b"\x00" * MAX_BYTES
    with pytest.raises(InvalidExercise, match=r"the limit is 8\.0 MB"):
        store.save_custom_exercise(custom(), CustomPicture("photo"), too_big)
    with pytest.raises(InvalidExercise, match="15000 x 2000 pixels"):
        store.save_custom_exercise(custom(), CustomPicture("photo"), png(15000, 2000))
    with pytest.raises(InvalidExercise, match="choose a photo file"):
        store.save_custom_exercise(custom(), CustomPicture("photo"))
    assert store.custom_exercises() == []
