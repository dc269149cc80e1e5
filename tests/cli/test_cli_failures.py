"""#14 points 9, 11 and 12: a failing command says one line (no traceback, no SQL, no
personal data) and exits 1; files holding client data are owner-only; a folder BoneCoach did
not create keeps its mode; part files a killed backup left are removed at the next start."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from bonecoach.cli import main
from bonecoach.store.store import Store


def _one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err and "SELECT" not in err and "INSERT" not in err
    return lines[0]


def test_deeply_nested_import_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nested = tmp_path / "nested.json"
    nested.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    assert main(["import-client", str(nested)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "nested.json was not imported" in err
    assert "(file): nested more than 40 levels deep" in err


def test_a_database_path_that_is_a_folder_is_one_line(
    bonecoach_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = bonecoach_home / "is-a-folder.sqlite3"
    folder.mkdir(parents=True)
    monkeypatch.setenv("BONECOACH_DATABASE_URL", f"sqlite:///{folder}")
    assert main(["clients"]) == 1
    _one_line(capsys.readouterr().err)


def test_a_full_disk_leaves_no_partial_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import bonecoach.store.atomic as atomic

    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle: object) -> None:
            self.handle = handle

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device", str(out))

    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    folder = tmp_path / "prints"
    folder.mkdir()
    out = folder / "handout.pdf"
    assert main(["handout", "--demo", "--out", str(out)]) == 1
    line = _one_line(capsys.readouterr().err)
    assert "disk is full" in line
    assert list(folder.iterdir()) == []  # neither the PDF nor a part file


def test_client_files_are_owner_only_and_existing_folders_keep_their_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["load-demo"]) == 0
    with Store.open() as store:
        demo = store.list_clients()[0]
        client = demo.id
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    pdf = shared / "handout.pdf"
    assert main(["handout", "--client", str(client), "--out", str(pdf)]) == 0
    assert main(["backup", "--out", str(shared / "copy.sqlite3")]) == 0
    mistyped = tmp_path / "new" / "deeper" / "ann.json"
    assert main(["export-client", str(client), "--out", str(mistyped)]) == 2
    assert not (tmp_path / "new").exists()  # a mistyped folder is named, never made up
    export = shared / "ann.json"
    assert main(["export-client", str(client), "--out", str(export)]) == 0
    capsys.readouterr()
    assert pdf.stat().st_mode & 0o777 == 0o600
    assert (shared / "copy.sqlite3").stat().st_mode & 0o777 == 0o600
    assert shared.stat().st_mode & 0o777 == 0o755  # not BoneCoach's folder: untouched
    assert export.stat().st_mode & 0o777 == 0o600
    assert json.loads(export.read_text(encoding="utf-8"))["client"]["name"] == demo.name


def test_part_files_a_killed_backup_left_are_removed_at_the_next_start(
    bonecoach_home: Path,
) -> None:
    from bonecoach.store.atomic import claim
    from bonecoach.store.database import default_sqlite_path
    from bonecoach.store.settings import Settings, backup_folder

    with Store.open() as store:
        store.create_client("Ann Lee")
    folder = backup_folder(Settings())
    folder.mkdir(parents=True, exist_ok=True)
    left = folder / "bonecoach-20261201-101010-manual.sqlite3.partial"
    left.write_bytes(default_sqlite_path().read_bytes())
    in_use = folder / "bonecoach-20261201-101011-manual.sqlite3.partial"
    in_use.write_bytes(b"being written by a live process")
    beside = default_sqlite_path().parent / ".bonecoach.sqlite3.abc.partial"
    beside.write_bytes(b"x")
    for part in (left, in_use, beside):
        os.utime(part, (1_000_000_000, 1_000_000_000))  # long untouched
    held = os.open(in_use, os.O_RDONLY)
    try:
        claim(held)
        Store.open().close(auto_backup=False)
    finally:
        os.close(held)
    assert not left.exists() and not beside.exists()
    assert in_use.exists()  # its writer still holds it


def test_the_command_line_refuses_a_name_the_handout_cannot_print_as_the_app_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bonecoach.store.exchange import export_client, write_document

    with Store.open(auto_backup=False) as store:
        ann = store.create_client("Ann Lee")
        path = write_document(export_client(store, ann.id), tmp_path / "ann.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["client"]["name"] = "Ann Lee 🙂"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["import-client", str(path), "--as-new"]) == 1
    err = capsys.readouterr().err
    assert "client.name" in err and "cannot print" in err
    with Store.open(auto_backup=False) as store:
        assert [c.name for c in store.list_clients()] == ["Ann Lee"]
