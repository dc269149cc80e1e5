"""A client's exercise program: phases (e.g. weeks 1-4, 5-8, 9-12) of ordered items.

Programs are immutable: every edit below returns a new Program, so the UI can keep the
previous one for undo and the store can save each accepted change as a new version.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from typing import Annotated, Any, Protocol

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from bonecoach.program.dosage import Dosage
from bonecoach.program.exercise import Exercise, Slug
from bonecoach.program.screening import NEVER_PRESCRIBED
from bonecoach.program.sessions import HandSupport
from bonecoach.program.vocabulary import Category, Equipment

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
NOTE_MAX = 600  # characters of a note printed under an exercise
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=NOTE_MAX)]
WrittenReason = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=3, max_length=1000)
]


class ReasonLike(Protocol):
    @property
    def rule(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def source(self) -> str: ...


class ScreeningLike(Protocol):
    """What programs need of a screening result (bonecoach.program.screening.ScreeningResult)."""

    @property
    def exercise_id(self) -> str: ...
    @property
    def verdict(self) -> str: ...
    @property
    def reasons(self) -> Sequence[ReasonLike]: ...
    @property
    def modification(self) -> str | None: ...


class Override(BaseModel):
    """The therapist's written reason for prescribing an exercise screening excluded."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reason: WrittenReason
    by: Name | None = None
    excluded_by: tuple[str, ...] = Field(
        default=(), description="ids of the rules that excluded the exercise when overridden"
    )


class ProgramItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    exercise_id: Slug
    dosage: Dosage
    notes: Note = ""
    support_prescribed: bool = False  # print the exercise's support variant
    hand_support: HandSupport | None = None  # balance work: how much hand support to use
    override: Override | None = None


class Phase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Name
    start_week: int = Field(ge=1, le=104)
    end_week: int = Field(ge=1, le=104)
    items: tuple[ProgramItem, ...] = ()

    @field_validator("end_week")
    @classmethod
    def _after_start(cls, value: int, info: ValidationInfo) -> int:
        start = info.data.get("start_week")
        if start is not None and value < start:
            raise ValueError(f"end_week {value} is before start_week {start}")
        return value

    @field_validator("items")
    @classmethod
    def _each_exercise_once(cls, value: tuple[ProgramItem, ...]) -> tuple[ProgramItem, ...]:
        seen: set[str] = set()
        for item in value:
            if item.exercise_id in seen:
                raise ValueError(f"exercise '{item.exercise_id}' is in this phase twice")
            seen.add(item.exercise_id)
        return value

    def index_of(self, exercise_id: str) -> int | None:
        return next((i for i, it in enumerate(self.items) if it.exercise_id == exercise_id), None)


