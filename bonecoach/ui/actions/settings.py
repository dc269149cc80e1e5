"""Settings actions: read, save, and test a database location before it is saved."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bonecoach.ui.context import AppContext


def load_settings() -> Any:
    from bonecoach.store.settings import load_settings as store_load

    return store_load().settings


def save_settings(context: AppContext, values: dict[str, Any]) -> Any:
    """Validate ``values`` as Settings, write the file, and update the context."""
    from bonecoach.store.settings import Settings
    from bonecoach.store.settings import save_settings as store_save

    settings = Settings.model_validate({**context.settings.model_dump(), **values})
    if settings.database_url and settings.database_url != context.settings.database_url:
        _create_new_database_file(settings.database_url)
    store_save(settings)
    context.settings = settings
    context.therapist_name = settings.default_therapist or context.therapist_name
    if context.therapist_name:
        context.store.actor = context.therapist_name
    return settings


def _create_new_database_file(url: str) -> None:
    """A new SQLite location is created now, empty: at start-up a named file that is missing
    means a drive not connected, and BoneCoach refuses rather than start an empty one."""
    from bonecoach.store.database import sqlite_path
    from bonecoach.store.sqlite_file import create_private_file

    path = sqlite_path(url)
    if path is not None and not path.exists():
        create_private_file(path)


def test_database(url: str) -> str:
    """Open ``url`` (SQLite path or PostgreSQL URL) and check it; returns a summary line.

    Raises the store's error naming the problem. Nothing is migrated or written: the check
    only connects and reads the schema version.
    """
    from sqlalchemy import inspect

    from bonecoach.store.database import make_engine, sqlite_path
    from bonecoach.store.migrate import current_revision
    from bonecoach.store.models import KNOWN_REVISIONS

    url = normalise_url(url)
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


def normalise_url(text: str) -> str:
    """A file path becomes a sqlite:/// URL; a bare postgresql:// gets the psycopg driver."""
    from sqlalchemy import make_url

    text = text.strip()
    if not text:
        raise ValueError("give a SQLite file or a PostgreSQL URL")
    if "://" not in text:
        from pathlib import Path

        return f"sqlite:///{Path(text).expanduser().resolve()}"
    url = make_url(text)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def add_therapist(context: AppContext, name: str, credentials: str, contact: str) -> Any:
    return context.store.add_therapist(name, credentials, contact)


def save_therapists(context: AppContext, changes: list[Any]) -> list[Any]:
    """Store the Settings dialog's therapist changes (TherapistChange) in one transaction."""
    return list(context.store.save_therapists(changes, by=context.therapist_name or None))


def therapists(context: AppContext) -> list[Any]:
    return list(context.store.therapists(include_inactive=True))
