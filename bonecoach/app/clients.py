"""Client actions: list, create, archive or restore."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bonecoach.app.workspace import Workspace


def list_clients(context: Workspace) -> list[Any]:
    """Every client, archived included (the list hides those itself, behind a toggle)."""
    return list(context.store.list_clients(include_archived=True))


def get_client(context: Workspace, client_id: int) -> Any:
    return context.store.get_client(client_id)


def create_client(
    context: Workspace,
    name: str,
    date_of_birth: date | None,
    clinic_id: str | None,
    contact: str,
) -> Any:
    return context.store.create_client(
        name,
        date_of_birth=date_of_birth,
        clinic_id=clinic_id or None,
        contact=contact,
        by=context.therapist_name or "",
    )


def find_existing(
    context: Workspace, name: str, date_of_birth: date | None, clinic_id: str | None
) -> Any | None:
    return context.store.find_existing_client(name, date_of_birth, clinic_id or None)


def update_client(
    context: Workspace,
    client: Any,
    name: str,
    date_of_birth: date | None,
    clinic_id: str | None,
    contact: str,
) -> Any:
    """Change the details of ``client`` (the record as read: its version is checked)."""
    return context.store.update_client(
        client.id,
        client.version,
        name=name,
        date_of_birth=date_of_birth,
        clinic_id=clinic_id,
        contact=contact,
        by=context.therapist_name or "",
    )


def set_archived(context: Workspace, client_id: int, archived: bool) -> Any:
    client = context.store.get_client(client_id)
    return context.store.archive_client(
        client_id, client.version, archived, by=context.therapist_name or ""
    )


def load_demo(context: Workspace) -> tuple[list[Any], list[str]]:
    """Import the shipped demo clients (slow-ish: run through context.tasks)."""
    from bonecoach.store.exchange import load_demo as store_load_demo

    return store_load_demo(context.store, by=context.therapist_name or "")


def has_control_character(text: str) -> bool:
    """Text the store would refuse (a pasted NUL, escape or direction override)."""
    from bonecoach.store.file_checks import CONTROL

    return CONTROL.search(text) is not None


def unprintable_problem(text: str) -> str | None:
    """What to say at a field whose text the handout cannot print (it would be empty boxes
    on paper, and on screens without such a font), or None."""
    from bonecoach.handout.fonts import unprintable

    bad = unprintable(text)
    if not bad:
        return None
    shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in bad[:3])
    return f"holds {shown}, which the handout cannot print; remove it"


def clients_with_red_flags(context: Workspace) -> set[int]:
    """The clients (not archived) with a red flag not yet reviewed: read on a worker after
    start-up, so the list can mark them."""
    from bonecoach.app.sessions import load_sessions

    return {
        client.id
        for client in context.store.list_clients()
        if load_sessions(context, client.id).red_flags
    }
