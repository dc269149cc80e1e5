"""From a program, the library and the clinic's settings to a HandoutDocument.

This is where the clinical choices of the handout are made: supervised-only exercises are
left out (LIFTMOR: never on a home handout), the support variant is printed where the
exercise is risky without support or the therapist prescribed it, exercises are grouped and
numbered in the order the client does them, and "Your week" is filled from the dosages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from bonecoach.handout.model import (
    Clinic,
    ExerciseBlock,
    ExerciseGroup,
    HandoutDocument,
    HandoutOptions,
    PhaseSection,
    SafeMove,
    Therapist,
    WeekRow,
)
from bonecoach.program.dosage_words import (
    dosage_text,
    effort_text,
    load_hint,
    suggested_days,
)
from bonecoach.program.dose_in_text import fit_tips, fit_to_dose
from bonecoach.program.exercise import Exercise
from bonecoach.program.programs import Phase, Program, ProgramItem
from bonecoach.program.vocabulary import Category, Equipment, Position

# The everyday moves of clinical-guidance.md §6 [TFTF15 table 5], as library exercises.
SAFE_MOVE_IDS = ("hip_hinge_pickup", "step_to_turn", "log_roll_out_of_bed", "carry_shopping")

# Strong, Steady and Straight [SSS], then the rest of the week's activity.
_SSS_GROUPS: tuple[tuple[str, tuple[Category, ...]], ...] = (
    ("Strong: exercises for muscles and bones", (Category.RESISTANCE,)),
    # its own heading, as the week table lists it on its own days (#16, point 12)
    ("Impact: short jolts that load the bones", (Category.IMPACT,)),
    ("Steady: balance exercises", (Category.BALANCE,)),
    ("Straight: posture exercises", (Category.POSTURE,)),
    ("Walking and moving", (Category.AEROBIC,)),
    ("Stretching", (Category.FLEXIBILITY,)),
    ("Moving safely", (Category.SAFE_MOVEMENT,)),
)
# Fewest changes of position: up first, then sitting, then down on the bed or floor.
_POSITION_GROUPS: tuple[tuple[str, tuple[Position, ...]], ...] = (
    ("Standing", (Position.STANDING,)),
    ("Sitting", (Position.SEATED,)),
    ("Lying down", (Position.LYING,)),
    ("On your hands and knees", (Position.KNEELING,)),
    ("Getting down to the floor and up", (Position.FLOOR_TRANSFER,)),
)
_WEEK_ROWS: tuple[tuple[str, Category], ...] = (
    ("Strength", Category.RESISTANCE),
    ("Impact (bone loading)", Category.IMPACT),
    ("Balance", Category.BALANCE),
    ("Posture", Category.POSTURE),
    ("Walking and moving", Category.AEROBIC),
    ("Stretching", Category.FLEXIBILITY),
    ("Moving safely", Category.SAFE_MOVEMENT),
)
_HAND_SUPPORT = {
    "two_hands": "Hold the counter or a sturdy chair with both hands.",
    "one_hand": "Hold the counter or a sturdy chair with one hand.",
    "fingertip": "Rest your fingertips lightly on the counter.",
    "none": "No hands: stand close to the counter so you can grab it if you need to.",
}

PhaseChoice = Literal["current", "all"] | int


class NoHomeHandout(ValueError):
    """The program has nothing a client may do at home (e.g. clinic-only)."""


def build_handout_document(
    client_name: str,
    program: Program,
    library: Mapping[str, Exercise],
    *,
    therapist: Therapist,
    clinic: Clinic,
    options: HandoutOptions | None = None,
    phases: PhaseChoice = "current",
    today: dt.date | None = None,
    version_number: int | None = None,
    version_date: dt.date | None = None,
    next_appointment: str | None = None,
    review_date: dt.date | None = None,
    clinic_sheet: bool = False,
) -> HandoutDocument:
    """The handout of ``program`` for ``client_name``; raises NoHomeHandout or ValueError.

    ``clinic_sheet`` makes the other document instead: only the supervised-only exercises,
    for the sessions in the clinic (never given to take home).
    """
    if not client_name.strip():
        raise ValueError("client_name: must not be empty")
    if program.clinic_only and not clinic_sheet:
        raise NoHomeHandout(
            f"program '{program.name}' is for supervised clinic sessions only: no home handout"
        )
    opts = options or HandoutOptions()
    printed_on = today or dt.date.today()
    chosen = _choose_phases(program, phases, printed_on)
    sections = tuple(_section(phase, library, opts, clinic=clinic_sheet) for phase in chosen)
    start = _phase_start(program, chosen[0])
    if review_date is None and program.start_date is not None:
        review_date = program.start_date + dt.timedelta(weeks=chosen[-1].end_week)
    return HandoutDocument(
        client_name=client_name.strip(),
        program_name=program.name,
        clinic=clinic,
        therapist=therapist,
        phases=sections,
        version_number=version_number,
        version_date=version_date,
        start_date=start,
        review_date=review_date,
        printed_on=printed_on,
        next_appointment=next_appointment,
        # a move already printed as one of the exercises is not printed again (#16)
        safe_moves=()
        if clinic_sheet
        else safe_moves(library, printed={b.exercise_id for s in sections for b in s.blocks}),
        options=opts,
        clinic_sheet=clinic_sheet,
    )


def _choose_phases(program: Program, choice: PhaseChoice, today: dt.date) -> list[Phase]:
    if choice == "all":
        return list(program.phases)
    if choice == "current":
        return [program.phases[program.phase_for(today)]]
    if isinstance(choice, int) and 0 <= choice < len(program.phases):
        return [program.phases[choice]]
    raise ValueError(
        f"phases: must be 'current', 'all' or a phase number 0-{len(program.phases) - 1}, "
        f"got {choice!r}"
    )


def _phase_start(program: Program, phase: Phase) -> dt.date | None:
    if program.start_date is None:
        return None
    return program.start_date + dt.timedelta(weeks=phase.start_week - 1)


def home_items(
    phase: Phase, library: Mapping[str, Exercise], *, supervised: bool = False
) -> list[tuple[ProgramItem, Exercise]]:
    """The phase's items a client may do at home (or, with ``supervised``, only those done
    under supervision in the clinic), in program order, with their exercises."""
    out = []
    for item in phase.items:
        exercise = library.get(item.exercise_id)
        if exercise is None:
            raise ValueError(
                f"phase '{phase.name}': exercise '{item.exercise_id}' is not in the library"
            )
        if exercise.supervised_only == supervised:
            out.append((item, exercise))
    return out


def _section(
    phase: Phase, library: Mapping[str, Exercise], opts: HandoutOptions, *, clinic: bool = False
) -> PhaseSection:
    items = home_items(phase, library, supervised=clinic)
    ordered = _grouped(items, opts.grouping)
    groups: list[ExerciseGroup] = []
    number = 1
    for title, members in ordered:
        blocks = []
        for item, exercise in members:
            blocks.append(exercise_block(number, item, exercise))
            number += 1
        groups.append(ExerciseGroup(title=title, blocks=tuple(blocks)))
    section_blocks = [b for g in groups for b in g.blocks]
    return PhaseSection(
        name=phase.name,
        start_week=phase.start_week,
        end_week=phase.end_week,
        groups=tuple(groups),
        week=week_rows(section_blocks),
    )


def _grouped(
    items: list[tuple[ProgramItem, Exercise]], grouping: str
) -> list[tuple[str, list[tuple[ProgramItem, Exercise]]]]:
    if grouping == "order":
        return [("", items)] if items else []
    if grouping == "position":
        table: Sequence[tuple[str, tuple[str, ...]]] = _POSITION_GROUPS

        def key(e: Exercise) -> str:
            return e.position.value
    else:
        table = _SSS_GROUPS

        def key(e: Exercise) -> str:
            return e.category.value

    out = []
    for title, members in table:
        wanted = {str(m) for m in members}
        chosen = [(i, e) for i, e in items if key(e) in wanted]
        if chosen:
            out.append((title, chosen))
    return out


def _prescribed_already(tip: str) -> bool:
    """ "Do this only if your therapist says so": on the handout the therapist printed, the
    therapist has said so; the generic condition would only raise doubt (#16, point 14)."""
    return "only if your therapist says so" in tip.lower()


def exercise_block(number: int, item: ProgramItem, exercise: Exercise) -> ExerciseBlock:
    dosage = item.dosage
    support: str | None = None
    if exercise.support_variant and (exercise.needs_support or item.support_prescribed):
        support = exercise.support_variant
    hand = getattr(item, "hand_support", None)
    if hand is not None:
        # one box, one instruction: "no hands" never stands beside "keep a hand on the
        # counter"; where support is prescribed the hand stays on it (fingertips at least)
        level = str(getattr(hand, "value", hand))
        if item.support_prescribed and level == "none":
            level = "fingertip"
        how = _HAND_SUPPORT.get(level)
        if how and level == "none":
            support = how
        elif how:
            support = f"{support} {how}" if support else how
    equipment = set(exercise.equipment)
    return ExerciseBlock(
        number=number,
        exercise_id=exercise.id,
        name=exercise.name,
        dosage=dosage_text(dosage, sides=exercise.sides),
        stop_if=exercise.stop_if,
        # the dose band is the one answer to "how many": the steps' numbers follow it
        steps=tuple(fit_to_dose(step, dosage) for step in exercise.steps),
        # a tip the dose rules out ("split it into shorter walks" beside 15 minutes) is left out
        tips=fit_tips((tip for tip in exercise.tips if not _prescribed_already(tip)), dosage),
        effort=effort_text(dosage.effort) if dosage.effort > 0 else None,
        load_hint=load_hint(
            dosage,
            uses_band=Equipment.RESISTANCE_BAND in equipment,
            uses_weight=Equipment.DUMBBELLS in equipment,
        ),
        support=support,
        support_prescribed=item.support_prescribed or hand is not None,
        note=item.notes or None,
        days_per_week=dosage.days_per_week,
        category=exercise.category.value,
        position=exercise.position.value,
    )


def week_rows(blocks: Iterable[ExerciseBlock]) -> tuple[WeekRow, ...]:
    """One row per kind of exercise, on spread-out days (strength with rest days between)."""
    blocks = list(blocks)
    rows = []
    for label, category in _WEEK_ROWS:
        members = [b for b in blocks if b.category == category.value]
        if not members:
            continue
        days = suggested_days(max(b.days_per_week for b in members))
        rows.append(
            WeekRow(
                label=label,
                detail=numbers_text([b.number for b in members]),
                days=days,
                category=category.value,
            )
        )
    return tuple(rows)


def numbers_text(numbers: Sequence[int]) -> str:
    """[1, 2, 3, 5] -> "exercises 1 to 3, 5"; [4] -> "exercise 4"."""
    if not numbers:
        return ""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    # no line break inside "exercises 1 to 5" (a narrow cell printed "exercises 1 to / 5"):
    # non-breaking spaces within a run, a break allowed only after a comma
    nb = "\u00a0"
    parts = [
        str(r[0])
        if len(r) == 1
        else (f"{r[0]}, {r[1]}" if len(r) == 2 else f"{r[0]}{nb}to{nb}{r[-1]}")
        for r in runs
    ]
    word = "exercise" if len(numbers) == 1 else "exercises"
    return f"{word}{nb}{', '.join(parts)}"


def safe_moves(
    library: Mapping[str, Exercise], printed: set[str] | frozenset[str] = frozenset()
) -> tuple[SafeMove, ...]:
    moves = []
    for exercise_id in SAFE_MOVE_IDS:
        exercise = library.get(exercise_id)
        if exercise is None or exercise_id in printed:
            continue
        text = exercise.summary
        if exercise.tips:
            text = f"{text} {exercise.tips[0]}"
        moves.append(SafeMove(exercise_id=exercise.id, name=exercise.name, text=text))
    return tuple(moves)
