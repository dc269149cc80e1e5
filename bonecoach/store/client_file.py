"""The client exchange file: one client with profiles, programs, sessions and suggestions.

A versioned JSON document (``"format": "bonecoach-client"``, ``"format_version": 3``),
validated whole with pydantic through the domain models on import. Version 2 added the
clinic's custom exercises the client's programs and logs name (``custom_exercises``, photos
as base64); version 1 files, which have none, still import. Version 3 records fractures by
date; the profiles of version 1 and 2 files gave weeks since the vertebral fracture, which
are read as a date counted back from each profile's ``recorded_on``. Nothing in it refers to
database ids: program versions are referred to as (program index, version number), so a file
imports into any database. The demo clients in resources/demo/ are files of this format.
"""

from __future__ import annotations

import base64
import binascii
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from bonecoach.program.exercise import Exercise
from bonecoach.program.picture import CustomPicture, PhotoError
from bonecoach.program.profile import ClientProfile, upgrade_profile_mapping
from bonecoach.program.programs import Program
from bonecoach.program.progression import Suggestion
from bonecoach.program.sessions import SessionLog
from bonecoach.store.errors import ImportProblem
from bonecoach.store.file_checks import (
    FileProblem,
    coerced_values,
    decode_json,
    read_text,
    value_problems,
    visible,
)
from bonecoach.store.photos import checked_photo

FORMAT = "bonecoach-client"
FORMAT_VERSION = 3
CLINIC_FORMAT = "bonecoach-clinic"

