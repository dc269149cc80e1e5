"""Shared fixtures: the shipped library, a 12-exercise program, and PDF reading helpers."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from bonecoach.handout.build import build_handout_document
from bonecoach.handout.model import Clinic, HandoutDocument, HandoutOptions, Therapist
from bonecoach.handout.render import render_handout
from bonecoach.paths import resource
from bonecoach.program.dosage import BandColour, Dosage
from bonecoach.program.exercise import Exercise
from bonecoach.program.library import Library, load_library
from bonecoach.program.programs import Phase, Program, ProgramItem

from .home_program import HOME_IDS, SUPERVISED_IDS

MARKUP_NAME = 'Zoë "Smith" <b>& Sons</b>'


def simple_svg(exercise_id: str) -> str:
    """A two-panel drawing with text, standing in for `bonecoach.art` in layout tests."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="210" '
        'viewBox="0 0 400 210">'
        '<rect x="2" y="2" width="190" height="180" fill="none" stroke="black"/>'
        '<rect x="208" y="2" width="190" height="180" fill="none" stroke="black"/>'
        '<line x1="97" y1="40" x2="97" y2="130" stroke="black" stroke-width="6"/>'
        '<line x1="303" y1="40" x2="280" y2="130" stroke="black" stroke-width="6"/>'
        '<text x="97" y="205" font-family="sans-serif" font-size="16">Start</text>'
        '<text x="303" y="205" font-family="Arial" font-weight="bold" font-size="16">End</text>'
        "</svg>"
    )


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(resource("library"))


def make_program(library: Library, ids: tuple[str, ...] = HOME_IDS + SUPERVISED_IDS) -> Program:
    items = []
    for i, exercise_id in enumerate(ids):
        dosage = Dosage.from_default(library[exercise_id].default_dosage)
        if exercise_id == "dumbbell_biceps_curl":
            dosage = dosage.with_changes(load_kg=2.0)
        if exercise_id == "seated_band_row":
            dosage = dosage.with_changes(band_colour=BandColour.RED)
        items.append(
            ProgramItem(
                exercise_id=exercise_id,
                dosage=dosage,
                notes="Keep the <b>chair</b> against the wall & go slowly" if i == 0 else "",
                support_prescribed=exercise_id == "calf_raise",
            )
        )
    return Program(
        name="Strong bones, steady feet",
        phases=(Phase(name="Getting started", start_week=1, end_week=4, items=tuple(items)),),
        start_date=dt.date(2026, 3, 2),
    )


@pytest.fixture(scope="session")
def program(library: Library) -> Program:
    return make_program(library)


CLINIC = Clinic(name="Riverside Physio & Balance", phone="555-0142", address="12 Mill Road")
THERAPIST = Therapist(name="Dana <i>Ortiz</i>", credentials="PT, DPT")


def make_document(
    library: Library, program: Program, options: HandoutOptions | None = None
) -> HandoutDocument:
    return build_handout_document(
        MARKUP_NAME,
        program,
        library,
        therapist=THERAPIST,
        clinic=CLINIC,
        options=options,
        today=dt.date(2026, 3, 2),
        version_number=3,
        version_date=dt.date(2026, 3, 1),
        next_appointment="Tuesday 31 March at 10:30",
    )


@dataclass
class Pdf:
    data: bytes
    reader: PdfReader
    path: Path

    @property
    def text(self) -> str:
        """All text, whitespace collapsed (lines wrap anywhere)."""
        return collapse(" ".join(p.extract_text() for p in self.reader.pages))

    def page_texts(self) -> list[str]:
        return [collapse(p.extract_text()) for p in self.reader.pages]


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(doc: HandoutDocument) -> str:
    """All the text of the document's PDF, whitespace collapsed (simple pictures: quick)."""
    buffer = BytesIO()
    render_handout(doc, buffer, pictures=simple_svg)
    return collapse(" ".join(p.extract_text() for p in PdfReader(buffer).pages))


RenderPdf = Callable[..., Pdf]


@pytest.fixture
def render_pdf(library: Library, program: Program, tmp_path: Path) -> RenderPdf:
    def render(options: HandoutOptions | None = None, *, pictures: object = simple_svg) -> Pdf:
        doc = make_document(library, program, options)
        buffer = BytesIO()
        render_handout(doc, buffer, pictures=pictures)
        data = buffer.getvalue()
        path = tmp_path / f"handout-{len(list(tmp_path.iterdir()))}.pdf"
        path.write_bytes(data)
        return Pdf(data=data, reader=PdfReader(BytesIO(data)), path=path)

    return render


def pdffonts(path: Path) -> list[list[str]] | None:
    """Rows of `pdffonts` (poppler) or None where poppler is not installed."""
    if shutil.which("pdffonts") is None:
        return None
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return [line.split() for line in out.stdout.splitlines()[2:] if line.strip()]


def exercise(library: Library, exercise_id: str) -> Exercise:
    return library[exercise_id]
