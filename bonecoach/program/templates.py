"""Program templates: ready-made phased programs shipped as TOML in ``resources/templates``.

A template names library exercises, optionally with a dose (else the library default) and
fallbacks. ``instantiate`` makes a client's program from it: every exercise is screened for
the client, and an excluded one is swapped for the nearest safer rung down its ladder
(following ``easier`` links), then for a named fallback, or dropped, and every change is
reported with the screening reasons, so the therapist sees what was altered and why.

Each phase is screened on the day it starts (a phase starting 12 weeks after a vertebral
fracture is no longer in the "recent fracture" window), and when a time-limited rule still
leaves exercises out, the change says from which day they become available: review then. A
template names the guideline cases it is meant for; used for a client in another case, the
first change is a warning saying so.
"""

from __future__ import annotations

import datetime as dt
import itertools
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from bonecoach.program.assessment import CASE_NAMES, GuidelineCase, assess
from bonecoach.program.dosage import Dosage, field_problems
from bonecoach.program.exercise import Exercise, Line, Slug, Text
from bonecoach.program.profile import ClientProfile
from bonecoach.program.programs import Name, Note, Phase, Program, ProgramItem, make_item
from bonecoach.program.screening import Reason, Screener, ScreeningResult, Verdict
from bonecoach.program.vocabulary import SourceKey


class TemplateItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    exercise_id: Slug
    dosage: Dosage | None = None  # None: the exercise's library default
    notes: Note = ""
    fallback: tuple[Slug, ...] = ()  # tried, in order, when the ladder offers no safe rung


class TemplatePhase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Name
    start_week: int = Field(ge=1, le=104)
    end_week: int = Field(ge=1, le=104)
    items: tuple[TemplateItem, ...] = Field(min_length=1)

    @field_validator("items")
    @classmethod
    def _each_once(cls, value: tuple[TemplateItem, ...]) -> tuple[TemplateItem, ...]:
        ids = [i.exercise_id for i in value]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"exercise listed twice in the phase: {', '.join(twice)}")
        return value


