"""The client exchange file: one client with profiles, programs, sessions and suggestions.

A versioned JSON document (``"format": "bonecoach-client"``, ``"format_version": 1``),
validated whole with pydantic through the domain models on import. Nothing in it refers to
database ids: program versions are referred to as (program index, version number), so a file
imports into any database. The demo clients in resources/demo/ are files of this format.
"""

from __future__ import annotations

import json
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
    model_validator,
)

from bonecoach.program.profile import ClientProfile
from bonecoach.program.programs import Program
from bonecoach.program.progression import Suggestion
from bonecoach.program.sessions import SessionLog
from bonecoach.store.errors import ImportProblem

FORMAT = "bonecoach-client"
FORMAT_VERSION = 1
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


class ProfileEntry(_Strict):
    recorded_on: date
    saved_at: AwareDatetime
    saved_by: Who = ""
    note: Annotated[str, StringConstraints(max_length=2000)] = ""
    profile: ClientProfile


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


class ClientDocument(_Strict):
    format: Literal["bonecoach-client"]
    format_version: Literal[1]
    exported_at: AwareDatetime
    exported_by: Who = ""
    client: ClientInfo
    profiles: tuple[ProfileEntry, ...] = ()
    programs: tuple[ProgramEntry, ...] = ()
    sessions: tuple[SessionEntry, ...] = ()
    suggestions: tuple[SuggestionEntry, ...] = ()

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
        """The document without when/by whom it was exported (for round-trip checks)."""
        return self.model_dump(mode="json", exclude={"exported_at", "exported_by"})


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


def parse_document(data: Any, source: str = "the file") -> ClientDocument:
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
    try:
        return ClientDocument.model_validate(data)
    except ValidationError as exc:
        raise ImportProblem(source, _problems(exc)) from None


def read_document(path: Path) -> ClientDocument:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportProblem(str(path), [f"(file): cannot be read: {exc}"]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportProblem(
            str(path),
            [f"(file): not valid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"],
        ) from None
    return parse_document(data, str(path))


def document_json(document: ClientDocument) -> str:
    return document.model_dump_json(indent=2) + "\n"
