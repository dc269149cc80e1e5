"""Clear print, read back from the PDF (#16, points 9 and 10): body lines of at most about 70
characters, line spacing of at least 1.4 times the type size, and each exercise's steps
starting at one left edge, with no line of text running into a picture."""

from __future__ import annotations

import re
from collections import Counter
from io import BytesIO
from itertools import pairwise

import pytest
from pypdf import PdfReader

from bonecoach.app.demo_handout import demo_handout
from bonecoach.handout.model import HandoutOptions
from bonecoach.handout.render import render_handout_bytes
from bonecoach.handout.styles import LINE_SPACING, scale_for

from .pdf_geometry import Line, pictures, text_lines

MAX_CHARS = 72  # RNIB clear print: 60-70 characters a line
MIN_LEADING = 1.4  # RNIB clear print: 1.4-1.5 times the type size
PAPERS = ["a4", "letter"]
LOG = "Your exercise log"


def _render(client: str, paper: str, large: bool) -> PdfReader:
    options = HandoutOptions(paper=paper, large_print=large)  # type: ignore[arg-type]
    return PdfReader(BytesIO(render_handout_bytes(demo_handout(client=client, options=options))))


def _pages(reader: PdfReader) -> list[list[Line]]:
    return [text_lines(page) for page in reader.pages]


def _is_log(lines: list[Line]) -> bool:
    return any(line.text.startswith(LOG) for line in lines)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("client", ["Chen", "Helen"])
def test_body_lines_are_short_and_widely_spaced(client: str, paper: str, large: bool) -> None:
    """Every line in the body size, wherever it is (exercise, STOP box, closing pages, the
    log sheet's words), has at most 72 characters; lines one under the other in a column
    are at least 1.4 times the type size apart (the log sheet's rows, ruled for a pen, are
    not lines of text and are left out)."""
    body = scale_for(large).body
    pages = _pages(_render(client, paper, large))
    lengths = [line.chars for lines in pages for line in lines if line.size == body]
    assert len(lengths) > 100, "the body text is read back"
    longest = max(lengths)
    assert longest <= MAX_CHARS, [
        line.text for lines in pages for line in lines if line.chars == longest
    ]
    gaps: Counter[float] = Counter()
    for lines in pages:
        if _is_log(lines):
            continue
        for above, below in pairwise(lines):
            same_column = abs(above.x0 - below.x0) < 0.5
            if above.size == below.size == body and same_column and below.y < above.y:
                gaps[round(above.y - below.y, 1)] += 1
    assert sum(gaps.values()) > 50, gaps
    assert min(gaps) >= MIN_LEADING * body - 0.05, sorted(gaps.items())[:5]
    # and the usual gap, a paragraph's own leading, is the style's 1.45
    usual, _count = gaps.most_common(1)[0]
    assert usual == pytest.approx(LINE_SPACING * body, abs=0.1), gaps.most_common(3)
    print(f"{client} {paper} {'large' if large else 'standard'}: longest line {longest}")


_BULLET = re.compile(r"^\d+\.$")


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("client", ["Chen", "Helen", "Robert"])
def test_steps_start_at_one_left_edge_and_no_text_runs_into_a_picture(
    client: str, paper: str
) -> None:
    """Standard print: a picture on the left had the steps beside it start at its right
    edge and those under it at the page's (two left edges in one list). Now every step
    number of every exercise is at the frame's left edge and every step's first line
    starts at the same indent; no line of text overlaps a picture."""
    reader = _render(client, paper, large=False)
    margin = scale_for(False).margin
    body = scale_for(False).body
    numbers: list[float] = []
    starts: list[float] = []
    for page, lines in zip(reader.pages, _pages(reader), strict=True):
        if _is_log(lines):
            continue
        for i, line in enumerate(lines):
            if line.size == body and _BULLET.match(line.text.strip()):
                numbers.append(line.x0)
                after = lines[i + 1]
                assert abs(after.y - line.y) < 0.5  # the step's words, on its line
                starts.append(after.x0)
        for box in pictures(page):
            for line in lines:
                top, bottom = line.y + 0.75 * line.size, line.y - 0.2 * line.size
                apart = line.x1 <= box.x0 or line.x0 >= box.x1 or bottom >= box.y1 or top <= box.y0
                assert apart, (box.name, line.text)
    assert len(numbers) > 10
    assert max(numbers) - min(numbers) < 0.5 and min(numbers) == pytest.approx(margin, abs=0.5)
    assert max(starts) - min(starts) < 0.5, sorted(set(round(x) for x in starts))
