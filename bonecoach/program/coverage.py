"""Guideline coverage: does a program phase meet the dosage targets of clinical-guidance.md §4?

Each check is one line of plain data (id, label, met, actual vs target, unit, source) that
the program editor shows as a live checklist and the handout may summarise. Checks run on
one phase at a time because phases are done one after another, not together.

Days per week of a component is the largest ``days_per_week`` among its items (items of one
component are assumed to be done on the same days); minutes are work time, rests excluded,
with a rep counted as about four seconds, except for back-extensor work, whose 5-10 minutes
a day count the holds and the rests between them (TFTF15).

Lines that need the client: impact allowed (the client's screening), the impact dose (only
where the client may do impact), and moderate aerobic intensity after a vertebral fracture,
multiple fractures or frailty (the client's assessment), judged on the prescribed effort.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bonecoach.program.assessment import Assessment
from bonecoach.program.exercise import Exercise
from bonecoach.program.programs import Phase, Program, ProgramItem, ScreeningLike
from bonecoach.program.vocabulary import Category, Impact, Region, SourceKey

RESISTANCE_DAYS = 2
RESISTANCE_SETS = (1, 3)
RESISTANCE_REPS = (8, 12)
BALANCE_MINUTES_PER_WEEK = 120
AEROBIC_DAYS = 5
AEROBIC_MINUTES_PER_WEEK = 150  # 5 days of 30 minutes
AEROBIC_BOUT_MINUTES = 10
AEROBIC_MODERATE_EFFORT_BELOW = 7  # after a fracture: 5-6/10, able to talk but not sing
BACK_EXTENSOR_MINUTES = 5  # a day, holds and rests counted (TFTF15: 5-10)
IMPACTS_PER_DAY = 50  # SSS: building to about 50 impacts on most days
IMPACT_DAYS = 4  # "most days"
DAILY = 7

# The five muscle groups of TFTF15 and the library regions that count for each.
MUSCLE_GROUPS: dict[str, frozenset[Region]] = {
    "legs": frozenset({Region.LEGS, Region.HIP}),
    "arms": frozenset({Region.ARMS}),
    "chest": frozenset({Region.CHEST}),
    "shoulders": frozenset({Region.SHOULDERS}),
    "back": frozenset({Region.BACK}),
}


@dataclass(frozen=True)
class CoverageLine:
    id: str
    label: str
    met: bool | None  # None: cannot be judged (e.g. impact without the client's screening)
    actual: float
    target: float
    unit: str
    detail: str
    source: tuple[SourceKey, ...]


@dataclass(frozen=True)
class PhaseCoverage:
    phase_index: int
    phase_name: str
    lines: tuple[CoverageLine, ...]

    @property
    def all_met(self) -> bool:
        return all(line.met for line in self.lines)

    def line(self, line_id: str) -> CoverageLine:
        return next(line for line in self.lines if line.id == line_id)


Pair = tuple[ProgramItem, Exercise]


def _of(pairs: list[Pair], *categories: Category) -> list[Pair]:
    return [(i, e) for i, e in pairs if e.category in categories]


def _max_days(pairs: list[Pair], keep: Callable[[Pair], bool] = lambda _: True) -> int:
    return max((i.dosage.days_per_week for i, e in pairs if keep((i, e))), default=0)


def _weekly_minutes(pairs: list[Pair]) -> float:
    seconds = sum(i.dosage.work_seconds_per_session() * i.dosage.days_per_week for i, _ in pairs)
    return round(seconds / 60.0, 1)


def _names(pairs: list[Pair]) -> str:
    return ", ".join(e.id for _, e in pairs) or "none"


def _resistance_lines(pairs: list[Pair]) -> list[CoverageLine]:
    resistance = _of(pairs, Category.RESISTANCE)
    days = _max_days(resistance)
    lines = [
        CoverageLine(
            "resistance_days",
            "Resistance training days per week",
            days >= RESISTANCE_DAYS,
            days,
            RESISTANCE_DAYS,
            "days/week",
            f"resistance exercises: {_names(resistance)}",
            (SourceKey.TFTF15,),
        )
    ]
    # back-extensor posture work also trains the back muscles
    strength = resistance + [(i, e) for i, e in _of(pairs, Category.POSTURE)]
    for group, regions in MUSCLE_GROUPS.items():
        pool = strength if group == "back" else resistance
        hits = [(i, e) for i, e in pool if regions & set(e.regions)]
        lines.append(
            CoverageLine(
                f"muscle_group_{group}",
                f"At least one strengthening exercise for the {group}",
                bool(hits),
                len(hits),
                1,
                "exercises",
                _names(hits),
                (SourceKey.TFTF15,),
            )
        )
    counted = [(i, e) for i, e in resistance if i.dosage.reps is not None]
    off = [
        (i, e)
        for i, e in counted
        if not RESISTANCE_SETS[0] <= i.dosage.sets <= RESISTANCE_SETS[1]
        or not RESISTANCE_REPS[0] <= (i.dosage.reps or 0) <= RESISTANCE_REPS[1]
    ]
    lines.append(
        CoverageLine(
            "resistance_sets_reps",
            "Resistance at 1-3 sets of 8-12 repetitions",
            bool(counted) and not off,
            len(counted) - len(off),
            len(counted),
            "exercises",
            "outside 1-3 x 8-12: "
            + (", ".join(f"{e.id} ({i.dosage.sets} x {i.dosage.reps})" for i, e in off) or "none"),
            (SourceKey.TFTF15,),
        )
    )
    return lines


def _balance_lines(pairs: list[Pair]) -> list[CoverageLine]:
    balance = _of(pairs, Category.BALANCE)
    minutes = _weekly_minutes(balance)
    days = _max_days(balance)
    return [
        CoverageLine(
            "balance_minutes",
            "Balance training minutes per week (about 2 hours)",
            minutes >= BALANCE_MINUTES_PER_WEEK,
            minutes,
            BALANCE_MINUTES_PER_WEEK,
            "min/week",
            f"balance exercises: {_names(balance)}",
            (SourceKey.TFTF15,),
        ),
        CoverageLine(
            "balance_daily",
            "Balance training every day",
            days >= DAILY,
            days,
            DAILY,
            "days/week",
            f"balance exercises: {_names(balance)}",
            (SourceKey.TFTF15,),
        ),
    ]


def _posture_lines(pairs: list[Pair]) -> list[CoverageLine]:
    extensors = [
        (i, e)
        for i, e in _of(pairs, Category.POSTURE)
        if {Region.BACK, Region.SPINE} & set(e.regions)
    ]
    days = _max_days(extensors)
    per_day = round(sum(i.dosage.session_seconds() for i, _ in extensors) / 60.0, 1)
    return [
        CoverageLine(
            "back_extensors_daily",
            "Back-extensor and posture work every day",
            days >= DAILY,
            days,
            DAILY,
            "days/week",
            f"exercises: {_names(extensors)}",
            (SourceKey.TFTF15,),
        ),
        CoverageLine(
            "back_extensor_minutes",
            "Back-extensor work 5-10 minutes a day (holds and rests)",
            per_day >= BACK_EXTENSOR_MINUTES,
            per_day,
            BACK_EXTENSOR_MINUTES,
            "min/day",
            f"about {per_day} min a day; exercises: {_names(extensors)}",
            (SourceKey.TFTF15,),
        ),
    ]


def _aerobic_intensity_line(pairs: list[Pair], assessment: Assessment) -> CoverageLine:
    """After a vertebral fracture, several fractures or frailty: moderate effort only, as
    prescribed (the library's default effort is not what the client is told to do)."""
    hard = [
        (i, e)
        for i, e in _of(pairs, Category.AEROBIC)
        if i.dosage.effort >= AEROBIC_MODERATE_EFFORT_BELOW
    ]
    return CoverageLine(
        "aerobic_moderate",
        f"{assessment.fracture_precaution_trigger}: aerobic effort moderate (5-6 out of 10)",
        not hard,
        len(hard),
        0,
        "exercises at 7/10 or more",
        "prescribed at 7/10 or more: "
        + (", ".join(f"{e.id} ({i.dosage.effort}/10)" for i, e in hard) or "none"),
        (SourceKey.TFTF15, SourceKey.SSS),
    )


def _aerobic_lines(pairs: list[Pair]) -> list[CoverageLine]:
    aerobic = _of(pairs, Category.AEROBIC)
    # bouts shorter than 10 minutes do not count towards the aerobic target
    bouts = [
        (i, e)
        for i, e in aerobic
        if i.dosage.work_seconds_per_session() >= AEROBIC_BOUT_MINUTES * 60
    ]
    days = _max_days(bouts)
    minutes = _weekly_minutes(bouts)
    return [
        CoverageLine(
            "aerobic_days",
            "Aerobic activity days per week (bouts of 10 minutes or more)",
            days >= AEROBIC_DAYS,
            days,
            AEROBIC_DAYS,
            "days/week",
            f"aerobic exercises: {_names(aerobic)}",
            (SourceKey.TFTF15, SourceKey.CDC),
        ),
        CoverageLine(
            "aerobic_minutes",
            "Aerobic minutes per week (30 minutes on 5 days)",
            minutes >= AEROBIC_MINUTES_PER_WEEK,
            minutes,
            AEROBIC_MINUTES_PER_WEEK,
            "min/week",
            f"counted bouts: {_names(bouts)}",
            (SourceKey.TFTF15, SourceKey.CDC),
        ),
    ]


def _impact_line(pairs: list[Pair], screening: Mapping[str, ScreeningLike] | None) -> CoverageLine:
    impact = [(i, e) for i, e in pairs if e.impact in (Impact.MODERATE, Impact.HIGH)]
    if screening is None:
        unknown = [(i, e) for i, e in impact]
        return CoverageLine(
            "impact_allowed",
            "Impact exercise only where the client's screening allows it",
            None if unknown else True,
            len(unknown),
            0,
            "exercises not allowed",
            f"not screened for a client; impact exercises: {_names(unknown)}",
            (SourceKey.SSS, SourceKey.BHOF),
        )
    missing = [(i, e) for i, e in impact if e.id not in screening]
    excluded = [(i, e) for i, e in impact if e.id in screening and _excluded(screening[e.id])]
    overridden = [e.id for i, e in excluded if i.override is not None]
    detail = f"excluded for this client: {_names(excluded)}"
    if overridden:
        detail += f" (overridden: {', '.join(overridden)})"
    if missing:
        detail += f"; not screened: {_names(missing)}"
    return CoverageLine(
        "impact_allowed",
        "Impact exercise only where the client's screening allows it",
        None if missing and not excluded else not excluded,
        len(excluded),
        0,
        "exercises not allowed",
        detail,
        (SourceKey.SSS, SourceKey.BHOF),
    )


def _excluded(result: ScreeningLike) -> bool:
    return str(result.verdict) == "excluded"


def _impact_allowed_for(
    screening: Mapping[str, ScreeningLike], library: Mapping[str, Exercise]
) -> bool:
    """The client may do some moderate impact (a home exercise screening does not exclude)."""
    return any(
        e.category is Category.IMPACT
        and e.impact is Impact.MODERATE
        and e.id in screening
        and not _excluded(screening[e.id])
        for e in library.values()
    )


def _impact_dose_line(pairs: list[Pair]) -> CoverageLine:
    impact = [(i, e) for i, e in _of(pairs, Category.IMPACT) if i.dosage.reps is not None]
    per_day = sum(i.dosage.sets * (i.dosage.reps or 0) for i, _ in impact)
    days = _max_days(impact)
    return CoverageLine(
        "impact_dose",
        f"Impact building to about {IMPACTS_PER_DAY} a day on most days",
        per_day >= IMPACTS_PER_DAY and days >= IMPACT_DAYS,
        per_day,
        IMPACTS_PER_DAY,
        "impacts/day",
        f"{per_day} impacts a day on {days} days a week; exercises: {_names(impact)}",
        (SourceKey.SSS,),
    )


def phase_coverage(
    phase: Phase,
    library: Mapping[str, Exercise],
    *,
    screening: Mapping[str, ScreeningLike] | None = None,
    assessment: Assessment | None = None,
    phase_index: int = 0,
) -> PhaseCoverage:
    """The checklist for one phase. ``screening`` maps exercise id to the client's result
    (the whole library's, for the impact dose line); without it the impact line cannot be
    judged (``met`` is None). With the client's ``assessment``, aerobic intensity is checked
    after a fracture. Items whose exercise is not in ``library`` are left out."""
    pairs = [(i, library[i.exercise_id]) for i in phase.items if i.exercise_id in library]
    lines = [
        *_resistance_lines(pairs),
        *_balance_lines(pairs),
        *_posture_lines(pairs),
        *_aerobic_lines(pairs),
    ]
    if assessment is not None and assessment.fracture_precautions:
        lines.append(_aerobic_intensity_line(pairs, assessment))
    lines.append(_impact_line(pairs, screening))
    if screening is not None and _impact_allowed_for(screening, library):
        lines.append(_impact_dose_line(pairs))
    return PhaseCoverage(phase_index, phase.name, tuple(lines))


def program_coverage(
    program: Program,
    library: Mapping[str, Exercise],
    *,
    screening: Mapping[str, ScreeningLike] | None = None,
    assessment: Assessment | None = None,
) -> list[PhaseCoverage]:
    """One checklist per phase, in phase order."""
    return [
        phase_coverage(
            phase, library, screening=screening, assessment=assessment, phase_index=index
        )
        for index, phase in enumerate(program.phases)
    ]
