"""What a progression suggestion is: its kind, the rule behind it, the sessions that triggered
it and the program change it proposes (clinical-guidance.md §5). `progression` makes them.

A suggestion's ``key`` is its identity while the therapist decides on it: the same kind, for
the same exercise, from the same session, has the same key, so a decision (accepted or
dismissed) is remembered and a stop or red flag stays until one is recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, field_validator

from bonecoach.program.dosage import Dosage
from bonecoach.program.programs import ProgramItem
from bonecoach.program.sessions import ExerciseLog, HandSupport, RedFlag
from bonecoach.program.vocabulary import SourceKey

STOP_PAIN_ABOVE = 5  # pain during above 5/10: stop the exercise for the session
PROGRESS_PAIN_AT_MOST = 2  # progress only when pain during is at most 2/10 ...
SORENESS_DAYS_ABOVE = 2
TOP_OF_RANGE = 12
BACK_TO_REPS = 8
EASY_EFFORT = 5  # effort at or below this counts as reps to spare
RUNNING_DAYS = 14  # two sessions "running" are at most about two weeks apart
BREAK_DAYS = 14  # two weeks or more without a session: resume a step lower
PLATEAU_SESSIONS = 10  # sessions at one dose before a hold says what to try
IMPACTS_PER_DAY = 50  # SSS: build towards about 50 impacts on most days
IMPACT_STEP = 5
TECHNIQUE_EFFORT = 4  # a new loaded exercise: light enough to learn the movement


class SuggestionKind(StrEnum):
    PROGRESS_LOAD = "progress_load"
    STEP_UP = "step_up"
    REDUCE_SUPPORT = "reduce_support"
    REGRESS = "regress"
    HOLD = "hold"
    STOP_EXERCISE = "stop_exercise"
    RED_FLAG = "red_flag"


# Kinds that stay until the therapist accepts or dismisses them.
STANDING_KINDS = frozenset({SuggestionKind.STOP_EXERCISE, SuggestionKind.RED_FLAG})


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
            "back_pain_after_spinal_work",
            "back pain higher the next morning after a spinal exercise is not muscle soreness: "
            "the new-back-pain red flag, for review",
            (SourceKey.IOF, SourceKey.SSS),
        ),
        Rule(
            "red_flag_blocks_progression",
            "no progression while a red flag or a stop waits for the therapist",
            (SourceKey.IOF,),
        ),
        Rule(
            "stop_pain_during",
            f"pain above {STOP_PAIN_ABOVE}/10 during an exercise: stop it and review; the stop "
            "stays until the therapist acts on it",
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
            "resume_after_break",
            f"{BREAK_DAYS // 7} weeks or more without a session: resume a step lower",
            (SourceKey.TFTF15, SourceKey.ACSM),
        ),
        Rule(
            "double_progression",
            f"top of the rep range ({TOP_OF_RANGE}) with reps to spare or effort <= "
            f"{EASY_EFFORT}/10, pain during <= {PROGRESS_PAIN_AT_MOST}/10 and no worse the next "
            f"morning, in two sessions within {RUNNING_DAYS} days: raise the load 2-10% (or "
            f"step up the ladder, starting loaded work light) and drop back to {BACK_TO_REPS} "
            "reps",
            (SourceKey.TFTF15, SourceKey.ACSM),
        ),
        Rule(
            "heavy_progression",
            "supervised heavy work (5 x 5): every set and rep done with good form and pain "
            f"<= {PROGRESS_PAIN_AT_MOST}/10: raise the load",
            (SourceKey.LIFTMOR,),
        ),
        Rule(
            "balance_progression",
            f"target held with pain <= {PROGRESS_PAIN_AT_MOST}/10 in two sessions within "
            f"{RUNNING_DAYS} days: reduce hand support, then the harder variant, which starts "
            "again with two hands",
            (SourceKey.TFTF15, SourceKey.CDC),
        ),
        Rule(
            "impact_progression",
            f"impacts done comfortably in two sessions within {RUNNING_DAYS} days: add "
            f"{IMPACT_STEP} a set, building to about {IMPACTS_PER_DAY} a day",
            (SourceKey.SSS,),
        ),
        Rule(
            "plateau",
            f"{PLATEAU_SESSIONS} sessions at the same dose without progressing: say what to "
            "try next",
            (SourceKey.TFTF15, SourceKey.ACSM),
        ),
    )
}

Value = int | float | str | list[int] | None


# what each evidence value may be: a file saying pain_next_morning = "many" is refused, and
# so is one saying pain 99: the ranges are the session log's own
NUMBER_RANGES: dict[str, tuple[float, float]] = {
    "sets_done": (0, 10),
    "load_kg": (0, 300),
    "effort": (0, 10),
    "reps_in_reserve": (0, 20),
    "pain_during": (0, 10),
    "pain_next_morning": (0, 10),
    "soreness_days": (0, 30),
}
NUMBER_VALUES = frozenset(NUMBER_RANGES)
LIST_RANGES: dict[str, tuple[int, int]] = {"reps_per_set": (0, 100), "seconds_per_set": (0, 3600)}
LIST_VALUES = frozenset(LIST_RANGES)
TEXT_VALUES = frozenset({"band_colour", "hand_support", "red_flag"})
FLAG_VALUES = frozenset({"form_ok"})


def _value_problem(key: str, value: Value) -> str | None:
    if value is None:
        return None
    if key in NUMBER_VALUES:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return f"{key}: {value!r} is not a number"
        low, high = NUMBER_RANGES[key]
        if not low <= value <= high:  # NaN fails both comparisons
            return f"{key}: {value!r} is outside {low:g} to {high:g}"
        return None
    if key in LIST_VALUES:
        if not isinstance(value, list) or not all(type(v) is int for v in value):
            return f"{key}: {value!r} is not a list of whole numbers"
        low_item, high_item = LIST_RANGES[key]
        if any(not low_item <= v <= high_item for v in value) or len(value) > 10:
            return f"{key}: {value!r} has a value outside {low_item} to {high_item}"
        return None
    if key in TEXT_VALUES:
        return None if isinstance(value, str) else f"{key}: {value!r} is not a word"
    if key in FLAG_VALUES:
        return None if value in (True, False) else f"{key}: {value!r} is not true or false"
    return f"{key}: not something a session records"


class Evidence(BaseModel):
    """One session's numbers behind a suggestion."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: dt.date
    exercise_id: str | None
    values: dict[str, Value]

    @field_validator("values")
    @classmethod
    def _known_values(cls, values: dict[str, Value]) -> dict[str, Value]:
        problems = [p for k, v in values.items() if (p := _value_problem(k, v))]
        if problems:
            raise ValueError("; ".join(problems))
        return values


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
    new_notes: str | None = None  # e.g. the technique phase of a new loaded exercise
    red_flag: RedFlag | None = None

    @property
    def changes_program(self) -> bool:
        """Accepting it saves a new program version: a new dose, exercise or hand support,
        or a stop (the painful exercise leaves the program until the therapist puts it back:
        accepting a stop used to leave it on the handout the client takes home)."""
        return (
            self.new_dosage is not None
            or self.new_exercise_id is not None
            or self.new_hand_support is not None
            or (self.kind is SuggestionKind.STOP_EXERCISE and self.exercise_id is not None)
        )

    @property
    def standing(self) -> bool:
        """A stop or red flag: it stays until the therapist acts on it."""
        return self.kind in STANDING_KINDS


History = list[tuple[dt.date, ExerciseLog]]


def evidence(day: dt.date, entry: ExerciseLog) -> Evidence:
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
        "form_ok",
    ):
        value = getattr(entry, name)
        if value is not None:
            values[name] = str(value) if isinstance(value, StrEnum) else value
    return Evidence(date=day, exercise_id=entry.exercise_id, values=values)


class Maker:
    """Builds the suggestions of one rule for one item from the given sessions."""

    def __init__(self, item: ProgramItem, phase_index: int, history: History, rule: str):
        self.item, self.phase_index, self.history, self.rule = item, phase_index, history, rule

    def __call__(self, kind: SuggestionKind, reason: str, **changes: object) -> Suggestion:
        last_day = self.history[-1][0].isoformat() if self.history else "none"
        return Suggestion.model_validate(
            {
                "key": f"{kind.value}:{self.item.exercise_id}:{last_day}",
                "kind": kind,
                "exercise_id": self.item.exercise_id,
                "phase_index": self.phase_index,
                "rule": self.rule,
                "source": RULES[self.rule].source,
                "reason": reason,
                "evidence": tuple(evidence(d, e) for d, e in self.history),
                "current_dosage": self.item.dosage,
                **changes,
            }
        )
