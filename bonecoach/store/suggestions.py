"""Progression suggestions and the therapist's decision on each.

Accepting one that changes the program is one transaction: the new program version, the
suggestion and its outcome (linked to that version) and the audit entries are saved together
or not at all, so a health record is never left with a version and no decision, or the other
way round.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bonecoach.program.programs import Program
from bonecoach.program.progression import Suggestion
from bonecoach.store.base import StoreBase
from bonecoach.store.errors import NotFoundError
from bonecoach.store.mapping import suggestion_columns, suggestion_from_json
from bonecoach.store.models import ProgramRow, ProgramVersionRow, SuggestionRow, utcnow
from bonecoach.store.programs import ProgramRecords, check_latest, load_version, write_version
from bonecoach.store.records import ProgramVersionRecord, SuggestionRecord


def suggestion_record(row: SuggestionRow) -> SuggestionRecord:
    return SuggestionRecord(
        id=row.id,
        client_id=row.client_id,
        program_version_id=row.program_version_id,
        created_at=row.created_at,
        suggestion=suggestion_from_json(row.suggestion),
        outcome=row.outcome,
        outcome_reason=row.outcome_reason,
        decided_at=row.decided_at,
        decided_by=row.decided_by,
        result_version_id=row.result_version_id,
    )


def new_suggestion_row(
    client_id: int, suggestion: Suggestion, program_version_id: int | None
) -> SuggestionRow:
    return SuggestionRow(
        client_id=client_id,
        program_version_id=program_version_id,
        created_at=utcnow(),
        outcome="pending",
        outcome_reason="",
        decided_by="",
        **suggestion_columns(suggestion),
    )


def stored_suggestion(
    session: Session, client_id: int, suggestion: Suggestion, program_version_id: int | None
) -> SuggestionRow:
    """The client's newest stored row for this suggestion (same key), else a new pending one."""
    row = session.scalars(
        select(SuggestionRow)
        .where(SuggestionRow.client_id == client_id, SuggestionRow.key == suggestion.key)
        .order_by(SuggestionRow.created_at.desc(), SuggestionRow.id.desc())
        .limit(1)
    ).first()
    if row is None:
        row = new_suggestion_row(client_id, suggestion, program_version_id)
        session.add(row)
        session.flush()
    return row


def decide(
    session: Session,
    row: SuggestionRow,
    *,
    accepted: bool,
    reason: str,
    result_version_id: int | None,
    who: str,
) -> None:
    """Inside the caller's transaction: record the outcome and its audit entry."""
    if not accepted and not reason.strip():
        raise ValueError("reason: say why the suggestion is dismissed")
    if row.outcome != "pending":
        # Another workstation decided first: keep their decision.
        raise ValueError(
            f"suggestion {row.id} was already {row.outcome} by {row.decided_by or 'someone'}"
        )
    row.outcome = "accepted" if accepted else "dismissed"
    row.outcome_reason = reason.strip()
    row.decided_at = utcnow()
    row.decided_by = who
    row.result_version_id = result_version_id
    StoreBase._audit(
        session,
        who,
        "accept" if accepted else "dismiss",
        "suggestion",
        row.id,
        row.client_id,
        f"{row.kind} {row.rule}: {row.outcome_reason}",
    )
    session.flush()


def _check_version(session: Session, version_id: int | None) -> None:
    if version_id is not None and session.get(ProgramVersionRow, version_id) is None:
        raise NotFoundError("program version", version_id)


