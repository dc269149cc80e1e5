"""Setting up an exercise never asks the client to bend forward (#16 review).

Reaching for the feet, the floor or the knees rounds the back, and with a band or a weight
in the hands it is loaded spinal flexion, the movement the guidelines exclude after a
vertebral fracture (clinical-guidance.md §3). The reviewer found a seated band row that
put the band "around the soles of your feet" with the legs out in front, and a seated
heel raise that rested "a dumbbell or a heavy bag on your knees". So every step, tip or
supported variant that has the client put, tie or loop something on the floor, at the
feet, ankles or knees, or on a chair leg, says how to do it without bending down (drop it
and nudge it with a foot, one foot at a time while sitting tall, before lying down, ask
someone), and a load rested on the body is a light one, never lifted from the floor.
"""

from __future__ import annotations

import re

import pytest

from bonecoach.paths import resource
from bonecoach.program.exercise import Exercise
from bonecoach.program.library import load_library

LIBRARY = load_library(resource("library"))
PRESCRIBABLE = [e for e in LIBRARY.values() if not e.education_only]

SETS_UP_LOW = re.compile(
    # a thing set down, not a body part placed ("rest your hands on your thighs")
    r"(?<!heels )\b(?:put|place|lay|tie|loop|rest|drop|hook|fix)\b"
    r"(?!\s+(?:your|both|one|the other) (?:hands?|feet|foot|fingertips|forearms?|arms?)\b)"
    r"[^.;]*?"
    r"(?P<where>on the (?:floor|mat)|to the floor|over your feet|to your ankles"
    r"|under (?:both |your |each )?(?:feet|soles)|soles? of (?:your|one|that)"
    r"|around (?:both |your )?ankles|above your knees|on your (?:knees|thighs|lap|feet)"
    r"|around (?:that|one|your|the other) (?:foot|feet)"
    r"|chair leg|back legs? of|under your knees|where your knees?)",
    re.IGNORECASE,
)
WITHOUT_BENDING = re.compile(
    r"without bending|without leaning|do not bend|never bend|never lean|never from the floor"
    r"|with your (?:other )?foot|nudge|one foot at a time|ask someone|before you (?:lie|kneel)"
    r"|sitting tall|step onto|head on (?:a|the) pillow",
    re.IGNORECASE,
)
HEAVY = re.compile(r"\bheavy\b|\bdumbbells?\b", re.IGNORECASE)


def _texts(e: Exercise) -> list[str]:
    return [*e.steps, *e.tips, *([e.support_variant] if e.support_variant else [])]


@pytest.mark.parametrize("exercise", PRESCRIBABLE, ids=lambda e: e.id)
def test_equipment_is_set_up_without_bending_forward(exercise: Exercise) -> None:
    for text in _texts(exercise):
        low = SETS_UP_LOW.search(text)
        if low is None:
            continue
        assert WITHOUT_BENDING.search(text), (exercise.id, low.group(0), text)
        if re.search(r"on your (?:knees|thighs|lap)", low.group("where"), re.IGNORECASE):
            assert not HEAVY.search(text) and "light" in text.lower(), (exercise.id, text)


# what the reviewer and the search of the library found, as the library printed it
FOUND = [
    "Put the middle of a band around the soles of your feet; hold one end in each hand.",
    "For more work, rest a dumbbell or a heavy bag on your knees.",
    "Place a rolled-up towel on the floor beside a kitchen counter.",
    "Put a strip of tape or a rope on the floor in a clear space.",
    "Loop a band around both ankles and stand tall facing a counter, both hands on it.",
    "Tie a loop band around the back chair leg on one side and put that ankle in the loop.",
    "Tie or loop a band just above your knees.",
    "Loop a belt, towel or long band around the sole of one foot.",
    "Put a cushion where your knees will land.",
    "Put a folded towel under your knees if they are sore.",
]


@pytest.mark.parametrize("text", FOUND)
def test_the_check_catches_what_was_found(text: str) -> None:
    assert SETS_UP_LOW.search(text) and not WITHOUT_BENDING.search(text)


def test_the_seated_band_row_is_set_up_sitting_tall_and_never_leans_forward() -> None:
    row = LIBRARY["seated_band_row"]
    steps = " ".join(row.steps).lower()
    assert "one foot at a time" in steps and steps.startswith("sit tall")
    assert "legs are out in front" in steps  # as the picture shows: legs out, heels down
    assert any(t.lower().startswith("never lean forward") for t in row.tips)