class Template(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    name: Name
    summary: Line
    intended_for: Text
    # the guideline cases it is meant for (empty: any); another case gets a warning
    cases: tuple[GuidelineCase, ...] = ()
    clinic_only: bool = False
    # saved by the clinic from one of its programs (stored in the database), not shipped
    made_by_clinic: bool = False
    # a shipped template cites the guidelines it follows; a clinic's own may cite none
    sources: tuple[SourceKey, ...] = ()
    phases: tuple[TemplatePhase, ...] = Field(min_length=1, max_length=12)

    @model_validator(mode="after")
    def _cites_guidelines(self) -> Template:
        if not self.made_by_clinic and not self.sources:
            raise ValueError("sources: a shipped template names at least one guideline source")
        return self

    @field_validator("phases")
    @classmethod
    def _in_order(cls, value: tuple[TemplatePhase, ...]) -> tuple[TemplatePhase, ...]:
        for p in value:
            if p.end_week < p.start_week:
                raise ValueError(f"phase '{p.name}' ends before it starts")
        for before, after in itertools.pairwise(value):
            if after.start_week <= before.end_week:
                raise ValueError(f"phase '{after.name}' overlaps phase '{before.name}'")
        return value

    def exercise_ids(self) -> list[str]:
        """Every exercise and fallback id the template names, in order, once each."""
        ids: dict[str, None] = {}
        for phase in self.phases:
            for item in phase.items:
                ids[item.exercise_id] = None
                ids.update(dict.fromkeys(item.fallback))
        return list(ids)


@dataclass(frozen=True)
class TemplateProblem:
    file: str
    field: str | None
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: " + (f"field '{self.field}': " if self.field else "") + self.problem


class TemplateError(Exception):
    def __init__(self, problems: list[TemplateProblem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"the templates have {len(problems)} problem(s):\n{lines}")


def _check_file(
    path: Path, library: Mapping[str, Exercise] | None
) -> tuple[Template | None, list[TemplateProblem]]:
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return None, [TemplateProblem(path.name, None, f"cannot be read: {exc}")]
    try:
        template = Template.model_validate(data)
    except ValidationError as exc:
        return None, [TemplateProblem(path.name, f, p) for f, p in field_problems(exc).items()]
    problems: list[TemplateProblem] = []
    if library is not None:
        for p, phase in enumerate(template.phases):
            for i, item in enumerate(phase.items):
                where = f"phases.{p}.items.{i}"
                for field, ids in (
                    ("exercise_id", [item.exercise_id]),
                    ("fallback", item.fallback),
                ):
                    for missing in (x for x in ids if x not in library):
                        problems.append(
                            TemplateProblem(
                                path.name, f"{where}.{field}", f"unknown exercise id '{missing}'"
                            )
                        )
    return template, problems


def check_templates(
    directory: Path, library: Mapping[str, Exercise] | None = None
) -> tuple[list[Template], list[TemplateProblem]]:
    """Every ``*.toml`` template in ``directory`` that loads, and every problem found.

    With ``library``, exercise and fallback ids must exist in it."""
    templates: list[Template] = []
    problems: list[TemplateProblem] = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.toml")):
        template, found = _check_file(path, library)
        problems.extend(found)
        if template is None:
            continue
        if template.id in seen:
            problems.append(
                TemplateProblem(path.name, "id", f"duplicate id (also in {seen[template.id]})")
            )
            continue
        seen[template.id] = path.name
        templates.append(template)
    return templates, problems


def load_templates(
    directory: Path, library: Mapping[str, Exercise] | None = None
) -> list[Template]:
    """The templates in ``directory``; raises TemplateError listing every problem."""
    templates, problems = check_templates(directory, library)
    if problems:
        raise TemplateError(problems)
    return templates


class ChangeKind(StrEnum):
    OUTSIDE_CASE = "outside_case"  # the template is meant for another guideline case
    SWAPPED = "swapped"  # excluded: replaced by a safer exercise
    DROPPED = "dropped"  # excluded (or unknown) and nothing safer was found
    SUPPORT = "support"  # kept, with its support variant prescribed
    UNAVAILABLE = "unavailable"  # kept, but the client lacks equipment for it
    REVIEW = "review"  # a time-limited exclusion ends on ``review_on``: review the program


# Rules whose exclusion ends on a known day (a recent fracture's 12 weeks).
TIME_LIMITED_RULES = frozenset({"recent_fracture_gentle_only", "recent_hip_fracture"})


@dataclass(frozen=True)
class TemplateChange:
    kind: ChangeKind
    phase_index: int  # -1: the whole program
    phase_name: str
    exercise_id: str | None  # None: the whole program or phase
    replacement_id: str | None
    reasons: tuple[Reason, ...]  # why (the screening reasons of the template's exercise)
    detail: str
    review_on: dt.date | None = None


def _candidates(item: TemplateItem, library: Mapping[str, Exercise]) -> list[str]:
    """Safer options in order: down the ladder, then each fallback and down its ladder."""
    out: list[str] = []

    def walk(step: str | None) -> None:
        while step is not None and step in library and step not in out:
            if step != item.exercise_id:
                out.append(step)
            step = library[step].easier

    walk(library[item.exercise_id].easier if item.exercise_id in library else None)
    for fallback in item.fallback:
        walk(fallback)
    return out


def _swap(
    item: TemplateItem,
    library: Mapping[str, Exercise],
    screener: Screener,
    taken: set[str],
) -> tuple[Exercise, ScreeningResult] | None:
    for candidate in _candidates(item, library):
        if candidate in taken:
            continue
        exercise = library[candidate]
        result = screener.screen(exercise)
        if result.verdict is not Verdict.EXCLUDED:
            return exercise, result
    return None


def _phase_items(
    index: int,
    phase: TemplatePhase,
    library: Mapping[str, Exercise],
    screener: Screener,
    changes: list[TemplateChange],
) -> list[ProgramItem]:
    items: list[ProgramItem] = []
    # template ids stay reserved so a swap never duplicates an exercise the phase lists
    taken = {i.exercise_id for i in phase.items}

    def change(
        kind: ChangeKind, item_id: str, new: str | None, why: Sequence[Reason], detail: str
    ) -> None:
        changes.append(TemplateChange(kind, index, phase.name, item_id, new, tuple(why), detail))

    waiting: list[str] = []  # left out or swapped only by a rule that ends on a known day
    for item in phase.items:
        exercise = library.get(item.exercise_id)
        if exercise is None:
            change(ChangeKind.DROPPED, item.exercise_id, None, (), "not in the library")
            continue
        result = screener.screen(exercise)
        dosage, notes = item.dosage, item.notes
        if result.verdict is Verdict.EXCLUDED and _only_for_now(result):
            waiting.append(exercise.name)
        if result.verdict is Verdict.EXCLUDED:
            swap = _swap(item, library, screener, taken)
            if swap is None:
                change(
                    ChangeKind.DROPPED,
                    exercise.id,
                    None,
                    result.reasons,
                    "excluded for this client and no safer variant is available",
                )
                continue
            original = result
            exercise, result = swap
            taken.add(exercise.id)
            dosage, notes = None, ""  # the template's dose and notes were for the original
            change(
                ChangeKind.SWAPPED,
                original.exercise_id,
                exercise.id,
                original.reasons,
                f"excluded for this client; replaced by the safer '{exercise.id}' "
                "at its library dose",
            )
        new = make_item(exercise, result, dosage=dosage, notes=notes)
        items.append(new)
        if new.support_prescribed:
            change(ChangeKind.SUPPORT, exercise.id, None, result.reasons, "support variant added")
        if result.unavailable and screener.check_equipment:
            change(
                ChangeKind.UNAVAILABLE,
                exercise.id,
                None,
                result.unavailable,
                "kept, but the client lacks equipment it needs",
            )
    until = _window_ends(screener)
    if waiting and until is not None:
        names = ", ".join(waiting[:-1]) + (" and " if len(waiting) > 1 else "") + waiting[-1]
        changes.append(
            TemplateChange(
                ChangeKind.REVIEW,
                index,
                phase.name,
                None,
                None,
                (),
                f"from {until:%d %B %Y} {names} become available: review the program then",
                review_on=until,
            )
        )
    return items


def _only_for_now(result: ScreeningResult) -> bool:
    """Excluded only by rules that end on a known day (so it is worth a review then)."""
    excluding = [r for r in result.reasons if r.rule not in ("missing_equipment",)]
    return bool(excluding) and all(r.rule in TIME_LIMITED_RULES for r in excluding)


def _window_ends(screener: Screener) -> dt.date | None:
    a = screener.client.assessment
    ends = [d for d in (a.recent_fracture_until, _hip_until(screener)) if d is not None]
    return min(ends) if ends else None


def _hip_until(screener: Screener) -> dt.date | None:
    profile = screener.client.profile
    if not screener.client.assessment.recent_hip_or_pelvic_fracture:
        return None
    assert profile.other_fracture_date is not None
    return profile.other_fracture_date + dt.timedelta(weeks=12)


def instantiate(
    template: Template,
    profile: ClientProfile,
    library: Mapping[str, Exercise],
    *,
    check_equipment: bool = True,
    name: str | None = None,
    start_date: dt.date | None = None,
) -> tuple[Program, list[TemplateChange]]:
    """The client's program from ``template``, and every change screening forced.

    Each phase is screened on the day it starts (``start_date``, default today, plus its
    start week), so a recent fracture's limits apply to the weeks they cover and no longer.
    """
    first_day = start_date if start_date is not None else dt.date.today()
    changes: list[TemplateChange] = []
    case = assess(profile, first_day).guideline_case
    if template.cases and case not in template.cases:
        meant = "; ".join(CASE_NAMES[c] for c in template.cases)
        changes.append(
            TemplateChange(
                ChangeKind.OUTSIDE_CASE,
                -1,
                "",
                None,
                None,
                (),
                f"this template is meant for {meant}; the client is in {CASE_NAMES[case]}: "
                "check every exercise, or choose a template for that case",
            )
        )
    screeners: dict[dt.date, Screener] = {}
    phases = []
    for i, phase in enumerate(template.phases):
        day = first_day + dt.timedelta(weeks=phase.start_week - 1)
        if day not in screeners:
            screeners[day] = Screener(profile, check_equipment=check_equipment, on=day)
        items = _phase_items(i, phase, library, screeners[day], changes)
        phases.append(
            Phase(
                name=phase.name,
                start_week=phase.start_week,
                end_week=phase.end_week,
                items=tuple(items),
            )
        )
    program = Program(
        name=name or template.name,
        phases=tuple(phases),
        start_date=first_day,
        clinic_only=template.clinic_only,
        template_id=template.id,
    )
    return program, changes


def adapt_program(
    program: Program,
    profile: ClientProfile,
    library: Mapping[str, Exercise],
    *,
    check_equipment: bool = True,
    start_date: dt.date | None = None,
) -> tuple[Program, list[TemplateChange]]:
    """Another client's program made this client's (#17: reuse), screened as a template is:
    each phase on the day it starts, an excluded exercise swapped down its ladder or left out
    (the therapist may add it back with a written override), cautions given their supported
    variant. Doses and notes are kept where the exercise is kept; overrides are not (they
    were written for the other client)."""
    first_day = start_date if start_date is not None else dt.date.today()
    changes: list[TemplateChange] = []
    screeners: dict[dt.date, Screener] = {}
    phases = []
    for i, phase in enumerate(program.phases):
        day = first_day + dt.timedelta(weeks=phase.start_week - 1)
        screener = screeners.setdefault(
            day, Screener(profile, check_equipment=check_equipment, on=day)
        )
        items: list[ProgramItem] = []
        if phase.items:
            as_template = TemplatePhase(
                name=phase.name,
                start_week=phase.start_week,
                end_week=phase.end_week,
                items=tuple(
                    TemplateItem(exercise_id=p.exercise_id, dosage=p.dosage, notes=p.notes)
                    for p in phase.items
                ),
            )
            items = _phase_items(i, as_template, library, screener, changes)
        phases.append(phase.model_copy(update={"items": tuple(items)}))
    adapted = program.model_copy(
        update={"phases": tuple(phases), "start_date": first_day, "template_id": None}
    )
    return adapted, changes
