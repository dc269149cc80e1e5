"""Movement arrows long enough to read at 5 cm wide, in every whole-body drawing.

Found on the contact sheet: the neck side stretch's arrow followed the head's 5 cm move and
was a blot beside the head. A close-up is already magnified, so its arrows keep their length.
"""

from __future__ import annotations

import math

import pytest

from bonecoach.art import load_illustrations
from bonecoach.art import render as render_module
from bonecoach.art.render import MIN_ARROW, illustration_svg

Point = tuple[float, float]


def _drawn_arrows(monkeypatch: pytest.MonkeyPatch, exercise_id: str) -> list[float]:
    lengths: list[float] = []
    real = render_module._arrow

    def spy(canvas: object, a: Point, b: Point, bend: float) -> None:
        lengths.append(math.hypot(b[0] - a[0], b[1] - a[1]))
        real(canvas, a, b, bend)  # type: ignore[arg-type]

    monkeypatch.setattr(render_module, "_arrow", spy)
    illustration_svg(load_illustrations()[exercise_id], exercise_id)
    return lengths


def test_every_whole_body_arrow_is_long_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    short = {}
    for exercise_id, ill in sorted(load_illustrations().items()):
        if ill.zoom is not None:
            continue
        lengths = _drawn_arrows(monkeypatch, exercise_id)
        if any(length < MIN_ARROW - 1e-6 for length in lengths):
            short[exercise_id] = lengths
    assert short == {}


def test_the_neck_stretch_arrow_is_stretched_about_its_middle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    [length] = _drawn_arrows(monkeypatch, "neck_side_stretch")
    assert length == pytest.approx(MIN_ARROW)  # the head itself moves about 5 cm
    a, b = render_module._at_least((10.0, 0.0), (14.0, 0.0), MIN_ARROW)
    assert (a[0] + b[0]) / 2 == pytest.approx(12.0) and a[1] == b[1] == 0.0
    assert b[0] - a[0] == pytest.approx(MIN_ARROW)  # same middle, same direction


def test_a_close_up_keeps_its_arrow_length(monkeypatch: pytest.MonkeyPatch) -> None:
    [length] = _drawn_arrows(monkeypatch, "wrist_curl")
    assert 4.0 < length < MIN_ARROW  # magnified already: stretching it left the box
