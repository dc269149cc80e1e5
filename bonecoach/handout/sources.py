"""The clinic rule every handout follows, and the shipped demo's handout (no database).

A stored program version's handout is assembled in bonecoach.app.handouts, for the app and
the command line alike. The clinic's name, phone, address and logo come from the settings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bonecoach.handout.build import PhaseChoice, build_handout_document
from bonecoach.handout.model import Clinic, HandoutDocument, HandoutOptions, Therapist
from bonecoach.program.exercise import Exercise

if TYPE_CHECKING:
    from bonecoach.store.document import ClientDocument
    from bonecoach.store.settings import Settings

DEMO_CLINIC = Clinic(
    name="BoneCoach demo clinic", phone="555-0100", address="1 Example Street, Springfield"
)


def shipped_library() -> Mapping[str, Exercise]:
    from bonecoach.paths import resource
    from bonecoach.program.library import load_library

    return load_library(resource("library"))


def clinic_from_settings(settings: Settings | None, fallback: Clinic | None = None) -> Clinic:
    """The clinic as the settings give it, one rule for every handout: its phone and address
    are printed even when no name is set (the STOP box needs the number); "Your clinic"
    stands for a missing name. ``fallback`` (the demo's clinic) when no name is set."""
    if settings is None or (fallback is not None and not settings.clinic_name.strip()):
        return fallback or Clinic(name="Your clinic")
    logo = Path(settings.logo_path).expanduser() if settings.logo_path.strip() else None
    return Clinic(
        name=settings.clinic_name.strip() or "Your clinic",
        phone=settings.clinic_phone.strip(),
        address=settings.clinic_address.strip(),
        emergency=settings.emergency_number.strip(),
        logo_path=logo if logo is not None and logo.is_file() else None,
    )


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
