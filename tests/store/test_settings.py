"""Settings: readable TOML in the config folder, defaults merged, corrupt files kept aside."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bonecoach.store.database import database_url, default_sqlite_path
from bonecoach.store.errors import DatabaseProblem
from bonecoach.store.settings import (
    Settings,
    backup_folder,
    load_settings,
    save_settings,
    settings_path,
)
from bonecoach.store.store import Store


def test_defaults_without_a_file(bonecoach_home: Path) -> None:
    loaded = load_settings()
    assert loaded.settings == Settings() and loaded.problem is None
    assert loaded.path == bonecoach_home / "config" / "settings.toml"
    assert loaded.settings.paper_size == "letter" and not loaded.settings.large_print
    assert backup_folder(loaded.settings) == bonecoach_home / "data" / "backups"


def test_round_trip_is_readable_toml() -> None:
    chosen = Settings(
        clinic_name='Bone & Balance "Clinic"',
        clinic_address="1 Main St\nSpringfield",
        clinic_phone="+1 555 0100",
        paper_size="a4",
        large_print=True,
        backup_folder="/srv/backups",
        default_therapist="Pat Physio",
    )
    path = save_settings(chosen)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    text = path.read_text(encoding="utf-8")
    assert 'paper_size = "a4"' in text and "large_print = true" in text
    assert tomllib.loads(text)["clinic_name"] == 'Bone & Balance "Clinic"'
    assert load_settings().settings == chosen


def test_partial_file_gets_defaults_merged() -> None:
    settings_path().write_text('clinic_name = "Solo"\nfuture_option = 3\n', encoding="utf-8")
    loaded = load_settings()
    assert loaded.settings == Settings(clinic_name="Solo")
    # named, not fatal: a newer version's key or a typo (databse_url) must not pass silently
    assert loaded.problem == "future_option is not a setting this BoneCoach knows (ignored)"


def test_one_bad_value_keeps_every_other_value_and_names_itself() -> None:
    """#14 point 4: paper_size = "A5" beside a server database_url used to set the whole
    file aside, and the app silently opened an empty local database."""
    server = "postgresql+psycopg://clinic@db.example/bonecoach"
    text = f'clinic_name = "Riverside"\npaper_size = "A5"\ndatabase_url = "{server}"\n'
    settings_path().write_text(text, encoding="utf-8")
    loaded = load_settings()
    assert loaded.settings.database_url == server
    assert loaded.settings.clinic_name == "Riverside" and loaded.settings.paper_size == "letter"
    assert loaded.problem is not None and "paper_size = 'A5' is not used" in loaded.problem
    assert "database_url" not in loaded.problem
    assert settings_path().read_text(encoding="utf-8") == text  # left for the clinic to fix
    assert database_url(loaded.settings) == server


def test_a_file_that_is_not_toml_is_reported_at_every_start_and_kept() -> None:
    path = settings_path()
    for broken, problem in [
        ("clinic_name = \n", "Invalid"),
        (b"\xff\xfe not text", "decode"),
    ]:
        if isinstance(broken, bytes):
            path.write_bytes(broken)
        else:
            path.write_text(broken, encoding="utf-8")
        for _ in range(2):  # not moved away after the first start: reported again
            loaded = load_settings()
            assert loaded.settings == Settings()
            assert loaded.problem is not None and problem in loaded.problem
            assert path.read_bytes() == (broken if isinstance(broken, bytes) else broken.encode())
        # Settings writes a new file: the unreadable one is kept aside, never deleted
        save_settings(Settings(clinic_name="New"))
        [aside] = [p for p in path.parent.iterdir() if p.name.startswith("settings.toml.corrupt")]
        assert aside.read_bytes() == (broken if isinstance(broken, bytes) else broken.encode())
        aside.unlink()
        assert load_settings().settings.clinic_name == "New"


def test_an_unreadable_file_that_names_a_database_never_opens_another() -> None:
    server = "postgresql+psycopg://clinic@db.example/bonecoach"
    path = settings_path()
    path.write_text(f'clinic_name = "Riv\nside"\ndatabase_url = "{server}"\n', encoding="utf-8")
    loaded = load_settings()  # not TOML (a line break in a string), but the URL line is whole
    assert loaded.settings.database_url == server
    assert loaded.problem is not None and "database_url was recovered" in loaded.problem

    path.write_text('database_url = "postgresql://clinic@db\n', encoding="utf-8")
    loaded = load_settings()
    assert loaded.settings.database_unreadable and loaded.settings.database_url == ""
    assert loaded.problem is not None and "no database is opened" in loaded.problem
    with pytest.raises(DatabaseProblem, match=r"names a database \(database_url\) that could not"):
        database_url(loaded.settings)
    with pytest.raises(DatabaseProblem):
        Store.open(settings=loaded.settings)
    assert not default_sqlite_path().exists()  # no empty local database was made


def test_the_command_line_reports_a_settings_problem(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from bonecoach.cli import main

    settings_path().write_text('paper_size = "A5"\n', encoding="utf-8")
    assert main(["clients"]) == 0
    err = capsys.readouterr().err
    assert "settings" in err and "paper_size = 'A5' is not used" in err


@pytest.mark.parametrize("value", ["5", "true", '"' + "x" * 1001 + '"'])
def test_a_database_url_of_the_wrong_kind_opens_no_database(value: str) -> None:
    settings_path().write_text(f'clinic_name = "Riverside"\ndatabase_url = {value}\n')
    loaded = load_settings()
    assert loaded.settings.database_unreadable and loaded.settings.clinic_name == "Riverside"
    assert loaded.problem is not None and "no database is opened" in loaded.problem
    with pytest.raises(DatabaseProblem, match="database_url"):
        Store.open(settings=loaded.settings)
    assert not default_sqlite_path().exists()  # not the local database in its place


def test_a_database_password_is_never_shown_in_a_settings_problem() -> None:
    url = "postgresql://clinic:s3cret-pw@db.example/bonecoach"
    settings_path().write_text(f'database_url = "{url}{"x" * 1000}"\n', encoding="utf-8")
    loaded = load_settings()
    assert loaded.problem is not None and "clinic:***@db.example" in loaded.problem
    assert "s3cret-pw" not in loaded.problem


def test_a_missing_database_file_named_in_the_settings_is_not_created(tmp_path: Path) -> None:
    """A drive not connected or a mistyped path: an empty new database there would show the
    clinic an empty client list."""
    missing = tmp_path / "share" / "clinic.sqlite3"
    settings_path().write_text(f'database_url = "sqlite:///{missing}"\n', encoding="utf-8")
    with pytest.raises(DatabaseProblem, match=r"database_url\) is .*clinic.sqlite3, which does"):
        Store.open(settings=load_settings().settings)
    assert not missing.exists() and not default_sqlite_path().exists()


def test_a_new_database_location_chosen_in_settings_is_created_then(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from bonecoach.app.settings import save_settings as save_from_dialog

    chosen = tmp_path / "new place" / "clinic.sqlite3"
    context = SimpleNamespace(settings=Settings(), therapist_name="", store=None)
    save_from_dialog(context, {"database_url": f"sqlite:///{chosen}"})  # type: ignore[arg-type]
    assert chosen.exists() and chosen.stat().st_size == 0
    store = Store.open(settings=load_settings().settings, auto_backup=False)
    assert store.list_clients() == [] and chosen.stat().st_size > 0
    store.close(auto_backup=False)


@pytest.mark.parametrize("url", ["mysql://clinic:pw9@db/bonecoach", "garbage", "http://x"])
def test_a_database_url_bonecoach_cannot_open_is_named_with_what_it_can(url: str) -> None:
    settings_path().write_text(f'database_url = "{url}"\n', encoding="utf-8")
    with pytest.raises(DatabaseProblem, match="database_url in the settings is") as refused:
        Store.open(settings=load_settings().settings)
    assert "SQLite file" in str(refused.value) and "pw9" not in str(refused.value)
    assert not default_sqlite_path().exists()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://clinic:p@ss-s3cret@db.example/bonecoach",  # an '@' in the password
        "postgresql://clinic@db.example/bonecoach?password=s3cret&sslmode=require",
        "postgres:/clinic:s3cret@db.example/bonecoach",  # a scheme too mistyped to parse
        "mysql://clinic:s3cret@db.example/bonecoach",
    ],
)
def test_no_form_of_a_database_password_is_shown_when_the_url_is_refused(url: str) -> None:
    settings_path().write_text(f'database_url = "{url}"\n', encoding="utf-8")
    path = default_sqlite_path()
    with pytest.raises(DatabaseProblem) as refused:
        Store.open(settings=load_settings().settings)
    assert "s3cret" not in str(refused.value) and "db.example" in str(refused.value)
    assert not path.exists()


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_a_database_in_memory_is_refused(url: str) -> None:
    """Every record would vanish when the app closed."""
    settings_path().write_text(f'database_url = "{url}"\n', encoding="utf-8")
    with pytest.raises(DatabaseProblem, match="kept only in memory"):
        Store.open(settings=load_settings().settings)
