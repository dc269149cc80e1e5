"""Profile actions: read the history, save a new dated version, assess."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bonecoach.app.workspace import Workspace
    from bonecoach.program.assessment import Assessment
    from bonecoach.program.profile import ClientProfile


def profile_history(context: Workspace, client_id: int) -> list[Any]:
    """Every saved profile version, oldest first."""
    return list(context.store.profile_history(client_id))


def save_profile(
    context: Workspace,
    client_id: int,
    profile: ClientProfile,
    recorded_on: date,
    note: str,
    based_on: int | None,
) -> Any:
    """Save a new version; refused (StaleSaveError) if another one was saved since opening.

    Profile versions are append-only, so nothing would be overwritten; the check keeps a
    therapist from unknowingly filing a profile built on figures someone else just updated.
    """
    # the check and the save are one transaction in the store, so two workstations saving
    # on the same version cannot both pass it
    return context.store.save_profile(
        client_id,
        profile,
        recorded_on=recorded_on,
        note=note,
        based_on=based_on,
        by=context.therapist_name or "",
    )


def assess(profile: ClientProfile) -> Assessment:
    from bonecoach.program.assessment import assess as domain_assess

    return domain_assess(profile)


def date_of_birth(context: Workspace, client_id: int) -> Any:
    """The client's date of birth, or None when it is not recorded."""
    return context.store.get_client(client_id).date_of_birth
