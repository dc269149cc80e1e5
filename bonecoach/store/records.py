"""What the store hands to the UI and the command line: frozen dataclasses holding domain
objects, never ORM rows (which would tie screens to open database sessions)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from bonecoach.program.dosage import BandColour
from bonecoach.program.exercise import Exercise
from bonecoach.program.picture import CustomPicture
from bonecoach.program.profile import ClientProfile
from bonecoach.program.programs import Program
from bonecoach.program.progression import Suggestion
from bonecoach.program.sessions import SessionLog
from bonecoach.program.templates import Template


@dataclass(frozen=True)
class TherapistRecord:
    id: int
    name: str
    credentials: str
    contact: str
    active: bool


@dataclass(frozen=True)
class ClientRecord:
    id: int
    name: str
    date_of_birth: date | None
    clinic_id: str | None
    contact: str
    archived: bool
    version: int  # pass back to update_client/archive_client (optimistic check)
    updated_at: datetime
    updated_by: str


@dataclass(frozen=True)
class ProfileVersionRecord:
    id: int
    client_id: int
    recorded_on: date
    saved_at: datetime
    saved_by: str
    note: str
    profile: ClientProfile
    # for the history table and chart
    t_score_lowest: float | None
    falls_past_year: int
    tug_seconds: float | None


@dataclass(frozen=True)
class ProgramSummary:
    id: int
    client_id: int
    name: str  # of the newest version
    created_at: datetime
    archived: bool
    latest_version: int
    latest_saved_at: datetime
    latest_saved_by: str


@dataclass(frozen=True)
class ProgramVersionRecord:
    id: int  # the version's id: what a handout and a session log refer to
    program_id: int
    client_id: int
    number: int  # 1, 2, ...: pass as ``based_on`` when saving the next version
    saved_at: datetime
    saved_by: str
    program: Program


@dataclass(frozen=True)
class HandoutRecord:
    id: int
    program_version_id: int
    printed_at: datetime
    printed_by: str
    paper: str
    large_print: bool
    file_name: str


@dataclass(frozen=True)
class SessionRecord:
    id: int
    client_id: int
    program_version_id: int | None
    saved_at: datetime
    saved_by: str
    log: SessionLog
    withdrawn: Withdrawal | None = None  # corrected or deleted: kept, never counted


@dataclass(frozen=True)
class Withdrawal:
    """Why a logged session no longer counts: corrected (``replaced_by`` the new session, in
    this client's list or another's when it was logged to the wrong client) or deleted."""

    at: datetime
    by: str
    reason: str
    replaced_by: int | None


@dataclass(frozen=True)
class SuggestionRecord:
    id: int
    client_id: int
    program_version_id: int | None
    created_at: datetime
    suggestion: Suggestion
    outcome: str  # pending | accepted | dismissed
    outcome_reason: str
    decided_at: datetime | None
    decided_by: str
    result_version_id: int | None  # the program version an accepted change produced


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    who: str
    action: str
    entity: str
    entity_id: int | None
    client_id: int | None
    detail: str


@dataclass(frozen=True)
class ProgressPoint:
    """One exercise in one session, reduced to the numbers the progress charts plot."""

    session_id: int
    date: date
    exercise_id: str
    sets_done: int
    total_reps: int
    total_seconds: int
    load_kg: float | None
    band_colour: BandColour | None
    volume_kg: float | None  # total reps x load, when the load is in kg
    effort: int | None
    pain_during: int
    pain_next_morning: int | None


@dataclass(frozen=True)
class ClientHistory:
    """Everything the client screen opens with, read in one go."""

    client: ClientRecord
    profiles: list[ProfileVersionRecord]  # oldest first
    latest_program: ProgramVersionRecord | None
    sessions: list[SessionRecord]  # oldest first
    suggestions: list[SuggestionRecord]
    progress: list[ProgressPoint]


@dataclass(frozen=True)
class CustomExerciseRecord:
    """A clinic's own exercise as stored; ``picture.photo`` is the photo's media type when
    ``photo`` holds its bytes."""

    exercise: Exercise
    picture: CustomPicture
    photo: bytes | None
    version: int  # pass back as ``expected_version`` when saving a change (optimistic check)
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    archived: bool

    @property
    def id(self) -> str:
        return self.exercise.id


def record_photos(records: Iterable[CustomExerciseRecord]) -> dict[str, bytes]:
    """Photo bytes by exercise id, for the records whose picture is a photo (what the screen
    shows and the handout prints)."""
    return {r.id: r.photo for r in records if r.picture.kind == "photo" and r.photo}


@dataclass(frozen=True)
class ClinicTemplateRecord:
    """A template the clinic saved, as stored."""

    template: Template
    version: int  # pass back as ``expected_version`` when saving a change (optimistic check)
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    archived: bool

    @property
    def id(self) -> str:
        return self.template.id
