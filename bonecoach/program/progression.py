"""Progression, regression and red flags from a client's session logs (clinical-guidance.md §5).

``suggest`` reads the logs of one program phase and proposes, per exercise, at most one of:
stop, regress, progress (load, ladder step, hand support or impacts) or hold, each with the
sessions and numbers that triggered it and the rule that applied. Red flags come first; a
red flag or a stop stays until the therapist accepts or dismisses it (``decided``), and
until then no exercise progresses. A session counts towards progress only when pain during
was at most 2/10 and no worse the next morning.

``apply_suggestion`` turns an accepted suggestion into a new program (a new version). A new
exercise enters the program the one way every exercise does, through ``make_item`` with the
client's screening: a caution's supported variant is applied, an excluded one is refused.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from bonecoach.program.dosage import Dosage
from bonecoach.program.exercise import Exercise
from bonecoach.program.programs import (
    Phase,
    Program,
    ProgramItem,
    ScreeningLike,
    make_item,
    remove_item,
    replace_item,
)
from bonecoach.program.sessions import RED_FLAGS, ExerciseLog, HandSupport, RedFlag, SessionLog
from bonecoach.program.suggestions import (
    BACK_TO_REPS,
    BREAK_DAYS,
    EASY_EFFORT,
    IMPACT_STEP,
    IMPACTS_PER_DAY,
    PLATEAU_SESSIONS,
    PROGRESS_PAIN_AT_MOST,
    RULES,
    RUNNING_DAYS,
    SORENESS_DAYS_ABOVE,
    STOP_PAIN_ABOVE,
    TECHNIQUE_EFFORT,
    TOP_OF_RANGE,
    Evidence,
    History,
    Maker,
    Suggestion,
    SuggestionKind,
)
from bonecoach.program.vocabulary import Category, Demand, Load, Position, Region

__all__ = [
    "RULES",
    "Evidence",
    "StaleSuggestion",
    "Suggestion",
    "SuggestionKind",
    "apply_suggestion",
    "red_flag_key",
    "suggest",
]

LOAD_STEP = 0.05  # raise by 5%, within the guideline's 2-10%
HEAVY_EFFORT_AT_MOST = 8  # LIFTMOR's 5 x 5 is hard but never to failure
LOAD_REGRESS = 0.10
KG_STEP = 0.5  # the smallest practical dumbbell or weight-plate step
MAX_KG = 300.0  # the largest load a Dosage accepts
SPINAL_REGIONS = frozenset({Region.SPINE})  # back extensors and the spine itself, not rows
TECHNIQUE_NOTE = (
    "New exercise: learn it first with a light weight you could lift 15 times or more; "
    "your therapist raises the weight once the movement is right."
)


class StaleSuggestion(ValueError):
    """The program changed since the suggestion was made; suggest again."""


def _round_up(kg: float) -> float:
    return math.ceil(kg / KG_STEP - 1e-9) * KG_STEP


def _round_down(kg: float) -> float:
    return math.floor(kg / KG_STEP + 1e-9) * KG_STEP


def _comfortable(entry: ExerciseLog) -> bool:
    """Pain during at most 2/10 and not worse the next morning: a session that may count
    towards progress."""
    if entry.pain_during > PROGRESS_PAIN_AT_MOST:
        return False
    return entry.pain_next_morning is None or entry.pain_next_morning <= entry.pain_during


def _running(recent: History) -> bool:
    """Two sessions within about two weeks of each other."""
    return len(recent) == 2 and (recent[1][0] - recent[0][0]).days <= RUNNING_DAYS


def _is_spinal(exercise: Exercise) -> bool:
    """Work after which worse pain the next morning is a back red flag, not soreness: the
    spine's own exercises; hinges, bridges and the safe-movement drills (back and hips work
    together); and standing work with a real weight worn, lifted or carried (squats, carries,
    a vest). The log does not say where it hurt, so these are read as the back."""
    regions, demands = set(exercise.regions), exercise.all_demands
    if exercise.category is Category.POSTURE or SPINAL_REGIONS & regions:
        return True
    if {Region.BACK, Region.HIP} <= regions:
        return True
    if {Demand.WEARS_WEIGHT, Demand.LIFTS_FROM_FLOOR} & demands:
        return True
    return (
        exercise.position is Position.STANDING
        and Demand.GRIPS_WEIGHT in demands
        and exercise.load in (Load.MODERATE, Load.HEAVY)
    )


@dataclass(frozen=True)
class _Context:
    library: Mapping[str, Exercise]
    excluded: Collection[str]
    phase: Phase
    phase_index: int


def _rung(exercise_id: str | None, ctx: _Context) -> Exercise | None:
    """A ladder neighbour the client may do that is not already in the phase."""
    if exercise_id is None or exercise_id not in ctx.library or exercise_id in ctx.excluded:
        return None
    if ctx.phase.index_of(exercise_id) is not None:
        return None
    return ctx.library[exercise_id]


def _loaded(exercise: Exercise) -> bool:
    return exercise.load in (Load.MODERATE, Load.HEAVY)


def _rung_changes(item: ProgramItem, rung: Exercise, current: Exercise) -> dict[str, object]:
    """The new rung's dose (the program's days and, for reps, sets), its hand support (a
    harder balance stance starts again with two hands) and, from body weight to a loaded
    exercise, a technique phase at a light load."""
    base = Dosage.from_default(rung.default_dosage)
    changes: dict[str, object] = {"days_per_week": item.dosage.days_per_week}
    if base.reps is not None and item.dosage.reps is not None:
        changes |= {"sets": item.dosage.sets, "reps": BACK_TO_REPS}
    out: dict[str, object] = {}
    if _loaded(rung) and not _loaded(current) and not item.dosage.load_kg:
        changes |= {"effort": min(base.effort, TECHNIQUE_EFFORT), "reps": base.reps}
        if base.reps is None:
            changes.pop("reps")
        out["new_notes"] = TECHNIQUE_NOTE
    out["new_dosage"] = base.with_changes(**changes)
    if rung.category is Category.BALANCE and item.hand_support is not None:
        out["new_hand_support"] = HandSupport.TWO_HANDS
    return out


def _count(n: int, word: str) -> str:
    """ "1 set", "3 sets": suggestions are read as sentences ("1 sets of 12" was printed)."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def _less_volume(dosage: Dosage) -> Dosage:
    if dosage.sets > 1:
        return dosage.with_changes(sets=dosage.sets - 1)
    if dosage.reps is not None:
        return dosage.with_changes(reps=max(1, dosage.reps - 2))
    if dosage.hold_seconds is not None:
        return dosage.with_changes(hold_seconds=max(1, round(dosage.hold_seconds * 0.75)))
    assert dosage.minutes is not None
    return dosage.with_changes(minutes=max(1, round(dosage.minutes * 0.75)))


