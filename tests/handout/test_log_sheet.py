"""The log sheet, read back: the notes for the therapist stay with the table they belong to."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

from bonecoach.handout.model import HandoutOptions
from bonecoach.handout.render import render_handout
from bonecoach.program.library import Library

from .conftest import collapse, make_document, make_program, simple_svg

# Names too long for one line of the large-print log table's name column...
LONG_NAMES = (
    "prone_arm_leg_lift",
    "supine_towel_press",
    "thoracic_extension_towel",
    "seated_knee_extension_band",
    "hamstring_strap_stretch",
    "hip_flexor_stretch_supported",
)
# ...and short ones, whose rows can be made lower. At tick-box height the eleven rows leave
# no room for the notes on a Letter page; lower rows do.
SHORT_NAMES = (
    "sit_to_stand",
    "calf_raise",
    "seated_band_row",
    "wall_push_up",
    "dumbbell_biceps_curl",
    "bridge",
    "heel_drops",
    "chin_tuck",
)
NOTES = "Notes for your therapist"


@pytest.mark.parametrize(
    ("long", "short"),
    [
        (6, 5),  # fits once the short rows are lower
        (5, 8),  # too long even then: the last two rows go over with the notes
        (6, 6),
        (4, 8),
    ],
)
def test_large_print_notes_share_the_page_of_the_last_exercise_row(
    library: Library, long: int, short: int
) -> None:
    program = make_program(library, LONG_NAMES[:long] + SHORT_NAMES[:short])
    doc = make_document(library, program, HandoutOptions(paper="letter", large_print=True))
    buffer = BytesIO()
    render_handout(doc, buffer, pictures=simple_svg)
    pages = [p.extract_text() for p in PdfReader(BytesIO(buffer.getvalue())).pages]
    start = next(i for i, text in enumerate(pages) if "Your exercise log" in text)
    log = pages[start:]
    (phase,) = doc.phases
    labels = {b.exercise_id: f"{b.number}. {b.name}" for b in phase.blocks}

    # The case this test is about: the long names wrap, the short ones do not.
    lines = {line.strip() for text in log for line in text.splitlines()}
    second = next(i for i, text in enumerate(log) if "Your exercise log, week 2" in text)
    week_one = collapse(" ".join(log[:second]))
    for exercise_id, label in labels.items():
        assert label in week_one, label
        assert (label in lines) == (exercise_id not in LONG_NAMES), label

    last = labels[phase.blocks[-1].exercise_id]
    weeks = list(phase.weeks)
    firsts = [
        next(i for i, text in enumerate(log) if f"Your exercise log, week {week}" in text)
        for week in weeks
    ]
    for week, first, end in zip(weeks, firsts, [*firsts[1:], len(log)], strict=True):
        sheet = [collapse(text) for text in log[first:end]]
        notes = [i for i, text in enumerate(sheet) if NOTES in text]
        last_row = [i for i, text in enumerate(sheet) if last in text]
        assert len(notes) == 1 and notes == last_row, (week, notes, last_row)

    for number, text in enumerate(pages, start=1):
        if NOTES in text:  # never a page with nothing but the notes
            assert any(label in collapse(text) for label in labels.values()), number
    assert sum(NOTES in text for text in pages) == len(weeks)


def _log_pages(library: Library, count: int, paper: str, large: bool) -> list[list[int]]:
    """For each sheet (a week, or two in standard print), the exercise rows on each of its
    pages, for ``count`` exercises with the library's longest names."""
    longest = sorted(library.values(), key=lambda e: -len(e.name))
    ids = tuple(e.id for e in longest if not e.supervised_only)[:count]
    program = make_program(library, ids)
    options = HandoutOptions(paper=paper, large_print=large)  # type: ignore[arg-type]
    doc = make_document(library, program, options)
    buffer = BytesIO()
    render_handout(doc, buffer, pictures=simple_svg)
    pages = [collapse(p.extract_text()) for p in PdfReader(BytesIO(buffer.getvalue())).pages]
    start = next(i for i, text in enumerate(pages) if "Your exercise log" in text)
    (phase,) = doc.phases
    labels = [f"{b.number}. {b.name}" for b in phase.blocks]
    sheets: list[list[int]] = []
    for text in pages[start:]:
        if "Your exercise log," in text:
            sheets.append([])
        assert sheets, "the log starts with its heading"
        sheets[-1].append(sum(label in text for label in labels))
        if NOTES in text:
            sheets[-1].append(-1)  # the notes' page
    return sheets


@pytest.mark.parametrize("count", [8, 13, 20, 25])
@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("large", [False, True])
def test_a_long_log_is_shared_out_evenly_never_a_page_of_two_rows(
    library: Library, count: int, paper: str, large: bool
) -> None:
    """#16 point 3: 13 exercises with long names put two rows on a second, 85% empty page."""
    for sheet in _log_pages(library, count, paper, large):
        rows = [n for n in sheet if n >= 0]
        assert sheet[-1] == -1 and sum(rows) == count, sheet  # notes last, every row once
        assert len(rows) == 1 or min(rows) >= 4, sheet
        print(f"log pages: {count} exercises, {paper}, {'large' if large else 'standard'}: {rows}")


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("large", [False, True])
def test_the_log_is_portrait_with_whole_day_names_and_short_weeks_two_to_a_page(
    library: Library, paper: str, large: bool
) -> None:
    """#16 point 13: the log sheet on portrait pages, as the rest of the handout (standard
    print had two weeks across a landscape page), its day names never broken in two, and a
    short program's weeks two to a page, each week's table whole."""
    from bonecoach.program.dosage_words import WEEKDAYS

    program = make_program(library, SHORT_NAMES[: 3 if large else 5])
    options = HandoutOptions(paper=paper, large_print=large)  # type: ignore[arg-type]
    doc = make_document(library, program, options)
    buffer = BytesIO()
    render_handout(doc, buffer, pictures=simple_svg)
    reader = PdfReader(BytesIO(buffer.getvalue()))
    texts = [p.extract_text() for p in reader.pages]
    start = next(i for i, text in enumerate(texts) if "Your exercise log" in text)
    log = list(zip(reader.pages[start:], texts[start:], strict=True))
    (phase,) = doc.phases
    assert len(log) == (len(phase.weeks) + 1) // 2
    for number, (page, text) in enumerate(log, start=1):
        box = page.mediabox
        assert float(box.width) < float(box.height), number
        lines = [line.strip() for line in text.splitlines()]
        assert lines.count("Mon") == 2 and all(lines.count(day) == 2 for day in WEEKDAYS)
        first = 2 * number - 1
        assert f"Your exercise log, weeks {first} to {first + 1}" in text
