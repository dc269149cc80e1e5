"""The client's bone-health profile (clinical-guidance.md §1), as recorded by the therapist.

The field names are the keys of the profile JSON (`bonecoach screen --profile FILE`, client
export/import). Unknown keys and out-of-range values are errors that name the field.

Decisions worth knowing:
- Fractures are recorded by DATE, never as "weeks ago": a week count typed once would never
  age. ``vertebral_fracture_date`` (the most recent one) must be null when
  ``vertebral_fractures`` is 0. With one or more vertebral fractures it may be null, meaning
  "date unknown" (many vertebral fractures are found by chance on an X-ray); the assessment
  then treats the fracture as not recent and says so, so the therapist can confirm it.
  How long ago a fracture was is worked out on the day of screening (`weeks_since`).
- ``other_fracture_date`` and ``other_fracture_site`` describe the most recent non-vertebral
  fragility fracture (a recent hip or pelvic fracture changes weight bearing); both or
  neither, and only with ``other_fragility_fractures`` of 1 or more.
- ``tandem_stance_10s`` is true (held 10 s), false (could not) or null (not tested).
- Profiles written before fracture dates existed carried ``weeks_since_vertebral_fracture``;
  `upgrade_profile_mapping` turns that into a date counted back from the day the profile was
  recorded (used by the database migration, client-file import and `screen --profile`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, timedelta
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


class FractureSite(StrEnum):
    """Where the most recent non-vertebral fragility fracture was."""

    HIP_OR_PELVIS = "hip_or_pelvis"  # weight bearing as the fracture team allows
    WRIST_OR_ARM = "wrist_or_arm"  # no gripping weights or leaning on the hands while it heals
    OTHER = "other"


class ClientProfile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sex: Sex
    age: int = Field(ge=18, le=110)
    t_score_lowest: float | None = Field(default=None, ge=-6.0, le=4.0)
    frax_major_percent: float | None = Field(default=None, ge=0, le=100)
    frax_hip_percent: float | None = Field(default=None, ge=0, le=100)
    vertebral_fractures: int = Field(default=0, ge=0, le=30)
    vertebral_fracture_date: date | None = Field(
        default=None, description="date of the most recent vertebral fracture"
    )
    other_fragility_fractures: int = Field(default=0, ge=0, le=50)
    other_fracture_date: date | None = Field(
        default=None, description="date of the most recent non-vertebral fragility fracture"
    )
    other_fracture_site: FractureSite | None = None
    falls_past_year: int = Field(default=0, ge=0, le=365)
    fall_with_injury: bool = False  # any of those falls injured the client
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

    @field_validator("vertebral_fracture_date", "other_fracture_date")
    @classmethod
    def _plausible_date(cls, value: date | None) -> date | None:
        if value is not None and value.year < 1900:
            raise ValueError(f"{value.isoformat()} is not a plausible fracture date")
        return value

    @field_validator("vertebral_fracture_date")
    @classmethod
    def _date_needs_a_fracture(cls, value: date | None, info: ValidationInfo) -> date | None:
        if value is not None and info.data.get("vertebral_fractures") == 0:
            raise ValueError("a fracture date needs at least one vertebral fracture recorded")
        return value

    @field_validator("other_fracture_date")
    @classmethod
    def _other_date_needs_a_fracture(cls, value: date | None, info: ValidationInfo) -> date | None:
        if value is not None and info.data.get("other_fragility_fractures") == 0:
            raise ValueError("a fracture date needs at least one other fracture recorded")
        return value

    @field_validator("other_fracture_site")
    @classmethod
    def _site_with_its_date(
        cls, value: FractureSite | None, info: ValidationInfo
    ) -> FractureSite | None:
        has_date = info.data.get("other_fracture_date") is not None
        if value is None and has_date:
            raise ValueError("say where the fracture was when its date is given")
        if value is not None and "other_fracture_date" in info.data and not has_date:
            raise ValueError("give the date of the fracture as well as where it was")
        return value

    @field_validator("fall_with_injury")
    @classmethod
    def _injury_needs_a_fall(cls, value: bool, info: ValidationInfo) -> bool:
        if value and info.data.get("falls_past_year") == 0:
            raise ValueError("an injurious fall needs at least one fall in the past year")
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

LEGACY_WEEKS_KEY = "weeks_since_vertebral_fracture"
# Keys added after the first release, with the value an older profile means by leaving them out.
_ADDED_KEYS: dict[str, object] = {
    "vertebral_fracture_date": None,
    "other_fracture_date": None,
    "other_fracture_site": None,
    "fall_with_injury": False,
}


def weeks_since(when: date, on: date) -> int:
    """Whole weeks from ``when`` to ``on`` (0 in the first week; never negative)."""
    return max(0, (on - when).days // 7)


def upgrade_profile_mapping(data: Any, recorded_on: date) -> Any:
    """An older profile's JSON in today's form; anything else is returned unchanged.

    The week count becomes a date counted back from ``recorded_on``, the day the profile was
    recorded (so "6 weeks" recorded on 1 March means a fracture around 18 January). Newer
    keys that the older form could not state take the value it meant by their absence.
    """
    if not isinstance(data, dict) or LEGACY_WEEKS_KEY not in data:
        return data
    upgraded = {k: v for k, v in data.items() if k != LEGACY_WEEKS_KEY}
    weeks = data[LEGACY_WEEKS_KEY]
    if isinstance(weeks, int) and not isinstance(weeks, bool) and 0 <= weeks <= 5200:
        upgraded.setdefault(
            "vertebral_fracture_date", (recorded_on - timedelta(weeks=weeks)).isoformat()
        )
    elif weeks is None:
        upgraded.setdefault("vertebral_fracture_date", None)
    else:  # keep the bad value under its old name, so the error names the field
        upgraded[LEGACY_WEEKS_KEY] = weeks
    for key, value in _ADDED_KEYS.items():
        upgraded.setdefault(key, value)
    return upgraded


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
    "date_type": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
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


def parse_profile_json(text: str, *, recorded_on: date | None = None) -> ClientProfile:
    """The profile in ``text``; raises ProfileError naming every bad field and its problem.

    An older profile giving ``weeks_since_vertebral_fracture`` is read as recorded on
    ``recorded_on``; without that date it is refused, as its fracture date cannot be known.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError([(None, f"not valid JSON: {exc}")]) from None
    except RecursionError:
        raise ProfileError([(None, "nested too deeply to be a profile")]) from None
    if recorded_on is not None:
        data = upgrade_profile_mapping(data, recorded_on)
    return profile_from_mapping(data)


def is_legacy_profile(data: Any) -> bool:
    """True for profile JSON that gives a week count instead of a fracture date."""
    return isinstance(data, dict) and LEGACY_WEEKS_KEY in data


def profile_to_json(profile: ClientProfile) -> str:
    return profile.model_dump_json(indent=2)
