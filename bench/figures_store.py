"""Storage figures on SQLite: opening a client's history, saving a session log."""

from __future__ import annotations

import random
import time
from pathlib import Path

from bench.harness import Figure, median, ms, p95


def fill_database(home: Path, clients: int, sessions_per_client: int = 10) -> tuple[Path, int]:
    """A BoneCoach database under ``home`` (as BONECOACH_HOME) with synthetic clients."""
    from bonecoach.store.store import Store
    from bonecoach.store.synthetic import fill

    db = home / "data" / "bonecoach.sqlite3"
    db.parent.mkdir(parents=True, exist_ok=True)
    store = Store.open(f"sqlite:///{db}", backups=home / "backups", auto_backup=False)
    try:
        sets = fill(store.engine, clients=clients, sessions_per_client=sessions_per_client)
    finally:
        store.close(auto_backup=False)
    return db, sets


def store_figures(db: Path, sets: int, quick: bool) -> list[Figure]:
    from bonecoach.store.sqlite_file import check_file
    from bonecoach.store.store import Store

    # The full integrity check every start runs (off the UI thread): it grows with the file.
    started = time.perf_counter()
    checked = check_file(db)
    check_seconds = time.perf_counter() - started
    if not checked.ok:
        raise RuntimeError(f"the synthetic database failed its check: {checked}")
    size_mb = db.stat().st_size / 1e6
    store = Store.open(f"sqlite:///{db}", backups=db.parent / "backups", auto_backup=False)
    try:
        ids = [c.id for c in store.list_clients()]
        rng = random.Random(7)
        opens = []
        for client_id in rng.sample(ids, 20 if quick else 100):
            started = time.perf_counter()
            history = store.client_history(client_id)
            opens.append(time.perf_counter() - started)
        log = history.sessions[-1].log
        saves = []
        for client_id in rng.sample(ids, 50 if quick else 200):
            started = time.perf_counter()
            store.save_session(client_id, log)
            saves.append(time.perf_counter() - started)
    finally:
        store.close(auto_backup=False)
    scale = f"{len(ids):,} clients, {sets:,} sets"
    return [
        Figure(
            f"open a client's history + progress ({scale})",
            f"median {ms(median(opens))}, p95 {ms(p95(opens))}",
            "<= 50 ms",
            median(opens) <= 0.050,
            f"{len(opens)} random clients; slowest {ms(max(opens))}",
        ),
        Figure(
            "save a session log (commit returned)",
            f"p95 {ms(p95(saves))} (median {ms(median(saves))})",
            "p95 <= 20 ms",
            p95(saves) <= 0.020,
            f"{len(saves)} saves, synchronous=FULL in WAL mode",
        ),
        Figure(
            "  ... integrity check at start, same database",
            ms(check_seconds),
            "reported",
            True,
            f"PRAGMA integrity_check of a {size_mb:.0f} MB file, on the worker thread",
        ),
    ]
