"""Cold start to a usable main window, and resident memory after start (separate processes).

Both processes print a line at the moment that counts, timed here from spawning the process
to the line's arrival, so interpreter start-up is included and shutdown is not:
- the bare baseline: a PySide6 QMainWindow shown and the event loop's first turn reached;
- BoneCoach (``BONECOACH_EXIT_AFTER=ready`` prints every stage): "usable" = the main window is
  shown with every client listed and searchable (read-only, straight from the SQLite file);
  "ready" = the database is also checked and opened, the library and tabs loaded, so a client
  can be opened. The target is judged on "usable"; "ready" is reported beside it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.harness import Figure, median, ms

STAGES = ("shown", "usable", "ready", "client", "handout", "done")

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
def done():
    print("shown 0", flush=True)  # the parent times the line's arrival
    app.quit()
QTimer.singleShot(0, done)
sys.exit(app.exec())
"""

# Peak resident memory of this process since it started (VmHWM). Not ru_maxrss: Linux carries
# that across exec, so a child of the (large) benchmark process would report its parent's peak.
RSS_PROBE = """
from bonecoach.ui.shell.app import run_app
run_app()
with open("/proc/self/status") as status:
    peak = next(line for line in status if line.startswith("VmHWM:"))
print("rss_kib", peak.split()[1], flush=True)
"""


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BONECOACH_HOME=str(home), **extra)
    env.pop("BONECOACH_DATABASE_URL", None)
    # An installed app keeps compiled bytecode; without it every start recompiles SQLAlchemy
    # and pydantic (over a second). The warm-up run below writes the cache.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawning the process to each mark line it prints ("shown 0.123"),
    timed here as the lines arrive (microseconds; the child's own /proc clock ticks in
    10 ms steps, too coarse for a 100 ms baseline). Other ``name value`` lines are kept as
    printed (e.g. the peak memory)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    marks: dict[str, float] = {}
    for line in process.stdout:
        arrived = time.perf_counter() - started
        parts = line.split()
        if len(parts) != 2:
            continue
        try:
            value = float(parts[1])
        except ValueError:
            continue
        marks[parts[0]] = arrived if parts[0] in STAGES else value
    _, err = process.communicate()
    if process.returncode != 0 or not marks:
        raise RuntimeError(f"start-up run failed ({process.returncode}):\n{err[-2000:]}")
    return marks


def startup_figure(home: Path, quick: bool) -> list[Figure]:
    """``home`` holds a database with 1,000 clients (and settings that skip the first run)."""
    runs = 3 if quick else 7
    bare_args = [sys.executable, "-c", BARE_WINDOW]
    # The installed entry script, which `uv run bonecoach` runs (not `python -m`, which adds runpy).
    app_args = [str(Path(sys.executable).with_name("bonecoach"))]
    env = _env(home)
    app_env = _env(home, BONECOACH_EXIT_AFTER="ready")
    _run(bare_args, env)  # warm the OS file cache and the bytecode cache for both
    _run(app_args, app_env)
    bare = [_run(bare_args, env)["shown"] for _ in range(runs)]
    marks = [_run(app_args, app_env) for _ in range(runs)]
    usable = median([m["usable"] for m in marks])
    ready = median([m["ready"] for m in marks])
    ratio = usable / median(bare)
    return [
        Figure(
            "cold start to a usable main window, 1,000 clients",
            f"{ratio:.2f}x ({ms(usable)} vs bare {ms(median(bare))})",
            "<= 1.5x bare QMainWindow",
            ratio <= 1.5,
            f"medians of {runs} runs from spawn; usable = window shown with all "
            "clients listed and searchable",
        ),
        Figure(
            "  ... and fully ready (store checked and open, library, tabs)",
            f"{ms(ready)} ({ready / median(bare):.1f}x bare)",
            "reported",
            True,
            "integrity check, migrations check, SQLAlchemy and pydantic imports, library load",
        ),
    ]


def memory_figure(home: Path) -> Figure:
    """Peak resident memory of the app started on ``home`` (with its big custom library)."""
    marks = _run([sys.executable, "-c", RSS_PROBE], _env(home, BONECOACH_EXIT_AFTER="ready"))
    rss_mb = marks["rss_kib"] / 1024
    return Figure(
        "resident memory after start, 5,000-exercise library",
        f"{rss_mb:.0f} MB",
        "<= 300 MB",
        rss_mb <= 300,
        "peak resident memory (VmHWM) of the app process from start to ready",
    )
