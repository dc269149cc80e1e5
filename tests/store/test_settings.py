"""Settings: readable TOML in the config folder, defaults merged, corrupt files kept aside."""

from __future__ import annotations

import tomllib
from pathlib import Path

from bonecoach.store.settings import (
    Settings,
    backup_folder,
    load_settings,
    save_settings,
    settings_path,
)


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
    assert loaded.problem is None


def test_corrupt_file_falls_back_and_is_kept_aside() -> None:
    path = settings_path()
    for broken, problem in [
        ("clinic_name = \n", "Invalid"),
        ('paper_size = "legal"\n', "paper_size"),
        (b"\xff\xfe not text", "decode"),
    ]:
        if isinstance(broken, bytes):
            path.write_bytes(broken)
        else:
            path.write_text(broken, encoding="utf-8")
        loaded = load_settings()
        assert loaded.settings == Settings()
        assert loaded.problem is not None and problem in loaded.problem
        assert loaded.moved_to is not None and loaded.moved_to.name.startswith("settings.toml.")
        kept = loaded.moved_to.read_bytes()
        assert kept == (broken if isinstance(broken, bytes) else broken.encode())
        assert not path.exists()
