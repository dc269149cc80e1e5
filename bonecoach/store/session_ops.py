"""Session logs (one row per exercise entry, one per set), and the client's history and
progress read in one go (suggestions: suggestion_ops)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from bonecoach.program.sessions import SessionLog
from bonecoach.store.base import client_record
from bonecoach.store.errors import NotFoundError
from bonecoach.store.mapping import (
    ENTRY_COLUMNS,
    session_from_rows,
    session_rows,
)
from bonecoach.store.models import (
    ProgramVersionRow,
    SessionEntryRow,
    SessionLogRow,
    SessionSetRow,
    SuggestionRow,
    utcnow,
)
from bonecoach.store.records import ClientHistory, ProgressPoint, SessionRecord
from bonecoach.store.suggestion_ops import SuggestionOps, suggestion_record

_ENTRY_FIELDS = (*ENTRY_COLUMNS, "position", "extra")


def insert_session(
    session: Session,
    client_id: int,
    log: SessionLog,
    program_version_id: int | None,
    saved_by: str,
    saved_at: datetime | None = None,
) -> SessionLogRow:
    columns, entries = session_rows(log)
    row = SessionLogRow(
        client_id=client_id,
        program_version_id=program_version_id,
        saved_at=saved_at or utcnow(),
        saved_by=saved_by,
        **columns,
    )
    session.add(row)
    session.flush()
    if entries:
        # Bulk inserts with RETURNING in parameter order: one statement per table.
        entry_ids = session.scalars(
            insert(SessionEntryRow).returning(SessionEntryRow.id, sort_by_parameter_order=True),
            [{"session_id": row.id, **entry} for entry, _ in entries],
        ).all()
        sets = [
            {"entry_id": entry_id, **s}
            for entry_id, (_, entry_sets) in zip(entry_ids, entries, strict=True)
            for s in entry_sets
        ]
        if sets:
            session.execute(insert(SessionSetRow), sets)
    return row


def load_sessions(session: Session, client_id: int) -> list[SessionRecord]:
    """All of a client's sessions, oldest first: three indexed queries, whatever the count."""
    logs = session.scalars(
        select(SessionLogRow)
        .where(SessionLogRow.client_id == client_id)
        .order_by(SessionLogRow.session_date, SessionLogRow.id)
    ).all()
    if not logs:
        return []
    entry_cols = [getattr(SessionEntryRow, n) for n in _ENTRY_FIELDS]
    entries: dict[int, list[tuple[dict[str, Any], list[dict[str, Any]]]]] = defaultdict(list)
    by_id: dict[int, list[dict[str, Any]]] = {}
    for row in session.execute(
        select(SessionEntryRow.id, SessionEntryRow.session_id, *entry_cols)
        .join(SessionLogRow, SessionLogRow.id == SessionEntryRow.session_id)
        .where(SessionLogRow.client_id == client_id)
    ):
        data = dict(zip(_ENTRY_FIELDS, row[2:], strict=True))
        sets: list[dict[str, Any]] = []
        by_id[row[0]] = sets
        entries[row[1]].append((data, sets))
    for entry_id, number, reps, seconds in session.execute(
        select(
            SessionSetRow.entry_id, SessionSetRow.number, SessionSetRow.reps, SessionSetRow.seconds
        )
        .join(SessionEntryRow, SessionEntryRow.id == SessionSetRow.entry_id)
        .join(SessionLogRow, SessionLogRow.id == SessionEntryRow.session_id)
        .where(SessionLogRow.client_id == client_id)
    ):
        by_id[entry_id].append({"number": number, "reps": reps, "seconds": seconds})
    return [
        SessionRecord(
            id=log.id,
            client_id=client_id,
            program_version_id=log.program_version_id,
            saved_at=log.saved_at,
            saved_by=log.saved_by,
            log=session_from_rows(
                {
                    "session_date": log.session_date,
                    "setting": log.setting,
                    "notes": log.notes,
                    "extra": log.extra,
                },
                entries.get(log.id, []),
            ),
        )
        for log in logs
    ]


def progress_points(sessions: Sequence[SessionRecord]) -> list[ProgressPoint]:
    points = []
    for record in sessions:
        for entry in record.log.entries:
            reps = sum(entry.reps_per_set or ())
            volume = reps * entry.load_kg if entry.load_kg is not None and reps else None
            points.append(
                ProgressPoint(
                    session_id=record.id,
                    date=record.log.date,
                    exercise_id=entry.exercise_id,
                    sets_done=entry.sets_done,
                    total_reps=reps,
                    total_seconds=sum(entry.seconds_per_set or ()),
                    load_kg=entry.load_kg,
                    band_colour=entry.band_colour,
                    volume_kg=volume,
                    effort=entry.effort,
                    pain_during=entry.pain_during,
                    pain_next_morning=entry.pain_next_morning,
                )
            )
    return points


class SessionOps(SuggestionOps):
    def _check_version(self, session: Session, client_id: int, version_id: int | None) -> None:
        if version_id is None:
            return
        if session.get(ProgramVersionRow, version_id) is None:
            raise NotFoundError("program version", version_id)

    def save_session(
        self,
        client_id: int,
        log: SessionLog,
        *,
        program_version_id: int | None = None,
        by: str | None = None,
    ) -> SessionRecord:
        """Store one session log; it is on disk when this returns."""
        who = self._who(by)
        with self._writing() as session:
            self._client_exists(session, client_id)
            self._check_version(session, client_id, program_version_id)
            row = insert_session(session, client_id, log, program_version_id, who)
            self._audit(session, who, "save", "session", row.id, client_id, str(log.date))
            return SessionRecord(row.id, client_id, program_version_id, row.saved_at, who, log)

    def sessions(self, client_id: int) -> list[SessionRecord]:
        with self._reading() as session:
            self._client_exists(session, client_id)
            return load_sessions(session, client_id)

    def client_history(self, client_id: int) -> ClientHistory:
        """Client, profile history, newest program, sessions, suggestions and progress."""
        from bonecoach.store.client_ops import profile_record
        from bonecoach.store.models import ProfileVersionRow, ProgramRow
        from bonecoach.store.program_ops import load_version

        with self._reading() as session:
            client = client_record(self._client_row(session, client_id))
            profiles = [
                profile_record(r)
                for r in session.scalars(
                    select(ProfileVersionRow)
                    .where(ProfileVersionRow.client_id == client_id)
                    .order_by(ProfileVersionRow.recorded_on, ProfileVersionRow.id)
                )
            ]
            newest = session.scalars(
                select(ProgramVersionRow)
                .join(ProgramRow, ProgramRow.id == ProgramVersionRow.program_id)
                .where(ProgramRow.client_id == client_id, ProgramRow.archived.is_(False))
                .order_by(ProgramVersionRow.saved_at.desc(), ProgramVersionRow.id.desc())
                .limit(1)
            ).first()
            program = None if newest is None else load_version(session, newest)
            sessions = load_sessions(session, client_id)
            suggestions = [
                suggestion_record(r)
                for r in session.scalars(
                    select(SuggestionRow)
                    .where(SuggestionRow.client_id == client_id)
                    .order_by(SuggestionRow.created_at, SuggestionRow.id)
                )
            ]
        return ClientHistory(
            client, profiles, program, sessions, suggestions, progress_points(sessions)
        )

    def progress(self, client_id: int) -> list[ProgressPoint]:
        return progress_points(self.sessions(client_id))
