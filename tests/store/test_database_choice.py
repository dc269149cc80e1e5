"""Which database opens: the default file, BONECOACH_DATABASE_URL, or the settings; and the
PostgreSQL flavour of the start-up check and backup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bonecoach.store.database import database_url, default_sqlite_path, sqlite_path
from bonecoach.store.errors import DatabaseProblem
from bonecoach.store.settings import Settings, save_settings
from bonecoach.store.store import Store


def test_default_is_the_sqlite_file_in_the_data_folder(bonecoach_home: Path) -> None:
    assert default_sqlite_path() == bonecoach_home / "data" / "bonecoach.sqlite3"
    assert sqlite_path(database_url()) == default_sqlite_path()


def test_environment_wins_over_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from_settings = tmp_path / "settings.sqlite3"
    from_env = tmp_path / "env.sqlite3"
    save_settings(Settings(database_url=f"sqlite:///{from_settings}"))
    from_settings.touch()  # as Settings creates a new location (a missing one is refused)
    store = Store.open()
    assert store.sqlite_path == from_settings
    store.close(auto_backup=False)
    monkeypatch.setenv("BONECOACH_DATABASE_URL", f"sqlite:///{from_env}")
    store = Store.open()
    assert store.sqlite_path == from_env and from_env.exists()
    store.close(auto_backup=False)


def test_plain_postgresql_urls_get_psycopg_3(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BONECOACH_DATABASE_URL", "postgresql://ann:pw@db.clinic.lan/bonecoach")
    assert database_url() == "postgresql+psycopg://ann:pw@db.clinic.lan/bonecoach"
    assert sqlite_path(database_url()) is None


@pytest.mark.postgres
def test_foreign_postgres_database_is_refused(postgres_schema_url: str) -> None:
    engine = create_engine(postgres_schema_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE recipes (name text)"))
    with pytest.raises(DatabaseProblem, match="not a BoneCoach database"):
        Store.open(postgres_schema_url)
    with engine.connect() as connection:
        tables = (
            connection.execute(
                text(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = current_schema()"
                )
            )
            .scalars()
            .all()
        )
    assert tables == ["recipes"]
    engine.dispose()


@pytest.mark.postgres
def test_postgres_backup_is_a_json_export(postgres_schema_url: str, tmp_path: Path) -> None:
    store = Store.open(postgres_schema_url, backups=tmp_path / "backups")
    store.create_client("Ann Lee", clinic_id="A1")
    path = store.backup_now()
    store.close()
    assert path.parent == tmp_path / "backups" and path.suffix == ".json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "bonecoach-clinic"
    assert [c["client"]["name"] for c in data["clients"]] == ["Ann Lee"]
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_unreachable_server_is_a_clear_problem(
    monkeypatch: pytest.MonkeyPatch, bonecoach_home: Path
) -> None:
    # A SQLite backup from before the clinic moved to the server must not be offered for it.
    with Store.open() as local:
        local.create_client("Ann Lee")
        local.backup_now()
    # a port on loopback where nothing listens
    monkeypatch.setenv(
        "BONECOACH_DATABASE_URL",
        "postgresql://nobody:secret@127.0.0.1:9/bonecoach?connect_timeout=2",
    )
    with pytest.raises(DatabaseProblem, match="Cannot open the database at") as caught:
        Store.open()
    assert "secret" not in str(caught.value)
    assert caught.value.newest_backup is None
