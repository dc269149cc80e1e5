"""What runs before the window's first paint stays off PySide6's ``Qt`` namespace.

The first touch of any ``Qt`` enum builds all of that namespace's enum classes (about 14 ms,
a seventh of a bare window's start; see bonecoach/ui/shell/client_models.py). This checks, in a
fresh process, that the app reaches "usable" (window shown, every client listed) without
that, so a stray ``Qt.AlignCenter`` in the start-up path fails here, not only in the bench.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import PySide6.QtCore
import bonecoach.ui.shell.app as app

def mark(qt_app, stage):
    if stage == "usable":
        print("qt-namespace-built", "Qt" in vars(PySide6.QtCore), flush=True)
        print("clients-listed", window_rows(), flush=True)
        qt_app.quit()
        return True
    return False

def window_rows():
    from PySide6.QtWidgets import QApplication
    window = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow")
    return window.clients.proxy.rowCount()

app._maybe_exit = mark
app.run_app(["bonecoach"])
"""


def test_the_window_is_usable_before_any_qt_enum_is_built(tmp_path: Path) -> None:
    from bonecoach.store.settings import Settings, save_settings
    from bonecoach.store.store import Store

    save_settings(Settings(clinic_name="Riverside"))  # not a first run
    with Store.open() as store:
        for name in ("Ann Lee", "Bert Olsen", "Carla Anders"):
            store.create_client(name)
        dora = store.create_client("Dora Old")
        store.archive_client(dora.id, dora.version)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines.get("clients-listed") == "3", done.stdout  # the archived one hidden
    assert lines.get("qt-namespace-built") == "False", done.stdout
