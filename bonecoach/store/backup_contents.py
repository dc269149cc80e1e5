"""What a backup must hold before it replaces the clinic's records: readable records.

A backup's tables and columns are checked elsewhere (sqlite_restore.schema_problems). This reads
what is in them, as every later command will: each client is exported as a client file and
that file is checked as an import would check it (dates, control characters, profiles that
parse, references that resolve), and rows that point at nothing are found. A backup that
fails is refused before anything is replaced, naming the client by number (never by name: the
message may be pasted into a support ticket) and the problem.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from bonecoach.store.file_checks import value_problems

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
    """Every client of the SQLite database at ``path`` read and checked as an import would,
    with the clinic's custom exercises and the audit log."""
    from sqlalchemy.orm import Session

    from bonecoach.store.client_file import parse_document
    from bonecoach.store.client_file_references import consistency_problems
    from bonecoach.store.database import make_engine
    from bonecoach.store.errors import ImportProblem
    from bonecoach.store.exchange import export_client
    from bonecoach.store.record_store import RecordStore

    problems = orphan_rows(path) + audit_problems(path)
    engine = make_engine(f"sqlite:///{path}")
    try:
        store = RecordStore(engine)
        try:
            with Session(engine) as session:
                problems += custom_exercise_problems(session)
            customs = store.custom_exercises(include_archived=True)
            clients = store.list_clients(include_archived=True)
        except Exception as exc:  # a damaged row in the list itself
            return [*problems, f"the client list cannot be read ({_first_line(exc)})"]
        known = set(shipped_ids()) | {c.id for c in customs}
        for client in clients:
            where = f"client {client.id}"
            try:
                document = export_client(store, client.id, audit=False, customs=customs)
                parsed = parse_document(document.model_dump(mode="json"), where)
                problems += [f"{where}: {p}" for p in consistency_problems(parsed, known)]
            except ImportProblem as exc:
                problems.extend(f"{where}: {p}" for p in exc.problems)
            except Exception as exc:
                problems.append(f"{where}: cannot be read ({_brief(exc)})")
    finally:
        engine.dispose()
    return problems


def shipped_ids() -> set[str]:
    from bonecoach.store.custom_exercises import shipped_library

    return set(shipped_library())


def custom_exercise_problems(session: Any) -> list[str]:
    """Custom exercises that no longer pass the library's checks: the app would leave them
    out of every program and log a page of errors on each start."""
    from pydantic import ValidationError
    from sqlalchemy import select

    from bonecoach.store.custom_exercises import record_of
    from bonecoach.store.models import CustomExerciseRow

    problems = []
    for row in session.scalars(select(CustomExerciseRow).order_by(CustomExerciseRow.id)):
        try:
            record_of(row)
        except (ValidationError, ValueError, TypeError) as exc:
            problems.append(f"custom exercise {row.id}: is not a valid exercise ({_brief(exc)})")
    return problems


def audit_problems(path: Path) -> list[str]:
    """Audit entries with a time that is not a time, or hidden characters in their text."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT id, at, who, action, entity, detail FROM audit_log ORDER BY id"
        ).fetchall()
    finally:
        connection.close()
    problems = []
    for entry_id, at, *texts in rows:
        place = f"audit_log entry {entry_id}"
        try:
            moment = dt.datetime.fromisoformat(at) if isinstance(at, str) else None
        except ValueError:
            moment = None
        if moment is None:
            problems.append(f"{place}: at {str(at)[:40]!r} is not a date and time")
        else:
            problems += value_problems({"at": moment}, place)
        problems += value_problems(
            {
                name: text
                for name, text in zip(("who", "action", "entity", "detail"), texts, strict=True)
                if isinstance(text, str)
            },
            place,
        )
    return problems


def _brief(exc: Exception) -> str:
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "exercise"
        more = exc.error_count() - 1
        return f"{where}: {first['msg']}" + (f", and {more} more" if more else "")
    return _first_line(exc)


def summary(problems: list[str]) -> str:
    shown = "; ".join(problems[:MAX_SHOWN])
    more = len(problems) - MAX_SHOWN
    return shown + (f"; and {more} more" if more > 0 else "")


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    line = text.splitlines()[0] if text else type(exc).__name__
    return line[:200]
