"""Program actions: open a client's program with its screening, and save a new version."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bonecoach.program.screening import Verdict

if TYPE_CHECKING:
    from bonecoach.app.workspace import Workspace
    from bonecoach.program.exercise import Exercise
    from bonecoach.program.profile import ClientProfile
    from bonecoach.program.programs import Program
    from bonecoach.program.screening import ScreeningResult


@dataclass(frozen=True)
class ClientProgram:
    """What the Program tab opens with for one client."""

    client_id: int
    client_name: str
    profile: ClientProfile | None
    screening: dict[str, ScreeningResult]  # by exercise id; empty without a profile
    version: Any | None  # the newest ProgramVersionRecord, or None


def screen_all(
    profile: ClientProfile | None,
    library: Mapping[str, Exercise],
    *,
    check_equipment: bool = True,
) -> dict[str, ScreeningResult]:
    """Every exercise's verdict; ``check_equipment`` False ignores missing home equipment
    (the soft filter of clinical-guidance.md §3, e.g. for a clinic-only program)."""
    if profile is None:
        return {}
    from bonecoach.program.screening import screen_library

    results = screen_library(profile, library.values(), check_equipment=check_equipment)
    return {r.exercise_id: r for r in results}


def open_client_program(
    context: Workspace, client_id: int, *, check_equipment: bool = True
) -> ClientProgram:
    store = context.store
    client = store.get_client(client_id)
    latest = store.latest_profile(client_id)
    profile = None if latest is None else latest.profile
    return ClientProgram(
        client_id=client_id,
        client_name=client.name,
        profile=profile,
        screening=screen_all(profile, context.library, check_equipment=check_equipment),
        version=store.latest_program(client_id),
    )


def save_program_version(
    context: Workspace,
    client_id: int,
    program: Program,
    *,
    program_id: int | None,
    based_on: int | None,
) -> Any:
    """A new stored version (StaleSaveError if someone saved a newer one since opening)."""
    return context.store.save_program(
        client_id,
        program,
        program_id=program_id,
        based_on=based_on,
        by=context.therapist_name or None,
    )


def excluded_without_override(
    program: Program,
    screening: Mapping[str, ScreeningResult],
    library: Mapping[str, Exercise],
) -> list[str]:
    """Names of the program's exercises screening now excludes and no override covers."""
    return [
        library[item.exercise_id].name if item.exercise_id in library else item.exercise_id
        for _p, _i, item in program.items()
        if item.override is None
        and item.exercise_id in screening
        and screening[item.exercise_id].verdict is Verdict.EXCLUDED
    ]
