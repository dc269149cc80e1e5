"""Backups of a server (PostgreSQL) database: whole-clinic JSON exports, and restoring one.

SQLite backups are database files (see `backup`); a server database cannot be copied that way
from a workstation, so its backup is the clinic export: every client with all its history,
every custom exercise and every clinic template, in the validated client-file format.
Automatic ones are taken once a day on start and on close after changes, named and rotated
like the SQLite backups.

Restoring checks the whole file first, keeps the current data as a ``before-restore`` export,
then replaces every client, custom exercise and clinic template in one transaction: all of the
file or nothing. The restore holds the database alone from before that export to the end (a
lock every save takes shared), so a save from another workstation is either in the export or
waits and lands after the restore: none is lost between the two. The audit log and the
therapist list are kept (the trail of what happened, restore included). Restored clients get
new ids, so older audit entries name them by their old ids; clients' and custom exercises'
created and updated stamps become the restore's, while profiles, programs and sessions keep
their own saved-at and saved-by.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, update
from sqlalchemy.exc import SQLAlchemyError

from bonecoach.store.backup import EXPORT_SUFFIX, automatic_backup_due, rotate
from bonecoach.store.clinic_file import ClinicFile, read_clinic_file
from bonecoach.store.errors import BackupError
from bonecoach.store.exchange import export_all_to_folder
from bonecoach.store.importer import add_clinic_templates, add_custom_exercises, insert_document
from bonecoach.store.models import ClientRow, ClinicTemplateRow, CustomExerciseRow, utcnow

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from bonecoach.store.exchange import Progress
    from bonecoach.store.store import Store


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
    if not force and not automatic_backup_due(folder, now.date(), EXPORT_SUFFIX):
        return None
    path = export_all_to_folder(engine, folder, "auto", now, progress)
    rotate(folder, EXPORT_SUFFIX)
    return path


def restore_clinic_export(
    store: Store, backup: Path, folder: Path, progress: Progress | None = None
) -> tuple[Path, int]:
    """Replace every client and custom exercise with the export's; ImportProblem (and nothing
    changed) if any part of the file is wrong, BackupError if the current data cannot be kept
    first or the replacing fails. Returns (where the data as it was is kept, how many clients
    were restored). ``progress(done, total)``: per client, keeping and then restoring."""
    clinic = read_clinic_file(backup)
    kept: Path | None = None
    try:
        with store._writing(whole_database=True) as session:
            # from here no save can come in until the restore ends: the copy below holds
            # everything saved before, and nothing is saved between it and the replacing
            try:
                kept = export_all_to_folder(
                    store.engine, folder, "before-restore", progress=progress
                )
            except (OSError, SQLAlchemyError) as exc:
                raise BackupError(
                    "The records as they are could not be kept before restoring "
                    f"({_first_line(exc)}); nothing was changed."
                ) from exc
            _replace_everything(session, store, backup, clinic, kept, progress)
    except SQLAlchemyError as exc:
        also = "" if kept is None else f" The data as it was is also kept in {kept}"
        raise BackupError(
            f"Restoring {backup} failed, so nothing was changed: {_first_line(exc)}.{also}"
        ) from exc
    assert kept is not None
    return kept, len(clinic.clients)


def _first_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0]}"


def _replace_everything(
    session: Session,
    store: Store,
    backup: Path,
    clinic: ClinicFile,
    kept: Path,
    progress: Progress | None,
) -> None:
    who, now = store.actor, utcnow()
    # Profiles, programs, sessions and suggestions go with their client (ON DELETE CASCADE).
    session.execute(delete(ClientRow))
    session.execute(delete(CustomExerciseRow))
    session.execute(delete(ClinicTemplateRow))
    add_custom_exercises(session, clinic.every_custom_exercise(), str(backup), who, now)
    add_clinic_templates(session, clinic.clinic_templates, str(backup), who, now)
    total = len(clinic.clients)
    for done, document in enumerate(clinic.clients):
        if progress is not None:
            progress(done, total)
        insert_document(
            session,
            store,
            document,
            clinic_id=document.client.clinic_id,
            who=who,
            now=now,
            with_custom_exercises=False,  # all of them were added above, once
        )
    archived = clinic.archived_custom_exercises
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
        f"restored {total} client(s) from {backup.name}; the data as it was is kept in {kept.name}",
    )
