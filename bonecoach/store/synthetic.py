"""Synthetic clinic data at benchmark scale (e.g. 10,000 clients, 1,000,000 logged sets).

Rows go in with bulk INSERTs and explicit ids (no ORM unit of work), so a million sets take
seconds. Every row is what the store itself would write, so `Store.client_history` reads them
back as valid domain objects. Used by the benchmarks (bench/).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, func, insert, select, text

from bonecoach.program.dosage import Dosage
from bonecoach.program.profile import ClientProfile
from bonecoach.program.programs import Phase, Program, ProgramItem
from bonecoach.program.sessions import ExerciseLog, SessionLog
from bonecoach.store.mapping import profile_columns, program_rows, session_rows
from bonecoach.store.models import (
    ClientRow,
    ProfileVersionRow,
    ProgramItemRow,
    ProgramPhaseRow,
    ProgramRow,
    ProgramVersionRow,
    SessionEntryRow,
    SessionLogRow,
    SessionSetRow,
    utcnow,
)

EXERCISES = ("sit_to_stand", "seated_band_row", "calf_raise", "bridge", "wall_push_up")
CHUNK = 20_000


def _chunks(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


def _program() -> Program:
    dosage = Dosage(sets=2, reps=10, load_kg=2.0, effort=6, rest_seconds=60, days_per_week=3)
    items = tuple(ProgramItem(exercise_id=e, dosage=dosage) for e in EXERCISES)
    return Program(
        name="Synthetic program",
        start_date=dt.date(2024, 1, 1),
        phases=(Phase(name="Weeks 1-12", start_week=1, end_week=12, items=items),),
    )


def fill(
    engine: Engine,
    *,
    clients: int = 10_000,
    sessions_per_client: int = 10,
    sets_per_entry: int = 2,
    seed: int = 1,
) -> int:
    """Add ``clients`` clients with a profile, a program and their sessions (5 exercises of
    ``sets_per_entry`` sets each). Returns the number of sets written."""
    rng = random.Random(seed)
    now = utcnow()
    profile = profile_columns(ClientProfile(sex="female", age=70, t_score_lowest=-2.6))
    version_cols, phase_rows, item_rows = program_rows(_program())
    with engine.begin() as connection:

        def next_id(table: Any) -> int:
            return int(connection.scalar(select(func.coalesce(func.max(table.id), 0))) or 0) + 1

        first_client = next_id(ClientRow)
        first_program = next_id(ProgramRow)
        first_version = next_id(ProgramVersionRow)
        first_session = next_id(SessionLogRow)
        first_entry = next_id(SessionEntryRow)
        client_ids = range(first_client, first_client + clients)
        connection.execute(
            insert(ClientRow),
            [
                {
                    "id": c,
                    "name": f"Synthetic Client {c:06d}",
                    "date_of_birth": dt.date(1940 + c % 40, 1 + c % 12, 1 + c % 28),
                    "clinic_id": f"SYN-{c:06d}",
                    "contact": "",
                    "archived": False,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                    "updated_by": "synthetic",
                }
                for c in client_ids
            ],
        )
        connection.execute(
            insert(ProfileVersionRow),
            [
                {
                    "client_id": c,
                    "recorded_on": dt.date(2024, 1, 1),
                    "saved_at": now,
                    "saved_by": "synthetic",
                    "note": "",
                    **profile,
                }
                for c in client_ids
            ],
        )
        programs = {c: first_program + i for i, c in enumerate(client_ids)}
        connection.execute(
            insert(ProgramRow),
            [
                {
                    "id": programs[c],
                    "client_id": c,
                    "name": "Synthetic program",
                    "created_at": now,
                    "archived": False,
                }
                for c in client_ids
            ],
        )
        versions = {c: first_version + i for i, c in enumerate(client_ids)}
        connection.execute(
            insert(ProgramVersionRow),
            [
                {
                    "id": versions[c],
                    "program_id": programs[c],
                    "number": 1,
                    "saved_at": now,
                    "saved_by": "synthetic",
                    **version_cols,
                }
                for c in client_ids
            ],
        )
        connection.execute(
            insert(ProgramPhaseRow),
            [{"version_id": v, **p} for v in versions.values() for p in phase_rows],
        )
        connection.execute(
            insert(ProgramItemRow),
            [{"version_id": v, **i} for v in versions.values() for i in item_rows],
        )

        sessions: list[dict[str, Any]] = []
        entries: list[dict[str, Any]] = []
        sets: list[dict[str, Any]] = []
        session_id, entry_id = first_session, first_entry
        start = dt.date(2024, 1, 1)
        for c in client_ids:
            for n in range(sessions_per_client):
                log = SessionLog(
                    date=start + dt.timedelta(days=3 * n),
                    entries=tuple(
                        ExerciseLog(
                            exercise_id=e,
                            sets_done=sets_per_entry,
                            reps_per_set=tuple(rng.randint(8, 12) for _ in range(sets_per_entry)),
                            load_kg=2.0 + n * 0.5,
                            effort=rng.randint(4, 8),
                            pain_during=rng.randint(0, 2),
                        )
                        for e in EXERCISES
                    ),
                )
                columns, logged = session_rows(log)
                sessions.append(
                    {
                        "id": session_id,
                        "client_id": c,
                        "program_version_id": versions[c],
                        "saved_at": now,
                        "saved_by": "synthetic",
                        **columns,
                    }
                )
                for entry, entry_sets in logged:
                    entries.append({"id": entry_id, "session_id": session_id, **entry})
                    sets.extend({"entry_id": entry_id, **s} for s in entry_sets)
                    entry_id += 1
                session_id += 1
        for table, rows in (
            (SessionLogRow, sessions),
            (SessionEntryRow, entries),
            (SessionSetRow, sets),
        ):
            for chunk in _chunks(rows):
                connection.execute(insert(table), chunk)
        if connection.dialect.name == "postgresql":  # explicit ids: move the sequences on
            for name in (
                "clients",
                "programs",
                "program_versions",
                "session_logs",
                "session_entries",
            ):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"(SELECT max(id) FROM {name}))"
                    )
                )
    return len(sets)