class Program(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Name
    phases: tuple[Phase, ...] = Field(min_length=1, max_length=12)
    start_date: dt.date | None = None  # week 1 starts here; places session logs in a phase
    clinic_only: bool = False  # supervised sessions only, never a home handout
    template_id: Slug | None = None  # the template it was made from, if any

    @field_validator("phases")
    @classmethod
    def _in_order(cls, value: tuple[Phase, ...]) -> tuple[Phase, ...]:
        for before, after in itertools.pairwise(value):
            if after.start_week <= before.end_week:
                raise ValueError(
                    f"phase '{after.name}' starts in week {after.start_week}, before "
                    f"phase '{before.name}' ends (week {before.end_week})"
                )
        return value

    def items(self) -> Iterator[tuple[int, int, ProgramItem]]:
        """Every item as (phase index, item index, item)."""
        for p, phase in enumerate(self.phases):
            for i, item in enumerate(phase.items):
                yield p, i, item

    def exercise_ids(self) -> set[str]:
        return {item.exercise_id for _, _, item in self.items()}

    def review_date(self, on: dt.date) -> dt.date | None:
        """When the program is next reviewed: the end of the phase ``on`` falls in (the
        handout's "Review on"); None without a start date."""
        if self.start_date is None or not self.phases:
            return None
        phase = self.phases[self.phase_for(on)]
        return self.start_date + dt.timedelta(weeks=phase.end_week)

    def phase_for(self, day: dt.date) -> int:
        """The phase a date falls in (the first before the start, the last after the end)."""
        if self.start_date is None:
            return 0
        week = (day - self.start_date).days // 7 + 1
        for index, phase in enumerate(self.phases):
            if week <= phase.end_week:
                return index
        return len(self.phases) - 1


class OverrideRequired(ValueError):
    """An excluded exercise was added without a written reason."""

    def __init__(self, exercise_id: str, reasons: Sequence[ReasonLike]) -> None:
        self.exercise_id = exercise_id
        self.reasons = tuple(reasons)
        why = "; ".join(f"{r.text} [{r.rule}, {r.source}]" for r in reasons) or "excluded"
        super().__init__(
            f"'{exercise_id}' is excluded for this client ({why}); "
            "adding it needs a written override reason"
        )


class NotPrescribable(ValueError):
    """An education-only movement (kept to show what to avoid) was added to a program."""

    def __init__(self, exercise_id: str) -> None:
        self.exercise_id = exercise_id
        super().__init__(
            f"'{exercise_id}' is shown only to explain what to avoid; it is never prescribed, "
            "even with an override"
        )


def blank_program(
    name: str, weeks_per_phase: Sequence[int] = (4, 4, 4), *, start_date: dt.date | None = None
) -> Program:
    """An empty program of consecutive phases named by their weeks ("Weeks 1-4", ...)."""
    phases, start = [], 1
    for weeks in weeks_per_phase:
        end = start + weeks - 1
        phases.append(Phase(name=f"Weeks {start}-{end}", start_week=start, end_week=end))
        start = end + 1
    return Program(name=name, phases=tuple(phases), start_date=start_date)


def make_item(
    exercise: Exercise,
    screening: ScreeningLike,
    *,
    dosage: Dosage | None = None,
    notes: str = "",
    override_reason: str | None = None,
    override_by: str | None = None,
    hand_support: HandSupport | None = None,
) -> ProgramItem:
    """An item for ``exercise`` as screening allows it: the one way an exercise enters a
    program (the editor, templates, accepted suggestions, copies).

    Excluded ones need ``override_reason`` (OverrideRequired); an education-only movement is
    refused whatever the reason (NotPrescribable); a caution's supported variant is
    prescribed; balance work done at a counter, wall or chair starts with both hands on it
    (the hand-support ladder, clinical-guidance.md §5) unless ``hand_support`` says otherwise.
    """
    if screening.exercise_id != exercise.id:
        raise ValueError(
            f"the screening result is for '{screening.exercise_id}', not '{exercise.id}'"
        )
    if any(r.rule in NEVER_PRESCRIBED for r in screening.reasons):
        raise NotPrescribable(exercise.id)
    override = None
    if screening.verdict == "excluded":
        if override_reason is None or not override_reason.strip():
            raise OverrideRequired(exercise.id, screening.reasons)
        override = Override(
            reason=override_reason,
            by=override_by,
            excluded_by=tuple(r.rule for r in screening.reasons),
        )
    support = _support_in(exercise, screening)
    if hand_support is None and _held_balance(exercise):
        hand_support = HandSupport.TWO_HANDS
    if support and hand_support is HandSupport.NONE:
        hand_support = HandSupport.FINGERTIP  # the supported variant keeps a hand on it
    return ProgramItem(
        exercise_id=exercise.id,
        dosage=dosage if dosage is not None else Dosage.from_default(exercise.default_dosage),
        notes=notes,
        support_prescribed=support,
        hand_support=hand_support,
        override=override,
    )


_SUPPORTS = frozenset({Equipment.COUNTER, Equipment.WALL, Equipment.CHAIR})


def _held_balance(exercise: Exercise) -> bool:
    """Balance work done holding a counter, wall or chair: it has a hand-support ladder."""
    return exercise.category is Category.BALANCE and bool(_SUPPORTS & set(exercise.equipment))


def _support_in(exercise: Exercise, screening: ScreeningLike) -> bool:
    """Whether screening asks for the exercise's support variant (fall-risk cautions do)."""
    support, modification = exercise.support_variant, screening.modification
    return (
        screening.verdict == "caution"
        and support is not None
        and modification is not None
        and support in modification
    )


def _with_phase(program: Program, phase_index: int, items: Sequence[ProgramItem]) -> Program:
    phase = _phase(program, phase_index)
    new_phase = Phase.model_validate({**phase.model_dump(), "items": tuple(items)})
    phases = list(program.phases)
    phases[phase_index] = new_phase
    return program.model_copy(update={"phases": tuple(phases)})


def _phase(program: Program, phase_index: int) -> Phase:
    if not 0 <= phase_index < len(program.phases):
        raise IndexError(f"phase {phase_index} does not exist (program has {len(program.phases)})")
    return program.phases[phase_index]


def _item_index(phase: Phase, item_index: int) -> int:
    if not 0 <= item_index < len(phase.items):
        raise IndexError(f"item {item_index} does not exist in phase '{phase.name}'")
    return item_index


def add_item(
    program: Program,
    phase_index: int,
    exercise: Exercise,
    screening: ScreeningLike,
    *,
    dosage: Dosage | None = None,
    notes: str = "",
    override_reason: str | None = None,
    override_by: str | None = None,
    position: int | None = None,
) -> Program:
    """Add ``exercise`` to a phase (at the end, or at ``position``).

    Raises OverrideRequired for an excluded exercise without a written reason, and
    ValueError if the phase already holds the exercise.
    """
    item = make_item(
        exercise,
        screening,
        dosage=dosage,
        notes=notes,
        override_reason=override_reason,
        override_by=override_by,
    )
    return insert_item(program, phase_index, item, position=position)


def insert_item(
    program: Program, phase_index: int, item: ProgramItem, *, position: int | None = None
) -> Program:
    phase = _phase(program, phase_index)
    if phase.index_of(item.exercise_id) is not None:
        raise ValueError(f"'{item.exercise_id}' is already in phase '{phase.name}'")
    items = list(phase.items)
    items.insert(len(items) if position is None else position, item)
    return _with_phase(program, phase_index, items)


def remove_item(program: Program, phase_index: int, item_index: int) -> Program:
    phase = _phase(program, phase_index)
    items = list(phase.items)
    del items[_item_index(phase, item_index)]
    return _with_phase(program, phase_index, items)


def move_item(program: Program, phase_index: int, from_index: int, to_index: int) -> Program:
    """Reorder within a phase: the item at ``from_index`` ends up at ``to_index``."""
    phase = _phase(program, phase_index)
    items = list(phase.items)
    item = items.pop(_item_index(phase, from_index))
    items.insert(max(0, min(to_index, len(items))), item)
    return _with_phase(program, phase_index, items)


def replace_item(program: Program, phase_index: int, item_index: int, item: ProgramItem) -> Program:
    phase = _phase(program, phase_index)
    items = list(phase.items)
    items[_item_index(phase, item_index)] = item
    return _with_phase(program, phase_index, items)


def set_dosage(program: Program, phase_index: int, item_index: int, dosage: Dosage) -> Program:
    phase = _phase(program, phase_index)
    item = phase.items[_item_index(phase, item_index)]
    return replace_item(
        program, phase_index, item_index, item.model_copy(update={"dosage": dosage})
    )


def set_notes(program: Program, phase_index: int, item_index: int, notes: str) -> Program:
    phase = _phase(program, phase_index)
    item = phase.items[_item_index(phase, item_index)]
    updated = ProgramItem.model_validate({**item.model_dump(), "notes": notes})
    return replace_item(program, phase_index, item_index, updated)


def update_item(program: Program, phase_index: int, item_index: int, **changes: Any) -> Program:
    """Change any item fields (e.g. ``support_prescribed``, ``hand_support``), re-validated.

    Changing ``exercise_id`` this way bypasses screening: use ``add_item`` for new exercises.
    """
    phase = _phase(program, phase_index)
    item = phase.items[_item_index(phase, item_index)]
    updated = ProgramItem.model_validate({**item.model_dump(), **changes})
    return replace_item(program, phase_index, item_index, updated)


def rename(program: Program, name: str) -> Program:
    return Program.model_validate({**program.model_dump(), "name": name})


def set_phases(program: Program, phases: Sequence[Phase]) -> Program:
    """Replace the phase list (add, split or rename phases); re-checks their order."""
    return Program.model_validate({**program.model_dump(), "phases": tuple(phases)})
