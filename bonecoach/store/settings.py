"""Clinic settings: a readable TOML file in the config folder, defaults merged in at start.

A file that cannot be read or holds invalid values is never deleted: it is renamed aside with
a timestamp (``settings.toml.corrupt-20261124T142500Z``) and the defaults are used, so the
app still starts and clinic IT can recover what was typed.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bonecoach.store.atomic import write_private_text
from bonecoach.store.early import SETTINGS_FILE


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)  # keys of newer versions are ignored

    clinic_name: str = Field(default="", max_length=200)
    clinic_address: str = Field(default="", max_length=500)
    clinic_phone: str = Field(default="", max_length=60)
    logo_path: str = Field(default="", max_length=1000, description="PNG or JPEG; empty: none")
    paper_size: Literal["letter", "a4"] = "letter"
    large_print: bool = False
    backup_folder: str = Field(default="", max_length=1000, description="empty: data_dir()/backups")
    database_url: str = Field(default="", max_length=1000, description="empty: the SQLite file")
    default_therapist: str = Field(default="", max_length=200)


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    path: Path
    problem: str | None = None  # why the file was set aside, if it was
    moved_to: Path | None = None
    notes: list[str] = field(default_factory=list)


def settings_path() -> Path:
    from bonecoach.paths import config_dir

    return config_dir() / SETTINGS_FILE


def _describe(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or '(file)'}: {e['msg']}" for e in error.errors()
    )


def load_settings(path: Path | None = None) -> LoadedSettings:
    """The settings with defaults merged in; a corrupt file is moved aside, never deleted."""
    path = path or settings_path()
    if not path.exists():
        return LoadedSettings(Settings(), path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return LoadedSettings(Settings.model_validate(data), path)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError) as exc:
        problem = _describe(exc) if isinstance(exc, ValidationError) else str(exc)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        aside: Path | None = path.with_name(f"{path.name}.corrupt-{stamp}")
        try:
            path.rename(aside)  # type: ignore[arg-type]
        except OSError:
            aside = None
        return LoadedSettings(Settings(), path, problem=problem, moved_to=aside)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    # A JSON string is a valid TOML basic string (same escapes, \uXXXX included).
    return json.dumps(str(value), ensure_ascii=False)


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically (temp file + rename), owner-only: it may name the database server."""
    path = path or settings_path()
    lines = ["# BoneCoach settings. Edit in the app (Settings) or here; empty means default.", ""]
    for name, info in Settings.model_fields.items():
        if info.description:
            lines.append(f"# {info.description}")
        lines.append(f"{name} = {_toml_value(getattr(settings, name))}")
    return write_private_text(path, "\n".join(lines) + "\n")


def backup_folder(settings: Settings) -> Path:
    from bonecoach.paths import data_dir

    if settings.backup_folder:
        return Path(settings.backup_folder).expanduser()
    return data_dir() / "backups"
