"""Where the records live, as the Settings dialog chooses it: a location typed by a person
(a file path or a URL) made into a URL, checked without writing anything, and a new SQLite
location created when it is saved. The same URL rules as at start-up (database.checked_url),
so the dialog never accepts a location the next start would refuse."""

from __future__ import annotations

from pathlib import Path

from bonecoach.store.database import checked_url, make_engine, sqlite_path


def normalise_location(text: str) -> str:
    """A file path becomes a sqlite:/// URL; a URL is checked (DatabaseProblem naming the
    problem) and a bare postgresql:// gets the psycopg driver."""
    text = text.strip()
    if not text:
        raise ValueError("give a SQLite file or a PostgreSQL URL")
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    return checked_url(text, "The database").render_as_string(hide_password=False)


def describe_location(text: str) -> str:
    """Connect to the location and read its schema version: a one-line summary, or the
    store's error naming the problem. Nothing is migrated or written."""
    from sqlalchemy import inspect

    from bonecoach.store.migrate import current_revision
    from bonecoach.store.models import KNOWN_REVISIONS

    url = normalise_location(text)
    path = sqlite_path(url)
    if path is not None:
        if not path.exists():
            if not path.parent.is_dir():
                raise ValueError(f"the folder {path.parent} does not exist")
            return (
                f"{path} does not exist yet: Save creates it, and BoneCoach sets it up at "
                "the next start."
            )
        from bonecoach.store.sqlite_file import check_file

        health = check_file(path)  # read-only: a file that fails is never written to
        if not health.ok:
            raise ValueError(str(health.problem))
        if health.revision is None:
            return f"{path} is empty: BoneCoach will set it up at the next start."
        return f"{path} is a healthy BoneCoach database (schema {health.revision})."
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
            tables = inspect(connection).get_table_names()
    finally:
        engine.dispose()
    if revision is None:
        if tables:
            raise ValueError("this database holds other tables: it is not a BoneCoach database")
        return "Connected: an empty database; BoneCoach will set it up at the next start."
    if revision not in KNOWN_REVISIONS:
        raise ValueError(f"schema version {revision!r} is newer than this BoneCoach")
    return f"Connected: a BoneCoach database (schema {revision})."


def create_new_location(url: str) -> None:
    """A new SQLite location is created now, empty: at start-up a named file that is missing
    means a drive not connected, and BoneCoach refuses rather than start an empty one."""
    from bonecoach.store.sqlite_file import create_private_file

    path = sqlite_path(url)
    if path is not None and not path.exists():
        create_private_file(path)
