"""Settings actions: read, save, and test a database location before it is saved."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bonecoach.app.workspace import Workspace


def load_settings() -> Any:
    from bonecoach.store.settings import load_settings as store_load

    return store_load().settings


def save_settings(context: Workspace, values: dict[str, Any]) -> Any:
    """Validate ``values`` as Settings, write the file, and update the context."""
    from bonecoach.store.settings import Settings
    from bonecoach.store.settings import save_settings as store_save

    settings = Settings.model_validate({**context.settings.model_dump(), **values})
    if settings.database_url and settings.database_url != context.settings.database_url:
        from bonecoach.store.location import create_new_location

        create_new_location(settings.database_url)
    store_save(settings)
    context.settings = settings
    context.therapist_name = settings.default_therapist or context.therapist_name
    if context.therapist_name:
        context.store.actor = context.therapist_name
    return settings


def test_database(url: str) -> str:
    """A one-line summary of the location ``url`` (path or URL), or its problem raised."""
    from bonecoach.store.location import describe_location

    return describe_location(url)


def normalise_url(text: str) -> str:
    from bonecoach.store.location import normalise_location

    return normalise_location(text)


def add_therapist(context: Workspace, name: str, credentials: str, contact: str) -> Any:
    return context.store.add_therapist(name, credentials, contact)


def save_therapists(context: Workspace, changes: list[Any]) -> list[Any]:
    """Store the Settings dialog's therapist changes (TherapistChange) in one transaction."""
    return list(context.store.save_therapists(changes, by=context.therapist_name or None))


def therapists(context: Workspace) -> list[Any]:
    return list(context.store.therapists(include_inactive=True))
