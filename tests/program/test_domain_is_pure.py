"""The domain package must run without Qt, SQL or PDF code."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

HEAVY = ("PySide6", "sqlalchemy", "alembic", "reportlab", "svglib")


def test_importing_the_whole_domain_loads_no_heavy_package() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import bonecoach.program as p\n"
        "for m in pkgutil.walk_packages(p.__path__, 'bonecoach.program.'):\n"
        "    importlib.import_module(m.name)\n"
        f"print(','.join(sorted(n for n in {HEAVY!r} if n in sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


@pytest.mark.skipif(not os.environ.get("BONECOACH_EXPECT_NO_QT"), reason="only in the Qt-free run")
def test_this_environment_really_has_no_qt() -> None:
    with pytest.raises(ImportError):
        import PySide6  # noqa: F401
