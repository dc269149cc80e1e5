"""Progression, regression and red flags from a client's session logs (clinical-guidance.md §5).

``suggest`` reads the logs of one program phase and proposes, per exercise, at most one of:
stop for the session, regress, progress (load, ladder step or hand support) or hold, each
with the sessions and numbers that triggered it and the rule that applied. Red flags come
first and, until the therapist dismisses them, turn every progression into a hold.
``apply_suggestion`` turns an accepted suggestion into a new program (a new version).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from bonecoach.program.dosage import Dosage
from bonecoach.program.exercise import Exercise
from bonecoach.program.programs import Phase, Program, ProgramItem, replace_item
from bonecoach.program.sessions import RED_FLAGS, ExerciseLog, HandSupport, RedFlag, SessionLog
from bonecoach.program.vocabulary import Category, SourceKey

STOP_PAIN_ABOVE = 5  # pain during above 5/10: stop the exercise for the session
SORENESS_DAYS_ABOVE = 2
TOP_OF_RANGE = 12
BACK_TO_REPS = 8
EASY_EFFORT = 5  # effort at or below this counts as reps to spare
LOAD_STEP = 0.05  # raise by 5%, within the guideline's 2-10%
LOAD_REGRESS = 0.10
KG_STEP = 0.5  # the smallest practical dumbbell or weight-plate step
MAX_KG = 300.0  # the largest load a Dosage accepts


class SuggestionKind(StrEnum):
    PROGRESS_LOAD = "progress_load"
    STEP_UP = "step_up"
    REDUCE_SUPPORT = "reduce_support"
    REGRESS = "regress"
    HOLD = "hold"
    STOP_EXERCISE = "stop_exercise"
    RED_FLAG = "red_flag"


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str
    source: tuple[SourceKey, ...]


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule("red_flag", "a red-flag symptom: stop and review the client", (SourceKey.IOF,)),
        Rule(
            "red_flag_blocks_progression",
            "no progression while a red flag is not dismissed",
            (SourceKey.IOF,),
        ),
        Rule(
            "stop_pain_during",
            f"pain above {STOP_PAIN_ABOVE}/10 during an exercise: stop it for the session",
            (SourceKey.PMM,),
        ),
        Rule(
            "regress_next_morning_pain",
            "pain higher the next morning than during: reduce the load",
            (SourceKey.PMM,),
        ),
        Rule(
            "regress_soreness",
            f"soreness lasting over {SORENESS_DAYS_ABOVE} days: reduce the load",
            (SourceKey.PMM,),
        ),
        Rule(
            "double_progression",
            f"top of the rep range ({TOP_OF_RANGE}) with reps to spare or effort <= "
            f"{EASY_EFFORT}/10 in two sessions running: raise the load 2-10% (or step up "
            f"the ladder) and drop back to {BACK_TO_REPS} reps",
            (SourceKey.TFTF15, SourceKey.ACSM),
        ),
        Rule(
            "balance_progression",
            "target held in two sessions running: reduce hand support, then the harder "
            "variant (narrower base, then movement)",
            (SourceKey.TFTF15,),
        ),
    )
}

Value = int | float | str | list[int] | None


class Evidence(BaseModel):
    """One session's numbers behind a suggestion."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: dt.date
    exercise_id: str | None
    values: dict[str, Value]


class Suggestion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str  # stable identity, e.g. for dismissing a red flag
    kind: SuggestionKind
    exercise_id: str | None
    phase_index: int | None
    rule: str
    source: tuple[SourceKey, ...]
    reason: str
    evidence: tuple[Evidence, ...]
    current_dosage: Dosage | None = None
    new_dosage: Dosage | None = None
    new_exercise_id: str | None = None
    new_hand_support: HandSupport | None = None
    red_flag: RedFlag | None = None

    @property
    def changes_program(self) -> bool:
        return (
            self.new_dosage is not None
            or self.new_exercise_id is not None
            or self.new_hand_support is not None
        )