Who = Annotated[str, StringConstraints(max_length=200)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ClientInfo(_Strict):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    date_of_birth: date | None = None
    clinic_id: Annotated[str, StringConstraints(strip_whitespace=True, max_length=64)] | None = None
    contact: Annotated[str, StringConstraints(max_length=2000)] = ""
    archived: bool = False

    @field_validator("name")
    @classmethod
    def _a_visible_name(cls, value: str) -> str:
        if not visible(value):
            raise ValueError("a client needs a name with letters in it, not only invisible marks")
        return value


class ProfileEntry(_Strict):
    recorded_on: date
    saved_at: AwareDatetime
    saved_by: Who = ""
    note: Annotated[str, StringConstraints(max_length=2000)] = ""
    profile: ClientProfile

    @model_validator(mode="after")
    def _fractures_before_recording(self) -> Self:
        # a profile cannot record a fracture that had not happened yet
        for name in ("vertebral_fracture_date", "other_fracture_date"):
            when = getattr(self.profile, name)
            if when is not None and when > self.recorded_on:
                raise ValueError(
                    f"profile.{name} {when.isoformat()} is after the profile's recorded_on "
                    f"{self.recorded_on.isoformat()}"
                )
        return self


class HandoutEntry(_Strict):
    printed_at: AwareDatetime
    printed_by: Who = ""
    paper: Literal["letter", "a4"]
    large_print: bool
    file_name: Annotated[str, StringConstraints(max_length=500)] = ""


class ProgramVersionEntry(_Strict):
    number: int = Field(ge=1)
    saved_at: AwareDatetime
    saved_by: Who = ""
    program: Program
    handouts: tuple[HandoutEntry, ...] = ()


class ProgramEntry(_Strict):
    created_at: AwareDatetime
    archived: bool = False
    versions: tuple[ProgramVersionEntry, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _numbers_increase(self) -> Self:
        numbers = [v.number for v in self.versions]
        if numbers != sorted(set(numbers)):
            raise ValueError(f"version numbers must increase without repeats (got {numbers})")
        return self


class VersionRef(_Strict):
    """A program version in this file: ``programs[program]``, version ``version``."""

    program: int = Field(ge=0)
    version: int = Field(ge=1)


class SessionEntry(_Strict):
    saved_at: AwareDatetime
    saved_by: Who = ""
    program_version: VersionRef | None = None
    log: SessionLog


class SuggestionEntry(_Strict):
    created_at: AwareDatetime
    program_version: VersionRef | None = None
    suggestion: Suggestion
    outcome: Literal["pending", "accepted", "dismissed"] = "pending"
    outcome_reason: Annotated[str, StringConstraints(max_length=2000)] = ""
    decided_at: AwareDatetime | None = None
    decided_by: Who = ""
    result_version: VersionRef | None = None


class CustomExerciseEntry(_Strict):
    """A custom exercise the client's programs or logs name, with its picture."""

    exercise: Exercise
    picture: CustomPicture
    photo_base64: str | None = None

    @field_validator("photo_base64")
    @classmethod
    def _a_real_photo(cls, value: str | None) -> str | None:
        if value is not None:
            checked_photo(photo_bytes(value))
        return value

    @model_validator(mode="after")
    def _photo_when_a_photo(self) -> Self:
        if self.picture.kind == "photo" and self.photo_base64 is None:
            raise ValueError("picture is a photo but photo_base64 is missing")
        return self

    @property
    def photo(self) -> bytes | None:
        return None if self.photo_base64 is None else photo_bytes(self.photo_base64)


def photo_bytes(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise PhotoError("photo_base64 is not valid base64") from None


class ClientFile(_Strict):
    format: Literal["bonecoach-client"]
    format_version: Literal[1, 2, 3]
    exported_at: AwareDatetime
    exported_by: Who = ""
    client: ClientInfo
    profiles: tuple[ProfileEntry, ...] = ()
    programs: tuple[ProgramEntry, ...] = ()
    sessions: tuple[SessionEntry, ...] = ()
    suggestions: tuple[SuggestionEntry, ...] = ()
    custom_exercises: tuple[CustomExerciseEntry, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _fracture_weeks_to_dates(cls, data: Any) -> Any:
        """Versions 1 and 2 gave weeks since the vertebral fracture: make them dates."""
        if not isinstance(data, dict) or data.get("format_version") not in (1, 2):
            return data
        profiles = data.get("profiles")
        if not isinstance(profiles, list):
            return data
        upgraded = []
        for entry in profiles:
            if isinstance(entry, dict) and isinstance(entry.get("recorded_on"), str):
                try:
                    recorded_on = date.fromisoformat(entry["recorded_on"])
                except ValueError:
                    recorded_on = None  # the field's own check reports it
                if recorded_on is not None:
                    entry = {
                        **entry,
                        "profile": upgrade_profile_mapping(entry.get("profile"), recorded_on),
                    }
            upgraded.append(entry)
        return {**data, "profiles": upgraded}

    @model_validator(mode="after")
    def _custom_ids_once(self) -> Self:
        ids = [c.exercise.id for c in self.custom_exercises]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"custom_exercises lists {', '.join(twice)} more than once")
        return self

    def exercise_ids(self) -> set[str]:
        """Every exercise id the programs and session logs name."""
        named = {
            item.exercise_id
            for program in self.programs
            for version in program.versions
            for phase in version.program.phases
            for item in phase.items
        }
        named |= {e.exercise_id for s in self.sessions for e in s.log.entries}
        return named

    @model_validator(mode="after")
    def _references_exist(self) -> Self:
        versions = {
            (p, v.number) for p, program in enumerate(self.programs) for v in program.versions
        }
        refs: list[tuple[str, VersionRef | None]] = [
            (f"sessions.{i}.program_version", s.program_version)
            for i, s in enumerate(self.sessions)
        ]
        for i, s in enumerate(self.suggestions):
            refs.append((f"suggestions.{i}.program_version", s.program_version))
            refs.append((f"suggestions.{i}.result_version", s.result_version))
        for where, ref in refs:
            if ref is not None and (ref.program, ref.version) not in versions:
                raise ValueError(
                    f"{where} refers to program {ref.program} version {ref.version}, "
                    "which is not in this file"
                )
        return self

    def comparable(self) -> dict[str, Any]:
        """The document without when, by whom and in which format version it was exported
        (for round-trip checks: a version 1 file re-exported is version 2, same content)."""
        return self.model_dump(
            mode="json", exclude={"exported_at", "exported_by", "format_version"}
        )


def _problems(error: ValidationError) -> list[str]:
    out = []
    for item in error.errors():
        where = ".".join(str(p) for p in item.get("loc", ())) or "(document)"
        message = str(item.get("msg", "invalid")).removeprefix("Value error, ")
        if item.get("type") == "extra_forbidden":
            message = "unknown field"
        elif item.get("type") == "missing":
            message = "missing field"
        out.append(f"{where}: {message}")
    return out


def parse_document(data: Any, source: str = "the file") -> ClientFile:
    """Validate decoded JSON; ImportProblem naming every bad field path otherwise."""
    if not isinstance(data, dict):
        raise ImportProblem(source, ["(document): must be a JSON object"])
    if data.get("format") != FORMAT:
        found = data.get("format")
        hint = " (a clinic backup: import its clients one by one)" if found == CLINIC_FORMAT else ""
        raise ImportProblem(
            source, [f"format: not a BoneCoach client file (format is {found!r}){hint}"]
        )
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise ImportProblem(
            source,
            [
                f"format_version: {version} is newer than this BoneCoach reads "
                f"({FORMAT_VERSION}); update BoneCoach"
            ],
        )
    control = value_problems(data)
    if control:
        raise ImportProblem(source, control)
    try:
        document = ClientFile.model_validate(data)
    except ValidationError as exc:
        raise ImportProblem(source, _problems(exc)) from None
    # "71" taken as the number 71 or 1 as true is a guess about what the file meant: refuse
    problems = coerced_values(data, document.model_dump()) + value_problems(document)
    if problems:
        raise ImportProblem(source, problems)
    return document


def read_document(path: Path) -> ClientFile:
    try:
        data = decode_json(read_text(path, "client file"))
    except FileProblem as exc:
        raise ImportProblem(str(path), exc.problems) from None
    return parse_document(data, str(path))


def document_json(document: ClientFile) -> str:
    return document.model_dump_json(indent=2) + "\n"
