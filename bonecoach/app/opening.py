"""Opening everything the app needs (runs on a worker thread after the window is shown).

Importing SQLAlchemy and pydantic and checking the database take most of a second on a slow
clinic PC, several times a bare window's start, so none of it happens before the first paint.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bonecoach.app.clinic_library import ClinicLibrary
    from bonecoach.store.settings import Settings
    from bonecoach.store.store import Store

log = logging.getLogger(__name__)


@dataclass
class Opened:
    store: Store
    clinic_library: ClinicLibrary
    settings: Settings
    settings_problem: str | None
    first_run: bool
    seconds: float


def open_everything(url: str | None = None) -> Opened:
    """Settings, database (checked, backed up, migrated), library and illustrations.

    Raises the store's DatabaseProblem when the database must not be used.
    """
    start = time.perf_counter()
    from bonecoach.app.clinic_library import open_clinic_library
    from bonecoach.store.settings import load_settings, settings_path
    from bonecoach.store.store import Store

    first_settings = not settings_path().exists()
    loaded = load_settings()
    store = Store.open(
        url,
        settings=loaded.settings,
        actor=loaded.settings.default_therapist,
        server_backup_later=True,  # Starter.opened runs it in the background
    )
    clinic = open_clinic_library(store)
    first_run = first_settings and not store.list_clients(include_archived=True)
    seconds = time.perf_counter() - start
    log.info("opened %s and %d exercises in %.2f s", store.url, len(clinic.library), seconds)
    return Opened(
        store=store,
        clinic_library=clinic,
        settings=loaded.settings,
        settings_problem=loaded.problem,
        first_run=first_run,
        seconds=seconds,
    )


def restore_newest(problem: Any) -> Path | None:
    """Replace the broken database with the newest good backup; returns where it was kept."""
    from bonecoach.app.backup import restore_backup

    folder = problem.newest_backup.parent
    return restore_backup(problem.newest_backup, problem.path, folder)
