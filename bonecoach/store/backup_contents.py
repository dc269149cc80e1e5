"""What a backup must hold before it replaces the clinic's records: readable records.

A backup's tables and columns are checked elsewhere (sqlite_restore.schema_problems). This reads
what is in them, as every later command will: each client is exported as a client file and
that file is checked as an import would check it (dates, control characters, profiles that
parse, references that resolve), and rows that point at nothing are found. A backup that
fails is refused before anything is replaced, naming the client by number (never by name: the
message may be pasted into a support ticket) and the problem.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

MAX_SHOWN = 8  # problems named in the message; the count says how many more


def orphan_rows(path: Path) -> list[str]:
    """Rows whose client, program or session no longer exists (foreign keys off when they
    were written, or a hand-edited file)."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        connection.close()
    counts: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fk in rows:
        counts[(table, parent)] = counts.get((table, parent), 0) + 1
    return [
        f"{count} row(s) of {table} refer to {parent} that do not exist"
        for (table, parent), count in sorted(counts.items())
    ]


def record_problems(path: Path) -> list[str]:
    """Every client of the SQLite database at ``path`` read and checked as an import would."""
    from bonecoach.store.database import make_engine
    from bonecoach.store.document import parse_document
    from bonecoach.store.errors import ImportProblem
    from bonecoach.store.exchange import export_client
    from bonecoach.store.record_store import RecordStore

    problems = orphan_rows(path)
    engine = make_engine(f"sqlite:///{path}")
    try:
        store = RecordStore(engine)
        try:
            customs = store.custom_exercises(include_archived=True)
            clients = store.list_clients(include_archived=True)
        except Exception as exc:  # a damaged row in the list itself
            return [*problems, f"the client list cannot be read ({_first_line(exc)})"]
        for client in clients:
            where = f"client {client.id}"
            try:
                document = export_client(store, client.id, audit=False, customs=customs)
                parse_document(document.model_dump(mode="json"), where)
            except ImportProblem as exc:
                problems.extend(f"{where}: {p}" for p in exc.problems)
            except Exception as exc:
                problems.append(f"{where}: cannot be read ({_first_line(exc)})")
    finally:
        engine.dispose()
    return problems


def summary(problems: list[str]) -> str:
    shown = "; ".join(problems[:MAX_SHOWN])
    more = len(problems) - MAX_SHOWN
    return shown + (f"; and {more} more" if more > 0 else "")


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    line = text.splitlines()[0] if text else type(exc).__name__
    return line[:200]
