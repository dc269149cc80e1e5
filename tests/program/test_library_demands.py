"""The audit behind precautions by demand (issue #12 point 7): every exercise whose own words
describe a demand carries that demand, so no precaution misses an exercise someone forgot to
tag; and every precaution's demands exclude or caution every exercise that makes them.

The words are read only here, to check the tags; screening reads the tags, never the words.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from bonecoach.paths import resource
from bonecoach.program.exercise import Exercise
from bonecoach.program.library import load_library
from bonecoach.program.precaution_rules import PRECAUTIONS_BY_DEMAND
from bonecoach.program.screening import Verdict, screen_library
from bonecoach.program.vocabulary import Category, Demand
from tests.program.screening_fixtures import make_profile

# demand -> words in an exercise's name, summary or steps that mean it makes that demand
WORDS: dict[Demand, str] = {
    Demand.KNEELING: r"\bkneel|hands and knees|lower that knee",
    Demand.PRONE: r"face down|on your (stomach|tummy)",
    Demand.OVERHEAD: r"overhead|above your head|arms (stretched|reaching) (out in front|up)|"
    r"reach both arms up|arms up the wall",
    Demand.WEIGHT_ON_HANDS: r"push-up|hands and knees|hands on the floor|hands flat on|"
    r"rest on your hands|hand flat on it|left hand on it|plant.* pole",
    Demand.GRIPS_WEIGHT: r"dumbbell|\bthe bar\b|\bbags?\b|\bclub\b|pick up the light object",
    Demand.FLOOR_TRANSFER: r"(sit|kneel|lie) on (a mat|the floor)|hands and knees|"
    r"(get|getting|lower yourself) down to the floor|onto a cushion on the floor|"
    r"lie on your back on a mat",
    Demand.SPINAL_EXTENSION: r"lift both arms, your head|lift your right arm and left leg|"
    r"chest lift over the towel",
    Demand.LIFTS_FROM_FLOOR: r"pick each bag up|pick up the light object|grab the object|"
    r"reach the object|the bar over the middle of your feet",
}


@cache
def library() -> tuple[Exercise, ...]:
    return tuple(load_library(resource("library")).values())


def _words(e: Exercise) -> str:
    return " ".join((e.name, e.summary, *e.steps)).lower()


@pytest.mark.parametrize("demand", list(WORDS), ids=lambda d: d.value)
def test_every_exercise_whose_words_describe_a_demand_is_tagged_with_it(demand: Demand) -> None:
    pattern = re.compile(WORDS[demand])
    described = [e for e in library() if pattern.search(_words(e))]
    assert described, f"no exercise describes {demand.value}: the pattern is wrong"
    untagged = [e.id for e in described if demand not in e.all_demands]
    assert untagged == []


def test_walking_and_standing_balance_are_tagged() -> None:
    walks = [e for e in library() if e.category is Category.AEROBIC and "walk" in e.id]
    assert walks and [e.id for e in walks if Demand.WALKING not in e.all_demands] == []
    stands = [e for e in library() if e.category is Category.BALANCE and e.id.endswith("_stand")]
    assert stands
    assert [e.id for e in stands if Demand.STATIC_BALANCE not in e.all_demands] == []


@pytest.mark.parametrize("precaution", list(PRECAUTIONS_BY_DEMAND), ids=lambda p: p.value)
def test_every_exercise_making_a_precautions_demand_is_excluded_or_cautioned(precaution) -> None:  # type: ignore[no-untyped-def]
    client = make_profile(precautions=[precaution.value])
    demands = PRECAUTIONS_BY_DEMAND[precaution]
    results = {r.exercise_id: r for r in screen_library(client, library())}
    making = [e.id for e in library() if demands & e.all_demands]
    assert making, f"no exercise makes the demands of {precaution.value}"
    assert [i for i in making if results[i].verdict is Verdict.ALLOWED] == []
