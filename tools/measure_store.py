"""Measure the store at benchmark scale: 10,000 clients and 1,000,000 logged sets (SQLite).

    uv run python tools/measure_store.py [--clients 10000] [--dir /tmp/bonecoach-measure]

Prints: time to fill, start-up (integrity check, open), opening one client's history and
progress (median and p95 over random clients), saving a session log (p95).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bonecoach.store.service import Store
from bonecoach.store.sqlite_file import check_file
from bonecoach.store.synthetic import fill


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="bonecoach-measure-"))
    db = folder / "bonecoach.sqlite3"
    url = f"sqlite:///{db}"
    if not db.exists():
        store = Store.open(url, backups=folder / "backups", auto_backup=False)
        started = time.perf_counter()
        sets = fill(store.engine, clients=args.clients)
        print(f"fill: {args.clients} clients, {sets} sets in {time.perf_counter() - started:.1f} s")
        store.close(auto_backup=False)
    print(f"database file: {db.stat().st_size / 1e6:.0f} MB")

    started = time.perf_counter()
    assert check_file(db).ok
    print(f"start-up integrity_check: {ms(time.perf_counter() - started)}")
    started = time.perf_counter()
    store = Store.open(url, backups=folder / "backups", auto_backup=False)
    print(f"Store.open (check + engine): {ms(time.perf_counter() - started)}")

    ids = [c.id for c in store.list_clients()]
    rng = random.Random(7)
    timings = []
    for client_id in rng.sample(ids, 60):
        started = time.perf_counter()
        history = store.client_history(client_id)
        timings.append(time.perf_counter() - started)
    sets = sum(len(e.reps_per_set or ()) for s in history.sessions for e in s.log.entries)
    print(
        f"client_history (profile, program, {len(history.sessions)} sessions, {sets} sets, "
        f"progress): first {ms(timings[0])}, median {ms(statistics.median(timings))}, "
        f"p95 {ms(p95(timings))}"
    )

    log = history.sessions[-1].log
    saves = []
    for _ in range(200):
        started = time.perf_counter()
        store.save_session(ids[0], log)
        saves.append(time.perf_counter() - started)
    print(
        f"save_session (commit returned, synchronous=FULL): median "
        f"{ms(statistics.median(saves))}, p95 {ms(p95(saves))}"
    )
    store.close(auto_backup=False)
    print(f"(data in {folder})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
