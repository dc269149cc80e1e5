"""Backups of a server (PostgreSQL) database: whole-clinic JSON exports, and restoring one.

SQLite backups are database files (see `backup`); a server database cannot be copied that way
from a workstation, so its backup is the clinic export: every client with all its history and
every custom exercise, in the validated client-file format. Automatic ones are taken once a day
on start and on close after changes, named and rotated like the SQLite backups.

Restoring checks the whole file first, keeps the current data as a ``before-restore`` export,
then replaces every client and custom exercise in one transaction: all of the file or nothing.
The audit log and the therapist list are kept (the trail of what happened, restore included).
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, update
from sqlalchemy.exc import SQLAlchemyError

from bonecoach.store.backup import SERVER, automatic_backup_due, rotate
from bonecoach.store.document import ClientDocument, CustomExerciseEntry
from bonecoach.store.errors import BackupError, ImportProblem
from bonecoach.store.exchange import (
    export_all_to_folder,
    read_archived_custom_ids,
    read_clinic_custom_exercises,
    read_clinic_export,
)
from bonecoach.store.importer import add_custom_exercises, insert_document
from bonecoach.store.models import ClientRow, CustomExerciseRow, utcnow

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from bonecoach.store.exchange import Progress
    from bonecoach.store.service import Store


def automatic_server_backup(
    engine: Engine,
    folder: Path,
    *,
    force: bool = False,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> Path | None:
    """The daily export (on start, and on close after changes), then rotation."""
    now = now or datetime.now(UTC)
    if not force and not automatic_backup_due(folder, now.date(), SERVER):
        return None
    path = export_all_to_folder(engine, folder, "auto", now, progress)
    rotate(folder, SERVER)
    return path


def restore_clinic_export(store: Store, backup: Path, folder: Path) -> tuple[Path, int]:
    """Replace every client and custom exercise with the export's; ImportProblem (and nothing
    changed) if any part of the file is wrong. Returns (where the data as it was is kept, how
    many clients were restored)."""
    documents = read_clinic_export(backup)
    customs = read_clinic_custom_exercises(backup)
    archived = read_archived_custom_ids(backup)
    _check_unique(backup, documents, customs)
    kept = export_all_to_folder(store.engine, folder, "before-restore")
    try:
        _replace_everything(store, backup, documents, customs, archived, kept)
    except SQLAlchemyError as exc:
        raise BackupError(
            f"Restoring {backup} failed, so nothing was changed: {exc.__class__.__name__}: "
            f"{str(exc).splitlines()[0]}. The data as it was is also kept in {kept}"
        ) from exc
    return kept, len(documents)


def _check_unique(
    backup: Path, documents: list[ClientDocument], customs: list[CustomExerciseEntry]
) -> None:
    """What the database would refuse half-way, refused before anything is written."""
    problems = []
    clinic_ids = Counter(d.client.clinic_id for d in documents if d.client.clinic_id)
    problems += [
        f"clients: clinic id {cid!r} is used by {n} clients"
        for cid, n in clinic_ids.items()
        if n > 1
    ]
    exercise_ids = Counter(e.exercise.id for e in customs)
    problems += [
        f"custom_exercises: {eid!r} is listed {n} times" for eid, n in exercise_ids.items() if n > 1
    ]
    if problems:
        raise ImportProblem(str(backup), problems)


def _replace_everything(
    store: Store,
    backup: Path,
    documents: list[ClientDocument],
    customs: list[CustomExerciseEntry],
    archived: list[str],
    kept: Path,
) -> None:
    who, now = store.actor, utcnow()
    with store._writing() as session:
        # Profiles, programs, sessions and suggestions go with their client (ON DELETE CASCADE).
        session.execute(delete(ClientRow))
        session.execute(delete(CustomExerciseRow))
        add_custom_exercises(session, customs, str(backup), who, now)
        for document in documents:
            insert_document(
                session, store, document, clinic_id=document.client.clinic_id, who=who, now=now
            )
        if archived:
            session.execute(
                update(CustomExerciseRow)
                .where(CustomExerciseRow.id.in_(archived))
                .values(archived=True)
            )
        store._audit(
            session,
            who,
            "restore",
            "database",
            None,
            None,
            f"restored {len(documents)} client(s) from {backup.name}; the data as it was "
            f"is kept in {kept.name}",
        )
