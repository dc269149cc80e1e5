"""Helpers for the renderer tests: write small illustration files into tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from bonecoach.art import Illustration, load_illustrations

SIT_TO_STAND = """
[sit_to_stand]
props = [{ kind = "chair", x = 0 }]
arrow = { part = "head", bend = -0.3 }

[sit_to_stand.start]
base = "sit_chair"
x = -16

[sit_to_stand.end]
base = "stand"
x = 30
"""


@pytest.fixture
def write_poses(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write TOML text as an illustration file and load the folder."""

    def write(text: str, name: str = "poses.toml") -> dict[str, Illustration]:
        folder = tmp_path / "illustrations"
        folder.mkdir(exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
        return load_illustrations(folder)

    return write
