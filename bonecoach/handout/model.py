"""The handout as plain data: what is printed, already worded, in the order it is printed.

The adapter (`build.py`) fills it from the program, the library and the clinic settings;
the renderer (`render.py`) lays it out. Keeping it plain makes the layout testable without a
database, and lets the app show the same content on screen. All strings are raw user or
library text: the renderer escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

Paper = Literal["letter", "a4"]
Grouping = Literal["position", "strong_steady_straight", "order"]
PAPERS: tuple[Paper, ...] = ("letter", "a4")
GROUPINGS: tuple[Grouping, ...] = ("position", "strong_steady_straight", "order")


@dataclass(frozen=True)
class HandoutOptions:
    paper: Paper = "letter"
    large_print: bool = False
    grouping: Grouping = "strong_steady_straight"
    include_log_sheet: bool = True
    include_safe_moves: bool = True
    include_bone_health: bool = True
    # the log sheet alone: a new week's sheet handed over at a visit
    log_sheet_only: bool = False

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"paper: must be one of {', '.join(PAPERS)}, got {self.paper!r}")
        if self.grouping not in GROUPINGS:
            raise ValueError(
                f"grouping: must be one of {', '.join(GROUPINGS)}, got {self.grouping!r}"
            )


@dataclass(frozen=True)
class Clinic:
    name: str
    phone: str = ""
    address: str = ""
    logo_path: Path | None = None
    emergency: str = ""  # the emergency number where the clinic is (911, 999, 112, ...)


@dataclass(frozen=True)
class Therapist:
    name: str
    credentials: str = ""

    @property
    def signature(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


@dataclass(frozen=True)
class ExerciseBlock:
    """One exercise as the client reads it."""

    number: int
    exercise_id: str
    name: str
    dosage: str  # "2 sets of 10 - rest 1 minute - 3 days a week"
    stop_if: str
    steps: tuple[str, ...]
    tips: tuple[str, ...] = ()
    effort: str | None = None  # "How hard: 6 out of 10 (...)"
    load_hint: str | None = None  # "Choose a weight you can lift only 10-12 times"
    support: str | None = None
    support_prescribed: bool = False
    note: str | None = None  # the therapist's note for this client
    days_per_week: int = 7
    category: str = ""
    position: str = ""


@dataclass(frozen=True)
class ExerciseGroup:
    title: str  # "Strong: muscles and bones" / "Sitting" / "" when not grouped
    blocks: tuple[ExerciseBlock, ...]


@dataclass(frozen=True)
class WeekRow:
    """One row of the "Your week" table: what, and on which weekdays (0 = Monday)."""

    label: str
    detail: str
    days: tuple[int, ...]
    category: str = ""  # the kind of exercise the row stands for


@dataclass(frozen=True)
class PhaseSection:
    name: str
    start_week: int
    end_week: int
    groups: tuple[ExerciseGroup, ...]
    week: tuple[WeekRow, ...] = ()

    @property
    def blocks(self) -> tuple[ExerciseBlock, ...]:
        return tuple(b for g in self.groups for b in g.blocks)

    @property
    def weeks(self) -> range:
        return range(self.start_week, self.end_week + 1)

    @property
    def title(self) -> str:
        span = (
            f"week {self.start_week}"
            if self.start_week == self.end_week
            else f"weeks {self.start_week} to {self.end_week}"
        )
        if self.name and "week" in self.name.lower():
            return self.name  # "Weeks 1-4: protect and move" already says when
        return f"{self.name} ({span})" if self.name else span.capitalize()


@dataclass(frozen=True)
class SafeMove:
    exercise_id: str
    name: str
    text: str  # one or two sentences: how to do it safely


@dataclass(frozen=True)
class HandoutDocument:
    client_name: str
    program_name: str
    clinic: Clinic
    therapist: Therapist
    phases: tuple[PhaseSection, ...]
    version_number: int | None = None
    version_date: date | None = None
    start_date: date | None = None  # the first printed phase's first day
    review_date: date | None = None
    # the day it is printed: the log sheet leaves out weeks already over by then
    printed_on: date | None = None
    next_appointment: str | None = None  # already worded, e.g. "Tuesday 3 March at 10:30"
    safe_moves: tuple[SafeMove, ...] = ()
    options: HandoutOptions = field(default_factory=HandoutOptions)
    clinic_sheet: bool = False  # the supervised-only exercises, for clinic sessions

    @property
    def title(self) -> str:
        if self.clinic_sheet:
            return f"Clinic sessions for {self.client_name}"
        return f"Home exercise program for {self.client_name}"

    @property
    def blocks(self) -> tuple[ExerciseBlock, ...]:
        return tuple(b for p in self.phases for b in p.blocks)

    @property
    def week_one(self) -> date | None:
        """The day the program's week 1 starts (``start_date`` is the printed phase's)."""
        if self.start_date is None or not self.phases:
            return None
        return self.start_date - timedelta(weeks=self.phases[0].start_week - 1)
