"""The week table never breaks a word (#16, point 1): in large print on A4 and Letter the day
columns were a fixed share of the width and "Mon" printed as "Mo" over "n"."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

from bonecoach.app.demo_handout import demo_handout
from bonecoach.handout.model import HandoutOptions
from bonecoach.handout.render import render_handout_bytes
from bonecoach.program.dosage_words import WEEKDAYS


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("client", ["Helen", "Margaret", "Robert"])
def test_every_day_name_prints_whole_on_one_line(paper: str, large: bool, client: str) -> None:
    options = HandoutOptions(paper=paper, large_print=large)  # type: ignore[arg-type]
    data = render_handout_bytes(demo_handout(client=client, options=options))
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
    lines = [line.strip() for line in text.splitlines()]
    start = lines.index("What to do")  # each cell is a line of its own in the text
    assert lines[start + 1 : start + 8] == list(WEEKDAYS), lines[start : start + 12]
