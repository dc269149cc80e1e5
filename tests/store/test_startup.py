"""Start-up check: a damaged or foreign database is never written to; the newest good backup
is offered. Files and folders are owner-only."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from bonecoach.store import sqlite_restore
from bonecoach.store.database import default_sqlite_path
from bonecoach.store.errors import DatabaseProblem
from bonecoach.store.store import Store


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _make_database_with_backup() -> tuple[Path, Path]:
    store = Store.open(auto_backup=False)
    for i in range(300):  # enough pages that damage lands in a table
        store.create_client(f"Client {i:03d} " + "x" * 120)
    good = store.backup_now()
    store.close(auto_backup=False)
    return default_sqlite_path(), good


def test_corrupt_database_is_not_written_and_the_newest_backup_is_offered() -> None:
    db, good = _make_database_with_backup()
    with db.open("r+b") as raw:  # scribble over pages in the middle of the file
        raw.seek(db.stat().st_size // 2)
        raw.write(b"\xde\xad\xbe\xef" * 2048)
    before = _digest(db)
    with pytest.raises(DatabaseProblem) as caught:
        Store.open()
    problem = caught.value
    assert "integrity check" in str(problem) or "cannot be read" in str(problem)
    assert problem.newest_backup == good and str(good) in str(problem)
    assert _digest(db) == before
    assert not Path(f"{db}-wal").exists()


def test_foreign_database_is_refused() -> None:
    db = default_sqlite_path()
    with sqlite3.connect(db) as other:
        other.execute("CREATE TABLE recipes (name TEXT)")
    before = _digest(db)
    with pytest.raises(DatabaseProblem, match="not a BoneCoach database") as caught:
        Store.open()
    assert caught.value.newest_backup is None and "No good backup" in str(caught.value)
    assert _digest(db) == before


def test_not_a_database_at_all_is_refused() -> None:
    db = default_sqlite_path()
    db.write_text("my shopping list")
    with pytest.raises(DatabaseProblem, match="not a SQLite database"):
        Store.open()
    assert db.read_text() == "my shopping list"


def test_newer_schema_is_refused() -> None:
    Store.open(auto_backup=False).close(auto_backup=False)
    db = default_sqlite_path()
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseProblem, match="newer version"):
        Store.open()


def test_restore_from_the_offered_backup_recovers(tmp_path: Path) -> None:
    db, _ = _make_database_with_backup()
    db.write_bytes(db.read_bytes()[:4096])  # truncated: damaged
    with pytest.raises(DatabaseProblem) as caught:
        Store.open()
    offered = caught.value.newest_backup
    assert offered is not None
    kept = sqlite_restore.restore(offered, db, tmp_path / "backups")
    assert kept is not None and "damaged" in kept.name and kept.exists()
    store = Store.open(auto_backup=False)
    assert len(store.list_clients()) == 300
    store.close(auto_backup=False)


def test_folder_and_files_are_owner_only(bonecoach_home: Path) -> None:
    Store.open().close()
    store = Store.open()  # the second start: SQLite makes new -wal/-shm files itself
    store.create_client("Ann Lee")
    db = default_sqlite_path()
    side_files = list(db.parent.glob("bonecoach.sqlite3-*"))
    assert {p.name for p in side_files} == {"bonecoach.sqlite3-wal", "bonecoach.sqlite3-shm"}
    for path in side_files:
        assert oct(path.stat().st_mode & 0o777) == "0o600", path
    made = store.close()
    assert oct(db.parent.stat().st_mode & 0o777) == "0o700"
    assert made is not None
    assert oct(made.parent.stat().st_mode & 0o777) == "0o700"
    for path in [db, made, *db.parent.glob("bonecoach.sqlite3-*")]:
        assert oct(path.stat().st_mode & 0o777) == "0o600", path


def test_sqlite_connections_are_wal_full_sync_with_foreign_keys() -> None:
    store = Store.open(auto_backup=False)
    with store.engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
        assert pragma("PRAGMA foreign_keys").scalar() == 1
    store.close(auto_backup=False)