def _regress(
    item: ProgramItem, exercise: Exercise, ctx: _Context, rule: str, why: str, history: History
) -> Suggestion:
    dosage = item.dosage
    make = Maker(item, ctx.phase_index, history[-1:], rule)
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
    easier = _rung(exercise.easier, ctx)
    if easier is not None:
        changes = _rung_changes(item, easier, exercise)
        return make(
            SuggestionKind.REGRESS,
            f"{why}: go back to the easier {easier.name}",
            new_exercise_id=easier.id,
            **changes,
        )
    return make(SuggestionKind.REGRESS, f"{why}: do less", new_dosage=_less_volume(dosage))


def _reps_to_spare(entry: ExerciseLog) -> bool:
    if entry.reps_in_reserve is not None and entry.reps_in_reserve >= 1:
        return True
    return entry.effort is not None and entry.effort <= EASY_EFFORT


def _load_kept(item: ProgramItem, entry: ExerciseLog) -> bool:
    dosage = item.dosage
    if dosage.load_kg and (entry.load_kg or 0) < dosage.load_kg:
        return False  # done with less than the prescribed load
    if dosage.band_colour is not None and entry.band_colour is not None:
        order = list(type(dosage.band_colour))
        return order.index(entry.band_colour) >= order.index(dosage.band_colour)
    return True


