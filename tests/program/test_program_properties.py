"""Properties of progression over generated programs and session logs (issue #13): no
accepted suggestion ever puts an excluded exercise in a program, drops a caution's supported
variant, or progresses while the logged pain during exceeded 2/10."""

from __future__ import annotations

import datetime as dt
from functools import cache

from hypothesis import given, note, settings
from hypothesis import strategies as st

from bonecoach.paths import resource
from bonecoach.program.library import Library, load_library
from bonecoach.program.profile import ClientProfile
from bonecoach.program.programs import OverrideRequired, Phase, Program, ProgramItem, make_item
from bonecoach.program.progression import SuggestionKind, apply_suggestion, suggest
from bonecoach.program.screening import ScreeningResult, Verdict, screen_library
from bonecoach.program.sessions import ExerciseLog, HandSupport, SessionLog
from tests.program.review_fixtures import CLIENTS

PROGRESSING = {SuggestionKind.PROGRESS_LOAD, SuggestionKind.STEP_UP, SuggestionKind.REDUCE_SUPPORT}
FIRST_DAY = dt.date(2026, 6, 1)


@cache
def library() -> Library:
    return load_library(resource("library"))


@cache
def screening(name: str) -> dict[str, ScreeningResult]:
    return {r.exercise_id: r for r in screen_library(CLIENTS[name], library().values())}


def _prescribable(name: str) -> list[str]:
    return sorted(i for i, r in screening(name).items() if r.verdict is not Verdict.EXCLUDED)


@st.composite
def entry(draw: st.DrawFn, item: ProgramItem) -> ExerciseLog:
    """A logged exercise; half of them done in full at the top of the range (the case where
    a progression could be proposed), the rest anything at all."""
    dosage = item.dosage
    full = draw(st.booleans())
    sets = dosage.sets if full else draw(st.integers(0, dosage.sets))
    if dosage.reps is not None:
        top = max(12, dosage.reps)
        each = st.just(top) if full else st.integers(0, dosage.reps + 6)
        per_set = draw(st.lists(each, min_size=sets, max_size=sets))
        shape = {"reps_per_set": tuple(per_set) if sets else None}
    else:
        goal = dosage.hold_seconds or (dosage.minutes or 1) * 60
        each = st.just(goal) if full else st.integers(0, goal + 10)
        per_set = draw(st.lists(each, min_size=sets, max_size=sets))
        shape = {"seconds_per_set": tuple(per_set) if sets else None}
    return ExerciseLog(
        exercise_id=item.exercise_id,
        sets_done=sets,
        load_kg=dosage.load_kg,
        band_colour=dosage.band_colour,
        hand_support=draw(st.none() | st.sampled_from(list(HandSupport))),
        effort=draw(st.integers(2, 5) if full else st.none() | st.integers(0, 10)),
        pain_during=draw(st.integers(0, 5) if full else st.integers(0, 10)),
        pain_next_morning=None if full else draw(st.none() | st.integers(0, 10)),
        form_ok=draw(st.none() | st.booleans()),
        **shape,  # type: ignore[arg-type]
    )


@st.composite
def client_program_logs(draw: st.DrawFn) -> tuple[str, Program, list[SessionLog]]:
    name = draw(st.sampled_from(sorted(CLIENTS)))
    ids = draw(st.lists(st.sampled_from(_prescribable(name)), min_size=1, max_size=4, unique=True))
    items = tuple(make_item(library()[i], screening(name)[i]) for i in ids)
    program = Program(name="P", phases=(Phase(name="W", start_week=1, end_week=4, items=items),))
    logs = []
    day = FIRST_DAY
    for _ in range(draw(st.integers(1, 6))):
        day += dt.timedelta(days=draw(st.integers(1, 10)))
        logged = draw(st.lists(st.sampled_from(items), min_size=1, unique=True))
        logs.append(SessionLog(date=day, entries=tuple(draw(entry(i)) for i in logged)))
    return name, program, logs


def _supports_kept(program: Program, name: str) -> bool:
    for _, _, item in program.items():
        exercise = library()[item.exercise_id]
        result = screening(name)[item.exercise_id]
        wanted = (
            result.verdict is Verdict.CAUTION
            and exercise.support_variant is not None
            and exercise.support_variant in (result.modification or "")
        )
        if wanted and not item.support_prescribed:
            return False
        if item.support_prescribed and item.hand_support is HandSupport.NONE:
            return False  # "keep a hand on the counter" and "no hands" together
    return True


@settings(deadline=None)
@given(client_program_logs())
def test_accepted_suggestions_stay_screened_supported_and_pain_free(
    case: tuple[str, Program, list[SessionLog]],
) -> None:
    name, program, logs = case
    profile: ClientProfile = CLIENTS[name]
    excluded = {i for i, r in screening(name).items() if r.verdict is Verdict.EXCLUDED}
    found = suggest(program, logs, library(), excluded=excluded)
    note(f"{[(s.kind.value, s.exercise_id) for s in found]}")
    for s in found:
        if s.kind in PROGRESSING:
            used = [e for log in logs if (e := log.entry(s.exercise_id or "")) is not None]
            assert used and all(e.pain_during <= 2 for e in used[-2:]), s
        if not s.changes_program:
            continue
        try:
            changed = apply_suggestion(program, s, library(), screening(name))
        except OverrideRequired:  # refused, never slipped in
            assert s.new_exercise_id in excluded
            continue
        for _, _, item in changed.items():
            assert item.exercise_id not in excluded or item.override is not None, profile
        assert _supports_kept(changed, name), s