class StaleSuggestion(ValueError):
    """The program changed since the suggestion was made; suggest again."""


History = list[tuple[dt.date, ExerciseLog]]


def _evidence(day: dt.date, entry: ExerciseLog) -> Evidence:
    values: dict[str, Value] = {"sets_done": entry.sets_done}
    if entry.reps_per_set is not None:
        values["reps_per_set"] = list(entry.reps_per_set)
    if entry.seconds_per_set is not None:
        values["seconds_per_set"] = list(entry.seconds_per_set)
    for name in (
        "load_kg",
        "band_colour",
        "hand_support",
        "effort",
        "reps_in_reserve",
        "pain_during",
        "pain_next_morning",
        "soreness_days",
    ):
        value = getattr(entry, name)
        if value is not None:
            values[name] = str(value) if isinstance(value, StrEnum) else value
    return Evidence(date=day, exercise_id=entry.exercise_id, values=values)


def _make(
    kind: SuggestionKind,
    rule: str,
    reason: str,
    item: ProgramItem,
    phase_index: int,
    history: History,
    **changes: object,
) -> Suggestion:
    last_day = history[-1][0].isoformat() if history else "none"
    return Suggestion.model_validate(
        {
            "key": f"{kind.value}:{item.exercise_id}:{last_day}",
            "kind": kind,
            "exercise_id": item.exercise_id,
            "phase_index": phase_index,
            "rule": rule,
            "source": RULES[rule].source,
            "reason": reason,
            "evidence": tuple(_evidence(d, e) for d, e in history),
            "current_dosage": item.dosage,
            **changes,
        }
    )


def _round_up(kg: float) -> float:
    return math.ceil(kg / KG_STEP - 1e-9) * KG_STEP


def _round_down(kg: float) -> float:
    return math.floor(kg / KG_STEP + 1e-9) * KG_STEP


def _rung(
    exercise_id: str | None,
    library: Mapping[str, Exercise],
    excluded: Collection[str],
    phase: Phase,
) -> Exercise | None:
    """A ladder neighbour the client may do that is not already in the phase."""
    if exercise_id is None or exercise_id not in library or exercise_id in excluded:
        return None
    if phase.index_of(exercise_id) is not None:
        return None
    return library[exercise_id]


def _ladder_dosage(item: ProgramItem, rung: Exercise) -> Dosage:
    """The new rung's default dose, keeping the program's days and (for reps) sets."""
    base = Dosage.from_default(rung.default_dosage)
    changes: dict[str, object] = {"days_per_week": item.dosage.days_per_week}
    if base.reps is not None and item.dosage.reps is not None:
        changes |= {"sets": item.dosage.sets, "reps": BACK_TO_REPS}
    return base.with_changes(**changes)


def _regress(
    item: ProgramItem,
    exercise: Exercise,
    ctx: _Context,
    rule: str,
    why: str,
    history: History,
) -> Suggestion:
    dosage = item.dosage
    make = _Maker(item, ctx.phase_index, history[-1:], rule)
    if dosage.load_kg:
        new_kg = min(_round_down(dosage.load_kg * (1 - LOAD_REGRESS)), dosage.load_kg - KG_STEP)
        new = dosage.with_changes(load_kg=new_kg if new_kg > 0 else None)
        return make(
            SuggestionKind.REGRESS,
            f"{why}: reduce the load from {dosage.load_kg:g} kg to "
            + (f"{new_kg:g} kg" if new_kg > 0 else "body weight"),
            new_dosage=new,
        )
    if dosage.band_colour is not None and dosage.band_colour.lighter() is not None:
        lighter = dosage.band_colour.lighter()
        return make(
            SuggestionKind.REGRESS,
            f"{why}: use the lighter {lighter} band instead of {dosage.band_colour}",
            new_dosage=dosage.with_changes(band_colour=lighter),
        )
    easier = _rung(exercise.easier, ctx.library, ctx.excluded, ctx.phase)
    if easier is not None:
        return make(
            SuggestionKind.REGRESS,
            f"{why}: go back to the easier variant '{easier.id}'",
            new_exercise_id=easier.id,
            new_dosage=_ladder_dosage(item, easier),
        )
    return make(SuggestionKind.REGRESS, f"{why}: do less", new_dosage=_less_volume(dosage))