class SuggestionRecords(ProgramRecords):
    def save_suggestions(
        self,
        client_id: int,
        suggestions: Sequence[Suggestion],
        *,
        program_version_id: int | None = None,
    ) -> list[SuggestionRecord]:
        """Keep the suggestions shown to the therapist, pending their decision."""
        with self._writing() as session:
            self._client_exists(session, client_id)
            _check_version(session, program_version_id)
            rows = [new_suggestion_row(client_id, s, program_version_id) for s in suggestions]
            session.add_all(rows)
            session.flush()
            return [suggestion_record(r) for r in rows]

    def record_suggestion_outcome(
        self,
        suggestion_id: int,
        *,
        accepted: bool,
        reason: str = "",
        result_version_id: int | None = None,
        by: str | None = None,
    ) -> SuggestionRecord:
        """Accept or dismiss; dismissing needs a reason (kept, and shown in the audit)."""
        if not accepted and not reason.strip():
            raise ValueError("reason: say why the suggestion is dismissed")
        who = self._who(by)
        with self._writing() as session:
            # locked: a decision made at the same moment on another workstation waits, then is told
            row = session.get(SuggestionRow, suggestion_id, with_for_update=True)
            if row is None:
                raise NotFoundError("suggestion", suggestion_id)
            _check_version(session, result_version_id)
            decide(
                session,
                row,
                accepted=accepted,
                reason=reason,
                result_version_id=result_version_id,
                who=who,
            )
            return suggestion_record(row)

    def accept_suggestion(
        self,
        client_id: int,
        suggestion: Suggestion,
        new_program: Program | None,
        *,
        based_on_version_id: int,
        by: str | None = None,
    ) -> tuple[ProgramVersionRecord | None, SuggestionRecord]:
        """Accept ``suggestion``, made for program version ``based_on_version_id``.

        In one transaction: check that version is still its program's newest (StaleSaveError
        naming who and when otherwise, nothing written), save ``new_program`` (the program with
        the suggestion applied; None if it does not change the program) as the next version,
        store the suggestion if it is not stored yet, and record it accepted, linked to the new
        version. Returns (new version or None, decided suggestion).
        """
        who = self._who(by)
        based_on: ProgramVersionRow | None = None
        try:
            with self._writing() as session:
                self._client_exists(session, client_id)
                based_on = session.get(ProgramVersionRow, based_on_version_id)
                owner = None if based_on is None else session.get(ProgramRow, based_on.program_id)
                if based_on is None or owner is None or owner.client_id != client_id:
                    raise NotFoundError(
                        f"program version of client {client_id}", based_on_version_id
                    )
                made = None
                if new_program is None:
                    check_latest(session, based_on.program_id, based_on.number)
                else:
                    made = write_version(
                        session, client_id, new_program, based_on.program_id, based_on.number, who
                    )
                row = stored_suggestion(session, client_id, suggestion, based_on.id)
                decide(
                    session,
                    row,
                    accepted=True,
                    reason="",
                    result_version_id=None if made is None else made.id,
                    who=who,
                )
                version = None if made is None else load_version(session, made)
                return version, suggestion_record(row)
        except IntegrityError:
            if new_program is None or based_on is None:
                raise
            raise self._lost_race(based_on.program_id, based_on.number) from None

    def undo_accepted_suggestion(
        self, client_id: int, suggestion_id: int, *, by: str | None = None
    ) -> ProgramVersionRecord | None:
        """Take back an accepted suggestion, in one transaction: if it made a program version
        that is still the newest, save the version before it again as the next one (nothing
        is overwritten: both stay in the history), and put the suggestion back to pending.
        StaleSaveError when the program was saved again since (undo by editing it then)."""
        who = self._who(by)
        with self._writing() as session:
            # locked: a decision made at the same moment on another workstation waits, then is told
            row = session.get(SuggestionRow, suggestion_id, with_for_update=True)
            if row is None or row.client_id != client_id:
                raise NotFoundError(f"suggestion of client {client_id}", suggestion_id)
            if row.outcome != "accepted":
                raise ValueError(f"suggestion {row.id} is {row.outcome}, not accepted")
            restored = None
            made = (
                None
                if row.result_version_id is None
                else session.get(ProgramVersionRow, row.result_version_id)
            )
            before = (
                None
                if row.program_version_id is None
                else session.get(ProgramVersionRow, row.program_version_id)
            )
            if made is not None and before is not None:
                check_latest(session, made.program_id, made.number)
                program = load_version(session, before).program
                restored = write_version(
                    session, client_id, program, made.program_id, made.number, who
                )
            row.outcome, row.outcome_reason = "pending", ""
            row.decided_at, row.decided_by, row.result_version_id = None, "", None
            self._audit(
                session,
                who,
                "undo accept",
                "suggestion",
                row.id,
                client_id,
                f"{row.kind} {row.rule}: back to pending"
                + (
                    ""
                    if restored is None
                    else f"; program version {restored.number} restores "
                    f"version {before.number if before else '?'}"
                ),
            )
            return None if restored is None else load_version(session, restored)

    def dismiss_suggestion(
        self,
        client_id: int,
        suggestion: Suggestion,
        *,
        reason: str,
        program_version_id: int | None = None,
        by: str | None = None,
    ) -> SuggestionRecord:
        """Dismiss ``suggestion`` (a reason is needed, kept and shown in the audit): stored if
        it is not yet, and its outcome recorded, in one transaction."""
        if not reason.strip():
            raise ValueError("reason: say why the suggestion is dismissed")
        who = self._who(by)
        with self._writing() as session:
            self._client_exists(session, client_id)
            _check_version(session, program_version_id)
            row = stored_suggestion(session, client_id, suggestion, program_version_id)
            decide(session, row, accepted=False, reason=reason, result_version_id=None, who=who)
            return suggestion_record(row)

    def suggestions(self, client_id: int, *, pending_only: bool = False) -> list[SuggestionRecord]:
        query = (
            select(SuggestionRow)
            .where(SuggestionRow.client_id == client_id)
            .order_by(SuggestionRow.created_at, SuggestionRow.id)
        )
        if pending_only:
            query = query.where(SuggestionRow.outcome == "pending")
        with self._reading() as session:
            return [suggestion_record(r) for r in session.scalars(query)]
