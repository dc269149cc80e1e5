"""Shared test set-up.

Qt runs offscreen (a machine without a display would otherwise abort), and every test gets
its own data and settings folders under tmp_path through BONECOACH_HOME.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

try:  # the Qt-free domain run installs hypothesis too; guard anyway for a bare checkout
    from hypothesis import settings as hypothesis_settings
except ImportError:  # pragma: no cover
    hypothesis_settings = None

if hypothesis_settings is not None:
    # "ci" (the default: the README command and CI) tries 250 cases per property; "dev" 25,
    # for a quick loop while editing: HYPOTHESIS_PROFILE=dev uv run pytest -m "not slow"
    hypothesis_settings.register_profile("ci", max_examples=250, deadline=None)
    hypothesis_settings.register_profile("dev", max_examples=25, deadline=None)
    hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def bonecoach_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "bonecoach-home"
    monkeypatch.setenv("BONECOACH_HOME", str(home))
    monkeypatch.delenv("BONECOACH_DATABASE_URL", raising=False)
    return home
