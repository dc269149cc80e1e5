"""The tables: SQLAlchemy 2 typed ORM models. Only the store sees these; the UI gets records.

Every change is a new row (profile versions, program versions), so history is never
overwritten. Times are UTC. Indexes serve "open one client's history and progress" fast.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# The newest migration; `open_store` compares the database's revision with it without
# importing Alembic (start-up time). tests/store checks it equals the chain's head.
HEAD_REVISION = "0004"
KNOWN_REVISIONS = frozenset({"0001", "0002", "0003", "0004"})

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out, stored naive-UTC (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use an aware (UTC) one")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    # Microseconds dropped: PostgreSQL and SQLite then return exactly what was written.
    return datetime.now(UTC).replace(microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy's documented class attribute
        datetime: UTCDateTime(),
        date: Date(),
        dict[str, Any]: JSON(),
    }


class TherapistRow(Base):
    __tablename__ = "therapists"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    credentials: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(300), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]


class ClientRow(Base):
    __tablename__ = "clients"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    date_of_birth: Mapped[date | None]
    clinic_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    contact: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)  # optimistic check on update
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(200), default="")


class ProfileVersionRow(Base):
    __tablename__ = "profile_versions"
    __table_args__ = (Index("ix_profile_versions_client_saved", "client_id", "saved_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    recorded_on: Mapped[date]
    saved_at: Mapped[datetime]
    saved_by: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    profile: Mapped[dict[str, Any]]  # the validated ClientProfile JSON, exactly
    # Denormalised for the history table and chart.
    t_score_lowest: Mapped[float | None] = mapped_column(Float)
    falls_past_year: Mapped[int] = mapped_column(Integer)
    tug_seconds: Mapped[float | None] = mapped_column(Float)


class ProgramRow(Base):
    __tablename__ = "programs"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class ProgramVersionRow(Base):
    __tablename__ = "program_versions"
    # The unique number per program is what refuses a second save of the same version even
    # when two workstations pass the staleness check at the same moment.
    __table_args__ = (UniqueConstraint("program_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[datetime]
    saved_by: Mapped[str] = mapped_column(String(200), default="")
    name: Mapped[str] = mapped_column(String(200))
    # Program-level fields other than phases and items (e.g. template id, goals), as given.
    extra: Mapped[dict[str, Any]]


class ProgramPhaseRow(Base):
    __tablename__ = "program_phases"
    __table_args__ = (UniqueConstraint("version_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("program_versions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    start_week: Mapped[int] = mapped_column(Integer)
    end_week: Mapped[int] = mapped_column(Integer)
    extra: Mapped[dict[str, Any]]


class ProgramItemRow(Base):
    __tablename__ = "program_items"
    __table_args__ = (Index("ix_program_items_version_order", "version_id", "phase", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("program_versions.id", ondelete="CASCADE"))
    phase: Mapped[int] = mapped_column(Integer)  # position of its phase in the version
    position: Mapped[int] = mapped_column(Integer)
    exercise_id: Mapped[str] = mapped_column(String(64))
    sets: Mapped[int] = mapped_column(Integer)
    reps: Mapped[int | None] = mapped_column(Integer)
    hold_seconds: Mapped[int | None] = mapped_column(Integer)
    minutes: Mapped[int | None] = mapped_column(Integer)
    load_kg: Mapped[float | None] = mapped_column(Float)
    band_colour: Mapped[str | None] = mapped_column(String(40))
    effort: Mapped[int] = mapped_column(Integer)
    rest_seconds: Mapped[int] = mapped_column(Integer)
    days_per_week: Mapped[int] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    override_reason: Mapped[str | None] = mapped_column(Text)
    extra: Mapped[dict[str, Any]]  # any further item or dosage fields, as given


class HandoutPrintRow(Base):
    __tablename__ = "handouts_printed"
    id: Mapped[int] = mapped_column(primary_key=True)
    program_version_id: Mapped[int] = mapped_column(
        ForeignKey("program_versions.id", ondelete="CASCADE"), index=True
    )
    printed_at: Mapped[datetime]
    printed_by: Mapped[str] = mapped_column(String(200), default="")
    paper: Mapped[str] = mapped_column(String(16))
    large_print: Mapped[bool] = mapped_column(Boolean)
    file_name: Mapped[str] = mapped_column(String(500), default="")


class SessionLogRow(Base):
    __tablename__ = "session_logs"
    __table_args__ = (Index("ix_session_logs_client_date", "client_id", "session_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    program_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("program_versions.id", ondelete="SET NULL")
    )
    session_date: Mapped[date]
    saved_at: Mapped[datetime]
    saved_by: Mapped[str] = mapped_column(String(200), default="")
    setting: Mapped[str] = mapped_column(String(16))
    notes: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[dict[str, Any]]  # further session fields (red flags, ...), as given


class SessionEntryRow(Base):
    __tablename__ = "session_entries"
    __table_args__ = (Index("ix_session_entries_session_order", "session_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session_logs.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    exercise_id: Mapped[str] = mapped_column(String(64))
    sets_done: Mapped[int] = mapped_column(Integer)
    load_kg: Mapped[float | None] = mapped_column(Float)
    band_colour: Mapped[str | None] = mapped_column(String(40))
    effort: Mapped[int | None] = mapped_column(Integer)
    pain_during: Mapped[int] = mapped_column(Integer)
    pain_next_morning: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[dict[str, Any]]


class SessionSetRow(Base):
    __tablename__ = "session_sets"
    __table_args__ = (Index("ix_session_sets_entry_order", "entry_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("session_entries.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    # One of the two, as logged (reps_per_set or seconds_per_set of the entry).
    reps: Mapped[int | None] = mapped_column(Integer)
    seconds: Mapped[int | None] = mapped_column(Integer)


class SuggestionRow(Base):
    __tablename__ = "suggestions"
    __table_args__ = (Index("ix_suggestions_client_created", "client_id", "created_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    program_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("program_versions.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime]
    key: Mapped[str] = mapped_column(String(200))  # the suggestion's stable identity
    kind: Mapped[str] = mapped_column(String(32))
    exercise_id: Mapped[str | None] = mapped_column(String(64))
    rule: Mapped[str] = mapped_column(String(100), default="")
    suggestion: Mapped[dict[str, Any]]  # the domain Suggestion JSON, exactly
    outcome: Mapped[str] = mapped_column(String(16), default="pending")  # accepted|dismissed
    outcome_reason: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[str] = mapped_column(String(200), default="")
    result_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("program_versions.id", ondelete="SET NULL")
    )


class AuditRow(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_client_at", "client_id", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    who: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    # No foreign key: the audit trail outlives what it describes.
    client_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text, default="")


class CustomExerciseRow(Base):
    """A clinic's own exercise: in the database so backups, the clinic's server and client
    exports carry it like any other record."""

    __tablename__ = "custom_exercises"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # the exercise's slug
    exercise: Mapped[dict[str, Any]]  # the validated domain Exercise JSON, exactly
    picture_kind: Mapped[str] = mapped_column(String(16))  # poses | photo | same_as | none
    pose_start: Mapped[str] = mapped_column(String(64), default="")
    pose_end: Mapped[str] = mapped_column(String(64), default="")
    same_as: Mapped[str] = mapped_column(String(64), default="")
    photo: Mapped[bytes | None] = mapped_column(LargeBinary)
    photo_type: Mapped[str] = mapped_column(String(32), default="")
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)  # optimistic check on save
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class ClinicTemplateRow(Base):
    """A program template the clinic saved from one of its programs: in the database so
    backups, the clinic's server and clinic exports carry it."""

    __tablename__ = "clinic_templates"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # the template's slug
    template: Mapped[dict[str, Any]]  # the validated domain Template JSON, exactly
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)  # optimistic check on save
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
