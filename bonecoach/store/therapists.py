"""The clinic's therapists: named on handouts and in the audit trail.

A therapist is never deleted (old handouts and audit entries name them); they are made
inactive instead. Names are unique (case and spacing ignored), because settings, handouts and
the audit trail refer to a therapist by name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bonecoach.store.base import StoreBase, person_name
from bonecoach.store.errors import NotFoundError
from bonecoach.store.models import TherapistRow, utcnow
from bonecoach.store.records import TherapistRecord

# The column sizes (models.TherapistRow): PostgreSQL refuses longer text, SQLite would not.
LIMITS = {"name": 200, "credentials": 200, "contact": 300}


@dataclass(frozen=True)
class TherapistChange:
    """One therapist to add (``id`` None: ``name`` required) or change (``id`` given; a
    field left None keeps its stored value)."""

    id: int | None
    name: str | None = None
    credentials: str | None = None
    contact: str | None = None
    active: bool | None = None


def therapist_name(name: str) -> str:
    """The name as stored (inner spaces collapsed), or ValueError naming the field."""
    return person_name(name, "therapist", LIMITS["name"])


def _text(field: str, value: str) -> str:
    value = value.strip()
    if len(value) > LIMITS[field]:
        raise ValueError(f"{field}: at most {LIMITS[field]} characters")
    return value


def name_key(name: str) -> str:
    """What two names must not share: 'pat  KIM' and 'Pat Kim' are the same therapist."""
    return " ".join(name.split()).casefold()


def _record(row: TherapistRow) -> TherapistRecord:
    return TherapistRecord(row.id, row.name, row.credentials, row.contact, row.active)


class TherapistRecords(StoreBase):
    def therapists(self, *, include_inactive: bool = False) -> list[TherapistRecord]:
        query = select(TherapistRow).order_by(TherapistRow.name, TherapistRow.id)
        if not include_inactive:
            query = query.where(TherapistRow.active.is_(True))
        with self._reading() as session:
            return [_record(r) for r in session.scalars(query)]

    def add_therapist(
        self, name: str, credentials: str = "", contact: str = "", *, by: str | None = None
    ) -> TherapistRecord:
        change = TherapistChange(None, name, credentials, contact)
        [added] = self.save_therapists([change], by=by)
        return added

    def update_therapist(
        self,
        therapist_id: int,
        *,
        name: str | None = None,
        credentials: str | None = None,
        contact: str | None = None,
        active: bool | None = None,
        by: str | None = None,
    ) -> TherapistRecord:
        change = TherapistChange(therapist_id, name, credentials, contact, active)
        [changed] = self.save_therapists([change], by=by)
        return changed

    def save_therapists(
        self, changes: Sequence[TherapistChange], *, by: str | None = None
    ) -> list[TherapistRecord]:
        """Apply every change in one transaction (each with its audit entry, as one by one):
        all saved, or nothing when any is refused (ValueError naming the field, or
        NotFoundError). Returns the therapists as saved, in the order of ``changes``."""
        who = self._who(by)
        with self._writing() as session:
            rows = [self._apply(session, who, change) for change in changes]
            session.flush()
            named = [row for row, change in zip(rows, changes, strict=True) if change.name]
            self._check_unique(session, named)
            return [_record(row) for row in rows]

    def _apply(self, session: Session, who: str, change: TherapistChange) -> TherapistRow:
        if change.id is None:
            if change.name is None:
                raise ValueError("name: a therapist needs a name")
            row = TherapistRow(
                name=therapist_name(change.name),
                credentials=_text("credentials", change.credentials or ""),
                contact=_text("contact", change.contact or ""),
                active=True if change.active is None else change.active,
                created_at=utcnow(),
            )
            session.add(row)
            session.flush()
            self._audit(session, who, "add", "therapist", row.id, None, row.name)
            return row
        found = session.get(TherapistRow, change.id)
        if found is None:
            raise NotFoundError("therapist", change.id)
        if change.name is not None:
            found.name = therapist_name(change.name)
        if change.credentials is not None:
            found.credentials = _text("credentials", change.credentials)
        if change.contact is not None:
            found.contact = _text("contact", change.contact)
        if change.active is not None:
            found.active = change.active
        self._audit(session, who, "update", "therapist", found.id, None, found.name)
        return found

    @staticmethod
    def _check_unique(session: Session, named: list[TherapistRow]) -> None:
        """Names given (new or changed) must differ from every other therapist's (inactive ones
        too: old handouts name them). Duplicates stored before this check are left alone."""
        taken: dict[str, list[TherapistRow]] = {}
        for other in session.scalars(select(TherapistRow)):
            taken.setdefault(name_key(other.name), []).append(other)
        for row in named:
            others = [o for o in taken[name_key(row.name)] if o.id != row.id]
            if others:
                raise ValueError(f"name: there is already a therapist called '{others[0].name}'")