def _less_volume(dosage: Dosage) -> Dosage:
    if dosage.sets > 1:
        return dosage.with_changes(sets=dosage.sets - 1)
    if dosage.reps is not None:
        return dosage.with_changes(reps=max(1, dosage.reps - 2))
    if dosage.hold_seconds is not None:
        return dosage.with_changes(hold_seconds=max(1, round(dosage.hold_seconds * 0.75)))
    assert dosage.minutes is not None
    return dosage.with_changes(minutes=max(1, round(dosage.minutes * 0.75)))


class _Maker:
    """Builds the suggestions of one rule for one item from the given sessions."""

    def __init__(self, item: ProgramItem, phase_index: int, history: History, rule: str):
        self.item, self.phase_index, self.history, self.rule = item, phase_index, history, rule

    def __call__(self, kind: SuggestionKind, reason: str, **changes: object) -> Suggestion:
        return _make(kind, self.rule, reason, self.item, self.phase_index, self.history, **changes)


@dataclass(frozen=True)
class _Context:
    library: Mapping[str, Exercise]
    excluded: Collection[str]
    phase: Phase
    phase_index: int


def _reps_to_spare(entry: ExerciseLog) -> bool:
    if entry.reps_in_reserve is not None and entry.reps_in_reserve >= 1:
        return True
    return entry.effort is not None and entry.effort <= EASY_EFFORT


def _at_top(item: ProgramItem, entry: ExerciseLog) -> bool:
    dosage = item.dosage
    top = max(TOP_OF_RANGE, dosage.reps or 0)
    if entry.sets_done < dosage.sets or entry.reps_per_set is None:
        return False
    if min(entry.reps_per_set) < top or not _reps_to_spare(entry):
        return False
    if dosage.load_kg and (entry.load_kg or 0) < dosage.load_kg:
        return False  # done with less than the prescribed load
    if dosage.band_colour is not None and entry.band_colour is not None:
        order = list(type(dosage.band_colour))
        return order.index(entry.band_colour) >= order.index(dosage.band_colour)
    return True


def _double_progression(
    item: ProgramItem, exercise: Exercise, ctx: _Context, history: History
) -> Suggestion:
    recent = history[-2:]
    make = _Maker(item, ctx.phase_index, recent, "double_progression")
    hits = sum(_at_top(item, entry) for _, entry in recent)
    top = max(TOP_OF_RANGE, item.dosage.reps or 0)
    if len(recent) < 2 or hits < 2:
        return make(
            SuggestionKind.HOLD,
            f"top of the range ({item.dosage.sets} x {top} with reps to spare) reached in "
            f"{hits} of the last {len(recent)} session(s); two running are needed",
        )
    dosage = item.dosage
    if dosage.load_kg and dosage.load_kg + KG_STEP <= MAX_KG:
        new_kg = min(
            max(_round_up(dosage.load_kg * (1 + LOAD_STEP)), dosage.load_kg + KG_STEP), MAX_KG
        )
        percent = round(100 * (new_kg - dosage.load_kg) / dosage.load_kg)
        note = "" if percent <= 10 else f" (the smallest step, {KG_STEP:g} kg, is {percent}%)"
        return make(
            SuggestionKind.PROGRESS_LOAD,
            f"raise the load from {dosage.load_kg:g} kg to {new_kg:g} kg{note} "
            f"and drop back to {BACK_TO_REPS} reps",
            new_dosage=dosage.with_changes(load_kg=new_kg, reps=BACK_TO_REPS),
        )
    heavier = dosage.band_colour.heavier() if dosage.band_colour is not None else None
    if heavier is not None:
        return make(
            SuggestionKind.PROGRESS_LOAD,
            f"use the {heavier} band instead of {dosage.band_colour} "
            f"and drop back to {BACK_TO_REPS} reps",
            new_dosage=dosage.with_changes(band_colour=heavier, reps=BACK_TO_REPS),
        )
    harder = _rung(exercise.harder, ctx.library, ctx.excluded, ctx.phase)
    if harder is not None:
        return make(
            SuggestionKind.STEP_UP,
            f"move up the ladder to '{harder.id}' at {BACK_TO_REPS} reps",
            new_exercise_id=harder.id,
            new_dosage=_ladder_dosage(item, harder),
        )
    return make(
        SuggestionKind.HOLD,
        "ready to progress, but there is no harder variant this client may do; "
        "consider adding load or a set",
    )


