"""The client's bone-health profile (clinical-guidance.md §1), as recorded by the therapist.

The field names are the keys of the profile JSON (`bonecoach screen --profile FILE`, client
export/import). Unknown keys and out-of-range values are errors that name the field.

Decisions worth knowing:
- ``weeks_since_vertebral_fracture`` must be null when ``vertebral_fractures`` is 0. With one
  or more vertebral fractures it may be null, meaning "date unknown" (many vertebral fractures
  are found by chance on an X-ray); the assessment then treats the fracture as not recent and
  says so, so the therapist can confirm it happened more than 12 weeks ago.
- ``tandem_stance_10s`` is true (held 10 s), false (could not) or null (not tested).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from bonecoach.program.vocabulary import Equipment, Precaution


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"


class BackPain(StrEnum):
    NONE = "none"
    MILD = "mild"
    NEW_UNEXPLAINED = "new_unexplained"  # a red flag: possible new vertebral fracture


class ClientProfile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sex: Sex
    age: int = Field(ge=18, le=110)
    t_score_lowest: float | None = Field(default=None, ge=-6.0, le=4.0)
    frax_major_percent: float | None = Field(default=None, ge=0, le=100)
    frax_hip_percent: float | None = Field(default=None, ge=0, le=100)
    vertebral_fractures: int = Field(default=0, ge=0, le=30)
    weeks_since_vertebral_fracture: int | None = Field(
        default=None, ge=0, le=5200, description="weeks since the most recent one"
    )
    other_fragility_fractures: int = Field(default=0, ge=0, le=50)
    falls_past_year: int = Field(default=0, ge=0, le=365)
    tug_seconds: float | None = Field(default=None, gt=0, le=300)
    chair_stands_30s: int | None = Field(default=None, ge=0, le=60)
    tandem_stance_10s: bool | None = None
    hyperkyphosis: bool = False
    back_pain: BackPain = BackPain.NONE
    frail: bool = False
    new_to_strength_training: bool = False
    cleared_for_supervised_high_intensity: bool = False
    equipment: tuple[Equipment, ...] = ()
    precautions: tuple[Precaution, ...] = ()

    @field_validator("weeks_since_vertebral_fracture")
    @classmethod
    def _weeks_need_a_fracture(cls, value: int | None, info: ValidationInfo) -> int | None:
        if value is not None and info.data.get("vertebral_fractures") == 0:
            raise ValueError("must be null when vertebral_fractures is 0")
        return value

    @field_validator("frax_hip_percent")
    @classmethod
    def _hip_within_major(cls, value: float | None, info: ValidationInfo) -> float | None:
        major = info.data.get("frax_major_percent")
        if value is not None and major is not None and value > major:
            # FRAX "major osteoporotic" includes hip fracture, so it can never be lower.
            raise ValueError(
                f"hip risk ({value}%) cannot exceed the major osteoporotic risk ({major}%)"
            )
        return value

    @field_validator("equipment", "precautions")
    @classmethod
    def _no_repeats(cls, values: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        if len(set(values)) != len(values):
            raise ValueError(f"{info.field_name} lists a value twice")
        return values


PROFILE_KEYS: tuple[str, ...] = tuple(ClientProfile.model_fields)


class ProfileError(ValueError):
    """A profile that cannot be used; ``problems`` holds (field, problem) pairs, all of them."""

    def __init__(self, problems: list[tuple[str | None, str]]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {f'field {field!r}: ' if field else ''}{p}" for field, p in problems)
        super().__init__(f"the client profile has {len(problems)} problem(s):\n{lines}")


def _describe(error: Mapping[str, Any]) -> tuple[str | None, str]:
    loc = [str(part) for part in error.get("loc", ())]
    field = ".".join(loc) if loc else None
    kind = str(error.get("type", ""))
    value = error.get("input")
    ctx = error.get("ctx", {}) or {}
    if kind == "missing":
        return field, "missing field"
    if kind == "extra_forbidden":
        return field, "unknown field"
    if kind == "enum":
        return field, f"unknown value {value!r} (expected {ctx.get('expected', '')})"
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        bound = next(iter(ctx.values()), "?")
        words = {
            "greater_than_equal": "at least",
            "less_than_equal": "at most",
            "greater_than": "more than",
            "less_than": "less than",
        }[kind]
        return field, f"must be {words} {bound} (got {value!r})"
    expected = _EXPECTED.get(kind)
    if expected:
        return field, f"must be {expected} (got {value!r})"
    return field, str(error.get("msg", "invalid")).removeprefix("Value error, ")


_EXPECTED = {
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "string_type": "text",
    "tuple_type": "a list",
    "list_type": "a list",
}


def profile_from_mapping(data: Any) -> ClientProfile:
    """Validate decoded profile JSON: every key present, types strict ("70" is not 70)."""
    if not isinstance(data, dict):
        raise ProfileError([(None, "must be a JSON object of profile fields")])
    # A stored profile states every field: a missing "hyperkyphosis" must not quietly become
    # false. (Python callers may rely on the defaults.)
    problems: list[tuple[str | None, str]] = [
        (key, "missing field") for key in PROFILE_KEYS if key not in data
    ]
    try:
        profile = ClientProfile.model_validate_json(json.dumps(data), strict=True)
    except ValidationError as exc:
        problems.extend(_describe(e) for e in exc.errors())
    if problems:
        raise ProfileError(problems)
    return profile


def parse_profile_json(text: str) -> ClientProfile:
    """The profile in ``text``; raises ProfileError naming every bad field and its problem."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError([(None, f"not valid JSON: {exc}")]) from None
    return profile_from_mapping(data)


def profile_to_json(profile: ClientProfile) -> str:
    return profile.model_dump_json(indent=2)