def _at_top(item: ProgramItem, entry: ExerciseLog) -> bool:
    top = max(TOP_OF_RANGE, item.dosage.reps or 0)
    if entry.sets_done < item.dosage.sets or entry.reps_per_set is None:
        return False
    if min(entry.reps_per_set) < top or not _reps_to_spare(entry):
        return False
    return _comfortable(entry) and _load_kept(item, entry)


def _raise_load(make: Maker, dosage: Dosage, reps: int | None) -> Suggestion | None:
    if not dosage.load_kg or dosage.load_kg + KG_STEP > MAX_KG:
        return None
    new_kg = min(max(_round_up(dosage.load_kg * (1 + LOAD_STEP)), dosage.load_kg + KG_STEP), MAX_KG)
    percent = round(100 * (new_kg - dosage.load_kg) / dosage.load_kg)
    note = "" if percent <= 10 else f" (the smallest step, {KG_STEP:g} kg, is {percent}%)"
    back = f" and drop back to {reps} reps" if reps != dosage.reps else ""
    return make(
        SuggestionKind.PROGRESS_LOAD,
        f"raise the load from {dosage.load_kg:g} kg to {new_kg:g} kg{note}{back}",
        new_dosage=dosage.with_changes(load_kg=new_kg, reps=reps),
    )


def _double_progression(
    item: ProgramItem, exercise: Exercise, ctx: _Context, history: History
) -> Suggestion:
    recent = history[-2:]
    make = Maker(item, ctx.phase_index, recent, "double_progression")
    hits = sum(_at_top(item, entry) for _, entry in recent)
    top = max(TOP_OF_RANGE, item.dosage.reps or 0)
    if not _running(recent) or hits < 2:
        counted = "within two weeks of each other" if len(recent) == 2 else "so far"
        return make(
            SuggestionKind.HOLD,
            f"{_count(item.dosage.sets, 'set')} of {top} with reps to spare and little pain "
            f"reached in {hits} of the last {_count(len(recent), 'session')} ({counted}); "
            "two in a row within "
            "two weeks are needed",
        )
    dosage = item.dosage
    raised = _raise_load(make, dosage, BACK_TO_REPS)
    if raised is not None:
        return raised
    heavier = dosage.band_colour.heavier() if dosage.band_colour is not None else None
    if heavier is not None:
        return make(
            SuggestionKind.PROGRESS_LOAD,
            f"use the {heavier} band instead of {dosage.band_colour} "
            f"and drop back to {BACK_TO_REPS} reps",
            new_dosage=dosage.with_changes(band_colour=heavier, reps=BACK_TO_REPS),
        )
    harder = _rung(exercise.harder, ctx)
    if harder is not None:
        changes = _rung_changes(item, harder, exercise)
        start = "a light technique load" if "new_notes" in changes else f"{BACK_TO_REPS} reps"
        return make(
            SuggestionKind.STEP_UP,
            f"move up to the harder {harder.name}, starting at {start}",
            new_exercise_id=harder.id,
            **changes,
        )
    return make(
        SuggestionKind.HOLD,
        "ready to progress, but there is no harder variant this client may do; "
        "consider adding load or a set",
    )


