"""A backup whose records later commands cannot read is refused before anything is replaced.

Each case was accepted before: the restore reported success and the next export, handout or
session save failed with a raw error on the clinic's only database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bonecoach.store import sqlite_restore
from bonecoach.store.database import default_sqlite_path
from bonecoach.store.errors import BackupError
from bonecoach.store.store import Store
from tests.store import factories

DAMAGE = {
    "a NUL in a name": ("UPDATE clients SET name = 'Ann' || char(0) || 'Lee'", "control char"),
    "a terminal escape in a note": (
        "UPDATE session_logs SET notes = char(27) || '[2J'",
        "control char",
    ),
    "a date that is not a date": ("UPDATE session_logs SET session_date = 'soon'", "client 1"),
    "a birth date in the future": (
        "UPDATE clients SET date_of_birth = '2999-01-01'",
        "in the future",
    ),
    "a profile that is not a profile": (
        'UPDATE profile_versions SET profile = \'{"sex": "robot"}\'',
        "client 1",
    ),
    "an exercise in a program that no library has": (
        "UPDATE program_items SET exercise_id = 'moon_walk' "
        "WHERE id = (SELECT min(id) FROM program_items)",
        "'moon_walk' is not in this library",
    ),
    "an exercise in a session that no library has": (
        "UPDATE session_entries SET exercise_id = 'moon_walk' "
        "WHERE id = (SELECT min(id) FROM session_entries)",
        "'moon_walk' is not in this library",
    ),
    "a custom exercise that is not an exercise": (
        "INSERT INTO custom_exercises (id, exercise, picture_kind, pose_start, pose_end, "
        "same_as, photo_type, created_at, created_by, updated_at, updated_by, version, "
        "archived) VALUES ('towel_squeeze', '{}', 'none', '', '', '', '', "
        "'2025-01-01 00:00:00', '', '2025-01-01 00:00:00', '', 1, 0)",
        "custom exercise towel_squeeze: is not a valid exercise",
    ),
    "an audit entry with an escape": (
        "UPDATE audit_log SET detail = char(27) || ']0;owned' || char(7) WHERE id = 1",
        "audit_log entry 1.detail: contains a control character",
    ),
    "an audit entry whose time is not a time": (
        "UPDATE audit_log SET at = 'yesterday'",
        "at 'yesterday' is not a date and time",
    ),
    "a session before the client was born": (
        "UPDATE clients SET date_of_birth = '2025-06-01'",
        "is before the client's date of birth (2025-06-01)",
    ),
    "a name of nothing but a direction mark": (
        "UPDATE clients SET name = char(8206)",
        "a client needs a name with letters in it",
    ),
    "rows of a client that does not exist": (
        "INSERT INTO session_logs (client_id, session_date, saved_at, saved_by, setting, "
        "notes, extra) SELECT 999, session_date, saved_at, saved_by, setting, notes, extra "
        "FROM session_logs",
        "session_logs refer to clients that do not exist",
    ),
}


def _backup_with_one_client(tmp_path: Path) -> tuple[Path, Store]:
    store = Store.open(auto_backup=False)
    client = store.create_client("Ann Lee")
    store.save_profile(client.id, factories.profile())
    store.save_program(client.id, factories.program())
    store.save_session(client.id, factories.session_log())
    return store.backup_now(tmp_path / "good.sqlite3"), store


@pytest.mark.parametrize("case", sorted(DAMAGE))
@pytest.mark.parametrize("current", ["healthy", "missing"])
def test_a_backup_with_unreadable_records_is_refused(
    tmp_path: Path, case: str, current: str
) -> None:
    good, store = _backup_with_one_client(tmp_path)
    store.create_client("Added After Backup")
    store.close(auto_backup=False)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(good.read_bytes())
    statement, problem = DAMAGE[case]
    with sqlite3.connect(bad) as connection:
        connection.execute(statement)
    db = default_sqlite_path()
    if current == "missing":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    before = db.read_bytes() if db.exists() else None

    with pytest.raises(BackupError, match="nothing was changed") as refused:
        sqlite_restore.restore(bad, db, tmp_path / "backups")

    assert problem in str(refused.value)
    assert "Ann Lee" not in str(refused.value)  # clients named by number only
    assert (db.read_bytes() if db.exists() else None) == before
    assert not list((tmp_path / "backups").glob(".restore-*"))  # no staged copy left


def test_the_same_backup_undamaged_restores(tmp_path: Path) -> None:
    good, store = _backup_with_one_client(tmp_path)
    store.create_client("Added After Backup")
    store.close(auto_backup=False)
    sqlite_restore.restore(good, default_sqlite_path(), tmp_path / "backups")
    restored = Store.open(auto_backup=False)
    assert [c.name for c in restored.list_clients()] == ["Ann Lee"]
    restored.close(auto_backup=False)
