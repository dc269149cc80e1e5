"""Client actions: list, create, archive or restore."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class ClientOverview:
    """What the client list shows beside a name: a red flag to review, the last visit and
    when the program is due for review."""

    red_flag: bool = False
    last_visit: date | None = None
    review_on: date | None = None


def overview_of(context: Workspace, client_id: int, today: date | None = None) -> ClientOverview:
    from bonecoach.app.sessions import load_sessions

    view = load_sessions(context, client_id)
    sessions = view.history.sessions
    version = view.history.latest_program
    day = today or date.today()
    return ClientOverview(
        red_flag=bool(view.red_flags),
        last_visit=max((s.log.date for s in sessions), default=None),
        review_on=version.program.review_date(day) if version is not None else None,
    )


def client_overview(context: Workspace) -> dict[int, ClientOverview]:
    """Every current client's overview: read on a worker after start-up."""
    return {c.id: overview_of(context, c.id) for c in context.store.list_clients()}
