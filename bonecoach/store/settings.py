"""Clinic settings: a readable TOML file in the config folder, defaults merged in at start.

Each value is checked on its own: a bad one (``paper_size = "A5"``) is named and replaced by
its default while every valid value, above all ``database_url``, is kept; the file is left as
it is for the clinic to correct, and the problem is reported at every start (app and command
line) until it is. A file that is not TOML at all is left in place too; it is renamed aside
with a timestamp (``settings.toml.corrupt-20261124T142500Z``), never deleted, only when
Settings writes a new file over it. If such a file named a database, BoneCoach must not
quietly open another one: the database URL is recovered from the file's text when possible,
and otherwise ``database_unreadable`` is set, so opening a database refuses with a message
instead of showing an empty local database.
"""

from __future__ import annotations

import json
import re
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
    # printed in the STOP box: "call 911 now" reads faster than "call emergency services"
    emergency_number: str = Field(default="", max_length=20)
    logo_path: str = Field(default="", max_length=1000, description="PNG or JPEG; empty: none")
    paper_size: Literal["letter", "a4"] = "letter"
    large_print: bool = False
    backup_folder: str = Field(default="", max_length=1000, description="empty: data_dir()/backups")
    database_url: str = Field(default="", max_length=1000, description="empty: the SQLite file")
    default_therapist: str = Field(default="", max_length=200)
    # not a setting: the file named a database BoneCoach could not read (never saved)
    database_unreadable: bool = Field(default=False, exclude=True)


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    path: Path
    problem: str | None = None  # the values not used (or why the file was set aside)
    notes: list[str] = field(default_factory=list)


def settings_path() -> Path:
    from bonecoach.paths import config_dir

    return config_dir() / SETTINGS_FILE


def _describe(error: ValidationError) -> str:
    return "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in error.errors())


_URL_LINE = re.compile(r'(?m)^\s*database_url\s*=\s*"([^"\n]*)"\s*(?:#.*)?$')


def _checked(data: dict[str, object]) -> tuple[Settings, list[str]]:
    """Every valid value kept; each bad one named, with the default used instead."""
    good: dict[str, object] = {}
    problems: list[str] = []
    for name, value in data.items():
        info = Settings.model_fields.get(name)
        if info is None or info.exclude:
            # a newer version's key, or a typo (``databse_url`` would quietly open a new,
            # empty database): named either way, and otherwise ignored
            problems.append(f"{name} is not a setting this BoneCoach knows (ignored)")
            continue
        try:
            Settings.model_validate({name: value})
        except ValidationError as exc:
            shown = masked(value) if name == "database_url" else repr(value)
            if name == "database_url":
                # the clinic named a database: opening the local file instead would show an
                # empty client list as if it were theirs
                good["database_unreadable"] = True
                problems.append(
                    f"database_url = {shown} is not used ({_describe(exc)}); no database is "
                    "opened until it is corrected"
                )
                continue
            problems.append(
                f"{name} = {shown} is not used ({_describe(exc)}); the default "
                f"{info.default!r} applies until it is corrected in Settings"
            )
            continue
        good[name] = value
    unreadable = bool(good.pop("database_unreadable", False))
    return Settings.model_validate(good).model_copy(
        update={"database_unreadable": unreadable}
    ), problems


_SECRET_QUERY = re.compile(r"(?i)\b((?:ssl)?pass(?:word|wd)?|pwd|secret|token)=[^&#\s]*")


def masked(value: object) -> str:
    """A database URL as it may be shown: any password (also one holding '@', one given as
    ``?password=``, or one in a URL too mistyped to parse) replaced by ***."""
    if not isinstance(value, str):
        return repr(value)
    shown = repr(shown_url(value))
    return shown if len(shown) <= 120 else f"{shown[:100]}… ({len(shown)} characters)"


def shown_url(text: str) -> str:
    """A database URL for a message, a log line or the status bar: passwords hidden."""
    return _SECRET_QUERY.sub(r"\1=***", _userinfo_masked(text))


def _userinfo_masked(text: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except (ArgumentError, ValueError):
        url = None
    if url is not None and url.drivername.startswith("sqlite"):
        return text  # a file path: no password, and an '@' in it is part of a folder name
    if url is not None and "@" not in (url.host or "") and "@" not in (url.database or ""):
        # rendered only when there is a password to hide: rendering re-quotes a path
        return text if url.password is None else url.render_as_string(hide_password=True)
    at = text.rfind("@")
    if at < 0:
        return text
    # unparsed: keep the scheme and the host, hide everything between them
    scheme, sep, _ = text.partition("://")
    return f"{scheme}://***{text[at:]}" if sep else f"***{text[at:]}"


def load_settings(path: Path | None = None) -> LoadedSettings:
    """The settings with defaults merged in, each value checked on its own."""
    path = path or settings_path()
    if not path.exists():
        return LoadedSettings(Settings(), path)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return _unreadable(path, exc)
    settings, problems = _checked(data)
    return LoadedSettings(settings, path, problem="; ".join(problems) or None)


def _unreadable(path: Path, exc: Exception) -> LoadedSettings:
    """A file that is not TOML: left in place (it is the clinic's), its database recovered if
    its line is readable; it is kept aside only when Settings writes a new file over it."""
    try:
        raw = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        raw = ""
    found = _URL_LINE.search(raw)
    settings = Settings()
    note = "the defaults are used"
    if found is not None:
        try:
            settings = Settings(database_url=found.group(1))
            note = "its database_url was recovered; the other values are the defaults"
        except ValidationError:
            found = None
    if found is None and "database_url" in raw:
        settings = Settings(database_unreadable=True)
        note = "it names a database that could not be read, so no database is opened"
    problem = f"{path} could not be read ({_first_line(exc)}); {note}"
    return LoadedSettings(settings, path, problem=problem)


def _keep_aside(path: Path) -> Path | None:
    """An unreadable file about to be replaced: renamed with a timestamp, never deleted."""
    try:
        tomllib.loads(path.read_text(encoding="utf-8"))
        return None
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        aside = path.with_name(f"{path.name}.corrupt-{stamp}")
        path.rename(aside)
        return aside


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


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
        if info.exclude:
            continue
        if info.description:
            lines.append(f"# {info.description}")
        lines.append(f"{name} = {_toml_value(getattr(settings, name))}")
    _keep_aside(path)
    return write_private_text(path, "\n".join(lines) + "\n")


def backup_folder(settings: Settings) -> Path:
    from bonecoach.paths import data_dir

    if settings.backup_folder:
        return Path(settings.backup_folder).expanduser()
    return data_dir() / "backups"
