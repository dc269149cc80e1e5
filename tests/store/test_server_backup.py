"""Backups as whole-clinic exports (how a PostgreSQL database is backed up) and restoring one.

The restore runs on both backends (the `store` fixture); the automatic daily export is a
server database's, so those tests run on PostgreSQL only.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from bonecoach.cli import main
from bonecoach.store.backup import EXPORT_SUFFIX, list_backups, rotate
from bonecoach.store.client_file import parse_document
from bonecoach.store.errors import BackupError, ImportProblem
from bonecoach.store.exchange import export_all_to_file
from bonecoach.store.server_backup import automatic_server_backup, restore_clinic_export
from bonecoach.store.store import Store
from tests.store import factories
from tests.store.factories import POSED, custom


def _clinic(store: Store, path: Path) -> dict[str, Any]:
    """The clinic's content, without when it was exported (client files made comparable)."""
    data = json.loads(export_all_to_file(store.engine, path).read_text(encoding="utf-8"))
    data.pop("exported_at")
    clients = [parse_document(c, "export").comparable() for c in data.pop("clients")]
    data["clients"] = sorted(clients, key=lambda c: (c["client"]["name"], json.dumps(c)))
    return data


def _fill(store: Store) -> None:
    factories.full_client(store)
    store.create_client("Bob Roe", date_of_birth=dt.date(1950, 6, 1), clinic_id="B-7")
    store.save_custom_exercise(custom(), POSED)
    store.save_custom_exercise(custom("old_squeeze"), POSED)
    store.archive_custom_exercise("old_squeeze")


def test_restore_round_trip_replaces_everything_and_keeps_the_trail(
    store: Store, tmp_path: Path
) -> None:
    _fill(store)
    folder = tmp_path / "backups"
    backup = automatic_server_backup(store.engine, folder, force=True)
    assert backup is not None and oct(backup.stat().st_mode & 0o777) == "0o600"
    original = _clinic(store, tmp_path / "original.json")
    assert original["archived_custom_exercises"] == ["old_squeeze"]
    audit_before = len(store.audit_entries())

    # the day goes on: a new client, a changed one, a new custom exercise
    store.create_client("Cara New")
    bob = next(c for c in store.list_clients() if c.name == "Bob Roe")
    store.save_profile(bob.id, factories.profile(falls_past_year=2))
    store.save_custom_exercise(custom("later_one"), POSED)
    changed = _clinic(store, tmp_path / "changed.json")

    kept, count = restore_clinic_export(store, backup, folder)

    assert count == 2
    assert _clinic(store, tmp_path / "restored.json") == original
    # the data as it was before the restore is kept, whole
    kept_data = json.loads(kept.read_text(encoding="utf-8"))
    assert len(kept_data["clients"]) == len(changed["clients"]) == 3
    assert sorted(b.reason for b in list_backups(folder, EXPORT_SUFFIX)) == [
        "auto",
        "before-restore",
    ]
    # the audit trail is not rolled back: it gains the restore
    entries = store.audit_entries()
    assert len(entries) > audit_before
    assert any(e.action == "restore" and backup.name in e.detail for e in entries)


def test_a_bad_export_is_refused_whole_and_nothing_changes(store: Store, tmp_path: Path) -> None:
    _fill(store)
    good = export_all_to_file(store.engine, tmp_path / "good.json")
    data = json.loads(good.read_text(encoding="utf-8"))
    data["clients"][-1]["profiles"][0]["profile"]["age"] = 140
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    before = _clinic(store, tmp_path / "before.json")
    folder = tmp_path / "backups"

    with pytest.raises(ImportProblem, match=r"profiles\.0\.profile\.age"):
        restore_clinic_export(store, bad, folder)

    assert _clinic(store, tmp_path / "after.json") == before
    assert list_backups(folder, EXPORT_SUFFIX) == []  # refused before anything was written


