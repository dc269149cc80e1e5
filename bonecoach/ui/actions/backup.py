"""Backup actions (slow: run through ``context.tasks``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bonecoach.ui.context import AppContext


def backup_now(context: AppContext) -> Path:
    """A manual backup into the backup folder; returns the file made."""
    return Path(context.store.backup_now())


def close_store(context: AppContext) -> Path | None:
    """Close the database, taking the on-close backup if anything was saved."""
    made = context.store.close()
    return None if made is None else Path(made)


def restore_backup(backup: Path, database: Path, folder: Path) -> Path | None:
    """Replace a database that cannot be used with a checked backup (the app is not open)."""
    from bonecoach.store.backup import restore

    return restore(backup, database, folder)
