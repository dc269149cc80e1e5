"""Programs and their versions (every save a new version, stale saves refused), handouts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bonecoach.program.programs import Program
from bonecoach.store.base import StoreBase
from bonecoach.store.errors import NotFoundError, StaleSaveError
from bonecoach.store.mapping import DOSAGE_COLUMNS, program_from_rows, program_rows
from bonecoach.store.models import (
    HandoutPrintRow,
    ProgramItemRow,
    ProgramPhaseRow,
    ProgramRow,
    ProgramVersionRow,
    utcnow,
)
from bonecoach.store.records import HandoutRecord, ProgramSummary, ProgramVersionRecord

_ITEM_FIELDS = (
    "phase",
    "position",
    "exercise_id",
    "notes",
    "override_reason",
    "extra",
    *DOSAGE_COLUMNS,
)


def _as_dict(row: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names}


def load_version(session: Session, version: ProgramVersionRow) -> ProgramVersionRecord:
    phases = session.scalars(
        select(ProgramPhaseRow).where(ProgramPhaseRow.version_id == version.id)
    )
    items = session.scalars(select(ProgramItemRow).where(ProgramItemRow.version_id == version.id))
    program = program_from_rows(
        {"name": version.name, "extra": version.extra},
        [_as_dict(p, ("position", "name", "start_week", "end_week", "extra")) for p in phases],
        [_as_dict(i, _ITEM_FIELDS) for i in items],
    )
    client_id = session.scalar(
        select(ProgramRow.client_id).where(ProgramRow.id == version.program_id)
    )
    assert client_id is not None
    return ProgramVersionRecord(
        id=version.id,
        program_id=version.program_id,
        client_id=client_id,
        number=version.number,
        saved_at=version.saved_at,
        saved_by=version.saved_by,
        program=program,
    )


def _newest_version(session: Session, program_id: int) -> ProgramVersionRow | None:
    return session.scalars(
        select(ProgramVersionRow)
        .where(ProgramVersionRow.program_id == program_id)
        .order_by(ProgramVersionRow.number.desc())
        .limit(1)
    ).first()


def insert_version(
    session: Session,
    program_id: int,
    number: int,
    program: Program,
    saved_by: str,
    saved_at: Any = None,
) -> ProgramVersionRow:
    version_cols, phases, items = program_rows(program)
    version = ProgramVersionRow(
        program_id=program_id,
        number=number,
        saved_at=saved_at or utcnow(),
        saved_by=saved_by,
        **version_cols,
    )
    session.add(version)
    session.flush()
    session.add_all(ProgramPhaseRow(version_id=version.id, **p) for p in phases)
    session.add_all(ProgramItemRow(version_id=version.id, **i) for i in items)
    session.flush()
    return version


def check_latest(session: Session, program_id: int, based_on: int | None) -> int:
    """The newest version number of ``program_id``; StaleSaveError (naming who and when) if
    it is not ``based_on``, the version the therapist loaded."""
    newest = _newest_version(session, program_id)
    current = 0 if newest is None else newest.number
    if newest is not None and based_on != current:
        raise StaleSaveError(
            f"program '{newest.name}'", based_on, current, newest.saved_by, newest.saved_at
        )
    return current


def write_version(
    session: Session,
    client_id: int,
    program: Program,
    program_id: int | None,
    based_on: int | None,
    who: str,
) -> ProgramVersionRow:
    """Inside the caller's transaction: the stale check, the new version and its audit entry."""
    if program_id is None:
        row = ProgramRow(
            client_id=client_id, name=program.name, created_at=utcnow(), archived=False
        )
        session.add(row)
        session.flush()
        program_id, number = row.id, 1
    else:
        owner = session.get(ProgramRow, program_id)
        if owner is None or owner.client_id != client_id:
            raise NotFoundError(f"program of client {client_id}", program_id)
        number = check_latest(session, program_id, based_on) + 1
        owner.name = program.name
    version = insert_version(session, program_id, number, program, who)
    StoreBase._audit(
        session,
        who,
        "save",
        "program_version",
        version.id,
        client_id,
        f"program {program_id} version {number}: {program.name}",
    )
    return version


