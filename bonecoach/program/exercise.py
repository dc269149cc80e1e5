"""One exercise of the library: identity, safety attributes, handout text, default dosage.

The field names are the keys of the library files and of `bonecoach library list --json`.
"""

from __future__ import annotations

import re
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from bonecoach.program.vocabulary import (
    Category,
    Equipment,
    FallRisk,
    Impact,
    Load,
    Position,
    Precaution,
    Region,
    SourceKey,
    SpinalFlexion,
    SpinalRotation,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:_[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=2, max_length=64)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=300)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=600)]


def is_slug(value: str) -> bool:
    return bool(_SLUG.match(value))


class DefaultDosage(BaseModel):
    """The starting dose the library suggests; a program may change it.

    Exactly one of ``reps``, ``hold_seconds`` and ``minutes`` says how long a set lasts.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    sets: int = Field(ge=1, le=10)
    reps: int | None = Field(default=None, ge=1, le=100)
    hold_seconds: int | None = Field(default=None, ge=1, le=600)
    minutes: int | None = Field(default=None, ge=1, le=120)
    rest_seconds: int = Field(ge=0, le=600)
    days_per_week: int = Field(ge=1, le=7)
    effort: int = Field(ge=0, le=10, description="target effort, 0 (none) to 10 (maximal)")

    @model_validator(mode="after")
    def _one_measure(self) -> Self:
        given = [n for n in ("reps", "hold_seconds", "minutes") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError(
                "give exactly one of reps, hold_seconds or minutes"
                + (f" (got {', '.join(given)})" if given else "")
            )
        return self


class Exercise(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    name: Line
    summary: Line
    category: Category

    spinal_flexion: SpinalFlexion
    spinal_rotation: SpinalRotation
    impact: Impact
    fall_risk: FallRisk
    load: Load
    supervised_only: bool
    position: Position
    avoid_with: tuple[Precaution, ...] = ()

    regions: tuple[Region, ...] = Field(min_length=1)
    equipment: tuple[Equipment, ...] = ()
    level: int = Field(ge=1, le=4)
    easier: Slug | None = None
    harder: Slug | None = None

    steps: tuple[Text, ...] = Field(min_length=3, max_length=6)
    tips: tuple[Text, ...] = Field(min_length=2, max_length=4)
    stop_if: Text
    support_variant: Text | None = None
    default_dosage: DefaultDosage

    sources: tuple[SourceKey, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.fall_risk is not FallRisk.LOW and not self.support_variant:
            raise ValueError(
                f"support_variant is required when fall_risk is {self.fall_risk.value}"
            )
        if self.load is Load.HEAVY and not self.supervised_only:
            raise ValueError("a heavy (>= 80% 1RM) exercise must be supervised_only")
        if self.id in (self.easier, self.harder):
            raise ValueError("easier/harder cannot point to the exercise itself")
        for name in ("regions", "equipment", "avoid_with", "sources"):
            values = getattr(self, name)
            if len(set(values)) != len(values):
                raise ValueError(f"{name} lists a value twice")
        return self

    @property
    def needs_support(self) -> bool:
        return self.fall_risk is not FallRisk.LOW
