"""Handout: a 12-exercise program with its real illustrations, built to a PDF in memory.

Run alone: ``uv run python -m bench.figures_handout`` (prints the figure).
Each timed build starts from scratch (new picture cache: the SVGs are converted again), as
when a therapist presses Print; the pose files and fonts are loaded once per process, as in
the app.
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

from bench.harness import Figure, median, ms, print_table, time_runs
from tests.handout.home_program import HOME_IDS

TWELVE = HOME_IDS  # the handout tests' sample home program


def plain_reportlab_pdf(out: Path, pages: int, picture_png: bytes) -> None:
    """The baseline: reportlab (platypus) building ``pages`` pages of plain text and images."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    text = "Stand tall, hold the counter and rise onto your toes, then lower slowly. " * 6
    story = []
    for page in range(pages):
        story.append(Paragraph(f"Page {page + 1}", styles["Heading1"]))
        for _ in range(2):
            story.append(Image(BytesIO(picture_png), width=12 * cm, height=4 * cm))
            story.append(Paragraph(text, styles["BodyText"]))
        story.append(PageBreak())
    SimpleDocTemplate(str(out), pagesize=letter).build(story)


def handout_figure(work: Path, quick: bool, *, large_print: bool = False) -> Figure:
    from pypdf import PdfReader

    from bonecoach.app.demo_handout import shipped_library
    from bonecoach.art import exercise_svg
    from bonecoach.handout.build import build_handout_document
    from bonecoach.handout.model import Clinic, HandoutOptions, Therapist
    from bonecoach.handout.pictures import PictureCache, art_source
    from bonecoach.handout.render import render_handout
    from bonecoach.program.dosage import Dosage
    from bonecoach.program.programs import Phase, Program, ProgramItem
    from bonecoach.raster import svg_to_png

    library = shipped_library()
    items = tuple(
        ProgramItem(exercise_id=i, dosage=Dosage.from_default(library[i].default_dosage))
        for i in TWELVE
    )
    program = Program(
        name="Benchmark program",
        phases=(Phase(name="Weeks 1-4", start_week=1, end_week=4, items=items),),
        start_date=dt.date(2026, 3, 2),
    )
    doc = build_handout_document(
        "Benchmark Client",
        program,
        library,
        therapist=Therapist("Dana Ortiz", "PT"),
        clinic=Clinic("Benchmark Clinic", "555-0100"),
        options=HandoutOptions(large_print=large_print),
        today=dt.date(2026, 3, 2),
    )
    source = art_source()
    probe = PictureCache(source)
    pictured = sum(probe.drawing(i) is not None for i in TWELVE)
    work.mkdir(parents=True, exist_ok=True)
    handout = work / "handout.pdf"
    plain = work / "plain.pdf"

    def build() -> None:  # from scratch, as when a therapist presses Print
        with handout.open("wb") as out:
            render_handout(doc, out, pictures=PictureCache(source))

    runs = 5 if quick else 11
    samples = time_runs(build, runs=runs)
    pages = len(PdfReader(handout).pages)
    picture = svg_to_png(exercise_svg("sit_to_stand"), 900)
    baseline = time_runs(lambda: plain_reportlab_pdf(plain, pages, picture), runs=runs)
    value, ratio = median(samples), median(samples) / median(baseline)
    kind = "large print" if large_print else "standard print"
    return Figure(
        f"handout PDF to a file, 12 exercises, {kind}",
        f"{ms(value)}, {ratio:.2f}x plain reportlab ({ms(median(baseline))})",
        "<= 1.0 s and <= 3x",
        value <= 1.0 and ratio <= 3.0 and pictured == len(TWELVE),
        f"{pictured}/{len(TWELVE)} exercises illustrated; {pages} pages; baseline = reportlab "
        f"platypus, {pages} pages of text and two PNG images each; medians of {runs}",
    )


if __name__ == "__main__":
    import tempfile

    folder = Path(tempfile.mkdtemp())
    print_table(
        [handout_figure(folder, quick=True), handout_figure(folder, quick=True, large_print=True)]
    )
