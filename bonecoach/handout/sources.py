"""Where a handout's content comes from: a stored program version, or the shipped demo.

Shared by `bonecoach handout` and the app, so both print the same thing for the same
program version. The clinic's name, phone, address and logo come from the settings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bonecoach.handout.build import PhaseChoice, build_handout_document
from bonecoach.handout.model import Clinic, HandoutDocument, HandoutOptions, Therapist
from bonecoach.program.exercise import Exercise

if TYPE_CHECKING:
    from bonecoach.store.document import ClientDocument
    from bonecoach.store.records import ProgramVersionRecord
    from bonecoach.store.service import Store
    from bonecoach.store.settings import Settings

DEMO_CLINIC = Clinic(
    name="BoneCoach demo clinic", phone="555-0100", address="1 Example Street, Springfield"
)


@dataclass(frozen=True)
class StoredHandout:
    document: HandoutDocument
    version: ProgramVersionRecord


def shipped_library() -> Mapping[str, Exercise]:
    from bonecoach.paths import resource
    from bonecoach.program.library import load_library

    return load_library(resource("library"))


def clinic_from_settings(settings: Settings | None, fallback: Clinic | None = None) -> Clinic:
    """The clinic as set in the settings; ``fallback`` (or a blank clinic) if none is set."""
    if settings is None or not settings.clinic_name.strip():
        return fallback or Clinic(name="")
    logo = Path(settings.logo_path).expanduser() if settings.logo_path.strip() else None
    return Clinic(
        name=settings.clinic_name.strip(),
        phone=settings.clinic_phone.strip(),
        address=settings.clinic_address.strip(),
        logo_path=logo,
    )


def _therapist(name: str, known: Mapping[str, str]) -> Therapist:
    name = name.strip()
    return Therapist(name=name or "your therapist", credentials=known.get(name, ""))


def stored_handout(
    store: Store,
    client_id: int,
    *,
    program_id: int | None = None,
    options: HandoutOptions | None = None,
    settings: Settings | None = None,
    library: Mapping[str, Exercise] | None = None,
    phases: PhaseChoice = "current",
    today: dt.date | None = None,
    clinic_sheet: bool = False,
) -> StoredHandout:
    """The handout of a client's newest program version (of ``program_id`` if given).

    Raises the store's NotFoundError for an unknown client, LookupError when the client
    has no program.
    """
    client = store.get_client(client_id)
    version = store.latest_program(client_id, program_id)
    if version is None:
        which = f"program {program_id}" if program_id is not None else "program yet"
        raise LookupError(f"client {client_id} ({client.name}) has no saved {which}")
    credentials = {t.name: t.credentials for t in store.therapists(include_inactive=True)}
    # Whoever saved this version, if they are on the therapist list; else the clinic's
    # default therapist; else the name the version was saved under.
    default = settings.default_therapist.strip() if settings else ""
    who = version.saved_by if version.saved_by in credentials else default or version.saved_by
    document = build_handout_document(
        client.name,
        version.program,
        library if library is not None else shipped_library(),
        therapist=_therapist(who, credentials),
        clinic=clinic_from_settings(settings),
        options=options,
        phases=phases,
        today=today,
        version_number=version.number,
        version_date=version.saved_at.date(),
        clinic_sheet=clinic_sheet,
    )
    return StoredHandout(document, version)


def demo_documents() -> list[ClientDocument]:
    from bonecoach.store.exchange import load_demo_documents

    return [d for d in load_demo_documents() if any(not p.archived for p in d.programs)]


def demo_handout(
    *,
    client: str | None = None,
    options: HandoutOptions | None = None,
    settings: Settings | None = None,
    library: Mapping[str, Exercise] | None = None,
    phases: PhaseChoice = "current",
    today: dt.date | None = None,
    clinic_sheet: bool = False,
) -> HandoutDocument:
    """The handout of a shipped demo client (the first, or the one whose name contains
    ``client``), newest version of their first current program; no database needed."""
    documents = demo_documents()
    if client:
        documents = [d for d in documents if client.lower() in d.client.name.lower()]
    if not documents:
        wanted = f" matching {client!r}" if client else ""
        raise LookupError(f"no demo client with a program{wanted} in the shipped demo data")
    doc = documents[0]
    entry = next(p for p in doc.programs if not p.archived)
    version = entry.versions[-1]
    return build_handout_document(
        doc.client.name,
        version.program,
        library if library is not None else shipped_library(),
        therapist=Therapist(name=version.saved_by.strip() or doc.exported_by or "your therapist"),
        clinic=clinic_from_settings(settings, fallback=DEMO_CLINIC),
        options=options,
        phases=phases,
        today=today or _demo_today(version.program),
        version_number=version.number,
        version_date=version.saved_at.date(),
        clinic_sheet=clinic_sheet,
    )


def _demo_today(program: Any) -> dt.date:
    """The demo prints its first phase on any day: "today" is the program's start."""
    start = getattr(program, "start_date", None)
    return start if isinstance(start, dt.date) else dt.date.today()
