"""What the program-review tests share: a day, the library, small builders, six clients."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache

from bonecoach.paths import resource
from bonecoach.program.library import Library, load_library
from bonecoach.program.profile import ClientProfile
from bonecoach.program.programs import (
    Phase,
    Program,
    ProgramItem,
    make_item,
)
from bonecoach.program.progression import Suggestion
from bonecoach.program.screening import ScreeningResult, screen_library
from bonecoach.program.sessions import ExerciseLog, SessionLog
from bonecoach.program.templates import Template, load_templates
from tests.program.screening_fixtures import make_profile

DAY = dt.date(2026, 8, 3)


@cache
def library() -> Library:
    return load_library(resource("library"))


@cache
def templates() -> dict[str, Template]:
    return {t.id: t for t in load_templates(resource("templates"), library())}


def screened(profile: ClientProfile, on: dt.date | None = None) -> dict[str, ScreeningResult]:
    return {r.exercise_id: r for r in screen_library(profile, library().values(), on=on)}


def item_for(profile: ClientProfile, exercise_id: str, **kw: object) -> ProgramItem:
    return make_item(library()[exercise_id], screened(profile)[exercise_id], **kw)  # type: ignore[arg-type]


def one_phase(*items: ProgramItem) -> Program:
    return Program(
        name="P", phases=(Phase(name="Weeks 1-4", start_week=1, end_week=4, items=items),)
    )


def log(day: dt.date, exercise_id: str, **kw: object) -> SessionLog:
    return SessionLog(date=day, entries=(ExerciseLog(exercise_id=exercise_id, **kw),))  # type: ignore[arg-type]


def reps(n: int, sets: int = 2, **kw: object) -> dict[str, object]:
    return {"sets_done": sets, "reps_per_set": (n,) * sets, **kw}


def held(seconds: int, sets: int, **kw: object) -> dict[str, object]:
    return {"sets_done": sets, "seconds_per_set": (seconds,) * sets, **kw}


def only(suggestions: list[Suggestion], exercise_id: str) -> Suggestion:
    [found] = [
        s for s in suggestions if s.exercise_id == exercise_id and s.kind.value != "red_flag"
    ]
    return found


CLIENTS: Mapping[str, ClientProfile] = {
    "case 1: density only": make_profile(age=66, t_score_lowest=-2.6),
    "case 2: one vertebral fracture": make_profile(age=72, t_score_lowest=-2.8,
        vertebral_fractures=1, weeks_since_vertebral_fracture=40),
    "case 3: several fractures, kyphosis": make_profile(age=80, t_score_lowest=-3.3,
        vertebral_fractures=3, weeks_since_vertebral_fracture=60, hyperkyphosis=True,
        back_pain="mild"),
    "recent fracture (4 weeks)": make_profile(age=70, t_score_lowest=-2.9,
        vertebral_fractures=1, weeks_since_vertebral_fracture=4),
    "faller": make_profile(age=81, t_score_lowest=-1.9, falls_past_year=2, tug_seconds=14.0),
    "LIFTMOR candidate": make_profile(age=64, t_score_lowest=-2.2, frax_major_percent=12.0,
        frax_hip_percent=1.5, cleared_for_supervised_high_intensity=True),
}  # fmt: skip
