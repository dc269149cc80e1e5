"""Choosing the database and making its engine (opening it: bonecoach.store.opening).

SQLite (default): ``bonecoach.sqlite3`` in the data folder, WAL journal, foreign keys on,
``synchronous=FULL``. In WAL mode FULL syncs the log at every commit, so a save that returned
survives a power cut; NORMAL would only keep the file consistent, possibly losing the last
saves. A commit costs one fsync (a few ms), acceptable for a therapist's save button.

PostgreSQL: ``BONECOACH_DATABASE_URL`` or the ``database_url`` setting
(``postgresql+psycopg://user:password@host/db``; a bare ``postgresql://`` gets psycopg 3).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError

from bonecoach.store.early import DEFAULT_FILE, URL_ENV
from bonecoach.store.errors import DatabaseProblem
from bonecoach.store.settings import Settings

log = logging.getLogger(__name__)


def default_sqlite_path() -> Path:
    from bonecoach.paths import data_dir

    return data_dir() / DEFAULT_FILE


def database_url(settings: Settings | None = None) -> str:
    """The environment variable wins over the settings, which win over the default file.

    DatabaseProblem when the settings file named a database that could not be read: opening
    the local file instead would show the clinic an empty client list."""
    from_env = os.environ.get(URL_ENV)
    if not from_env and settings is not None and settings.database_unreadable:
        raise DatabaseProblem(
            "The settings file names a database (database_url) that could not be read, so "
            "BoneCoach did not open one (the local database would look empty). Correct "
            "database_url in the settings file or restore it from its kept copy, or set the "
            "database again in Settings.",
            None,
            None,
        )
    chosen = from_env or (settings.database_url if settings else "")
    if not chosen:
        return f"sqlite:///{default_sqlite_path()}"
    source = URL_ENV if from_env else "database_url in the settings"
    url = checked_url(chosen, source)
    named = sqlite_path(url)
    if not from_env and named is not None and not named.exists():
        # a drive not connected or a mistyped path: a new empty database there would show the
        # clinic an empty client list. Settings creates the file when a new location is saved.
        raise DatabaseProblem(
            f"The database in the settings (database_url) is {named}, which does not exist. "
            "BoneCoach did not create an empty one there. Connect the drive or folder that "
            "holds it, or choose the database again in Settings.",
            None,
            None,
        )
    return url.render_as_string(hide_password=False)


def checked_url(chosen: str, source: str) -> URL:
    """``chosen`` as a URL BoneCoach can open (a bare postgresql:// gets psycopg 3), or
    DatabaseProblem naming ``source`` (where it came from) and the problem, password hidden:
    not SQLite or PostgreSQL, a second '@' in the part before the server, or a database kept
    only in memory. The settings file, the environment and the Settings dialog share it."""
    from bonecoach.store.settings import masked

    try:
        url = make_url(chosen)
    except ArgumentError:
        url = None
    if url is None or url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseProblem(
            f"{source} is {masked(chosen)}: BoneCoach opens a SQLite file "
            "(sqlite:///path/to/file.sqlite3) or a PostgreSQL server "
            "(postgresql://user@host/database). No database was opened.",
            None,
            None,
        )
    if "@" in (url.host or ""):
        # the parser splits at the first '@': the rest of the password becomes the host name
        raise DatabaseProblem(
            f"{source} is {masked(chosen)}: the part before the server name holds a second "
            "'@'. Write an '@' inside the user name or password as %40. No database was opened.",
            None,
            None,
        )
    if url.get_backend_name() == "sqlite" and sqlite_path(url) is None:
        # sqlite:// and :memory: are databases that vanish when the app closes
        raise DatabaseProblem(
            f"{source} is {masked(chosen)}, a database kept only in memory: every record "
            "would be lost when BoneCoach closes. Name a file (sqlite:///path/to/file.sqlite3). "
            "No database was opened.",
            None,
            None,
        )
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url


def sqlite_path(url: str | URL) -> Path | None:
    """The file of a SQLite URL; None for PostgreSQL or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


# how long a save waits for another window's or workstation's save before saying so
BUSY_TIMEOUT_SECONDS = 10


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # We issue BEGIN ourselves (see _begin) so reads and writes of one save share a transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_SECONDS * 1000)}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _begin(connection: Any) -> None:
    write = connection.get_execution_options().get("bonecoach_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str) -> Engine:
    from bonecoach.store.text_guard import checked_json, refuse_control_characters

    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(
            url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS}, json_serializer=checked_json
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin)
    else:
        engine = create_engine(url, pool_pre_ping=True, json_serializer=checked_json)
    event.listen(engine, "before_cursor_execute", refuse_control_characters)
    return engine
