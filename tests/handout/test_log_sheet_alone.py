"""The log sheet alone (#17, point 5): a new week's sheet printed at a visit, without the
whole handout, starting on its own first page (no blank page before it)."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

from bonecoach.app.demo_handout import demo_handout
from bonecoach.handout.model import HandoutOptions
from bonecoach.handout.render import render_handout_bytes


@pytest.mark.parametrize("large", [False, True])
def test_the_log_sheet_alone_is_just_the_log_sheet(large: bool) -> None:
    whole = demo_handout(client="Chen", options=HandoutOptions(large_print=large))
    alone = demo_handout(
        client="Chen", options=HandoutOptions(large_print=large, log_sheet_only=True)
    )
    full = PdfReader(BytesIO(render_handout_bytes(whole)))
    sheet = PdfReader(BytesIO(render_handout_bytes(alone)))
    texts = [" ".join(p.extract_text().split()) for p in sheet.pages]
    assert 0 < len(sheet.pages) < len(full.pages)
    assert all(texts), "no blank page"
    assert all("Stop if" not in t for t in texts)  # no exercise pages
    assert "Margaret Chen" in texts[0] and any(w in texts[0] for w in ("Week", "week"))
    box = sheet.pages[0].mediabox
    # portrait, as the handout (#16, point 13): standard print was a landscape page
    assert float(box.width) < float(box.height)
