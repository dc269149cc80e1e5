"""Choosing, checking, migrating and opening the database.

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
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError

from bonecoach.store.atomic import remove_abandoned_parts
from bonecoach.store.early import DEFAULT_FILE, URL_ENV
from bonecoach.store.errors import BackupError, DatabaseProblem
from bonecoach.store.models import HEAD_REVISION, KNOWN_REVISIONS
from bonecoach.store.settings import Settings, backup_folder, load_settings

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
    try:
        url = make_url(chosen)
    except ArgumentError:
        url = None
    if url is None or url.get_backend_name() not in ("sqlite", "postgresql"):
        from bonecoach.store.settings import masked

        raise DatabaseProblem(
            f"{source} is {masked(chosen)}: BoneCoach opens a SQLite file "
            "(sqlite:///path/to/file.sqlite3) or a PostgreSQL server "
            "(postgresql://user@host/database). No database was opened.",
            None,
            None,
        )
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
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


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


@dataclass(frozen=True)
class OpenedDatabase:
    engine: Engine
    url: str
    path: Path | None  # the SQLite file
    backup_folder: Path
    migrated_from: str | None  # revision before this start's migration; None if none ran
    created: bool
    start_backup: Path | None
    backup_problem: str | None = None  # the automatic backup failed (the database is fine)
    backup_due: bool = False  # a server's start-of-day export, left for the caller to run


def _problem(message: str, path: Path | None, folder: Path) -> DatabaseProblem:
    """The problem, and for a SQLite file the newest good backup to offer in its place (a
    server that cannot be reached or holds something else is the server's to fix)."""
    from bonecoach.store.backup import newest_good_backup

    return DatabaseProblem(message, path, None if path is None else newest_good_backup(folder))


def _open_sqlite(url: str, path: Path, folder: Path, auto_backup: bool) -> OpenedDatabase:
    from bonecoach.store.backup import automatic_backup, take_backup
    from bonecoach.store.sqlite_file import check_file, create_private_file

    health = check_file(path)
    if not health.ok:
        raise _problem(f"The database {health.problem}. It was not changed.", path, folder)
    created = health.revision is None
    migrated_from = None
    if not created and health.revision != HEAD_REVISION:
        take_backup(path, folder, "before-migration")
        migrated_from = health.revision
    create_private_file(path)
    engine = make_engine(url)
    if health.revision != HEAD_REVISION:
        from bonecoach.store.migrate import upgrade_to_head

        upgrade_to_head(engine)
    create_private_file(path)  # -wal/-shm now exist: owner-only too
    start_backup, problem = None, None
    if auto_backup and not created:
        # A backup folder that is offline (a network share) must not stop the day's work.
        try:
            start_backup = automatic_backup(path, folder)
        except (BackupError, OSError) as exc:
            problem = str(exc)
    return OpenedDatabase(engine, url, path, folder, migrated_from, created, start_backup, problem)


def _open_server(url: str, folder: Path, auto_backup: bool, backup_later: bool) -> OpenedDatabase:
    from sqlalchemy import inspect
    from sqlalchemy.exc import DBAPIError

    from bonecoach.store.migrate import current_revision, upgrade_to_head

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
            tables = set(inspect(connection).get_table_names())
    except DBAPIError as exc:
        engine.dispose()
        where = make_url(url).render_as_string(hide_password=True)
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise _problem(f"Cannot open the database at {where}: {reason}.", None, folder) from None
    if revision is None and tables:
        engine.dispose()
        raise _problem(
            f"The database at {make_url(url).render_as_string()} is not a BoneCoach database "
            f"(it has tables such as {', '.join(sorted(tables)[:3])}). It was not changed.",
            None,
            folder,
        )
    if revision is not None and revision not in KNOWN_REVISIONS:
        engine.dispose()
        raise _problem(
            f"The database has BoneCoach schema version {revision!r}, unknown to this "
            "BoneCoach (made by a newer version?). It was not changed.",
            None,
            folder,
        )
    migrated_from = None
    if revision != HEAD_REVISION:
        if revision is not None:
            from bonecoach.store.exchange import export_all_to_folder

            export_all_to_folder(engine, folder, "before-migration")
            migrated_from = revision
        upgrade_to_head(engine)
    created = revision is None
    start_backup, problem, due = None, None, False
    if auto_backup and not created:
        from bonecoach.store.backup import EXPORT_SUFFIX, automatic_backup_due
        from bonecoach.store.server_backup import automatic_server_backup

        if backup_later:  # a whole clinic takes seconds: the app exports it in the background
            due = automatic_backup_due(folder, datetime.now(UTC).date(), EXPORT_SUFFIX)
        else:
            try:  # as for SQLite: an offline backup folder must not stop the day's work
                start_backup = automatic_server_backup(engine, folder)
            except (BackupError, OSError, DBAPIError) as exc:
                problem = str(exc)
    return OpenedDatabase(
        engine, url, None, folder, migrated_from, created, start_backup, problem, due
    )


def open_database(
    url: str | None = None,
    *,
    settings: Settings | None = None,
    backups: Path | None = None,
    auto_backup: bool = True,
    server_backup_later: bool = False,
) -> OpenedDatabase:
    """Check, back up if needed, migrate and open; DatabaseProblem if it must not be used.

    ``server_backup_later``: a server database's start-of-day export is not taken here but
    marked ``backup_due`` (the app runs it in the background once the window works)."""
    settings = settings or load_settings().settings
    url = url or database_url(settings)
    folder = backups or backup_folder(settings)
    path = sqlite_path(url)
    # copies a killed backup, restore or export left behind hold client data: not kept
    parts = remove_abandoned_parts(folder)
    if path is not None:
        parts += remove_abandoned_parts(path.parent)
    for left in parts:
        log.info("removed a part file a stopped backup or restore left: %s", left)
    if path is not None:
        return _open_sqlite(url, path, folder, auto_backup)
    if make_url(url).get_backend_name() == "sqlite":  # in memory: tests only
        engine = make_engine(url)
        from bonecoach.store.migrate import upgrade_to_head

        upgrade_to_head(engine)
        return OpenedDatabase(engine, url, None, folder, None, True, None)
    return _open_server(url, folder, auto_backup, server_backup_later)
