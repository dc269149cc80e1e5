"""Handout actions: what to print for a client, the PDF itself, and noting that it was printed.

``build_pdf`` touches no database and no widget, so the Handout tab runs it on a worker
thread; reportlab is imported there, never at app start.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bonecoach.app.handouts import HandoutSource

if TYPE_CHECKING:
    from bonecoach.handout.model import HandoutOptions
    from bonecoach.program.exercise import Exercise
    from bonecoach.ui.context import AppContext


def open_handout_source(context: AppContext, client_id: int) -> HandoutSource:
    """What the Handout tab prints for the client: the same rule as `bonecoach handout`."""
    from bonecoach.app.handouts import handout_source

    return handout_source(
        context.store,
        context.settings,
        client_id,
        printing=context.therapist_name or getattr(context.settings, "default_therapist", ""),
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
    from bonecoach.app.handouts import handout_document
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
    context: AppContext, version_id: int, options: HandoutOptions, file_name: str
) -> Any:
    return context.store.record_handout(
        version_id,
        paper=options.paper,
        large_print=options.large_print,
        file_name=file_name,
        by=context.therapist_name or None,
    )