def _heavy_progression(item: ProgramItem, ctx: _Context, history: History) -> Suggestion:
    """LIFTMOR-style 5 x 5: raise the load when every set and rep was done with good form."""
    day, latest = history[-1]
    make = Maker(item, ctx.phase_index, history[-1:], "heavy_progression")
    reps = item.dosage.reps or 0
    complete = (
        latest.sets_done >= item.dosage.sets
        and latest.reps_per_set is not None
        and min(latest.reps_per_set) >= reps
        and _load_kept(item, latest)
    )
    gap = (day - history[-2][0]).days if len(history) >= 2 else 0
    all_out = (latest.effort is not None and latest.effort > HEAVY_EFFORT_AT_MOST) or (
        latest.reps_in_reserve == 0
    )
    if complete and latest.form_ok and _comfortable(latest) and gap <= RUNNING_DAYS and not all_out:
        raised = _raise_load(make, item.dosage, item.dosage.reps)
        if raised is not None:
            return raised
    missing = "good form not confirmed" if complete and not latest.form_ok else "not every rep"
    if complete and latest.form_ok:
        missing = "too much pain"
        if gap > RUNNING_DAYS:  # the first session after a break shows no readiness for more
            missing = f"the first session after {gap // 7} weeks without it"
        elif all_out:  # at failure the next step is form breaking down, not more weight
            missing = "done at the limit (effort above 8/10 or no reps left in reserve)"
    return make(
        SuggestionKind.HOLD,
        f"{item.dosage.sets} x {reps} at this load on {day.isoformat()}: {missing}; keep the load",
    )


def _target_met(dosage: Dosage, entry: ExerciseLog) -> bool:
    if entry.sets_done < dosage.sets or not _comfortable(entry):
        return False
    if dosage.reps is not None:
        return entry.reps_per_set is not None and min(entry.reps_per_set) >= dosage.reps
    goal = dosage.hold_seconds if dosage.hold_seconds is not None else (dosage.minutes or 0) * 60
    return entry.seconds_per_set is not None and min(entry.seconds_per_set) >= goal


def _balance_progression(
    item: ProgramItem, exercise: Exercise, ctx: _Context, history: History
) -> Suggestion:
    recent = history[-2:]
    make = Maker(item, ctx.phase_index, recent, "balance_progression")
    hits = sum(_target_met(item.dosage, entry) for _, entry in recent)
    if not _running(recent) or hits < 2:
        return make(
            SuggestionKind.HOLD,
            f"target reached in {hits} of the last {_count(len(recent), 'session')}; two in a row "
            "within two weeks, with little pain, are needed",
        )
    support = recent[-1][1].hand_support or item.hand_support
    less = support.less() if support is not None else None
    if item.support_prescribed and less is HandSupport.NONE:
        less = None  # the supported variant keeps a hand on the counter
    if support is not None and less is not None:
        return make(
            SuggestionKind.REDUCE_SUPPORT,
            f"reduce hand support from {support.value.replace('_', ' ')} to "
            f"{less.value.replace('_', ' ')}",
            new_hand_support=less,
        )
    harder = _rung(exercise.harder, ctx)
    if harder is not None:
        return make(
            SuggestionKind.STEP_UP,
            f"move up to the harder {harder.name}, starting again with both hands on the support",
            new_exercise_id=harder.id,
            **(_rung_changes(item, harder, exercise) | {"new_hand_support": HandSupport.TWO_HANDS}),
        )
    return make(SuggestionKind.HOLD, "ready to progress, but no harder variant is allowed")


def _impact_progression(item: ProgramItem, ctx: _Context, history: History) -> Suggestion:
    recent = history[-2:]
    make = Maker(item, ctx.phase_index, recent, "impact_progression")
    dosage = item.dosage
    per_day = dosage.sets * (dosage.reps or 0)
    if per_day >= IMPACTS_PER_DAY:
        return make(
            SuggestionKind.HOLD,
            f"{per_day} impacts a day: about {IMPACTS_PER_DAY} is the aim; keep it up",
        )
    hits = sum(_target_met(dosage, entry) for _, entry in recent)
    if not _running(recent) or hits < 2:
        return make(
            SuggestionKind.HOLD,
            f"impacts done comfortably in {hits} of the last {_count(len(recent), 'session')}; "
            "two in a row within two weeks are needed",
        )
    reps = min((dosage.reps or 0) + IMPACT_STEP, math.ceil(IMPACTS_PER_DAY / dosage.sets))
    return make(
        SuggestionKind.PROGRESS_LOAD,
        f"add {reps - (dosage.reps or 0)} a set ({dosage.sets} x {reps}), building to about "
        f"{IMPACTS_PER_DAY} impacts a day",
        new_dosage=dosage.with_changes(reps=reps),
    )


