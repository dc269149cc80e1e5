"""SQLite backups: online backup API, daily automatic ones with rotation, checked restore."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bonecoach.store import backup, sqlite_restore
from bonecoach.store.database import default_sqlite_path
from bonecoach.store.errors import BackupError
from bonecoach.store.sqlite_file import check_file
from bonecoach.store.store import Store
from tests.store import factories


def _store_with_client(name: str = "Ann Lee") -> Store:
    store = Store.open(auto_backup=False)
    client = store.create_client(name)
    store.save_profile(client.id, factories.profile())
    store.save_session(client.id, factories.session_log())
    return store


def test_backup_and_restore_round_trip(tmp_path: Path) -> None:
    store = _store_with_client()
    [ann] = store.list_clients()
    before = store.client_history(ann.id)
    saved = store.backup_now(tmp_path / "out" / "ann.sqlite3")
    assert check_file(saved).ok and oct(saved.stat().st_mode & 0o777) == "0o600"
    store.create_client("Added After Backup")
    store.close(auto_backup=False)

    db = default_sqlite_path()
    folder = tmp_path / "backups"
    kept = sqlite_restore.restore(saved, db, folder)
    assert kept is not None and kept.parent == folder and "before-restore" in kept.name

    restored = Store.open(auto_backup=False)
    assert [c.name for c in restored.list_clients()] == ["Ann Lee"]
    assert restored.client_history(ann.id) == before
    restored.close(auto_backup=False)
    # the database as it was before the restore is kept, with the later client
    with sqlite3.connect(kept) as previous:
        names = {r[0] for r in previous.execute("SELECT name FROM clients")}
    assert names == {"Ann Lee", "Added After Backup"}


def test_backup_is_a_consistent_copy_while_the_app_writes(tmp_path: Path) -> None:
    store = _store_with_client()
    # an open read transaction elsewhere does not stop the online backup
    reader = sqlite3.connect(default_sqlite_path())
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM clients").fetchone()
    path = store.backup_now()
    reader.rollback()
    reader.close()
    assert path.parent == tmp_path / "bonecoach-home" / "data" / "backups"
    assert check_file(path).ok
    with sqlite3.connect(path) as copy:
        assert copy.execute("SELECT count(*) FROM session_sets").fetchone() == (10,)
    store.close(auto_backup=False)


def test_restore_refuses_a_bad_file_and_changes_nothing(tmp_path: Path) -> None:
    store = _store_with_client()
    store.close(auto_backup=False)
    db = default_sqlite_path()
    before = db.read_bytes()
    folder = tmp_path / "backups"
    not_sqlite = tmp_path / "notes.sqlite3"
    not_sqlite.write_text("hello")
    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as other:
        other.execute("CREATE TABLE recipes (name TEXT)")
    for bad, problem in [
        (not_sqlite, "not a SQLite database"),
        (foreign, "not a BoneCoach database"),
        (tmp_path / "missing.sqlite3", "does not exist"),
    ]:
        with pytest.raises(BackupError, match=problem):
            sqlite_restore.restore(bad, db, folder)
    assert db.read_bytes() == before
    assert not folder.exists()


def test_automatic_backup_once_a_day_on_start_and_after_changes_on_close() -> None:
    _store_with_client().close(auto_backup=False)
    first = Store.open()  # start: the day's backup
    folder = first.backup_folder
    assert folder is not None
    assert [b.reason for b in backup.list_backups(folder)] == ["auto"]
    first.close()  # nothing changed: no second backup
    [morning] = backup.list_backups(folder)
    second = Store.open()  # same day: none on start
    assert backup.list_backups(folder) == [morning]
    second.create_client("Bob Roe")
    evening = second.close()  # changed: a backup on close, which is now the day's one
    assert evening is not None
    assert [b.path for b in backup.list_backups(folder)] == [evening]
    with sqlite3.connect(evening) as newest:
        assert newest.execute("SELECT count(*) FROM clients").fetchone() == (2,)


def test_rotation_keeps_7_daily_4_weekly_12_monthly(tmp_path: Path) -> None:
    start = datetime(2025, 1, 1, 9, tzinfo=UTC)
    taken = [start + timedelta(days=d, hours=h) for d in range(400) for h in (0, 8)]
    files = [backup.BackupFile(tmp_path / f"{i}", t, "auto") for i, t in enumerate(taken)]
    keep = backup.backups_to_keep(files)
    kept = sorted((f.taken_at for f in files if f.path in keep), reverse=True)
    newest = taken[-1]
    days = {t.date() for t in kept if (newest - t).days < 7}
    assert len(days) == 7  # the newest of each of the last 7 days
    assert len({t.date() for t in kept}) == len(kept)  # one per day at most
    assert len({t.isocalendar()[:2] for t in kept}) >= 4
    assert len({(t.year, t.month) for t in kept}) == 12
    assert len(kept) <= 7 + 4 + 12
    assert kept[0] == newest


def test_rotation_deletes_only_old_automatic_backups(tmp_path: Path) -> None:
    db = default_sqlite_path()
    _store_with_client().close(auto_backup=False)
    folder = tmp_path / "backups"
    now = datetime(2025, 6, 30, 12, tzinfo=UTC)
    for days in range(30):
        backup.take_backup(db, folder, "auto", now - timedelta(days=days))
    manual = backup.take_backup(db, folder, "manual", now - timedelta(days=300))
    removed = backup.rotate(folder)
    left = backup.list_backups(folder)
    assert manual.exists()
    assert len([b for b in left if b.reason == "auto"]) == 30 - len(removed)
    assert 7 < len(left) <= 7 + 4 + 12 + 1
    assert all(not p.exists() for p in removed)


def test_an_unusable_backup_folder_does_not_stop_work(tmp_path: Path) -> None:
    _store_with_client().close(auto_backup=False)
    blocked = tmp_path / "offline-share"
    blocked.write_text("a file where the folder should be")
    store = Store.open(backups=blocked)
    assert store.backup_problem is not None and "offline-share" in store.backup_problem
    store.create_client("Bob Roe")
    assert store.close() is None
    assert store.backup_problem is not None
    reopened = Store.open(auto_backup=False)
    assert len(reopened.list_clients()) == 2
    reopened.close(auto_backup=False)
