"""The seated band row is set up sitting tall, never by bending forward to the feet (#16
review: "put the middle of a band around the soles of your feet" with the legs out in
front asked a client after a vertebral fracture to reach her feet, loaded spinal flexion,
clinical-guidance.md §3)."""

from __future__ import annotations

from bonecoach.paths import resource
from bonecoach.program.library import load_library

LIBRARY = load_library(resource("library"))


def test_the_seated_band_row_is_set_up_sitting_tall_and_never_leans_forward() -> None:
    row = LIBRARY["seated_band_row"]
    steps = " ".join(row.steps).lower()
    assert "one foot at a time" in steps and "sitting tall" in steps
    assert "legs are out in front" in steps  # as the picture shows: legs out, heels down
    assert any(t.lower().startswith("never lean forward") for t in row.tips)