def _plateau(item: ProgramItem, history: History) -> int:
    """How many of the latest sessions were done at the prescribed load (or band)."""
    count = 0
    for _, entry in reversed(history):
        if entry.load_kg != item.dosage.load_kg and item.dosage.load_kg is not None:
            break
        if item.dosage.band_colour is not None and entry.band_colour not in (
            None,
            item.dosage.band_colour,
        ):
            break
        count += 1
    return count


def _with_plateau(suggestion: Suggestion, item: ProgramItem, history: History) -> Suggestion:
    if suggestion.kind is not SuggestionKind.HOLD or suggestion.rule == "heavy_progression":
        return suggestion
    sessions = _plateau(item, history)
    if sessions < PLATEAU_SESSIONS:
        return suggestion
    return suggestion.model_copy(
        update={
            "rule": "plateau",
            "source": RULES["plateau"].source,
            "reason": f"{sessions} sessions at this dose without progressing: try 1-2 more "
            "reps, a slower lowering (3 seconds), the harder variant, or review the exercise",
        }
    )


def _stop(item: ProgramItem, ctx: _Context, day: dt.date, entry: ExerciseLog) -> Suggestion:
    return Maker(item, ctx.phase_index, [(day, entry)], "stop_pain_during")(
        SuggestionKind.STOP_EXERCISE,
        f"pain {entry.pain_during}/10 during the exercise on {day.isoformat()}: stop it and "
        "review before the client does it again",
    )


def _pending_stop(
    item: ProgramItem, ctx: _Context, history: History, decided: Collection[str]
) -> Suggestion | None:
    """The latest stop (pain above 5/10 during) the therapist has not acted on: it stays,
    whatever the sessions after it show."""
    for day, entry in reversed(history):
        if entry.pain_during > STOP_PAIN_ABOVE:
            stop = _stop(item, ctx, day, entry)
            if stop.key not in decided:
                return stop
    return None


def _for_item(
    item: ProgramItem,
    exercise: Exercise,
    ctx: _Context,
    history: History,
    *,
    blocked: bool,
    on: dt.date | None,
) -> Suggestion | None:
    latest = history[-1][1]
    morning = latest.pain_next_morning
    if morning is not None and morning > latest.pain_during:
        if _is_spinal(exercise):  # not soreness: raised as a red flag in ``suggest``
            return _waiting(item, ctx, history)
        why = f"pain {morning}/10 the next morning after {latest.pain_during}/10 during"
        return _regress(item, exercise, ctx, "regress_next_morning_pain", why, history)
    if latest.soreness_days is not None and latest.soreness_days > SORENESS_DAYS_ABOVE:
        why = f"soreness lasted {latest.soreness_days} days"
        return _regress(item, exercise, ctx, "regress_soreness", why, history)
    done = [(d, e) for d, e in history if e.sets_done > 0]
    if not done:
        return None
    if on is not None and (on - done[-1][0]).days >= BREAK_DAYS:
        weeks = (on - done[-1][0]).days // 7
        why = f"no session for {weeks} weeks (since {done[-1][0].isoformat()}); resume a step lower"
        return _regress(item, exercise, ctx, "resume_after_break", why, done)
    suggestion = _progression(item, exercise, ctx, done)
    if suggestion is None:
        return None
    suggestion = _with_plateau(suggestion, item, done)
    skipped_sore = [(d, e) for d, e in history[-2:] if e.pain_during > PROGRESS_PAIN_AT_MOST]
    if skipped_sore and suggestion.changes_program:  # pain logged on a day it was not done
        day, entry = skipped_sore[-1]
        return Maker(item, ctx.phase_index, skipped_sore[-1:], suggestion.rule)(
            SuggestionKind.HOLD,
            f"pain {entry.pain_during}/10 logged on {day.isoformat()}: keep the dose until "
            "two sessions in a row are comfortable",
        )
    if blocked and suggestion.changes_program:
        return _waiting(item, ctx, done)
    return suggestion