def test_a_restore_failing_part_way_rolls_back(store: Store, tmp_path: Path) -> None:
    """The file parses, but its custom exercise reuses a built-in id with other content: found
    only while writing, after the old clients were deleted, so the transaction must undo it."""
    _fill(store)
    good = export_all_to_file(store.engine, tmp_path / "good.json")
    data = json.loads(good.read_text(encoding="utf-8"))
    data["custom_exercises"][0]["exercise"]["id"] = "sit_to_stand"
    data["archived_custom_exercises"] = []
    clash = tmp_path / "clash.json"
    clash.write_text(json.dumps(data), encoding="utf-8")
    before = _clinic(store, tmp_path / "before.json")

    with pytest.raises(ImportProblem, match="built-in exercise"):
        restore_clinic_export(store, clash, tmp_path / "backups")

    assert _clinic(store, tmp_path / "after.json") == before


def test_archived_ids_must_name_a_custom_exercise_in_the_file(store: Store, tmp_path: Path) -> None:
    _fill(store)
    data = json.loads(export_all_to_file(store.engine, tmp_path / "x.json").read_text("utf-8"))
    data["archived_custom_exercises"] = ["no_such_exercise"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ImportProblem, match="archived_custom_exercises: no_such_exercise"):
        restore_clinic_export(store, bad, tmp_path / "backups")


