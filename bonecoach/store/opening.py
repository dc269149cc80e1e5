"""Opening the database: check it, back it up, migrate it, then hand over its engine.

Above the engine (database.py) and the backups (backup, server_backup): a SQLite file that
fails its check is refused with the newest good backup offered in its place; one at an older
schema is backed up before it is migrated; the day's first start takes the automatic backup
(a server database's whole-clinic export may be left for the app to take in the background).
Part files a killed backup or restore left (they hold client data) are removed first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, make_url

from bonecoach.store.atomic import remove_abandoned_parts
from bonecoach.store.database import database_url, make_engine, sqlite_path
from bonecoach.store.errors import BackupError, DatabaseProblem
from bonecoach.store.models import HEAD_REVISION, KNOWN_REVISIONS
from bonecoach.store.settings import Settings, backup_folder, load_settings, shown_url

log = logging.getLogger(__name__)


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
        where = shown_url(url)
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
