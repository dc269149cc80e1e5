"""A restore while another window keeps saving (#14 points 1 and 5).

A separate process saves session logs in a loop, each carrying its own token, and prints a
line only after the store acknowledged the save. Meanwhile this process restores a backup
several times. Every acknowledged save must then be somewhere the clinic can get it back:
in the restored database (saved after the restore) or in one of the before-restore copies.
Before the restore held the write lock across the copy and the overwrite, saves made in
between were acknowledged and then in neither.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bonecoach.store.backup import take_backup
from bonecoach.store.errors import BackupError
from bonecoach.store.sqlite_restore import restore
from bonecoach.store.store import Store
from tests.store import factories

ROOT = Path(__file__).resolve().parents[2]
RESTORES = 4


def _tokens(path: Path) -> set[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[0] for row in connection.execute("SELECT notes FROM session_logs")}
    finally:
        connection.close()


def _ids(client_id: int, stop: Path) -> list[str]:
    return [str(client_id), str(stop)]


def _saver(url: str, client_id: int, stop: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store.workstation", "sessions", url, *_ids(client_id, stop)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_no_acknowledged_save_is_lost_when_restoring_while_another_window_saves(
    tmp_path: Path,
) -> None:
    db = tmp_path / "data" / "bonecoach.sqlite3"
    folder = tmp_path / "backups"
    url = f"sqlite:///{db}"
    with Store.open(url, auto_backup=False) as store:
        client_id = store.create_client("Ann Lee").id
        store.save_session(client_id, factories.session_log())
    backup = take_backup(db, folder, "manual")
    stop = tmp_path / "stop"
    saver = _saver(url, client_id, stop)
    assert saver.stdout is not None
    assert saver.stdout.readline().strip() == "ready", saver.stderr.read() if saver.stderr else ""
    kept: list[Path] = []
    try:
        for _ in range(RESTORES):
            time.sleep(0.4)  # let saves pile up between restores
            copy = restore(backup, db, folder)
            assert copy is not None
            kept.append(copy)
        time.sleep(0.3)
    finally:
        stop.touch()
        out, err = saver.communicate(timeout=120)
    assert saver.returncode == 0, err[-2000:]
    acknowledged = {line.split()[1] for line in out.splitlines() if line.startswith("saved")}
    assert len(acknowledged) > 50, f"the saver hardly saved ({len(acknowledged)}): {err[-500:]}"

    somewhere = _tokens(db)
    for copy in kept:
        somewhere |= _tokens(copy)
    lost = acknowledged - somewhere
    print(f"{len(acknowledged)} acknowledged saves, {RESTORES} restores, {len(lost)} lost")
    assert not lost, f"{len(lost)} of {len(acknowledged)} acknowledged saves are nowhere"


@pytest.mark.slow
@pytest.mark.postgres
def test_no_acknowledged_save_is_lost_when_a_clinic_export_is_restored_while_saving(
    postgres_schema_url: str, tmp_path: Path
) -> None:
    """PostgreSQL: the restore keeps the records as a before-restore export, then replaces
    them under a lock every save waits for; a save made in between makes the restore stop
    (nothing changed) rather than be lost."""
    from bonecoach.store.exchange import export_all_to_file
    from bonecoach.store.server_backup import restore_clinic_export

    url = postgres_schema_url
    folder = tmp_path / "backups"
    with Store.open(url, auto_backup=False) as store:
        client_id = store.create_client("Ann Lee").id
        store.save_session(client_id, factories.session_log())
        backup = export_all_to_file(store.engine, tmp_path / "clinic.json")
    stop = tmp_path / "stop"
    saver = _saver(url, client_id, stop)
    assert saver.stdout is not None
    assert saver.stdout.readline().strip() == "ready"
    kept: list[Path] = []
    stopped = 0
    try:
        with Store.open(url, auto_backup=False) as store:
            for _ in range(RESTORES):
                time.sleep(0.4)
                try:
                    kept.append(restore_clinic_export(store, backup, folder)[0])
                except BackupError as exc:
                    assert "Someone saved while the restore was getting ready" in str(exc)
                    stopped += 1
        time.sleep(0.3)
    finally:
        stop.touch()
        out, err = saver.communicate(timeout=120)
    assert saver.returncode == 0, err[-2000:]
    acknowledged = {line.split()[1] for line in out.splitlines() if line.startswith("saved")}
    assert len(acknowledged) > 20 and kept, (len(acknowledged), stopped)
    with Store.open(url, auto_backup=False) as store:
        somewhere = {s.log.notes for c in store.list_clients() for s in store.sessions(c.id)}
    for copy in kept:
        somewhere |= set(re.findall(r"token-\d+", copy.read_text(encoding="utf-8")))
    lost = acknowledged - somewhere
    print(
        f"{len(acknowledged)} acknowledged, {len(kept)} restored, {stopped} stopped, "
        f"{len(lost)} lost"
    )
    assert not lost, f"{len(lost)} of {len(acknowledged)} acknowledged saves are nowhere"


@pytest.mark.postgres
def test_a_clinic_export_missing_a_part_is_refused_and_nothing_changes(
    postgres_schema_url: str, tmp_path: Path
) -> None:
    import json

    from bonecoach.store.errors import ImportProblem
    from bonecoach.store.exchange import export_all_to_file
    from bonecoach.store.server_backup import restore_clinic_export

    with Store.open(postgres_schema_url, auto_backup=False) as store:
        client_id = store.create_client("Ann Lee").id
        store.save_session(client_id, factories.session_log())
        backup = export_all_to_file(store.engine, tmp_path / "clinic.json")
        data = json.loads(backup.read_text(encoding="utf-8"))
        del data["clients"][0]["sessions"]
        damaged = tmp_path / "damaged.json"
        damaged.write_text(json.dumps(data), encoding="utf-8")
        store.save_session(client_id, factories.session_log(reps=8))
        with pytest.raises(ImportProblem, match=r"clients\.0\.sessions: missing"):
            restore_clinic_export(store, damaged, tmp_path / "backups")
        assert len(store.sessions(client_id)) == 2
        assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())


def test_a_backup_missing_a_table_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    db = tmp_path / "data" / "bonecoach.sqlite3"
    folder = tmp_path / "backups"
    with Store.open(f"sqlite:///{db}", auto_backup=False) as store:
        client_id = store.create_client("Ann Lee").id
        store.save_session(client_id, factories.session_log())
    damaged = take_backup(db, folder, "manual")
    connection = sqlite3.connect(damaged)
    connection.execute("DROP TABLE session_sets")
    connection.commit()
    connection.close()
    with Store.open(f"sqlite:///{db}", auto_backup=False) as store:
        store.save_session(client_id, factories.session_log(reps=8))
    before = db.read_bytes()
    with pytest.raises(BackupError, match="session_sets is missing"):
        restore(damaged, db, folder)
    assert db.read_bytes() == before
    with Store.open(f"sqlite:///{db}", auto_backup=False) as store:
        assert len(store.sessions(client_id)) == 2
