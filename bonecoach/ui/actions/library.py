"""Custom exercises: kept in the database (``Store.custom_exercises``), so backups, the
clinic's server and client exports carry them like any other record.

Each has its picture: a posed illustration (``start``/``end`` base poses of
``bonecoach.art``), a photo stored with it, or the illustration of the exercise it was
duplicated from. Earlier versions kept them as TOML files in ``data_dir()/custom_library/``;
``load_full_library`` moves such a folder into the database once (see ``legacy_folder``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bonecoach.program.exercise import Exercise
from bonecoach.program.library import Library
from bonecoach.program.picture import CustomPicture

if TYPE_CHECKING:
    from bonecoach.store.records import CustomExerciseRecord
    from bonecoach.store.service import Store

__all__ = [
    "CustomPicture",
    "archive_custom",
    "custom_records",
    "ensure_custom_pictures",
    "load_full_library",
    "restore_custom",
    "save_custom",
]

log = logging.getLogger(__name__)


def custom_records(store: Store, *, include_archived: bool = False) -> dict[str, Any]:
    """The stored custom exercises by id (CustomExerciseRecord: exercise, picture, photo,
    version for the next save)."""
    return {r.id: r for r in store.custom_exercises(include_archived=include_archived)}


def load_full_library(store: Store, *, include_archived: bool = False) -> Library:
    """The shipped library plus the clinic's custom exercises from the database.

    A custom_library folder left by an earlier BoneCoach is moved into the database first,
    once. ``include_archived``: also archived custom exercises (a printout of an old program
    still finds them).
    """
    from bonecoach.store.legacy_custom import import_legacy_folder

    import_legacy_folder(store)
    return store.full_library(include_archived=include_archived)


def record_pictures(
    records: Mapping[str, CustomExerciseRecord], shipped: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, bytes]]:
    """(illustrations, photos) of stored custom exercises; ``shipped`` are the illustrations
    that "same_as" pictures borrow."""
    from bonecoach.art.custom import custom_illustrations
    from bonecoach.store.records import record_photos

    pictures = {i: r.picture for i, r in records.items()}
    return custom_illustrations(pictures, shipped), record_photos(records.values())


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


def ensure_custom_pictures(context: Any) -> None:
    """Put the custom exercises' pictures into the app context once (illustrations for the
    screen and the handout, photos for the screen and the handout)."""
    if context.extras.get("custom_pictures_loaded"):
        return
    records = custom_records(context.store, include_archived=True)
    illustrations, photos = record_pictures(records, context.illustrations)
    context.illustrations.update(illustrations)
    context.extras.setdefault("photos", {}).update(photos)
    context.extras["custom_pictures_loaded"] = True


@dataclass(frozen=True)
class CustomLibraryUpdate:
    """A new library and the pictures to add, worked out anywhere, applied on the UI thread."""

    library: Library
    illustrations: dict[str, Any]
    photos: dict[str, bytes]


def custom_library_update(context: Any) -> CustomLibraryUpdate:
    """After custom exercises arrived from elsewhere (a client import, a restore): the library
    and pictures to put in. Reads the store and the context, writes nothing: safe on a worker."""
    records = custom_records(context.store)
    shipped = [e for e in context.library.values() if e.id not in records]
    illustrations, photos = record_pictures(records, context.illustrations)
    library = Library([*shipped, *(r.exercise for r in records.values())])
    return CustomLibraryUpdate(library, illustrations, photos)


def apply_custom_library_update(context: Any, update: CustomLibraryUpdate) -> None:
    """Put ``update`` into the app's library and pictures. Screens read these on the UI
    thread, so they are written only there (a worker's write would race their reads)."""
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("the app's library is changed only on the UI thread")
    context.library = update.library  # one assignment: a reader sees old or new, never half
    context.illustrations.update(update.illustrations)
    context.extras.setdefault("photos", {}).update(update.photos)


def reload_custom_exercises(context: Any) -> None:
    """Rebuild the app's library with the stored custom exercises (UI thread only)."""
    apply_custom_library_update(context, custom_library_update(context))
