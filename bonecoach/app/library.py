"""Custom exercises: kept in the database (``Store.custom_exercises``), so backups, the
clinic's server and client exports carry them like any other record.

Each has its picture: a posed illustration (``start``/``end`` base poses of
``bonecoach.art``), a photo stored with it, or the illustration of the exercise it was
duplicated from. Earlier versions kept them as TOML files in ``data_dir()/custom_library/``;
``open_clinic_library`` (bonecoach.app.clinic_library) moves such a folder into the database
once, and holds the library with the pictures.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bonecoach.program.exercise import Exercise
from bonecoach.program.picture import CustomPicture

if TYPE_CHECKING:
    from bonecoach.app.workspace import Workspace
    from bonecoach.store.records import CustomExerciseRecord
    from bonecoach.store.store import Store

__all__ = [
    "CustomPicture",
    "archive_custom",
    "custom_exercise",
    "custom_records",
    "reload_custom_exercises",
    "restore_custom",
    "save_custom",
]

log = logging.getLogger(__name__)


def custom_records(store: Store, *, include_archived: bool = False) -> dict[str, Any]:
    """The stored custom exercises by id (CustomExerciseRecord: exercise, picture, photo,
    version for the next save)."""
    return {r.id: r for r in store.custom_exercises(include_archived=include_archived)}


def custom_exercise(store: Store, exercise_id: str) -> CustomExerciseRecord:
    """One stored custom exercise as it is now (NotFoundError if there is none)."""
    return store.custom_exercise(exercise_id)


def save_custom(
    store: Store,
    exercise: Exercise,
    picture: CustomPicture,
    photo_bytes: bytes | None = None,
    expected_version: int | None = None,
    *,
    by: str | None = None,
) -> CustomExerciseRecord:
    """Add (``expected_version`` None) or change one custom exercise. The store validates
    it (InvalidExercise names each field) and refuses a stale save (StaleSaveError)."""
    if picture.kind == "poses":
        _check_poses(exercise.id, picture)
    return store.save_custom_exercise(exercise, picture, photo_bytes, expected_version, by=by)


def _check_poses(exercise_id: str, picture: CustomPicture) -> None:
    """The store knows pose names only as words; the figure renderer knows which exist."""
    from bonecoach.art.presets import BASES
    from bonecoach.store.errors import InvalidExercise

    wrong = [
        (f"picture.{end}", f"unknown pose '{name}' (choose one of {', '.join(BASES)})")
        for end, name in (("start", picture.start), ("end", picture.end))
        if name not in BASES
    ]
    if wrong:
        raise InvalidExercise(exercise_id, wrong)


def archive_custom(
    store: Store, exercise_id: str, *, expected_version: int | None = None, by: str | None = None
) -> Any:
    """Take a custom exercise out of the library; it stays stored (and exported).
    ``expected_version``: the version shown (StaleSaveError if someone changed it since)."""
    return store.archive_custom_exercise(exercise_id, expected_version=expected_version, by=by)


def restore_custom(
    store: Store, exercise_id: str, *, expected_version: int | None = None, by: str | None = None
) -> CustomExerciseRecord:
    """Put an archived custom exercise back in the library (same check as archiving)."""
    return store.restore_custom_exercise(exercise_id, expected_version=expected_version, by=by)


def reload_custom_exercises(workspace: Workspace) -> None:
    """Rebuild the library with the stored custom exercises (UI thread only in the app)."""
    workspace.clinic_library.apply(workspace.clinic_library.update_from(workspace.store))
