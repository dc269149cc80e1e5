"""What every part of the store service shares: the session factory, who is saving, audit."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from bonecoach.store.errors import NotFoundError
from bonecoach.store.file_checks import visible
from bonecoach.store.models import AuditRow, ClientRow, utcnow
from bonecoach.store.records import ClientRecord

# an advisory lock key of its own (migrations use 727274)
IDENTITY_LOCK = 727275
RESTORE_LOCK = 727276  # shared by every save, exclusive for a restore


def person_name(name: str, whose: str, limit: int = 200) -> str:
    """A client's or therapist's name as stored (inner spaces collapsed), or ValueError
    naming the field; ``whose`` says who needs it ("client", "therapist")."""
    cleaned = " ".join(name.split())
    if not visible(cleaned):  # empty, or only spaces and invisible marks
        raise ValueError(f"name: a {whose} needs a name")
    if len(cleaned) > limit:
        raise ValueError(f"name: at most {limit} characters")
    return cleaned


def client_record(row: ClientRow) -> ClientRecord:
    return ClientRecord(
        id=row.id,
        name=row.name,
        date_of_birth=row.date_of_birth,
        clinic_id=row.clinic_id,
        contact=row.contact,
        archived=row.archived,
        version=row.version,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
    )


class StoreBase:
    def __init__(self, sessions: sessionmaker[Session], *, actor: str = "") -> None:
        self._sessions = sessions
        self.actor = actor  # the therapist saving, when a call does not say
        self.changed = False  # anything written since opening (the on-close backup needs it)
        self._snapshots = threading.local()  # per thread: a Store is shared with workers

    def _who(self, by: str | None) -> str:
        return self.actor if by is None else by

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        shared = getattr(self._snapshots, "session", None)
        if shared is not None:  # inside snapshot(): one transaction for every read
            yield shared
            return
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every read in this block (on this thread) sees the database at one moment: a
        whole-clinic export stays consistent while other workstations save, and a server
        answers it in one transaction instead of one per read."""
        if getattr(self._snapshots, "session", None) is not None:
            yield  # already inside one: the outer snapshot goes on
            return
        with self._sessions() as session, session.begin():
            if session.get_bind().dialect.name == "postgresql":
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            self._snapshots.session = session
            try:
                yield
            finally:
                self._snapshots.session = None

    @contextmanager
    def _writing(self, *, whole_database: bool = False) -> Iterator[Session]:
        """One transaction: everything in it is saved together or not at all.

        ``whole_database``: a restore, which no save may overlap. SQLite's BEGIN IMMEDIATE
        already lets one writer in at a time; on PostgreSQL every save holds the restore
        lock shared and a restore holds it alone, so saves wait for a restore, and a restore
        for the saves already under way (none is lost between its copy and its replacing).
        """
        with self._sessions() as session, session.begin():
            # SQLite: BEGIN IMMEDIATE (see database.py) so a save waits for another writer
            # instead of failing half-way; PostgreSQL ignores the option.
            session.connection(execution_options={"bonecoach_write": True})
            if session.get_bind().dialect.name == "postgresql":
                lock = "pg_advisory_xact_lock" if whole_database else "pg_advisory_xact_lock_shared"
                session.execute(text(f"SELECT {lock}(:key)"), {"key": RESTORE_LOCK})
            yield session
        self.changed = True

    @staticmethod
    def _audit(
        session: Session,
        who: str,
        action: str,
        entity: str,
        entity_id: int | None,
        client_id: int | None,
        detail: str = "",
    ) -> None:
        session.add(
            AuditRow(
                at=utcnow(),
                who=who,
                action=action,
                entity=entity,
                entity_id=entity_id,
                client_id=client_id,
                detail=detail[:2000],
            )
        )

    @staticmethod
    def _client_row(session: Session, client_id: int) -> ClientRow:
        row = session.get(ClientRow, client_id)
        if row is None:
            raise NotFoundError("client", client_id)
        return row

    @staticmethod
    def _lock_client(session: Session, client_id: int) -> None:
        """The client's row locked until the transaction ends (PostgreSQL ``FOR UPDATE``;
        SQLite's write transaction already holds the whole file): checks made after this see
        every save that came before and none can slip in between. NotFoundError if missing."""
        found = session.scalar(
            select(ClientRow.id).where(ClientRow.id == client_id).with_for_update()
        )
        if found is None:
            raise NotFoundError("client", client_id)

    @staticmethod
    def _lock_client_identities(session: Session) -> None:
        """Adding a client checks for duplicates and inserts as one step: a PostgreSQL
        transaction-scoped advisory lock makes two imports of the same file take turns
        (SQLite's write transaction already does)."""
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IDENTITY_LOCK})

    @staticmethod
    def _client_exists(session: Session, client_id: int) -> None:
        if session.scalar(select(ClientRow.id).where(ClientRow.id == client_id)) is None:
            raise NotFoundError("client", client_id)
