"""Handout actions: what to print for a client, the PDF itself, and noting that it was printed.

``build_pdf`` touches no database and no widget, so the Handout tab runs it on a worker
thread; reportlab is imported there, never at app start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bonecoach.handout.model import HandoutOptions
    from bonecoach.program.exercise import Exercise
    from bonecoach.ui.context import AppContext


@dataclass(frozen=True)
class HandoutSource:
    """The client and the saved program version a handout would print."""

    client_id: int
    client_name: str
    version: Any | None  # ProgramVersionRecord: a handout always maps to a saved version
    clinic: Any  # bonecoach.handout.model.Clinic
    therapist: Any  # bonecoach.handout.model.Therapist
    # Archived custom exercises this version still names: out of the app's library, yet an
    # old program's handout must print them.
    archived_exercises: Mapping[str, Exercise] = field(default_factory=dict)
    # ... and the photos of those that have one.
    archived_photos: Mapping[str, bytes] = field(default_factory=dict)


def open_handout_source(context: AppContext, client_id: int) -> HandoutSource:
    from bonecoach.handout.model import Clinic, Therapist
    from bonecoach.store.records import record_photos

    store, settings = context.store, context.settings
    client = store.get_client(client_id)
    version = store.latest_program(client_id)
    # The handout names the therapist who prescribed (saved) this version, else the user.
    name = (
        (version.saved_by if version is not None else "")
        or context.therapist_name
        or getattr(settings, "default_therapist", "")
        or ""
    )
    credentials = next((t.credentials for t in store.therapists() if t.name == name and name), "")
    logo = getattr(settings, "logo_path", "") or ""
    clinic = Clinic(
        name=getattr(settings, "clinic_name", "") or "Your clinic",
        phone=getattr(settings, "clinic_phone", "") or "",
        address=getattr(settings, "clinic_address", "") or "",
        logo_path=Path(logo) if logo and Path(logo).is_file() else None,
    )
    named = set() if version is None else version.program.exercise_ids()
    records = [
        r
        for r in store.custom_exercises(include_archived=True)
        if r.archived and r.id in named and r.id not in context.library
    ]
    return HandoutSource(
        archived_exercises={r.id: r.exercise for r in records},
        archived_photos=record_photos(records),
        client_id=client_id,
        client_name=client.name,
        version=version,
        clinic=clinic,
        therapist=Therapist(name=name or "Your therapist", credentials=credentials),
    )


def build_pdf(
    source: HandoutSource,
    library: Mapping[str, Exercise],
    illustrations: Mapping[str, Any],
    options: HandoutOptions,
    phases: str | int = "current",
    photos: Mapping[str, bytes] | None = None,
) -> bytes:
    """The handout PDF of the source's saved program version (NoHomeHandout, ValueError).

    ``illustrations`` and ``photos`` (custom exercises' photo bytes by id) are the app's;
    the archived exercises the version names bring their own photos.
    """
    from bonecoach.handout.build import build_handout_document
    from bonecoach.handout.pictures import art_source
    from bonecoach.handout.render import render_handout_bytes

    version = source.version
    if version is None:
        raise ValueError("This client has no saved program yet: save one on the Program tab.")
    if source.archived_exercises:
        library = {**source.archived_exercises, **library}
    document = build_handout_document(
        source.client_name,
        version.program,
        library,
        therapist=source.therapist,
        clinic=source.clinic,
        options=options,
        phases=phases,  # type: ignore[arg-type]
        version_number=version.number,
        version_date=version.saved_at.date() if version.saved_at else dt.date.today(),
    )
    printed = {**source.archived_photos, **(photos or {})}
    return render_handout_bytes(document, pictures=art_source(dict(illustrations)), photos=printed)


def write_pdf(data: bytes, path: Path) -> Path:
    """Owner-only (it names the client), through a temporary file so a failed save (a full
    disk) never leaves half a PDF."""
    from bonecoach.store.atomic import write_private_bytes

    return write_private_bytes(Path(path), data)


def record_handout(
    context: AppContext, version_id: int, options: HandoutOptions, file_name: str
) -> Any:
    return context.store.record_handout(
        version_id,
        paper=options.paper,
        large_print=options.large_print,
        file_name=file_name,
        by=context.therapist_name or None,
    )
