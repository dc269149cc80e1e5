"""Backups of the SQLite database: online backup API, daily automatic copies, rotation, restore.

A backup is made with SQLite's online backup (``sqlite3.Connection.backup``), never by copying
the live file, so a backup taken while the app writes is still a consistent database. Files are
named ``bonecoach-YYYYMMDD-HHMMSS-<reason>.sqlite3`` (UTC). Only automatic backups are rotated
(7 daily, 4 weekly, 12 monthly kept); manual, before-migration and before-restore ones stay
until someone deletes them.

For PostgreSQL, a backup is a whole-clinic JSON export (``.json``, see `server_backup`), named
and rotated the same way. Clinic IT should still run pg_dump on the server; BoneCoach does not
manage the server.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from bonecoach.store.atomic import PART_SUFFIX, claim
from bonecoach.store.errors import BackupError
from bonecoach.store.sqlite_file import (
    check_file,
    connect_read_only,
    create_private_file,
    private_folder,
)

REASONS = ("auto", "manual", "before-migration", "before-restore")
_NAME = re.compile(
    r"^bonecoach-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z-]+)"
    r"(?P<suffix>\.[a-z0-9]+)$"
)
SQLITE_SUFFIX = ".sqlite3"  # a SQLite database file (the backup of a SQLite database)
EXPORT_SUFFIX = ".json"  # a whole-clinic export (the backup of a server database)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str


def list_backups(folder: Path, suffix: str = SQLITE_SUFFIX) -> list[BackupFile]:
    """BoneCoach backups of one kind (file suffix) in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and match["reason"] in REASONS and match["suffix"] == suffix:
            taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
            found.append((taken, int(match["n"] or 0), BackupFile(path, taken, match["reason"])))
    found.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [b for _, _, b in found]


def new_backup_name(folder: Path, reason: str, now: datetime, suffix: str = SQLITE_SUFFIX) -> Path:
    """A free name in ``folder``: two backups in one second get -2, -3, ... not one file."""
    stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    path = folder / f"bonecoach-{stamp}-{reason}{suffix}"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"bonecoach-{stamp}-{n}-{reason}{suffix}"
    return path


def copy_database(source: Path, destination: Path) -> None:
    """Online backup of ``source`` into a new file ``destination`` (atomic rename at the end)."""
    tmp = destination.with_name(destination.name + PART_SUFFIX)
    tmp.unlink(missing_ok=True)
    create_private_file(tmp)
    held = os.open(tmp, os.O_RDONLY)
    try:
        claim(held)  # the next start's clean-up leaves a copy in progress alone
        src = connect_read_only(source)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(tmp, destination)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"Could not back up {source} to {destination}: {exc}") from exc
    finally:
        os.close(held)


def take_backup(
    db_path: Path, folder: Path, reason: str = "manual", now: datetime | None = None
) -> Path:
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    private_folder(folder)
    destination = new_backup_name(folder, reason, now or datetime.now(UTC))
    copy_database(db_path, destination)
    return destination


def backup_to(db_path: Path, out: Path) -> Path:
    """A backup to a file the user chose (``bonecoach backup --out FILE``)."""
    if out.exists():
        raise BackupError(f"{out} already exists; choose a new file name")
    private_folder(out.parent)
    copy_database(db_path, out)
    return out


def automatic_backup_due(folder: Path, today: date, suffix: str = SQLITE_SUFFIX) -> bool:
    return not any(
        b.reason == "auto" and b.taken_at.date() == today for b in list_backups(folder, suffix)
    )


def backups_to_keep(backups: Iterable[BackupFile]) -> set[Path]:
    """Grandfather-father-son: the newest backup of each of the last 7 days, 4 weeks, 12 months."""
    keep: set[Path] = set()
    periods: list[tuple[int, Callable[[date], object]]] = [
        (KEEP_DAILY, lambda d: d),
        (KEEP_WEEKLY, lambda d: d.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda d: (d.year, d.month)),
    ]
    ordered = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    for count, period_of in periods:
        seen: set[object] = set()
        for backup in ordered:
            period = period_of(backup.taken_at.date())
            if period not in seen:
                seen.add(period)
                if len(seen) > count:
                    break
                keep.add(backup.path)
    return keep


def rotate(folder: Path, suffix: str = SQLITE_SUFFIX) -> list[Path]:
    """Delete automatic backups outside the rotation; returns what was deleted."""
    automatic = [b for b in list_backups(folder, suffix) if b.reason == "auto"]
    keep = backups_to_keep(automatic)
    removed = []
    for backup in automatic:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def automatic_backup(
    db_path: Path, folder: Path, *, force: bool = False, now: datetime | None = None
) -> Path | None:
    """The daily backup (on start, and on close after changes), then rotation."""
    now = now or datetime.now(UTC)
    if not force and not automatic_backup_due(folder, now.date()):
        return None
    path = take_backup(db_path, folder, "auto", now)
    rotate(folder)
    return path


def newest_good_backup(folder: Path) -> Path | None:
    for backup in list_backups(folder):
        health = check_file(backup.path)
        if health.ok and health.revision is not None:
            return backup.path
    return None


def check_backup(path: Path) -> str:
    """The schema revision of a usable backup, or BackupError saying what is wrong with it."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    health = check_file(path)
    if not health.ok:
        raise BackupError(f"{path} cannot be restored: {health.problem}")
    if health.revision is None:
        raise BackupError(f"{path} cannot be restored: it is an empty database")
    return health.revision
