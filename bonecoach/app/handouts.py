"""The handout of a stored program version: one rule for the app and for `bonecoach handout`.

Before this module the app and the command line each assembled the handout themselves and
disagreed: for the same version one printed the therapist who prescribed it, the other the
clinic's default therapist; one kept the clinic phone when no clinic name was set, the other
dropped it from the STOP box. Now both ask ``handout_source`` and ``handout_document``.

The therapist: whoever saved (prescribed) the version; if no one is recorded, the person
printing (the app's therapist, the command line's default therapist). Credentials come from
the therapist list, former therapists included (the prescriber may have left).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bonecoach.handout.build import PhaseChoice, build_handout_document
from bonecoach.handout.model import Clinic, HandoutDocument, HandoutOptions, Therapist

if TYPE_CHECKING:
    from bonecoach.app.workspace import Workspace
    from bonecoach.program.exercise import Exercise
    from bonecoach.store.records import ProgramVersionRecord
    from bonecoach.store.settings import Settings
    from bonecoach.store.store import Store

NO_THERAPIST = "your therapist"


@dataclass(frozen=True)
class HandoutSource:
    """The client and the saved program version a handout prints, with who and where."""

    client_id: int
    client_name: str
    version: ProgramVersionRecord | None  # a handout always maps to a saved version
    clinic: Clinic
    therapist: Therapist
    # Archived custom exercises this version still names: out of the caller's library, yet
    # an old program's handout must print them; and the photos of those that have one.
    archived_exercises: Mapping[str, Exercise] = field(default_factory=dict)
    archived_photos: Mapping[str, bytes] = field(default_factory=dict)


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


def prescriber(store: Store, saved_by: str, printing: str) -> Therapist:
    """Who the handout names: the version's prescriber, else the person printing."""
    name = saved_by.strip() or printing.strip()
    credentials = {t.name: t.credentials for t in store.therapists(include_inactive=True)}
    return Therapist(name=name or NO_THERAPIST, credentials=credentials.get(name, ""))


def handout_source(
    store: Store,
    settings: Settings | None,
    client_id: int,
    *,
    program_id: int | None = None,
    printing: str = "",
    library: Container[str] = (),
) -> HandoutSource:
    """The newest saved version of the client's program (of ``program_id`` if given);
    ``version`` is None when the client has none. ``library``: the exercises the caller
    already has; archived custom exercises the version names beyond it are brought along.
    The store's NotFoundError for an unknown client."""
    from bonecoach.store.records import record_photos

    client = store.get_client(client_id)
    version = store.latest_program(client_id, program_id)
    named = set() if version is None else version.program.exercise_ids()
    archived = [
        r
        for r in store.custom_exercises(include_archived=True)
        if r.archived and r.id in named and r.id not in library
    ]
    return HandoutSource(
        client_id=client_id,
        client_name=client.name,
        version=version,
        clinic=clinic_from_settings(settings),
        therapist=prescriber(store, version.saved_by if version else "", printing),
        archived_exercises={r.id: r.exercise for r in archived},
        archived_photos=record_photos(archived),
    )


def handout_document(
    source: HandoutSource,
    library: Mapping[str, Exercise],
    options: HandoutOptions | None = None,
    *,
    phases: PhaseChoice = "current",
    today: dt.date | None = None,
    clinic_sheet: bool = False,
) -> HandoutDocument:
    """What the source's version prints (NoHomeHandout for a clinic-only program; a
    ValueError naming the fix when the client has no saved program)."""
    version = source.version
    if version is None:
        raise ValueError("This client has no saved program yet: save one on the Program tab.")
    if source.archived_exercises:
        library = {**source.archived_exercises, **library}
    return build_handout_document(
        source.client_name,
        version.program,
        library,
        therapist=source.therapist,
        clinic=source.clinic,
        options=options,
        phases=phases,
        today=today,
        version_number=version.number,
        version_date=version.saved_at.date(),
        clinic_sheet=clinic_sheet,
    )


def open_handout_source(context: Workspace, client_id: int) -> HandoutSource:
    """What the Handout tab prints for the client: the same rule as `bonecoach handout`."""
    return handout_source(
        context.store,
        context.settings,
        client_id,
        printing=context.acting_therapist,
        library=context.library,
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
    from bonecoach.handout.pictures import art_source
    from bonecoach.handout.render import render_handout_bytes

    document = handout_document(source, library, options, phases=phases)  # type: ignore[arg-type]
    printed = {**source.archived_photos, **(photos or {})}
    return render_handout_bytes(document, pictures=art_source(dict(illustrations)), photos=printed)


def write_pdf(data: bytes, path: Path) -> Path:
    """Owner-only (it names the client), through a temporary file so a failed save (a full
    disk) never leaves half a PDF."""
    from bonecoach.store.atomic import write_private_bytes

    return write_private_bytes(Path(path), data)


def record_handout(
    context: Workspace, version_id: int, options: HandoutOptions, file_name: str
) -> Any:
    return context.store.record_handout(
        version_id,
        paper=options.paper,
        large_print=options.large_print,
        file_name=file_name,
        by=context.therapist_name or None,
    )


def save_handout(
    context: Workspace, version_id: int, options: HandoutOptions, data: bytes, path: Path
) -> Path:
    """Write the built handout to ``path`` and note it against the version it prints."""
    written = write_pdf(data, path)
    record_handout(context, version_id, options, written.name)
    return written
