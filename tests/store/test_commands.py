"""The storage commands, run through the real `bonecoach` entry point (SQLite)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bonecoach.cli import main
from bonecoach.store.backup import list_backups


def _clients(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["clients", "--json"]) == 0
    return list(json.loads(capsys.readouterr().out))


def test_load_demo_and_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clients"]) == 0
    assert "No clients yet" in capsys.readouterr().out
    assert main(["load-demo"]) == 0
    assert capsys.readouterr().out.count("Added demo client") == 5
    rows = _clients(capsys)
    assert len(rows) == 5 and set(rows[0]) == {"id", "name", "clinic_id", "archived"}
    assert main(["load-demo"]) == 0
    assert "Already present" in capsys.readouterr().out
    assert len(_clients(capsys)) == 5


def test_export_import_and_as_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["load-demo"])
    first = _clients(capsys)[0]
    out = tmp_path / "client.json"
    assert main(["export-client", str(first["id"]), "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["client"]["name"] == first["name"]
    capsys.readouterr()
    assert main(["import-client", str(out)]) == 1
    assert "already stored" in capsys.readouterr().err
    assert main(["import-client", str(out), "--as-new"]) == 0
    names = [c["name"] for c in _clients(capsys)]
    assert names.count(first["name"]) == 2


def test_import_of_a_bad_file_names_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["load-demo"])
    out = tmp_path / "client.json"
    main(["export-client", "1", "--out", str(out)])
    data = json.loads(out.read_text(encoding="utf-8"))
    data["client"]["clinic_id"] = "NEW"
    data["profiles"][0]["profile"]["age"] = 130
    out.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["import-client", str(out)]) == 1
    assert "profiles.0.profile.age" in capsys.readouterr().err
    assert len(_clients(capsys)) == 5


def test_backup_and_restore_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["load-demo"])
    saved = tmp_path / "before.sqlite3"
    assert main(["backup", "--out", str(saved)]) == 0
    assert main(["backup"]) == 0
    assert "Backed up to" in capsys.readouterr().out
    main(["import-client", "--as-new", str(_export_first(tmp_path))])
    assert len(_clients(capsys)) == 6
    assert main(["restore", str(saved)]) == 0
    assert "kept at" in capsys.readouterr().out
    assert len(_clients(capsys)) == 5
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("junk")
    assert main(["restore", str(junk)]) == 1
    assert "not a SQLite database" in capsys.readouterr().err
    assert len(_clients(capsys)) == 5
    clinic = tmp_path / "clinic.json"
    clinic.write_text("{}")
    assert main(["restore", str(clinic)]) == 1
    assert "bonecoach import-client" in capsys.readouterr().err
    assert len(_clients(capsys)) == 5


def _export_first(tmp_path: Path) -> Path:
    out = tmp_path / "first.json"
    main(["export-client", "1", "--out", str(out)])
    return out


def test_corrupt_database_gives_a_clear_error(
    bonecoach_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["load-demo"])
    folder = bonecoach_home / "data" / "backups"
    assert list_backups(folder)  # the close after load-demo took one
    db = bonecoach_home / "data" / "bonecoach.sqlite3"
    db.write_bytes(db.read_bytes()[:8192])
    capsys.readouterr()
    assert main(["clients"]) == 1
    err = capsys.readouterr().err
    assert "bonecoach restore" in err and str(folder) in err


def test_a_clinic_export_imports_every_client(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bonecoach.store.exchange import export_all_to_file
    from bonecoach.store.store import Store
    from tests.store.factories import clinic_template

    main(["load-demo"])
    with Store.open(auto_backup=False) as store:
        store.save_clinic_template(clinic_template())
        clinic = export_all_to_file(store.engine, tmp_path / "clinic.json")
    monkeypatch.setenv("BONECOACH_DATABASE_URL", f"sqlite:///{tmp_path / 'second.sqlite3'}")
    capsys.readouterr()
    assert main(["import-client", str(clinic)]) == 0
    out = capsys.readouterr().out
    assert out.count("Imported") == 5
    assert "Added 1 clinic template(s): clinic_tuesday_group" in out
    assert len(_clients(capsys)) == 5
    with Store.open(auto_backup=False) as second:
        assert [t.id for t in second.clinic_templates()] == ["clinic_tuesday_group"]
