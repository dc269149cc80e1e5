"""The SVG loads in both consumers (Qt for the screen, svglib for the PDF) without warnings."""

from __future__ import annotations

import logging

import pytest

from bonecoach.art import exercise_svg

from .conftest import SIT_TO_STAND
from .test_render import PROP_TABLES, _standing

ALL_PROPS = ", ".join(v for k, v in PROP_TABLES.items() if k not in ("bed", "pillow"))
GAZE = "[look]\n[look.start]\n[look.end]\ngaze = true\nhead_turn = 60\n"
CASES = [SIT_TO_STAND, _standing(ALL_PROPS), GAZE]
IDS = ["chair", "props", "gaze"]


@pytest.mark.parametrize("text", CASES, ids=IDS)
def test_qsvgrenderer_loads_it_without_warnings(text: str, write_poses, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QByteArray, qInstallMessageHandler
    from PySide6.QtSvg import QSvgRenderer

    ills = write_poses(text)
    svg = exercise_svg(next(iter(ills)), ills)
    messages: list[str] = []
    previous = qInstallMessageHandler(lambda _mode, _ctx, message: messages.append(message))
    try:
        renderer = QSvgRenderer(QByteArray(svg.encode()))
        valid = renderer.isValid()
    finally:
        qInstallMessageHandler(previous)
    assert valid
    assert messages == []
    assert renderer.viewBoxF().width() > 0


@pytest.mark.parametrize("text", CASES, ids=IDS)
def test_svglib_loads_it_without_warnings(
    text: str,
    write_poses,
    caplog: pytest.LogCaptureFixture,  # type: ignore[no-untyped-def]
) -> None:
    from io import BytesIO

    from svglib.svglib import svg2rlg

    ills = write_poses(text)
    svg = exercise_svg(next(iter(ills)), ills)
    with caplog.at_level(logging.DEBUG, logger="svglib"):
        drawing = svg2rlg(BytesIO(svg.encode()))
    assert drawing is not None
    assert drawing.width > 0 and len(drawing.contents) > 0
    noisy = [
        r for r in caplog.records if r.name.startswith("svglib") and r.levelno >= logging.WARNING
    ]
    assert noisy == []
