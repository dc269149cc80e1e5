"""How much of an exercise a program prescribes: sets, reps or time, load, effort, rest, days.

Every cross-field check is a field validator (not one model validator) so that each error's
``loc`` names the field the therapist must fix; the dosage editor shows it next to that box.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from bonecoach.program.exercise import DefaultDosage


class BandColour(StrEnum):
    """Resistance-band colours, lightest first (the common Thera-Band order)."""

    YELLOW = "yellow"
    RED = "red"
    GREEN = "green"
    BLUE = "blue"
    BLACK = "black"
    SILVER = "silver"
    GOLD = "gold"

    def heavier(self) -> BandColour | None:
        order = list(BandColour)
        i = order.index(self)
        return order[i + 1] if i + 1 < len(order) else None

    def lighter(self) -> BandColour | None:
        order = list(BandColour)
        i = order.index(self)
        return order[i - 1] if i > 0 else None


MEASURES = ("reps", "hold_seconds", "minutes")


class Dosage(BaseModel):
    """One prescribed dose. Load is ``load_kg``, or ``band_colour``, or body weight (neither).

    Exactly one of ``reps``, ``hold_seconds`` and ``minutes`` says how long a set lasts.
    ``reps`` is declared last so that its validator sees the other two measures.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    sets: int = Field(ge=1, le=10)
    hold_seconds: int | None = Field(default=None, ge=1, le=600)
    minutes: int | None = Field(default=None, ge=1, le=180)
    reps: int | None = Field(default=None, ge=1, le=100, validate_default=True)
    load_kg: float | None = Field(default=None, ge=0, le=300, allow_inf_nan=False)
    band_colour: BandColour | None = Field(default=None, validate_default=True)
    effort: int = Field(ge=0, le=10, description="target effort, 0 (none) to 10 (maximal)")
    rest_seconds: int = Field(ge=0, le=600)
    days_per_week: int = Field(ge=1, le=7)

    @field_validator("reps")
    @classmethod
    def _one_measure(cls, value: int | None, info: ValidationInfo) -> int | None:
        given = [n for n in ("hold_seconds", "minutes") if info.data.get(n) is not None]
        if value is not None:
            given.insert(0, "reps")
        if not given:
            raise ValueError("give one of reps, hold_seconds or minutes")
        if len(given) > 1:
            raise ValueError(
                f"give only one of reps, hold_seconds or minutes (got {', '.join(given)})"
            )
        return value

    @field_validator("band_colour")
    @classmethod
    def _one_load(cls, value: BandColour | None, info: ValidationInfo) -> BandColour | None:
        if value is not None and info.data.get("load_kg") is not None:
            raise ValueError("give load_kg or band_colour, not both (neither means body weight)")
        return value

    @classmethod
    def from_default(cls, default: DefaultDosage) -> Dosage:
        """The library's starting dose for an exercise (body weight unless changed)."""
        return cls.model_validate(default.model_dump())

    @property
    def measure(self) -> str:
        """Which of ``reps``, ``hold_seconds`` or ``minutes`` this dose uses."""
        for name in MEASURES:
            if getattr(self, name) is not None:
                return name
        raise AssertionError("a validated Dosage always has one measure")

    @property
    def is_body_weight(self) -> bool:
        return self.load_kg is None and self.band_colour is None

    def with_changes(self, **changes: Any) -> Dosage:
        """A re-validated copy; setting one measure or load clears the others."""
        data = self.model_dump()
        if any(name in changes for name in MEASURES):
            for name in MEASURES:
                data[name] = None
        if "load_kg" in changes or "band_colour" in changes:
            data["load_kg"] = data["band_colour"] = None
        data.update(changes)
        return Dosage.model_validate(data)

    def work_seconds_per_session(self, seconds_per_rep: float = 4.0) -> float:
        """Time under work in one session (rests excluded); reps are estimated."""
        if self.minutes is not None:
            return self.sets * self.minutes * 60.0
        if self.hold_seconds is not None:
            return self.sets * float(self.hold_seconds)
        assert self.reps is not None
        return self.sets * self.reps * seconds_per_rep

    def session_seconds(self, seconds_per_rep: float = 4.0) -> float:
        """Work plus the rests between sets (or holds): the time one session takes."""
        return self.work_seconds_per_session(seconds_per_rep) + self.rest_seconds * (self.sets - 1)


class DosageError(ValueError):
    """A dosage that cannot be prescribed; ``problems`` maps each field to what is wrong."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{field}: {text}" for field, text in problems.items()))


def field_problems(error: ValidationError) -> dict[str, str]:
    """``{field: problem}`` from a pydantic error, one entry per field (first problem wins)."""
    problems: dict[str, str] = {}
    for item in error.errors():
        field = ".".join(str(part) for part in item.get("loc", ())) or "dosage"
        message = str(item.get("msg", "invalid")).removeprefix("Value error, ")
        if item.get("type") == "extra_forbidden":
            message = "unknown field"
        problems.setdefault(field, message)
    return problems


def parse_dosage(data: Mapping[str, Any]) -> Dosage:
    """Validate raw input (e.g. from the dosage editor); raises DosageError naming fields."""
    try:
        return Dosage.model_validate(dict(data))
    except ValidationError as exc:
        raise DosageError(field_problems(exc)) from None