def _progression(
    item: ProgramItem, exercise: Exercise, ctx: _Context, done: History
) -> Suggestion | None:
    if exercise.category is Category.BALANCE:
        return _balance_progression(item, exercise, ctx, done)
    if exercise.category is Category.IMPACT and item.dosage.reps is not None:
        return _impact_progression(item, ctx, done)
    if exercise.load is Load.HEAVY and item.dosage.reps is not None:
        return _heavy_progression(item, ctx, done)
    if item.dosage.reps is not None and exercise.category is Category.RESISTANCE:
        return _double_progression(item, exercise, ctx, done)
    return None  # §5 gives no progression rule for holds, posture or aerobic work


def _waiting(item: ProgramItem, ctx: _Context, history: History) -> Suggestion:
    return Maker(item, ctx.phase_index, history[-2:], "red_flag_blocks_progression")(
        SuggestionKind.HOLD,
        "a red flag or a stop is waiting for review: hold until the therapist has acted on it",
    )


def red_flag_key(day: dt.date, flag: RedFlag) -> str:
    return f"red_flag:{day.isoformat()}:{flag.value}"


def _red_flag(
    day: dt.date, flag: RedFlag, rule: str, reason: str, exercise_id: str | None = None
) -> Suggestion:
    return Suggestion.model_validate(
        {
            "key": red_flag_key(day, flag),
            "kind": SuggestionKind.RED_FLAG,
            "exercise_id": exercise_id,
            "phase_index": None,
            "rule": rule,
            "source": RULES[rule].source,
            "reason": reason,
            "evidence": (Evidence(date=day, exercise_id=None, values={"red_flag": flag.value}),),
            "red_flag": flag,
        }
    )


def _red_flags(
    logs: Sequence[SessionLog], library: Mapping[str, Exercise], decided: Collection[str]
) -> list[Suggestion]:
    out: dict[str, Suggestion] = {}
    for log in logs:
        for flag in log.red_flags:
            key = red_flag_key(log.date, flag)
            if key in decided or key in out:
                continue
            info = RED_FLAGS[flag]
            out[key] = _red_flag(
                log.date,
                flag,
                "red_flag",
                f"{info.symptom} ({info.concern}): stop and review before progressing",
            )
        for entry in log.entries:
            exercise = library.get(entry.exercise_id)
            morning = entry.pain_next_morning
            if exercise is None or morning is None or morning <= entry.pain_during:
                continue
            key = red_flag_key(log.date, RedFlag.NEW_BACK_PAIN)
            if not _is_spinal(exercise) or key in decided or key in out:
                continue
            out[key] = _red_flag(
                log.date,
                RedFlag.NEW_BACK_PAIN,
                "back_pain_after_spinal_work",
                f"pain {morning}/10 the morning after {exercise.name} ({entry.pain_during}/10 "
                "during): pain after work that loads the back is not muscle soreness; possible "
                "vertebral fracture, review before progressing",
                exercise.id,
            )
    return list(out.values())


