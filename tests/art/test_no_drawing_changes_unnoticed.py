"""#15: no drawing changes without someone meaning it. Every shipped drawing's geometric
summary (key points per panel, props) is compared with tests/art/drawings.json; after a
deliberate change, regenerate it (see tests/art/drawing_summary.py) and look at the
drawings that moved."""

from __future__ import annotations

import json

from tests.art.drawing_summary import STORED, summary


def test_every_drawing_matches_its_stored_summary() -> None:
    stored = json.loads(STORED.read_text(encoding="utf-8"))
    now = summary()
    changed = sorted(e for e in set(stored) | set(now) if stored.get(e) != now.get(e))
    assert not changed, (
        f"{len(changed)} drawing(s) changed: {', '.join(changed)}. If meant, run "
        "'uv run python -m tests.art.drawing_summary' and look at each one."
    )
