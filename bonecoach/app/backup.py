"""Backup actions (slow: run through ``context.tasks``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bonecoach.app.workspace import Workspace
    from bonecoach.store.exchange import Progress


def backup_now(context: Workspace) -> Path:
    """A manual backup into the backup folder; returns the file made."""
    return Path(context.store.backup_now())


def close_store(context: Workspace, progress: Progress | None = None) -> Path | None:
    """Close the database, taking the on-close backup if anything was saved
    (``progress(done, total)`` per client while a server database is exported)."""
    made = context.store.close(progress=progress)
    return None if made is None else Path(made)


def restore_backup(backup: Path, database: Path, folder: Path) -> Path | None:
    """Replace a database that cannot be used with a checked backup (the app is not open)."""
    from bonecoach.store.sqlite_restore import restore

    return restore(backup, database, folder)


def clients_in_export(backup: Path) -> int:
    """How many clients a clinic export holds, the whole file checked (ImportProblem if not)."""
    from bonecoach.store.clinic_file import read_clinic_file

    return len(read_clinic_file(backup).clients)


def restore_into_open_store(
    context: Workspace, backup: Path, progress: Progress | None = None
) -> Path | None:
    """Close the database, restore ``backup`` into it (the current one is kept as a backup
    first) and open it again as ``context.store``; returns where the old database was kept.
    A server database stays open: the clinic export replaces every client in one transaction.

    The backup is checked before anything is closed, so a bad file changes nothing; if the
    restore itself fails, the database is reopened as it is and the error raised.
    """
    from bonecoach.store.backup import check_backup
    from bonecoach.store.errors import BackupError
    from bonecoach.store.sqlite_restore import restore
    from bonecoach.store.store import Store

    path, folder = context.store.sqlite_path, context.store.backup_folder
    if folder is None:
        raise BackupError("No backup folder is set (Settings).")
    if path is None:  # a server database: its backups are clinic exports
        from bonecoach.store.server_backup import restore_clinic_export

        kept, _count = restore_clinic_export(context.store, backup, folder, progress)
        return kept
    check_backup(backup)
    actor = context.store.actor
    context.store.close(auto_backup=False)
    try:
        return restore(backup, path, folder)
    finally:  # reopen whatever is there now, so the app keeps working either way
        context.store = Store.open(settings=context.settings, actor=actor)


def audit_mark(context: Workspace) -> Any:
    """The newest audit entry now (remembered to notice a restore made elsewhere)."""
    from bonecoach.store.restore_watch import newest_mark

    return newest_mark(context.store)


def restore_since(context: Workspace, seen: Any) -> tuple[Any, Any]:
    """(the newest audit mark, the latest restore made after ``seen``, or None)."""
    from bonecoach.store.restore_watch import restore_since as since

    return since(context.store, seen)
