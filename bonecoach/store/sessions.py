"""Session logs (one row per exercise entry, one per set), and the client's history and
progress read in one go (suggestions: suggestions.py)."""

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
    WITHDRAWN,
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
from bonecoach.store.records import ClientHistory, ProgressPoint, SessionRecord, Withdrawal
from bonecoach.store.suggestions import SuggestionRecords, suggestion_record

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


def load_sessions(
    session: Session, client_id: int, *, include_withdrawn: bool = False
) -> list[SessionRecord]:
    """A client's sessions, oldest first: three indexed queries, whatever the count. Corrected
    or deleted sessions only with ``include_withdrawn`` (they never count for progress)."""
    logs = [
        log
        for log in session.scalars(
            select(SessionLogRow)
            .where(SessionLogRow.client_id == client_id)
            .order_by(SessionLogRow.session_date, SessionLogRow.id)
        ).all()
        if include_withdrawn or WITHDRAWN not in (log.extra or {})
    ]
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
            withdrawn=_withdrawal(log.extra),
        )
        for log in logs
    ]


def _withdrawal(extra: dict[str, Any] | None) -> Withdrawal | None:
    found = (extra or {}).get(WITHDRAWN)
    if not isinstance(found, dict):
        return None
    return Withdrawal(
        at=datetime.fromisoformat(str(found.get("at"))),
        by=str(found.get("by", "")),
        reason=str(found.get("reason", "")),
        replaced_by=found.get("replaced_by"),
    )


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


class SessionRecords(SuggestionRecords):
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

    def sessions(self, client_id: int, *, include_withdrawn: bool = False) -> list[SessionRecord]:
        with self._reading() as session:
            self._client_exists(session, client_id)
            return load_sessions(session, client_id, include_withdrawn=include_withdrawn)

    def correct_session(
        self,
        session_id: int,
        log: SessionLog,
        *,
        reason: str,
        client_id: int | None = None,
        by: str | None = None,
    ) -> SessionRecord:
        """Replace a logged session with ``log`` (to ``client_id`` when it was logged to the
        wrong client), in one transaction: the new session is saved and the old one withdrawn
        with who, when and why; nothing is overwritten. ValueError without a reason or when
        the session was already corrected or deleted (by someone else, say)."""
        who = self._who(by)
        if not reason.strip():
            raise ValueError("reason: say why the session is corrected")
        with self._writing() as session:
            old = self._current_session(session, session_id)
            target = old.client_id if client_id is None else client_id
            self._client_exists(session, target)
            version = old.program_version_id if target == old.client_id else None
            row = insert_session(session, target, log, version, who)
            self._withdraw(session, old, who, reason, replaced_by=row.id)
            moved = f"; moved to client {target}" if target != old.client_id else ""
            self._audit(
                session, who, "correct", "session", old.id, old.client_id,
                f"{reason.strip()}; replaced by session {row.id}{moved}",
            )  # fmt: skip
            if target != old.client_id:
                self._audit(
                    session, who, "save", "session", row.id, target,
                    f"{log.date} (moved from client {old.client_id}: {reason.strip()})",
                )  # fmt: skip
            return SessionRecord(row.id, target, version, row.saved_at, who, log)

    def withdraw_session(self, session_id: int, *, reason: str, by: str | None = None) -> None:
        """Delete a logged session: it stops counting but stays in the history (who, when,
        why) and the audit log."""
        who = self._who(by)
        with self._writing() as session:
            old = self._current_session(session, session_id)
            self._withdraw(session, old, who, reason, replaced_by=None)
            self._audit(session, who, "delete", "session", old.id, old.client_id, reason.strip())

    def _current_session(self, session: Session, session_id: int) -> SessionLogRow:
        # Locked until the transaction ends (PostgreSQL; SQLite writes one at a time anyway):
        # two workstations correcting one session at once must not both find it current.
        row = session.get(SessionLogRow, session_id, with_for_update=True)
        if row is None:
            raise NotFoundError("session", session_id)
        done = _withdrawal(row.extra)
        if done is not None:
            raise ValueError(
                f"this session was already {'corrected' if done.replaced_by else 'deleted'} "
                f"by {done.by or 'someone'} on {done.at:%d %b %Y %H:%M}; reload to see it"
            )
        return row

    @staticmethod
    def _withdraw(
        session: Session, row: SessionLogRow, who: str, reason: str, *, replaced_by: int | None
    ) -> None:
        if not reason.strip():
            raise ValueError("reason: say why the session is corrected or deleted")
        mark = {"at": utcnow().isoformat(), "by": who, "reason": reason.strip()}
        row.extra = {**(row.extra or {}), WITHDRAWN: {**mark, "replaced_by": replaced_by}}

    def client_history(self, client_id: int) -> ClientHistory:
        """Client, profile history, newest program, sessions, suggestions and progress."""
        from bonecoach.store.clients import profile_record
        from bonecoach.store.models import ProfileVersionRow, ProgramRow
        from bonecoach.store.programs import load_version

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