def _target_met(dosage: Dosage, entry: ExerciseLog) -> bool:
    if entry.sets_done < dosage.sets:
        return False
    if dosage.reps is not None:
        return entry.reps_per_set is not None and min(entry.reps_per_set) >= dosage.reps
    goal = dosage.hold_seconds if dosage.hold_seconds is not None else (dosage.minutes or 0) * 60
    return entry.seconds_per_set is not None and min(entry.seconds_per_set) >= goal


def _balance_progression(
    item: ProgramItem, exercise: Exercise, ctx: _Context, history: History
) -> Suggestion:
    recent = history[-2:]
    make = _Maker(item, ctx.phase_index, recent, "balance_progression")
    hits = sum(_target_met(item.dosage, entry) for _, entry in recent)
    if len(recent) < 2 or hits < 2:
        return make(
            SuggestionKind.HOLD,
            f"target reached in {hits} of the last {len(recent)} session(s); "
            "two running are needed",
        )
    support = recent[-1][1].hand_support or item.hand_support
    if support is not None and support.less() is not None:
        less = support.less()
        return make(
            SuggestionKind.REDUCE_SUPPORT,
            f"reduce hand support from {support} to {less}",
            new_hand_support=less,
        )
    harder = _rung(exercise.harder, ctx.library, ctx.excluded, ctx.phase)
    if harder is not None:
        return make(
            SuggestionKind.STEP_UP,
            f"move up the ladder to '{harder.id}'",
            new_exercise_id=harder.id,
            new_dosage=_ladder_dosage(item, harder),
        )
    return make(SuggestionKind.HOLD, "ready to progress, but no harder variant is allowed")


def _for_item(
    item: ProgramItem, exercise: Exercise, ctx: _Context, history: History, blocked: bool
) -> Suggestion | None:
    done = [(d, e) for d, e in history if e.sets_done > 0]
    if not history:
        return None
    day, latest = history[-1]
    if latest.pain_during > STOP_PAIN_ABOVE:
        return _Maker(item, ctx.phase_index, history[-1:], "stop_pain_during")(
            SuggestionKind.STOP_EXERCISE,
            f"pain {latest.pain_during}/10 during the exercise on {day.isoformat()}: "
            "stop it for the session and review",
        )
    if latest.pain_next_morning is not None and latest.pain_next_morning > latest.pain_during:
        why = (
            f"pain {latest.pain_next_morning}/10 the next morning after "
            f"{latest.pain_during}/10 during"
        )
        return _regress(item, exercise, ctx, "regress_next_morning_pain", why, history)
    if latest.soreness_days is not None and latest.soreness_days > SORENESS_DAYS_ABOVE:
        why = f"soreness lasted {latest.soreness_days} days"
        return _regress(item, exercise, ctx, "regress_soreness", why, history)
    if not done:
        return None
    if exercise.category is Category.BALANCE:
        suggestion = _balance_progression(item, exercise, ctx, done)
    elif item.dosage.reps is not None and exercise.category is Category.RESISTANCE:
        suggestion = _double_progression(item, exercise, ctx, done)
    else:
        return None  # §5 gives no progression rule for holds, posture or aerobic work
    if blocked and suggestion.changes_program:
        return _Maker(item, ctx.phase_index, done[-2:], "red_flag_blocks_progression")(
            SuggestionKind.HOLD,
            "ready to progress, but a red flag is waiting for review: hold until dismissed",
        )
    return suggestion


