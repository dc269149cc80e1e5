"""A read-only first look at the clinic's SQLite database, before the store opens.

The app lists clients the moment its window appears by reading them here with the standard
library's sqlite3 (milliseconds; no SQLAlchemy or pydantic import), while the full store is
checked, backed up, migrated and opened on a worker thread. Nothing here writes: the file is
opened read-only, and a database that is missing, elsewhere (PostgreSQL), locked or not
BoneCoach's simply gives no early list; the full open then decides what to tell the user.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from typing import NamedTuple

DEFAULT_FILE = "bonecoach.sqlite3"
URL_ENV = "BONECOACH_DATABASE_URL"
SETTINGS_FILE = "settings.toml"


# The one setting this needs, read without a TOML parser (start-up time): a non-empty
# `database_url = "..."` line means another database. A file the full open cannot read is
# reported by it; at worst this shows the default file's list for a moment.
_DATABASE_URL_LINE = re.compile(r"""^\s*database_url\s*=\s*(?P<value>\S.*?)\s*(?:#.*)?$""", re.M)
_EMPTY_STRINGS = ('""', "''", '""""""', "''''''")


class EarlyClient(NamedTuple):
    """What the client list shows: enough to find and pick a client."""

    id: int
    name: str
    clinic_id: str | None
    date_of_birth: str | None  # ISO date as stored
    archived: bool


def default_database_file() -> Path | None:
    """The SQLite file the store will open by default, or None when another database is set."""
    from bonecoach.paths import config_dir, data_dir

    if os.environ.get(URL_ENV):
        return None
    settings = config_dir() / SETTINGS_FILE
    if settings.exists():
        try:
            text = settings.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None  # the full open reports the broken settings
        found = _DATABASE_URL_LINE.search(text)
        if found and found.group("value") not in _EMPTY_STRINGS:
            return None
    return data_dir() / DEFAULT_FILE


def early_clients(path: Path | None = None) -> list[EarlyClient] | None:
    """Every client (archived too) in name order, or None when there is nothing safe to read."""
    path = default_database_file() if path is None else path
    if path is None or not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return None
    try:
        rows = connection.execute(
            "SELECT id, name, clinic_id, date_of_birth, archived FROM clients "
            "ORDER BY lower(name), id"
        ).fetchall()
    except sqlite3.Error:  # not a BoneCoach database, locked, or damaged: wait for the store
        return None
    finally:
        connection.close()
    return [
        EarlyClient(int(i), str(name), clinic_id, None if dob is None else str(dob), bool(arch))
        for i, name, clinic_id, dob, arch in rows
    ]