def test_server_exports_rotate_apart_from_sqlite_backups(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    day = dt.datetime(2026, 1, 1, 18, tzinfo=dt.UTC)
    for n in range(40):
        stamp = (day + dt.timedelta(days=n)).strftime("%Y%m%d-%H%M%S")
        (folder / f"bonecoach-{stamp}-auto.json").write_text("{}")
    (folder / "bonecoach-20260101-180000-auto.sqlite3").write_text("")
    removed = rotate(folder, EXPORT_SUFFIX)
    assert removed and all(p.suffix == ".json" for p in removed)
    left = list_backups(folder, EXPORT_SUFFIX)
    assert len(left) == len({b.taken_at.date() for b in left})  # one per kept day, week or month
    assert 7 <= len(left) < 40
    assert [b.path.name for b in list_backups(folder)] == ["bonecoach-20260101-180000-auto.sqlite3"]


@pytest.mark.postgres
def test_server_database_is_backed_up_daily_on_start_and_on_close(
    postgres_schema_url: str, tmp_path: Path
) -> None:
    url = postgres_schema_url
    folder = tmp_path / "backups"
    first = Store.open(url, backups=folder)  # a new database: nothing to back up yet
    assert first.opened is not None and first.opened.start_backup is None
    factories.full_client(first)
    made = first.close()  # changes were saved: an export on close
    assert made is not None and made.suffix == ".json"

    second = Store.open(url, backups=folder)  # same day: the close's export counts
    assert second.opened is not None and second.opened.start_backup is None
    assert second.close() is None  # nothing changed: no export on close
    exported = json.loads(made.read_text(encoding="utf-8"))
    assert [c["client"]["name"] for c in exported["clients"]] == ['Zoë "Smith" <b>& Sons</b>']


@pytest.mark.postgres
def test_restore_command_on_postgresql(
    postgres_schema_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("BONECOACH_DATABASE_URL", postgres_schema_url)
    assert main(["load-demo"]) == 0
    saved = tmp_path / "clinic.json"
    assert main(["backup", "--out", str(saved)]) == 0
    assert main(["export-client", "1", "--out", str(tmp_path / "one.json")]) == 0
    assert main(["import-client", "--as-new", str(tmp_path / "one.json")]) == 0
    capsys.readouterr()

    assert main(["restore", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "Restored 5 client(s)" in out and "kept at" in out
    assert main(["clients", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 5

    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + bytes(100))
    assert main(["restore", str(junk)]) == 1
    assert "is a SQLite backup" in capsys.readouterr().err
    junk_json = tmp_path / "junk.json"
    junk_json.write_bytes(b"SQLite format 3\x00" + bytes(100))
    assert main(["restore", str(junk_json)]) == 1
    assert "(file): not valid JSON at line 1" in capsys.readouterr().err
    # a backup folder that cannot be written is an error message, not a traceback
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    from bonecoach.store.settings import Settings, save_settings

    save_settings(Settings(backup_folder=str(blocker / "backups")))
    assert main(["restore", str(saved)]) == 1
    assert "nothing was changed" in capsys.readouterr().err
    assert main(["clients", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 5


def test_a_snapshot_reads_one_moment_while_others_save(store: Store, store_url: str | None) -> None:
    """What keeps a clinic export consistent while another workstation saves."""
    store.create_client("Ann Lee")
    other = Store.open(store_url, auto_backup=False, actor="Sam Other")
    try:
        with store.snapshot():
            before = [c.name for c in store.list_clients()]
            other.create_client("Bert Olsen")
            assert [c.name for c in store.list_clients()] == before == ["Ann Lee"]
        assert sorted(c.name for c in store.list_clients()) == ["Ann Lee", "Bert Olsen"]
    finally:
        other.close(auto_backup=False)


def test_duplicate_clinic_ids_in_the_file_are_refused_before_writing(
    store: Store, tmp_path: Path
) -> None:
    _fill(store)
    data = json.loads(export_all_to_file(store.engine, tmp_path / "x.json").read_text("utf-8"))
    data["clients"][1]["client"]["clinic_id"] = data["clients"][0]["client"]["clinic_id"]
    bad = tmp_path / "twice.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    before = _clinic(store, tmp_path / "before.json")
    with pytest.raises(ImportProblem, match=r"clinic id '[BZ]-[17]' is used by 2 clients"):
        restore_clinic_export(store, bad, tmp_path / "backups")
    assert _clinic(store, tmp_path / "after.json") == before


def test_a_database_error_half_way_is_explained_and_undone(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from bonecoach.store import server_backup

    _fill(store)
    backup = export_all_to_file(store.engine, tmp_path / "good.json")
    before = _clinic(store, tmp_path / "before.json")
    calls = []

    def connection_lost(*args: Any, **kwargs: Any) -> None:
        calls.append(args)
        if len(calls) == 2:  # the first client is written, then the server goes away
            raise OperationalError("INSERT", {}, Exception("server closed the connection"))
        real(*args, **kwargs)

    real = server_backup.insert_document
    monkeypatch.setattr(server_backup, "insert_document", connection_lost)
    with pytest.raises(BackupError, match="nothing was changed") as caught:
        restore_clinic_export(store, backup, tmp_path / "backups")
    assert "before-restore" in str(caught.value)
    assert _clinic(store, tmp_path / "after.json") == before


@pytest.mark.postgres
def test_the_start_of_day_export_can_be_left_for_the_app(
    postgres_schema_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    first = Store.open(postgres_schema_url, backups=folder, auto_backup=False)
    first.create_client("Ann Lee")
    first.close(auto_backup=False)
    later = Store.open(postgres_schema_url, backups=folder, server_backup_later=True)
    try:
        assert later.backup_due and list_backups(folder, EXPORT_SUFFIX) == []  # nothing taken yet
        made = later.take_due_backup()
        assert made is not None and [b.path for b in list_backups(folder, EXPORT_SUFFIX)] == [made]
        assert not later.backup_due and later.take_due_backup() is None
    finally:
        later.close(auto_backup=False)
    again = Store.open(postgres_schema_url, backups=folder, server_backup_later=True)
    assert not again.backup_due  # today's is taken
    again.close(auto_backup=False)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"clients": 5}, "clients: not a list"),
        ({"clients": None}, "clients: not a list"),
        ({"custom_exercises": 5}, "custom_exercises: not a list"),
        ({"archived_custom_exercises": "old"}, "archived_custom_exercises: not a list"),
    ],
)
def test_a_malformed_export_is_refused_naming_the_field(
    store: Store, tmp_path: Path, change: dict[str, Any], problem: str
) -> None:
    _fill(store)
    data = json.loads(export_all_to_file(store.engine, tmp_path / "x.json").read_text("utf-8"))
    data.update(change)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    before = _clinic(store, tmp_path / "before.json")
    with pytest.raises(ImportProblem, match=problem):
        restore_clinic_export(store, bad, tmp_path / "backups")
    assert _clinic(store, tmp_path / "after.json") == before


def test_an_export_without_its_client_list_does_not_empty_the_clinic(
    store: Store, tmp_path: Path
) -> None:
    _fill(store)
    data = json.loads(export_all_to_file(store.engine, tmp_path / "x.json").read_text("utf-8"))
    del data["clients"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ImportProblem, match="clients: missing"):
        restore_clinic_export(store, bad, tmp_path / "backups")
    assert len(store.list_clients()) == 2


@pytest.mark.parametrize("save", ["client", "suggestion"])
def test_a_save_while_the_restore_runs_waits_and_is_not_lost(
    store: Store,
    store_url: str | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    save: str,
) -> None:
    """Another workstation saves after the before-restore export was taken: its save waits
    for the restore (which holds the database alone from before the export) and then lands,
    or is refused (its client is gone) without being acknowledged: never acknowledged and
    then deleted."""
    import threading
    import time

    from bonecoach.store import server_backup

    _fill(store)
    backup = export_all_to_file(store.engine, tmp_path / "clinic.json")
    client_id = store.list_clients()[0].id
    real_export = server_backup.export_all_to_folder
    outcome: list[str] = []

    def other_workstation() -> None:
        other = Store.open(store_url, auto_backup=False, actor="Sam Other")
        try:
            if save == "client":
                other.create_client("Saved meanwhile")
            else:
                other.save_suggestions(client_id, [factories.suggestion("meanwhile")])
            outcome.append("saved")
        except Exception as exc:
            outcome.append(f"refused {type(exc).__name__}")
        finally:
            other.close(auto_backup=False)

    saver = threading.Thread(target=other_workstation)

    def export_then_someone_saves(*args: Any, **kwargs: Any) -> Path:
        kept = real_export(*args, **kwargs)
        saver.start()
        time.sleep(0.5)  # long enough to have saved, had it not had to wait
        assert outcome == [], "a save went through while the restore held the database"
        return kept

    monkeypatch.setattr(server_backup, "export_all_to_folder", export_then_someone_saves)
    restore_clinic_export(store, backup, tmp_path / "backups")
    saver.join(timeout=60)
    assert len(outcome) == 1
    if outcome == ["saved"]:  # acknowledged after the restore: it is there
        if save == "client":
            assert "Saved meanwhile" in [c.name for c in store.list_clients()]
        else:
            assert any(s.suggestion.key == "meanwhile" for s in store.suggestions(client_id))
    else:
        assert save == "suggestion"  # its client was replaced by the restored one


def test_two_exports_in_one_second_get_two_files(store: Store, tmp_path: Path) -> None:
    from bonecoach.store.exchange import export_all_to_folder

    store.create_client("Ann Lee")
    folder = tmp_path / "backups"
    when = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
    first = export_all_to_folder(store.engine, folder, "auto", when)
    second = export_all_to_folder(store.engine, folder, "auto", when)
    assert first != second and first.exists() and second.exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted([first.name, second.name])
    with pytest.raises(FileExistsError, match="choose a new file name"):
        export_all_to_file(store.engine, first)


def test_a_nested_snapshot_keeps_the_outer_one(store: Store, store_url: str | None) -> None:
    store.create_client("Ann Lee")
    other = Store.open(store_url, auto_backup=False)
    try:
        with store.snapshot():
            with store.snapshot():
                store.list_clients()
            other.create_client("Bert Olsen")
            assert [c.name for c in store.list_clients()] == ["Ann Lee"]
    finally:
        other.close(auto_backup=False)


@pytest.mark.postgres
def test_a_server_lost_at_close_is_reported_not_raised(
    postgres_schema_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from bonecoach.store import server_backup

    def server_gone(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("SELECT", {}, Exception("server closed the connection"))

    store = Store.open(postgres_schema_url, backups=tmp_path / "backups", auto_backup=False)
    store.create_client("Ann Lee")  # a change: the close backs up
    monkeypatch.setattr(server_backup, "automatic_server_backup", server_gone)
    assert store.close() is None
    assert store.backup_problem is not None and "server closed" in store.backup_problem