def suggest(
    program: Program,
    logs: Sequence[SessionLog],
    library: Mapping[str, Exercise],
    *,
    decided: Collection[str] = (),
    dismissed_red_flags: Collection[str] = (),
    excluded: Collection[str] = (),
    phase_index: int | None = None,
    on: dt.date | None = None,
) -> list[Suggestion]:
    """Red flags first, then one suggestion per exercise of the phase that has logs.

    ``decided`` holds the keys of suggestions the therapist accepted or dismissed (stops and
    red flags stay until then; ``dismissed_red_flags`` is the older name for red flags
    only); ``excluded`` the ids screening excluded for this client, never proposed as a
    ladder step; ``on`` the day it is asked (a break of two weeks or more since the last
    session then suggests resuming a step lower). The phase is the one ``on`` falls in, the
    phase the client does now and the handout prints (without ``on``: the one the latest log
    falls in). A change for the phase of the last logs, weeks ago, would leave today's
    phase, and its handout, at the old dose.
    """
    decided = set(decided) | set(dismissed_red_flags)
    ordered = sorted(logs, key=lambda log: log.date)
    flags = _red_flags(ordered, library, decided)
    if phase_index is None:
        if on is not None:
            phase_index = program.phase_for(on)
        else:
            phase_index = program.phase_for(ordered[-1].date) if ordered else 0
    phase = program.phases[phase_index]
    ctx = _Context(library, excluded, phase, phase_index)
    histories: list[tuple[ProgramItem, Exercise, History]] = []
    for item in phase.items:
        exercise = library.get(item.exercise_id)
        history = [(log.date, e) for log in ordered if (e := log.entry(item.exercise_id))]
        if exercise is not None and history:
            histories.append((item, exercise, history))
    stops = {
        item.exercise_id: stop
        for item, _, history in histories
        if (stop := _pending_stop(item, ctx, history, decided)) is not None
    }
    blocked = bool(flags or stops)  # nothing progresses while one waits for the therapist
    found = [
        stops.get(item.exercise_id)
        or _for_item(item, exercise, ctx, history, blocked=blocked, on=on)
        for item, exercise, history in histories
    ]
    items = [s for s in found if s is not None]
    return flags + [s for s in items if s.standing] + [s for s in items if not s.standing]


def _stopped(program: Program, from_phase: int, exercise_id: str) -> Program:
    """The program without the exercise in this phase and the later ones (a stop holds
    until the therapist reviews it and adds it back; a later phase must not bring it back)."""
    for index in range(from_phase, len(program.phases)):
        at = program.phases[index].index_of(exercise_id)
        if at is not None:
            program = remove_item(program, index, at)
    return program


def apply_suggestion(
    program: Program,
    suggestion: Suggestion,
    library: Mapping[str, Exercise] | None = None,
    screening: Mapping[str, ScreeningLike] | None = None,
) -> Program:
    """The program with the suggestion accepted; unchanged for holds and red flags; a stop
    takes the exercise out (this phase and the later ones).

    Raises StaleSuggestion if the item changed since. A new exercise goes in through
    ``make_item`` with the client's ``screening``: its caution (supported variant) applies,
    an excluded one raises OverrideRequired (the old item's override was written for the old
    exercise), and its hand support and notes come from the suggestion.
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
    if suggestion.kind is SuggestionKind.STOP_EXERCISE:
        return _stopped(program, suggestion.phase_index, item.exercise_id)
    new_id = suggestion.new_exercise_id
    if new_id is not None and new_id != item.exercise_id:
        if library is None or screening is None or new_id not in library or new_id not in screening:
            raise ValueError(
                f"moving to '{new_id}' needs the library and the client's screening of it"
            )
        new_item = make_item(
            library[new_id],
            screening[new_id],
            dosage=suggestion.new_dosage,
            notes=suggestion.new_notes if suggestion.new_notes is not None else item.notes,
            hand_support=suggestion.new_hand_support,
        )
        return replace_item(program, suggestion.phase_index, index, new_item)
    update: dict[str, object] = {}
    if suggestion.new_dosage is not None:
        update["dosage"] = suggestion.new_dosage
    if suggestion.new_hand_support is not None:
        update["hand_support"] = suggestion.new_hand_support
    if suggestion.new_notes is not None:
        update["notes"] = suggestion.new_notes
    new_item = ProgramItem.model_validate({**item.model_dump(), **update})
    return replace_item(program, suggestion.phase_index, index, new_item)
