"""The shipped demo's handout: a demo client's program printed without a database.

A stored program version's handout is assembled in bonecoach.app.handouts, for the app and
the command line alike; the demo follows the same clinic rule (``clinic_from_settings``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from bonecoach.app.handouts import clinic_from_settings
from bonecoach.handout.build import PhaseChoice, build_handout_document
from bonecoach.handout.model import Clinic, HandoutDocument, HandoutOptions, Therapist
from bonecoach.program.exercise import Exercise

if TYPE_CHECKING:
    from bonecoach.store.client_file import ClientFile
    from bonecoach.store.settings import Settings

DEMO_CLINIC = Clinic(
    name="BoneCoach demo clinic", phone="555-0100", address="1 Example Street, Springfield"
)


def shipped_library() -> Mapping[str, Exercise]:
    from bonecoach.paths import resource
    from bonecoach.program.library import load_library

    return load_library(resource("library"))


def demo_documents() -> list[ClientFile]:
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
