"""What every operation works on: the open store, the settings, the clinic's library and
who is at the desk. The app's context is one (adding its task runner and error reporter);
the command line builds one per command."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bonecoach.app.clinic_library import ClinicLibrary
    from bonecoach.program.library import Library
    from bonecoach.store.settings import Settings
    from bonecoach.store.store import Store


@dataclass(kw_only=True)
class Workspace:
    store: Store
    settings: Settings
    clinic_library: ClinicLibrary
    therapist_name: str | None = None

    @property
    def library(self) -> Library:
        return self.clinic_library.library

    @library.setter
    def library(self, library: Library) -> None:
        self.clinic_library.library = library

    @property
    def illustrations(self) -> dict[str, Any]:
        return self.clinic_library.illustrations

    @property
    def photos(self) -> dict[str, bytes]:
        return self.clinic_library.photos

    @property
    def acting_therapist(self) -> str:
        """Who the records name as doing this: the therapist at the desk, else the default."""
        return self.therapist_name or self.settings.default_therapist or ""
