"""Shared test set-up.

Qt runs offscreen (a machine without a display would otherwise abort), and every test gets
its own data and settings folders under tmp_path through BONECOACH_HOME.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def bonecoach_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "bonecoach-home"
    monkeypatch.setenv("BONECOACH_HOME", str(home))
    monkeypatch.delenv("BONECOACH_DATABASE_URL", raising=False)
    return home
