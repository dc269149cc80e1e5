"""What the client did: one session log per visit or home-log day, one entry per exercise.

The red-flag vocabulary is clinical-guidance.md §5: symptoms that mean stop, flag the client
for review and never suggest progression until a therapist has looked at them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from bonecoach.program.dosage import BandColour
from bonecoach.program.exercise import Slug
from bonecoach.program.vocabulary import SourceKey


class RedFlag(StrEnum):
    NEW_BACK_PAIN = "new_back_pain"
    HEIGHT_LOSS_OR_STOOP = "height_loss_or_stoop"
    SHARP_BONE_PAIN = "sharp_bone_pain"
    CHEST_PAIN = "chest_pain"
    SEVERE_BREATHLESSNESS = "severe_breathlessness"
    DIZZINESS = "dizziness"
    COLD_SWEAT = "cold_sweat"
    IRREGULAR_HEARTBEAT = "irregular_heartbeat"
    SUDDEN_WEAKNESS = "sudden_weakness"
    NUMBNESS = "numbness"


@dataclass(frozen=True)
class RedFlagInfo:
    symptom: str  # what the client reports, in plain words
    concern: str  # why it matters
    source: SourceKey


RED_FLAGS: dict[RedFlag, RedFlagInfo] = {
    RedFlag.NEW_BACK_PAIN: RedFlagInfo(
        "new or sudden back pain without a clear cause",
        "possible vertebral fracture",
        SourceKey.IOF,
    ),
    RedFlag.HEIGHT_LOSS_OR_STOOP: RedFlagInfo(
        "a new stoop, or height loss over 3 cm", "possible vertebral fracture", SourceKey.IOF
    ),
    RedFlag.SHARP_BONE_PAIN: RedFlagInfo(
        "sharp or localized bone pain", "possible fracture", SourceKey.IOF
    ),
    RedFlag.CHEST_PAIN: RedFlagInfo(
        "chest, jaw or arm pain or pressure", "possible heart problem", SourceKey.IOF
    ),
    RedFlag.SEVERE_BREATHLESSNESS: RedFlagInfo(
        "severe breathlessness", "possible heart or lung problem", SourceKey.IOF
    ),
    RedFlag.DIZZINESS: RedFlagInfo("dizziness", "possible heart problem; falls", SourceKey.IOF),
    RedFlag.COLD_SWEAT: RedFlagInfo("cold sweat", "possible heart problem", SourceKey.IOF),
    RedFlag.IRREGULAR_HEARTBEAT: RedFlagInfo(
        "irregular heartbeat", "possible heart problem", SourceKey.IOF
    ),
    RedFlag.SUDDEN_WEAKNESS: RedFlagInfo(
        "sudden weakness", "possible stroke or nerve problem", SourceKey.IOF
    ),
    RedFlag.NUMBNESS: RedFlagInfo(
        "sudden numbness", "possible stroke or nerve problem", SourceKey.IOF
    ),
}


class HandSupport(StrEnum):
    """Hand support during balance work, most support first (clinical-guidance.md §5)."""

    TWO_HANDS = "two_hands"
    ONE_HAND = "one_hand"
    FINGERTIP = "fingertip"
    NONE = "none"

    def less(self) -> HandSupport | None:
        order = list(HandSupport)
        i = order.index(self)
        return order[i + 1] if i + 1 < len(order) else None


class ExerciseLog(BaseModel):
    """One exercise in one session. ``sets_done`` 0 records an exercise that was skipped."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    exercise_id: Slug
    sets_done: int = Field(ge=0, le=10)
    reps_per_set: tuple[int, ...] | None = Field(default=None, max_length=10)
    seconds_per_set: tuple[int, ...] | None = Field(
        default=None, max_length=10, validate_default=True
    )
    load_kg: float | None = Field(default=None, ge=0, le=300, allow_inf_nan=False)
    band_colour: BandColour | None = Field(default=None, validate_default=True)
    hand_support: HandSupport | None = None
    effort: int | None = Field(default=None, ge=0, le=10)
    reps_in_reserve: int | None = Field(default=None, ge=0, le=20)
    pain_during: int = Field(default=0, ge=0, le=10)
    pain_next_morning: int | None = Field(default=None, ge=0, le=10)
    soreness_days: int | None = Field(default=None, ge=0, le=30)
    # good form throughout, as the supervising therapist judged (heavy supervised lifts)
    form_ok: bool | None = None
    notes: str = Field(default="", max_length=1000)

    @field_validator("reps_per_set")
    @classmethod
    def _reps_in_range(cls, value: tuple[int, ...] | None) -> tuple[int, ...] | None:
        if value is not None and any(not 0 <= r <= 100 for r in value):
            raise ValueError("each set's reps must be between 0 and 100")
        return value

    @field_validator("seconds_per_set")
    @classmethod
    def _one_per_set(
        cls, value: tuple[int, ...] | None, info: ValidationInfo
    ) -> tuple[int, ...] | None:
        if value is not None and any(not 0 <= s <= 3600 for s in value):
            raise ValueError("each set's seconds must be between 0 and 3600")
        if "reps_per_set" not in info.data or "sets_done" not in info.data:
            return value  # already reported on those fields
        reps, sets = info.data["reps_per_set"], info.data["sets_done"]
        if reps is not None and value is not None:
            raise ValueError("give reps_per_set or seconds_per_set, not both")
        per_set = reps if reps is not None else value
        name = "reps_per_set" if reps is not None else "seconds_per_set"
        if sets > 0 and per_set is None:
            raise ValueError("give reps_per_set or seconds_per_set for the sets done")
        if per_set is not None and len(per_set) != sets:
            raise ValueError(f"{name} lists {len(per_set)} set(s) but sets_done is {sets}")
        return value

    @field_validator("band_colour")
    @classmethod
    def _one_load(cls, value: BandColour | None, info: ValidationInfo) -> BandColour | None:
        if value is not None and info.data.get("load_kg") is not None:
            raise ValueError("give load_kg or band_colour, not both")
        return value


class SessionSetting(StrEnum):
    CLINIC = "clinic"
    HOME = "home"


class SessionLog(BaseModel):
    """One session (in the clinic, or transcribed from the home log sheet)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: dt.date
    setting: SessionSetting = SessionSetting.HOME
    entries: tuple[ExerciseLog, ...] = ()
    red_flags: tuple[RedFlag, ...] = ()
    notes: str = Field(default="", max_length=2000)

    @field_validator("date")
    @classmethod
    def _not_in_future(cls, value: dt.date) -> dt.date:
        if value > dt.date.today() + dt.timedelta(days=1):  # a day's slack for time zones
            raise ValueError(f"date {value.isoformat()} is in the future")
        return value

    @field_validator("entries")
    @classmethod
    def _each_exercise_once(cls, value: tuple[ExerciseLog, ...]) -> tuple[ExerciseLog, ...]:
        seen: set[str] = set()
        for entry in value:
            if entry.exercise_id in seen:
                raise ValueError(f"exercise '{entry.exercise_id}' is logged twice")
            seen.add(entry.exercise_id)
        return value

    @field_validator("red_flags")
    @classmethod
    def _flags_once(cls, value: tuple[RedFlag, ...]) -> tuple[RedFlag, ...]:
        if len(set(value)) != len(value):
            raise ValueError("a red flag is listed twice")
        return value

    def entry(self, exercise_id: str) -> ExerciseLog | None:
        return next((e for e in self.entries if e.exercise_id == exercise_id), None)