class ProgramRecords(StoreBase):
    def save_program(
        self,
        client_id: int,
        program: Program,
        *,
        program_id: int | None = None,
        based_on: int | None = None,
        by: str | None = None,
    ) -> ProgramVersionRecord:
        """Save ``program`` as a new version.

        ``program_id`` None starts a new program (version 1). Otherwise ``based_on`` is the
        version number the therapist loaded; if someone saved a newer one since, nothing is
        written and StaleSaveError names who and when.
        """
        who = self._who(by)
        try:
            with self._writing() as session:
                self._client_exists(session, client_id)
                version = write_version(session, client_id, program, program_id, based_on, who)
                return load_version(session, version)
        except IntegrityError:
            if program_id is None:
                raise
            raise self._lost_race(program_id, based_on) from None

    def _lost_race(self, program_id: int, based_on: int | None) -> StaleSaveError:
        """Two workstations passed the stale check at once; the unique (program, number)
        kept the first. Reported like any stale save."""
        with self._reading() as session:
            newest = _newest_version(session, program_id)
            assert newest is not None
            return StaleSaveError(
                f"program '{newest.name}'",
                based_on,
                newest.number,
                newest.saved_by,
                newest.saved_at,
            )

    def program_version(self, version_id: int) -> ProgramVersionRecord:
        with self._reading() as session:
            row = session.get(ProgramVersionRow, version_id)
            if row is None:
                raise NotFoundError("program version", version_id)
            return load_version(session, row)

    def latest_program(
        self, client_id: int, program_id: int | None = None
    ) -> ProgramVersionRecord | None:
        """The newest version of ``program_id``, or of the client's most recently saved
        program that is not archived."""
        query = (
            select(ProgramVersionRow)
            .join(ProgramRow, ProgramRow.id == ProgramVersionRow.program_id)
            .where(ProgramRow.client_id == client_id)
            .order_by(ProgramVersionRow.saved_at.desc(), ProgramVersionRow.id.desc())
            .limit(1)
        )
        if program_id is not None:
            query = query.where(ProgramRow.id == program_id)
        else:
            query = query.where(ProgramRow.archived.is_(False))
        with self._reading() as session:
            self._client_exists(session, client_id)
            row = session.scalars(query).first()
            return None if row is None else load_version(session, row)

    def program_versions(self, program_id: int) -> list[ProgramVersionRecord]:
        """Every version of one program, oldest first."""
        with self._reading() as session:
            rows = session.scalars(
                select(ProgramVersionRow)
                .where(ProgramVersionRow.program_id == program_id)
                .order_by(ProgramVersionRow.number)
            ).all()
            return [load_version(session, r) for r in rows]

    def programs(self, client_id: int, *, include_archived: bool = True) -> list[ProgramSummary]:
        newest = (
            select(ProgramVersionRow.program_id, func.max(ProgramVersionRow.number).label("n"))
            .group_by(ProgramVersionRow.program_id)
            .subquery()
        )
        query = (
            select(ProgramRow, ProgramVersionRow)
            .join(newest, newest.c.program_id == ProgramRow.id)
            .join(
                ProgramVersionRow,
                (ProgramVersionRow.program_id == ProgramRow.id)
                & (ProgramVersionRow.number == newest.c.n),
            )
            .where(ProgramRow.client_id == client_id)
            .order_by(ProgramRow.created_at, ProgramRow.id)
        )
        if not include_archived:
            query = query.where(ProgramRow.archived.is_(False))
        with self._reading() as session:
            return [
                ProgramSummary(
                    p.id,
                    p.client_id,
                    v.name,
                    p.created_at,
                    p.archived,
                    v.number,
                    v.saved_at,
                    v.saved_by,
                )
                for p, v in session.execute(query)
            ]

    def archive_program(
        self, program_id: int, archived: bool = True, *, by: str | None = None
    ) -> None:
        with self._writing() as session:
            row = session.get(ProgramRow, program_id)
            if row is None:
                raise NotFoundError("program", program_id)
            row.archived = archived
            action = "archive" if archived else "unarchive"
            self._audit(session, self._who(by), action, "program", row.id, row.client_id, row.name)

    # Handouts -----------------------------------------------------------------------------

    def record_handout(
        self,
        program_version_id: int,
        *,
        paper: str,
        large_print: bool,
        file_name: str = "",
        by: str | None = None,
    ) -> HandoutRecord:
        """Note that a handout of this program version was printed or saved."""
        if paper not in ("letter", "a4"):
            raise ValueError(f"paper: must be letter or a4 (got {paper!r})")
        who = self._who(by)
        with self._writing() as session:
            version = session.get(ProgramVersionRow, program_version_id)
            if version is None:
                raise NotFoundError("program version", program_version_id)
            row = HandoutPrintRow(
                program_version_id=program_version_id,
                printed_at=utcnow(),
                printed_by=who,
                paper=paper,
                large_print=large_print,
                file_name=file_name,
            )
            session.add(row)
            session.flush()
            client_id = session.scalar(
                select(ProgramRow.client_id).where(ProgramRow.id == version.program_id)
            )
            self._audit(
                session,
                who,
                "print",
                "handout",
                row.id,
                client_id,
                f"program version {program_version_id} ({paper}"
                f"{', large print' if large_print else ''})",
            )
            return _handout_record(row)

    def handouts(self, program_version_id: int) -> list[HandoutRecord]:
        with self._reading() as session:
            rows = session.scalars(
                select(HandoutPrintRow)
                .where(HandoutPrintRow.program_version_id == program_version_id)
                .order_by(HandoutPrintRow.printed_at, HandoutPrintRow.id)
            )
            return [_handout_record(r) for r in rows]


def _handout_record(row: HandoutPrintRow) -> HandoutRecord:
    return HandoutRecord(
        row.id,
        row.program_version_id,
        row.printed_at,
        row.printed_by,
        row.paper,
        row.large_print,
        row.file_name,
    )
