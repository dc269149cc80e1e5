"""Run every benchmark and print a table of medians against the targets.

    uv run python -m bench            # full run (several minutes: builds 1,000,000 logged sets)
    uv run python -m bench --quick    # under a minute: fewer repeats, smaller history database

Every figure is measured several times in this run; ratios compare against a baseline
measured in the same run on the same machine.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.harness import Figure, print_table


def _guard(name: str, make: Callable[[], Figure | list[Figure]]) -> list[Figure]:
    """Run one figure; a crash is a failed row with its error, not a lost table."""
    # Start each figure from a collected heap, as its own process would: the garbage of the
    # one before (a 1,000,000-set fill) must not be collected inside this one's timings.
    gc.collect()
    started = time.perf_counter()
    try:
        made = make()
    except Exception as exc:  # a benchmark that cannot run is itself a result
        return [Figure(name, "error", "-", False, f"{type(exc).__name__}: {exc}")]
    print(f"  measured {name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return made if isinstance(made, list) else [made]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a run under a minute")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic data folder")
    args = parser.parse_args(argv)
    quick: bool = args.quick

    from bench.figures_domain import screening_figure
    from bench.figures_handout import handout_figure
    from bench.figures_reopen import reopen_figures
    from bench.figures_startup import memory_figure, startup_figure
    from bench.figures_store import fill_database, store_figures
    from bench.figures_ui import keystroke_figure
    from bench.synthetic import write_custom_library, write_settings

    work = Path(tempfile.mkdtemp(prefix="bonecoach-bench-"))
    figures: list[Figure] = []
    try:
        print(f"synthetic data in {work}", file=sys.stderr)
        start_home = work / "start"
        fill_database(start_home, clients=1000, sessions_per_client=2)
        write_settings(start_home)
        figures += _guard("start-up", lambda: startup_figure(start_home, quick))
        figures += _guard("reopen", lambda: reopen_figures(start_home, quick))

        big_home = work / "history"
        clients = 1000 if quick else 10_000
        db, sets = fill_database(big_home, clients=clients)
        figures += _guard("store", lambda: store_figures(db, sets, quick))

        figures += _guard("screening", lambda: screening_figure(quick))
        figures += _guard("keystroke", lambda: keystroke_figure(quick))
        figures += _guard("handout", lambda: handout_figure(work / "handouts", quick))
        figures += _guard(
            "handout, large print",
            lambda: handout_figure(work / "handouts", quick, large_print=True),
        )

        memory_home = work / "memory"
        fill_database(memory_home, clients=1000, sessions_per_client=2)
        write_settings(memory_home)
        write_custom_library(memory_home, size=5000)
        figures += _guard("memory", lambda: memory_figure(memory_home))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print()
    print_table(figures)
    if quick:
        print("\n(--quick: fewer repeats; the history database has 1,000 clients, not 10,000)")
    return 0 if all(f.passed for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