def red_flag_key(day: dt.date, flag: RedFlag) -> str:
    return f"red_flag:{day.isoformat()}:{flag.value}"


def _red_flags(logs: Sequence[SessionLog], dismissed: Collection[str]) -> list[Suggestion]:
    out: dict[str, Suggestion] = {}
    for log in logs:
        for flag in log.red_flags:
            key = red_flag_key(log.date, flag)
            if key in dismissed or key in out:
                continue
            info = RED_FLAGS[flag]
            out[key] = Suggestion(
                key=key,
                kind=SuggestionKind.RED_FLAG,
                exercise_id=None,
                phase_index=None,
                rule="red_flag",
                source=(info.source,),
                reason=f"{info.symptom} ({info.concern}): stop and review before progressing",
                evidence=(
                    Evidence(date=log.date, exercise_id=None, values={"red_flag": flag.value}),
                ),
                red_flag=flag,
            )
    return list(out.values())


def suggest(
    program: Program,
    logs: Sequence[SessionLog],
    library: Mapping[str, Exercise],
    *,
    dismissed_red_flags: Collection[str] = (),
    excluded: Collection[str] = (),
    phase_index: int | None = None,
) -> list[Suggestion]:
    """Red flags first, then one suggestion per exercise of the phase that has logs.

    ``dismissed_red_flags`` holds the keys (``red_flag_key``) the therapist dismissed;
    ``excluded`` the ids screening excluded for this client, never proposed as a ladder step.
    The phase defaults to the one the latest log falls in (``Program.start_date``).
    """
    ordered = sorted(logs, key=lambda log: log.date)
    flags = _red_flags(ordered, dismissed_red_flags)
    if phase_index is None:
        phase_index = program.phase_for(ordered[-1].date) if ordered else 0
    phase = program.phases[phase_index]
    ctx = _Context(library, excluded, phase, phase_index)
    suggestions = list(flags)
    for item in phase.items:
        exercise = library.get(item.exercise_id)
        if exercise is None:
            continue
        history = [(log.date, e) for log in ordered if (e := log.entry(item.exercise_id))]
        found = _for_item(item, exercise, ctx, history, blocked=bool(flags))
        if found is not None:
            suggestions.append(found)
    return suggestions


def apply_suggestion(program: Program, suggestion: Suggestion) -> Program:
    """The program with the suggestion accepted; unchanged for holds, stops and red flags.

    Raises StaleSuggestion if the item changed since. A new exercise drops the old item's
    override (it was written for the old exercise): screen the new version again.
    """
    if not suggestion.changes_program:
        return program
    if suggestion.phase_index is None or suggestion.exercise_id is None:
        raise StaleSuggestion(f"suggestion {suggestion.key} names no program item")
    if not 0 <= suggestion.phase_index < len(program.phases):
        raise StaleSuggestion(f"phase {suggestion.phase_index} is no longer in the program")
    phase = program.phases[suggestion.phase_index]
    index = phase.index_of(suggestion.exercise_id)
    if index is None:
        raise StaleSuggestion(f"'{suggestion.exercise_id}' is no longer in phase '{phase.name}'")
    item = phase.items[index]
    if suggestion.current_dosage is not None and item.dosage != suggestion.current_dosage:
        raise StaleSuggestion(f"the dosage of '{item.exercise_id}' changed since the suggestion")
    update: dict[str, object] = {}
    if suggestion.new_dosage is not None:
        update["dosage"] = suggestion.new_dosage
    if suggestion.new_hand_support is not None:
        update["hand_support"] = suggestion.new_hand_support
    if suggestion.new_exercise_id is not None and suggestion.new_exercise_id != item.exercise_id:
        update |= {"exercise_id": suggestion.new_exercise_id, "override": None}
    new_item = ProgramItem.model_validate({**item.model_dump(), **update})
    return replace_item(program, suggestion.phase_index, index, new_item)
