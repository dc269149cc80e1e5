"""The clinic's library: the shipped exercises plus the clinic's own, with their pictures.

One value holds what the screens, the handout and the command line all need (the exercises,
their posed illustrations, the photos of custom exercises), assembled in one place
(``open_clinic_library``) instead of once per face. The app owns one; its screens read it on
the UI thread, so it is changed only there (``apply``); a worker works out a
``LibraryUpdate`` and hands it over.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bonecoach.program.library import Library

if TYPE_CHECKING:
    from bonecoach.store.records import CustomExerciseRecord
    from bonecoach.store.store import Store


@dataclass(frozen=True)
class LibraryUpdate:
    """A new library and the pictures to add, worked out anywhere, applied on the UI thread."""

    library: Library
    illustrations: dict[str, Any]
    photos: dict[str, bytes]


@dataclass
class ClinicLibrary:
    """The exercises, their illustrations (pose data by id) and custom exercises' photos."""

    library: Library
    illustrations: dict[str, Any] = field(default_factory=dict)
    photos: dict[str, bytes] = field(default_factory=dict)
    custom_pictures_loaded: bool = False

    def load_custom_pictures(self, store: Store) -> None:
        """Add the stored custom exercises' pictures (archived ones too: an old program
        still prints them), once."""
        if self.custom_pictures_loaded:
            return
        records = {r.id: r for r in store.custom_exercises(include_archived=True)}
        illustrations, photos = record_pictures(records, self.illustrations)
        self.illustrations.update(illustrations)
        self.photos.update(photos)
        self.custom_pictures_loaded = True

    def update_from(self, store: Store) -> LibraryUpdate:
        """After custom exercises changed elsewhere (a client import, a restore, the library
        manager, another workstation): the library and pictures to put in. The same rule as
        opening (``Store.full_library``: a shipped exercise wins an id clash, an archived or
        deleted custom exercise leaves). Reads only: safe on a worker thread."""
        library = store.full_library()
        records = {r.id: r for r in store.custom_exercises() if r.id in library}
        illustrations, photos = record_pictures(records, self.illustrations)
        return LibraryUpdate(library, illustrations, photos)

    def apply(self, update: LibraryUpdate) -> None:
        """Put ``update`` in. Screens read the library on the UI thread, so it is written
        only there (a worker's write would race their reads)."""
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("the app's library is changed only on the UI thread")
        self.library = update.library  # one assignment: a reader sees old or new, never half
        self.illustrations.update(update.illustrations)
        self.photos.update(update.photos)


def record_pictures(
    records: Mapping[str, CustomExerciseRecord], shipped: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, bytes]]:
    """(illustrations, photos) of stored custom exercises; ``shipped`` are the illustrations
    that "same_as" pictures borrow."""
    from bonecoach.art.custom import custom_illustrations
    from bonecoach.store.records import record_photos

    pictures = {i: r.picture for i, r in records.items()}
    return custom_illustrations(pictures, shipped), record_photos(records.values())


def shipped_illustrations() -> dict[str, Any]:
    """The shipped exercises' pose data (empty when the drawing package cannot load)."""
    try:
        from bonecoach.art import load_illustrations
    except ImportError:
        return {}
    return dict(load_illustrations())


def open_clinic_library(store: Store, *, include_archived: bool = False) -> ClinicLibrary:
    """The shipped library plus the clinic's custom exercises from the database, with the
    shipped illustrations. A custom_library folder left by an earlier BoneCoach is moved into
    the database first, once. ``include_archived``: archived custom exercises too, and their
    pictures loaded now (a printout of an old program still finds them)."""
    from bonecoach.store.legacy_custom import import_legacy_folder

    import_legacy_folder(store)
    clinic = ClinicLibrary(
        store.full_library(include_archived=include_archived), shipped_illustrations()
    )
    if include_archived:
        clinic.load_custom_pictures(store)
    return clinic
