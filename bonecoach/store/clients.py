"""Clients, profile versions and the audit trail (therapists: therapists.py)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bonecoach.program.profile import ClientProfile
from bonecoach.store.base import StoreBase, client_record, person_name
from bonecoach.store.errors import DuplicateClientError, StaleSaveError
from bonecoach.store.mapping import profile_columns, profile_from_json
from bonecoach.store.models import (
    AuditRow,
    ClientRow,
    ProfileVersionRow,
    utcnow,
)
from bonecoach.store.records import (
    AuditRecord,
    ClientRecord,
    ProfileVersionRecord,
)

_UNSET = object()


def _clean_name(name: str) -> str:
    return person_name(name, "client")


def _clean_clinic_id(clinic_id: str | None) -> str | None:
    if clinic_id is None or not clinic_id.strip():
        return None
    clinic_id = clinic_id.strip()
    if len(clinic_id) > 64:
        raise ValueError("clinic_id: at most 64 characters")
    return clinic_id


def profile_record(row: ProfileVersionRow) -> ProfileVersionRecord:
    return ProfileVersionRecord(
        id=row.id,
        client_id=row.client_id,
        recorded_on=row.recorded_on,
        saved_at=row.saved_at,
        saved_by=row.saved_by,
        note=row.note,
        profile=profile_from_json(row.profile, row.recorded_on),
        t_score_lowest=row.t_score_lowest,
        falls_past_year=row.falls_past_year,
        tug_seconds=row.tug_seconds,
    )


class ClientRecords(StoreBase):
    # Clients ------------------------------------------------------------------------------

    def find_existing_client(
        self, name: str, date_of_birth: date | None, clinic_id: str | None
    ) -> ClientRecord | None:
        """A stored client with the same clinic id, or the same name and date of birth."""
        with self._reading() as session:
            return find_existing(session, name, date_of_birth, clinic_id)

    def create_client(
        self,
        name: str,
        *,
        date_of_birth: date | None = None,
        clinic_id: str | None = None,
        contact: str = "",
        by: str | None = None,
    ) -> ClientRecord:
        """A new client; DuplicateClientError if the clinic id is taken."""
        who, now = self._who(by), utcnow()
        row = ClientRow(
            name=_clean_name(name),
            date_of_birth=date_of_birth,
            clinic_id=_clean_clinic_id(clinic_id),
            contact=contact.strip(),
            archived=False,
            version=1,
            created_at=now,
            updated_at=now,
            updated_by=who,
        )
        try:
            with self._writing() as session:
                session.add(row)
                session.flush()
                self._audit(session, who, "create", "client", row.id, row.id, row.name)
                return client_record(row)
        except IntegrityError:
            existing = self.find_existing_client(name, None, clinic_id)
            if existing is None:
                raise
            raise DuplicateClientError(
                f"clinic_id: {clinic_id!r} already belongs to {existing.name} "
                f"(client {existing.id})",
                existing.id,
            ) from None

    def get_client(self, client_id: int) -> ClientRecord:
        with self._reading() as session:
            return client_record(self._client_row(session, client_id))

    def update_client(
        self,
        client_id: int,
        expected_version: int,
        *,
        name: str | None = None,
        date_of_birth: date | object | None = _UNSET,
        clinic_id: str | object | None = _UNSET,
        contact: str | None = None,
        archived: bool | None = None,
        by: str | None = None,
    ) -> ClientRecord:
        """Change the client's details if nobody saved since ``expected_version`` was read."""
        who = self._who(by)
        changes: dict[str, object] = {}
        if name is not None:
            changes["name"] = _clean_name(name)
        if date_of_birth is not _UNSET:
            changes["date_of_birth"] = date_of_birth
        if clinic_id is not _UNSET:
            changes["clinic_id"] = _clean_clinic_id(clinic_id)  # type: ignore[arg-type]
        if contact is not None:
            changes["contact"] = contact.strip()
        if archived is not None:
            changes["archived"] = archived
        try:
            with self._writing() as session:
                result = session.execute(
                    update(ClientRow)
                    .where(ClientRow.id == client_id, ClientRow.version == expected_version)
                    .values(version=expected_version + 1, updated_at=utcnow(), updated_by=who)
                    .values(**changes)
                    .execution_options(synchronize_session=False)
                )
                if result.rowcount != 1:  # type: ignore[attr-defined]
                    row = self._client_row(session, client_id)
                    raise StaleSaveError(
                        f"client {row.name}",
                        expected_version,
                        row.version,
                        row.updated_by,
                        row.updated_at,
                    )
                action = {True: "archive", False: "unarchive"}.get(archived, "update")  # type: ignore[arg-type]
                self._audit(
                    session, who, action, "client", client_id, client_id, ", ".join(changes)
                )
                return client_record(self._client_row(session, client_id))
        except IntegrityError:
            taken = changes.get("clinic_id")
            other = self.find_existing_client("-", None, taken) if isinstance(taken, str) else None
            if other is None:
                raise
            raise DuplicateClientError(
                f"clinic_id: {taken!r} already belongs to {other.name} (client {other.id})",
                other.id,
            ) from None

    def archive_client(
        self, client_id: int, expected_version: int, archived: bool = True, *, by: str | None = None
    ) -> ClientRecord:
        return self.update_client(client_id, expected_version, archived=archived, by=by)

    def list_clients(self, *, include_archived: bool = False) -> list[ClientRecord]:
        query = select(ClientRow).order_by(func.lower(ClientRow.name), ClientRow.id)
        if not include_archived:
            query = query.where(ClientRow.archived.is_(False))
        with self._reading() as session:
            return [client_record(r) for r in session.scalars(query)]

    def search_clients(
        self, text: str, *, include_archived: bool = False, limit: int = 100
    ) -> list[ClientRecord]:
        """Clients whose name or clinic id contains ``text`` (any case), best matches first."""
        needle = text.strip().lower()
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        name = func.lower(ClientRow.name)
        query = (
            select(ClientRow)
            .where(
                or_(
                    name.like(pattern, escape="\\"),
                    func.lower(ClientRow.clinic_id).like(pattern, escape="\\"),
                )
            )
            .order_by(name.like(needle + "%", escape="\\").desc(), name, ClientRow.id)
            .limit(limit)
        )
        if not include_archived:
            query = query.where(ClientRow.archived.is_(False))
        with self._reading() as session:
            return [client_record(r) for r in session.scalars(query)]

    # Profiles -----------------------------------------------------------------------------

    def save_profile(
        self,
        client_id: int,
        profile: ClientProfile,
        *,
        recorded_on: date | None = None,
        note: str = "",
        based_on: int | object | None = _UNSET,
        by: str | None = None,
    ) -> ProfileVersionRecord:
        """A new dated profile version; earlier versions are kept as the history.

        ``based_on``: the id of the newest profile version the therapist opened (None: there
        was none). If another version was saved since, StaleSaveError and nothing is saved.
        """
        who = self._who(by)
        day = recorded_on or date.today()
        if day > date.today() + timedelta(days=1):  # a day's slack for time zones
            raise ValueError(f"recorded on {day.isoformat()}: that date is in the future")
        for name in ("vertebral_fracture_date", "other_fracture_date"):
            when = getattr(profile, name)
            if when is not None and when > day:
                raise ValueError(
                    f"{name.replace('_', ' ')} {when.isoformat()} is after the day the profile "
                    f"is recorded on ({day.isoformat()})"
                )
        with self._writing() as session:
            # the client's row locked (PostgreSQL; SQLite's BEGIN IMMEDIATE locks the file):
            # two saves on the same base version check one after the other, never together
            self._lock_client(session, client_id)
            if based_on is not _UNSET:
                self._check_profile_not_stale(session, client_id, based_on)
            row = ProfileVersionRow(
                client_id=client_id,
                recorded_on=day,
                saved_at=utcnow(),
                saved_by=who,
                note=note.strip(),
                **profile_columns(profile),
            )
            session.add(row)
            session.flush()
            self._audit(session, who, "save", "profile", row.id, client_id, str(row.recorded_on))
            return profile_record(row)

    @staticmethod
    def _check_profile_not_stale(session: Session, client_id: int, based_on: object) -> None:
        ids = session.scalars(
            select(ProfileVersionRow.id)
            .where(ProfileVersionRow.client_id == client_id)
            .order_by(ProfileVersionRow.id)
        ).all()
        if ids and ids[-1] != based_on:
            newest = session.get(ProfileVersionRow, ids[-1])
            assert newest is not None
            yours = sum(1 for i in ids if i <= based_on) if isinstance(based_on, int) else None
            raise StaleSaveError(
                "this client's profile", yours, len(ids), newest.saved_by, newest.saved_at
            )

    def profile_history(self, client_id: int) -> list[ProfileVersionRecord]:
        """Every profile version, oldest first."""
        with self._reading() as session:
            self._client_exists(session, client_id)
            rows = session.scalars(
                select(ProfileVersionRow)
                .where(ProfileVersionRow.client_id == client_id)
                .order_by(ProfileVersionRow.recorded_on, ProfileVersionRow.id)
            )
            return [profile_record(r) for r in rows]

    def latest_profile(self, client_id: int) -> ProfileVersionRecord | None:
        history = self.profile_history(client_id)
        return history[-1] if history else None

    # Audit --------------------------------------------------------------------------------

    def record_audit(
        self,
        action: str,
        entity: str,
        *,
        entity_id: int | None = None,
        client_id: int | None = None,
        detail: str = "",
        by: str | None = None,
    ) -> None:
        """Note something done outside the store (e.g. a client's data exported)."""
        with self._writing() as session:
            self._audit(session, self._who(by), action, entity, entity_id, client_id, detail)

    def audit_entries(self, client_id: int | None = None, *, limit: int = 500) -> list[AuditRecord]:
        """The newest audit entries first (of one client, or of everything)."""
        query = select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(limit)
        if client_id is not None:
            query = query.where(AuditRow.client_id == client_id)
        with self._reading() as session:
            return [
                AuditRecord(
                    r.id, r.at, r.who, r.action, r.entity, r.entity_id, r.client_id, r.detail
                )
                for r in session.scalars(query)
            ]


def find_existing(
    session: Session, name: str, date_of_birth: date | None, clinic_id: str | None
) -> ClientRecord | None:
    """In the caller's transaction: a client with the same clinic id, or name and birth date."""
    conditions = []
    clinic_id = _clean_clinic_id(clinic_id)
    if clinic_id is not None:
        conditions.append(ClientRow.clinic_id == clinic_id)
    if date_of_birth is not None:
        conditions.append(
            (func.lower(ClientRow.name) == _clean_name(name).lower())
            & (ClientRow.date_of_birth == date_of_birth)
        )
    if not conditions:
        return None
    row = session.scalars(select(ClientRow).where(or_(*conditions)).order_by(ClientRow.id)).first()
    return None if row is None else client_record(row)
