"""The read-only early client list the app shows before the store has opened."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bonecoach.store.early import default_database_file, early_clients
from bonecoach.store.store import Store


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_lists_every_client_in_name_order_without_writing(bonecoach_home: Path) -> None:
    path = default_database_file()
    assert path is not None
    store = Store.open(auto_backup=False)
    try:
        zoe = store.create_client("zoë Adams", clinic_id="C-2")
        bob = store.create_client("Bob Brown", clinic_id="C-1")
        store.archive_client(bob.id, bob.version)
    finally:
        store.close(auto_backup=False)
    before = _digest(path)
    clients = early_clients()
    assert clients is not None
    assert [(c.id, c.name, c.clinic_id, c.archived) for c in clients] == [
        (bob.id, "Bob Brown", "C-1", True),
        (zoe.id, "zoë Adams", "C-2", False),
    ]
    assert _digest(path) == before


def test_nothing_to_read_gives_none(tmp_path: Path) -> None:
    assert early_clients(tmp_path / "missing.sqlite3") is None
    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_bytes(b"this is not a database" * 100)
    assert early_clients(not_a_db) is None
    assert not_a_db.read_bytes() == b"this is not a database" * 100


def test_another_database_configured_means_no_early_list(
    bonecoach_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BONECOACH_DATABASE_URL", "postgresql://clinic-server/bonecoach")
    assert default_database_file() is None
    monkeypatch.delenv("BONECOACH_DATABASE_URL")
    settings = bonecoach_home / "config" / "settings.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('database_url = "postgresql://clinic-server/bonecoach"\n')
    assert default_database_file() is None
    settings.write_text('clinic_name = "Riverside"\n')
    assert default_database_file() == bonecoach_home / "data" / "bonecoach.sqlite3"


def test_settings_lines_are_read_like_toml(bonecoach_home: Path) -> None:
    settings = bonecoach_home / "config" / "settings.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    default = bonecoach_home / "data" / "bonecoach.sqlite3"
    for text, expected in [
        ('database_url = ""\n', default),
        ("database_url = ''  # the SQLite file\n", default),
        ('# database_url = "postgresql://x/y"\nclinic_name = "A"\n', default),
        ('clinic_name = "A"\n  database_url = "postgresql://x/y"\n', None),
        ("database_url = 'sqlite:////elsewhere.sqlite3'\n", None),
    ]:
        settings.write_text(text, encoding="utf-8")
        assert default_database_file() == expected, text
