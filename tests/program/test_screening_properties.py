"""Properties of screening over generated clients and exercises (hypothesis).

A "stricter" client is the same client with one or more steps that can only add risk: a
lower T-score, higher FRAX, more fractures, a more recent fracture, a dated recent other
fracture, more falls, a fall with injury, slower or weaker test results, hyperkyphosis, back
pain, frailty, new to training, clearance withdrawn, precautions added, equipment taken away.
Fracture dates are drawn as weeks before today, the day screening works them out on.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bonecoach.program.exercise import Exercise
from bonecoach.program.profile import ClientProfile
from bonecoach.program.screening import Screener, Verdict, screen, screen_naively
from bonecoach.program.vocabulary import (
    Category,
    Demand,
    Equipment,
    FallRisk,
    Impact,
    Load,
    Position,
    Precaution,
    SourceKey,
    SpinalFlexion,
    SpinalRotation,
)
from tests.program.screening_fixtures import make_exercise, weeks_ago

SEVERITY = {Verdict.ALLOWED: 0, Verdict.CAUTION: 1, Verdict.EXCLUDED: 2}
BACK_PAIN = ["none", "mild", "new_unexplained"]


VALUES: dict[str, list[Any]] = {
    "category": [v.value for v in Category],
    "spinal_flexion": [v.value for v in SpinalFlexion],
    "spinal_rotation": [v.value for v in SpinalRotation],
    "impact": [v.value for v in Impact],
    "fall_risk": [v.value for v in FallRisk],
    "load": [v.value for v in Load],
    "supervised_only": [False, True],
    "position": [v.value for v in Position],
    "level": [1, 2, 3, 4],
    "education_only": [False, False, True],
}

FAMILY_VALUES: dict[str, list[Any]] = {
    **VALUES,
    "avoid_with": [[], ["knee_osteoarthritis"], ["dizziness", "hip_replacement_posterior"]],
    "equipment": [[], ["chair"], ["dumbbells"], ["chair", "mat"]],
    "demands": [[], ["floor_transfer"], ["walking"], ["prone", "spinal_extension"], ["overhead"]],
}


@st.composite
def exercise_fields(draw: st.DrawFn) -> dict[str, Any]:
    fields = {name: draw(st.sampled_from(values)) for name, values in VALUES.items()}
    fields.update(
        exercise_id="move",
        demands=[d.value for d in draw(st.sets(st.sampled_from(list(Demand)), max_size=3))],
        avoid_with=[p.value for p in draw(st.sets(st.sampled_from(list(Precaution)), max_size=2))],
        equipment=[q.value for q in draw(st.sets(st.sampled_from(list(Equipment)), max_size=2))],
        default_dosage={
            "sets": 2,
            "reps": 10,
            "rest_seconds": 60,
            "days_per_week": 3,
            "effort": draw(st.integers(3, 9)),
        },
    )
    return fields


def _build(fields: dict[str, Any]) -> Exercise:
    fields = dict(fields)
    if fields["load"] == "heavy":
        fields["supervised_only"] = True
    return make_exercise(fields.pop("exercise_id"), **fields)


@st.composite
def exercises(draw: st.DrawFn) -> Exercise:
    return _build(draw(exercise_fields()))


@st.composite
def exercise_family(draw: st.DrawFn) -> list[Exercise]:
    """A few exercises that differ from one another in one attribute each: the case where
    remembering a decision for the wrong attributes would show."""
    base = draw(exercise_fields())
    family = [_build(base)]
    for _ in range(draw(st.integers(1, 8))):
        name = draw(st.sampled_from(sorted(FAMILY_VALUES)))
        family.append(_build({**base, name: draw(st.sampled_from(FAMILY_VALUES[name]))}))
    return family


SITES = ["hip_or_pelvis", "wrist_or_arm", "other"]


def _maybe_weeks_ago(draw: st.DrawFn, most: int = 200) -> str | None:
    weeks = draw(st.none() | st.integers(0, most))
    return None if weeks is None else weeks_ago(weeks)


@st.composite
def profiles(draw: st.DrawFn) -> dict[str, Any]:
    vf = draw(st.integers(0, 4))
    other = draw(st.integers(0, 3))
    other_date = _maybe_weeks_ago(draw) if other else None
    falls = draw(st.integers(0, 3))
    major = draw(st.none() | st.floats(0, 60, allow_nan=False))
    hip_cap = 60.0 if major is None else major
    return {
        "sex": draw(st.sampled_from(["female", "male"])),
        "age": draw(st.integers(40, 100)),
        "t_score_lowest": draw(st.none() | st.floats(-5.0, 2.0, allow_nan=False)),
        "frax_major_percent": major,
        "frax_hip_percent": draw(st.none() | st.floats(0, hip_cap, allow_nan=False)),
        "vertebral_fractures": vf,
        "vertebral_fracture_date": _maybe_weeks_ago(draw) if vf else None,
        "other_fragility_fractures": other,
        "other_fracture_date": other_date,
        "other_fracture_site": draw(st.sampled_from(SITES)) if other_date else None,
        "falls_past_year": falls,
        "fall_with_injury": draw(st.booleans()) if falls else False,
        "tug_seconds": draw(st.none() | st.floats(5, 20, allow_nan=False)),
        "chair_stands_30s": draw(st.none() | st.integers(0, 20)),
        "tandem_stance_10s": draw(st.none() | st.booleans()),
        "hyperkyphosis": draw(st.booleans()),
        "back_pain": draw(st.sampled_from(BACK_PAIN)),
        "frail": draw(st.booleans()),
        "new_to_strength_training": draw(st.booleans()),
        "cleared_for_supervised_high_intensity": draw(st.booleans()),
        "equipment": sorted(q.value for q in draw(st.sets(st.sampled_from(list(Equipment))))),
        "precautions": sorted(p.value for p in draw(st.sets(st.sampled_from(list(Precaution))))),
    }


def _stricter_step(draw: st.DrawFn, p: dict[str, Any]) -> None:
    """Change ``p`` in one way that can only add risk."""
    step = draw(st.integers(0, 17))
    if step == 0:
        t = p["t_score_lowest"]
        p["t_score_lowest"] = (
            draw(st.floats(-6.0, -1.05)) if t is None else max(-6.0, t - draw(st.floats(0, 2)))
        )
    elif step == 1:
        major = max(p["frax_major_percent"] or 0.0, p["frax_hip_percent"] or 0.0)
        p["frax_major_percent"] = min(100.0, major + draw(st.floats(0, 30)))
    elif step == 2:
        if p["vertebral_fractures"] == 0:
            p["vertebral_fracture_date"] = _maybe_weeks_ago(draw)
        p["vertebral_fractures"] += 1
    elif step == 3 and p["vertebral_fractures"]:
        when = p["vertebral_fracture_date"]
        most = 200 if when is None else (date.today() - date.fromisoformat(when)).days // 7
        p["vertebral_fracture_date"] = weeks_ago(draw(st.integers(0, most)))
    elif step == 4:
        p["other_fragility_fractures"] += 1
    elif step == 5:
        p["falls_past_year"] += 1
    elif step == 6:
        tug = p["tug_seconds"]
        p["tug_seconds"] = draw(st.floats(5, 30)) if tug is None else tug + draw(st.floats(0, 10))
    elif step == 7:
        stands = p["chair_stands_30s"]
        p["chair_stands_30s"] = draw(st.integers(0, stands if stands is not None else 20))
    elif step == 8:
        p["tandem_stance_10s"] = False
    elif step == 9:
        p["hyperkyphosis"] = True
    elif step == 10:
        now = BACK_PAIN.index(p["back_pain"])
        p["back_pain"] = BACK_PAIN[draw(st.integers(now, 2))]
    elif step == 11:
        p["frail"] = True
    elif step == 12:
        p["new_to_strength_training"] = True
    elif step == 13:
        p["cleared_for_supervised_high_intensity"] = False
    elif step == 14:
        added = draw(st.sampled_from(list(Precaution))).value
        p["precautions"] = sorted({*p["precautions"], added})
    elif step == 15 and p["equipment"]:
        p["equipment"] = p["equipment"][1:]
    elif step == 16 and p["other_fragility_fractures"] and p["other_fracture_date"] is None:
        p["other_fracture_date"] = weeks_ago(draw(st.integers(0, 30)))
        p["other_fracture_site"] = draw(st.sampled_from(SITES))
    elif step == 17 and p["falls_past_year"]:
        p["fall_with_injury"] = True


@st.composite
def client_and_stricter(draw: st.DrawFn) -> tuple[ClientProfile, ClientProfile]:
    base = draw(profiles())
    stricter = dict(base)
    for _ in range(draw(st.integers(1, 5))):
        _stricter_step(draw, stricter)
    return ClientProfile.model_validate(base), ClientProfile.model_validate(stricter)


@settings(deadline=None)
@given(client_and_stricter(), exercises(), st.booleans())
def test_a_stricter_client_never_gets_a_more_lenient_verdict(
    pair: tuple[ClientProfile, ClientProfile], exercise: Exercise, check_equipment: bool
) -> None:
    base, stricter = pair
    before = screen(base, exercise, check_equipment=check_equipment)
    after = screen(stricter, exercise, check_equipment=check_equipment)
    # the property, and the stronger one it rests on
    if before.verdict is Verdict.EXCLUDED:
        assert after.verdict is Verdict.EXCLUDED
    assert SEVERITY[after.verdict] >= SEVERITY[before.verdict]
    # and no reason is lost
    assert {r.rule for r in before.reasons} <= {r.rule for r in after.reasons}


@settings(deadline=None)
@given(profiles(), exercises(), st.booleans())
def test_every_verdict_is_explained_with_a_source(
    raw: dict[str, Any], exercise: Exercise, check_equipment: bool
) -> None:
    result = screen(ClientProfile.model_validate(raw), exercise, check_equipment=check_equipment)
    keys = {k.value for k in SourceKey}
    if result.verdict is Verdict.EXCLUDED:
        assert result.reasons
        assert result.modification is None
    if result.verdict is Verdict.CAUTION:
        assert result.reasons and result.modification
    if result.verdict is Verdict.ALLOWED:
        assert result.reasons == ()
    for reason in (*result.reasons, *result.unavailable):
        assert reason.rule and len(reason.text) > 10
        assert reason.source and set(reason.source.split(", ")) <= keys


@settings(deadline=None)
@given(profiles(), exercise_family(), st.booleans())
def test_the_quick_screener_agrees_with_a_plain_walk_of_the_table(
    raw: dict[str, Any], batch: list[Exercise], check_equipment: bool
) -> None:
    # one Screener for the whole batch, so what it remembers between exercises is exercised
    profile = ClientProfile.model_validate(raw)
    quick = Screener(profile, check_equipment=check_equipment).screen_all(batch + batch)
    plain = [screen_naively(profile, e, check_equipment=check_equipment) for e in batch + batch]
    assert quick == plain
