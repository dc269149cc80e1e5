"""Pages that flow (#16, point 2): no page of a few stray words, no heading left at the foot
of a page, and an exercise's "Stop if" always on the page of its name. Read back from the
PDFs of every demo client in each paper and print size."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

from bonecoach.app.demo_handout import demo_handout
from bonecoach.handout.model import HandoutDocument, HandoutOptions
from bonecoach.handout.render import render_handout_bytes

CLIENTS = ["Margaret", "Dorothy", "Helen", "Robert", "Susan"]
HEADINGS = ("Your exercises", "Your week", "Looking after your bones", "Moving safely every day")
HEADER_LINES, FOOTER_LINES = 2, 3  # the running header and footer on every page


def _pages(doc: HandoutDocument) -> list[list[str]]:
    reader = PdfReader(BytesIO(render_handout_bytes(doc)))
    pages = []
    for page in reader.pages:
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        pages.append(lines[HEADER_LINES : len(lines) - FOOTER_LINES])
    return pages


def _flat(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("client", CLIENTS)
def test_pages_flow(paper: str, large: bool, client: str) -> None:
    options = HandoutOptions(paper=paper, large_print=large)  # type: ignore[arg-type]
    doc = demo_handout(client=client, options=options)
    pages = _pages(doc)
    for number, body in enumerate(pages, start=1):
        assert len(body) >= 3 or (number == len(pages) and len(body) >= 1), (number, body)
        assert not body or body[-1] not in HEADINGS, (number, body[-1])
    # each exercise from its numbered heading to the next heading: its "Stop if" is there,
    # on the heading's page (a block split over a page break leaves it on the next one)
    texts = [_flat(body) for body in pages]
    for phase in doc.phases:
        blocks = list(phase.blocks)
        for block, after in zip(blocks, [*blocks[1:], None], strict=True):
            heading = f"{block.number}. {block.name}"
            page = next((i for i, text in enumerate(texts) if heading in text), None)
            assert page is not None, heading
            text = texts[page]
            start = text.index(heading)
            end = text.find(f"{after.number}. {after.name}", start) if after else -1
            own = text[start : end if end > 0 else None]
            stop = " ".join(block.stop_if.split())[:30]
            assert stop in own, (heading, page + 1, own[-120:])
