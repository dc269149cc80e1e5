"""Restoring a backup into a SQLite database other windows or workstations may be using.

``restore`` is the one entry: a healthy current database is restored in place (below); a
damaged or missing one is replaced by a copy of the backup.

Copying the current database aside and then overwriting the file used to leave a gap: a
session saved between the copy and the overwrite was acknowledged and then lost. Here the
restore holds the database's write lock from before the copy until the restored records are
in: other savers wait (and retry), and everything they saved before the lock is in the
before-restore copy. The records are replaced inside one transaction, so a crash leaves the
old database or the restored one, never half of each.

The backup is first copied to a private staging file and migrated to this version's schema;
every table and column the schema needs must then be there (a backup missing a table is
refused before anything changes).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bonecoach.store.atomic import PART_SUFFIX, claim
from bonecoach.store.errors import BackupError
from bonecoach.store.models import HEAD_REVISION
from bonecoach.store.sqlite_file import (
    SIDE_FILES,
    check_file,
    connect_read_only,
    create_private_file,
    private_folder,
)

LOCK_WAIT_SECONDS = 30  # a save in progress elsewhere finishes first


def _columns(connection: sqlite3.Connection, schema: str) -> dict[str, list[str]]:
    tables = [
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {
        table: [row[1] for row in connection.execute(f'PRAGMA {schema}.table_info("{table}")')]
        for table in tables
    }


def schema_problems(needed: dict[str, list[str]], found: dict[str, list[str]]) -> list[str]:
    problems = []
    for table, columns in needed.items():
        if table not in found:
            problems.append(f"table {table} is missing")
            continue
        missing = [c for c in columns if c not in found[table]]
        if missing:
            problems.append(f"table {table} lacks column(s) {', '.join(missing)}")
    return problems


def staged_copy(backup: Path, folder: Path) -> Path:
    """A private copy of the backup, migrated to this version's schema."""
    from bonecoach.store.backup import copy_database
    from bonecoach.store.database import make_engine
    from bonecoach.store.migrate import upgrade_to_head

    fd, name = tempfile.mkstemp(dir=folder, prefix=".restore-", suffix=PART_SUFFIX)
    os.close(fd)
    staged = Path(name)
    staged.unlink()
    copy_database(backup, staged)
    engine = make_engine(f"sqlite:///{staged}")
    try:
        upgrade_to_head(engine)
    except Exception as exc:
        staged.unlink(missing_ok=True)
        raise BackupError(f"{backup} cannot be restored: its schema could not be read") from exc
    finally:
        engine.dispose()
    return staged


def check_records(backup: Path, staged: Path) -> None:
    """Records every later command would fail on are refused now, not after the replace."""
    from bonecoach.store.backup_contents import record_problems, summary

    problems = record_problems(staged)
    if problems:
        raise BackupError(f"{backup} cannot be restored (nothing was changed): {summary(problems)}")


def restore_in_place(backup: Path, db_path: Path, folder: Path, who: str = "") -> Path:
    """Replace the records of the healthy database ``db_path`` with the backup's, holding its
    write lock from the before-restore copy to the end. Returns the before-restore copy."""
    from bonecoach.store.backup import take_backup
    from bonecoach.store.sqlite_file import private_folder

    private_folder(folder)
    staged = staged_copy(backup, folder)
    held = os.open(staged, os.O_RDONLY)
    try:
        claim(held)
        lock = sqlite3.connect(db_path, isolation_level=None, timeout=LOCK_WAIT_SECONDS)
        try:
            lock.execute("PRAGMA foreign_keys = OFF")  # the tables are refilled in any order
            lock.execute("ATTACH DATABASE ? AS restored", (str(staged),))
            needed = _columns(lock, "main")
            problems = schema_problems(needed, _columns(lock, "restored"))
            if problems:
                raise BackupError(
                    f"{backup} cannot be restored (nothing was changed): {'; '.join(problems)}"
                )
            check_records(backup, staged)
            lock.execute("BEGIN IMMEDIATE")  # from here on no other save can come in
            try:
                kept = take_backup(db_path, folder, "before-restore")  # reads are allowed
                _replace_records(lock, needed)
                lock.execute(
                    "INSERT INTO main.audit_log (at, who, action, entity, entity_id, client_id,"
                    " detail) VALUES (?, ?, 'restore', 'database', NULL, NULL, ?)",
                    (datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.000000"), who, backup.name),
                )
                lock.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    lock.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise BackupError(f"Restoring {backup} failed (nothing was changed): {exc}") from exc
        finally:
            lock.close()
    finally:
        os.close(held)
        staged.unlink(missing_ok=True)
    return kept


def _replace_records(lock: sqlite3.Connection, tables: dict[str, list[str]]) -> None:
    for table, columns in tables.items():
        listed = ", ".join(f'"{c}"' for c in columns)
        lock.execute(f'DELETE FROM main."{table}"')
        lock.execute(
            f'INSERT INTO main."{table}" ({listed}) SELECT {listed} FROM restored."{table}"'
        )
    has_sequence = lock.execute(
        "SELECT 1 FROM restored.sqlite_master WHERE name = 'sqlite_sequence'"
    ).fetchone()
    if has_sequence:
        lock.execute("DELETE FROM main.sqlite_sequence")
        lock.execute("INSERT INTO main.sqlite_sequence SELECT * FROM restored.sqlite_sequence")


def restore(backup: Path, db_path: Path, folder: Path) -> Path | None:
    """Replace the database with ``backup`` after checking it.

    A healthy database at this version's schema is restored in place, holding its write lock
    from the before-restore copy to the end (restore_in_place): saves made meanwhile by other
    windows wait, none is lost. A damaged one is renamed aside (the backup API cannot read
    it) and the backup copied in. Returns where the current database was kept.
    """
    from bonecoach.store.backup import check_backup, take_backup

    check_backup(backup)
    kept: Path | None = None
    if db_path.exists() and db_path.stat().st_size > 0:
        health = check_file(db_path)
        if health.ok and health.revision == HEAD_REVISION:
            return restore_in_place(backup, db_path, folder)
    # the backup's records are checked (in a staged copy) before anything is moved
    private_folder(folder)
    staged = staged_copy(backup, folder)
    try:
        check_records(backup, staged)
    finally:
        staged.unlink(missing_ok=True)
    if db_path.exists() and db_path.stat().st_size > 0:
        if health.ok:
            kept = take_backup(db_path, folder, "before-restore")
        else:
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
            kept = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
            db_path.rename(kept)
            for suffix in SIDE_FILES:
                side = Path(f"{db_path}{suffix}")
                if side.exists():
                    side.rename(Path(f"{kept}{suffix}"))
    create_private_file(db_path)
    try:
        src = connect_read_only(backup)
        dst = sqlite3.connect(db_path)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=WAL")
        finally:
            dst.close()
            src.close()
    except sqlite3.Error as exc:
        raise BackupError(
            f"Restoring {backup} failed: {exc}. The previous database was kept at {kept}"
        ) from exc
    with contextlib.suppress(OSError):
        db_path.chmod(0o600)
    return kept
