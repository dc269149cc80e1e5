"""The SQLite file itself: owner-only creation and a read-only health check.

The check opens the file read-only, so a damaged or foreign database is never written to.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bonecoach.store.models import HEAD_REVISION, KNOWN_REVISIONS

SQLITE_HEADER = b"SQLite format 3\x00"
SIDE_FILES = ("-wal", "-shm", "-journal")


def private_folder(path: Path) -> Path:
    """The folder, created owner-only where missing; an existing folder keeps its mode."""
    from bonecoach.store.atomic import make_folders

    return make_folders(path)


def create_private_file(path: Path) -> None:
    """Create an empty 0600 file if missing. SQLite gives its -wal/-shm files the same mode."""
    private_folder(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for candidate in (path, *(Path(f"{path}{s}") for s in SIDE_FILES)):
        with contextlib.suppress(OSError):
            candidate.chmod(0o600)


def connect_read_only(path: Path, *, untouched: bool = False) -> sqlite3.Connection:
    """A read-only connection. ``untouched``: when no -wal file exists (closed cleanly, no
    other user), open as immutable so not even the -wal/-shm side files get created."""
    query = "mode=ro"
    if untouched and not Path(f"{path}-wal").exists():
        query += "&immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True)


@dataclass(frozen=True)
class FileHealth:
    """``revision`` None means an empty file or no file: a new database."""

    revision: str | None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def needs_migration(self) -> bool:
        return self.ok and self.revision is not None and self.revision != HEAD_REVISION


def check_file(path: Path, *, full: bool = True) -> FileHealth:
    """Is ``path`` a healthy BoneCoach database, and at which schema revision? Read-only."""
    if not path.exists() or (path.stat().st_size == 0 and not Path(f"{path}-wal").exists()):
        return FileHealth(None)
    with path.open("rb") as raw:
        if raw.read(16) != SQLITE_HEADER:
            return FileHealth(None, f"{path} is not a SQLite database (unknown file header)")
    try:
        connection = connect_read_only(path, untouched=True)
        try:
            pragma = "integrity_check" if full else "quick_check"
            lines = [row[0] for row in connection.execute(f"PRAGMA {pragma}").fetchall()]
            if lines != ["ok"]:
                shown = "; ".join(str(line) for line in lines[:3])
                return FileHealth(None, f"{path} failed the SQLite integrity check: {shown}")
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                if not tables:
                    return FileHealth(None)
                return FileHealth(
                    None,
                    f"{path} is not a BoneCoach database (it has tables such as "
                    f"{', '.join(sorted(tables)[:3])} but no BoneCoach schema version)",
                )
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return FileHealth(None, f"{path} cannot be read as a database: {exc}")
    revision = None if row is None else str(row[0])
    if revision not in KNOWN_REVISIONS:
        return FileHealth(
            revision,
            f"{path} has BoneCoach schema version {revision!r}, which this BoneCoach does not "
            "know (made by a newer version?); update BoneCoach to open it",
        )
    missing = {"clients", "session_logs", "program_versions"} - tables
    if missing:
        return FileHealth(revision, f"{path} lacks BoneCoach tables: {', '.join(sorted(missing))}")
    return FileHealth(revision)
