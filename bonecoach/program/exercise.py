"""One exercise of the library: identity, safety attributes, handout text, default dosage.

The field names are the keys of the library files and of `bonecoach library list --json`.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Annotated, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from bonecoach.program.vocabulary import (
    Category,
    Demand,
    Equipment,
    FallRisk,
    Impact,
    Load,
    Position,
    Precaution,
    Region,
    Sides,
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
    demands: tuple[Demand, ...] = ()
    # Kept in the library only to show a client what to avoid and why: never prescribed.
    education_only: bool = False
    avoid_with: tuple[Precaution, ...] = ()

    regions: tuple[Region, ...] = Field(min_length=1)
    equipment: tuple[Equipment, ...] = ()
    level: int = Field(ge=1, le=4)
    easier: Slug | None = None
    harder: Slug | None = None

    steps: tuple[Text, ...] = Field(min_length=3, max_length=6)
    tips: tuple[Text, ...] = Field(min_length=2, max_length=4)
    stop_if: Text
    support_variant: Text | None = Field(default=None, validate_default=True)
    default_dosage: DefaultDosage
    # one-sided work: whether the printed count is for each side or in total
    sides: Sides | None = None

    sources: tuple[SourceKey, ...] = ()

    # Cross-field checks are field validators (not one model validator) so that every error
    # names the field to fix; each reads fields declared before it from ``info.data``.
    @field_validator("supervised_only")
    @classmethod
    def _heavy_is_supervised(cls, value: bool, info: ValidationInfo) -> bool:
        if info.data.get("load") is Load.HEAVY and not value:
            raise ValueError("a heavy (>= 80% 1RM) exercise must be supervised_only")
        return value

    @field_validator("easier", "harder")
    @classmethod
    def _not_itself(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and value == info.data.get("id"):
            raise ValueError(f"{info.field_name} cannot point to the exercise itself")
        return value

    @field_validator("support_variant")
    @classmethod
    def _support_when_risky(cls, value: str | None, info: ValidationInfo) -> str | None:
        fall_risk = info.data.get("fall_risk")
        if fall_risk is not None and fall_risk is not FallRisk.LOW and not value:
            raise ValueError(f"support_variant is required when fall_risk is {fall_risk.value}")
        return value

    @field_validator("regions", "equipment", "avoid_with", "sources", "demands")
    @classmethod
    def _no_repeats(cls, values: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        if len(set(values)) != len(values):
            raise ValueError(f"{info.field_name} lists a value twice")
        return values

    @property
    def needs_support(self) -> bool:
        return self.fall_risk is not FallRisk.LOW

    @cached_property
    def all_demands(self) -> frozenset[Demand]:
        """The written demands plus those that follow from other attributes: a floor
        transfer kneels, bends the hip deeply and takes weight on the hands; kneeling
        exercises kneel; dumbbells are gripped; a weighted vest is worn on the trunk; a held
        resistance or posture effort of 10 s or more is a sustained hold."""
        return _derived_demands(self)


_HOLD_CATEGORIES = frozenset({Category.RESISTANCE, Category.POSTURE})


def _derived_demands(e: Exercise) -> frozenset[Demand]:
    found = set(e.demands)
    if e.position is Position.FLOOR_TRANSFER:
        found.add(Demand.FLOOR_TRANSFER)
    if Demand.FLOOR_TRANSFER in found:
        found |= {Demand.KNEELING, Demand.DEEP_HIP_FLEXION, Demand.WEIGHT_ON_HANDS}
    if e.position is Position.KNEELING:
        found.add(Demand.KNEELING)
    if Equipment.DUMBBELLS in e.equipment:
        found.add(Demand.GRIPS_WEIGHT)
    if Equipment.WEIGHTED_VEST in e.equipment:
        found.add(Demand.WEARS_WEIGHT)
    hold = e.default_dosage.hold_seconds
    if hold is not None and hold >= 10 and e.category in _HOLD_CATEGORIES:
        found.add(Demand.SUSTAINED_HOLD)
    return frozenset(found)
