"""What changed between two versions of a client's program, in the therapist's words.

Items are matched by phase (its name, else its position) and exercise: an exercise that is in
one version and not the other was added or removed; one in both whose dose, notes, support or
override differ was changed. The program's own name, start date and phases are compared too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bonecoach.program.programs import Phase, Program, ProgramItem


@dataclass(frozen=True)
class ItemChange:
    phase: str
    exercise_id: str
    what: str  # "added", "removed" or "changed"
    before: ProgramItem | None
    after: ProgramItem | None
    details: tuple[str, ...] = ()  # for "changed": which parts ("dose", "notes", ...)


@dataclass(frozen=True)
class ProgramDiff:
    items: tuple[ItemChange, ...] = ()
    program: tuple[str, ...] = field(default=())  # e.g. "name", "start date", "phases"

    @property
    def empty(self) -> bool:
        return not self.items and not self.program

    def counts(self) -> dict[str, int]:
        found = {"added": 0, "removed": 0, "changed": 0}
        for change in self.items:
            found[change.what] += 1
        return found

    def summary(self) -> str:
        """One line: "2 added, 1 removed, 3 changed; start date" (or "no change")."""
        parts = [f"{n} {what}" for what, n in self.counts().items() if n]
        line = ", ".join(parts)
        if self.program:
            line = f"{line}; {', '.join(self.program)}" if line else ", ".join(self.program)
        return line or "no change"


def compare(before: Program, after: Program) -> ProgramDiff:
    """The changes that make ``before`` into ``after``."""
    program = []
    if before.name != after.name:
        program.append("name")
    if before.start_date != after.start_date:
        program.append("start date")
    if [(p.name, p.start_week, p.end_week) for p in before.phases] != [
        (p.name, p.start_week, p.end_week) for p in after.phases
    ]:
        program.append("phases")
    items: list[ItemChange] = []
    for phase_name, old, new in _paired_phases(before.phases, after.phases):
        old_items = {i.exercise_id: i for i in old}
        new_items = {i.exercise_id: i for i in new}
        for exercise_id, item in new_items.items():
            if exercise_id not in old_items:
                items.append(ItemChange(phase_name, exercise_id, "added", None, item))
        for exercise_id, item in old_items.items():
            if exercise_id not in new_items:
                items.append(ItemChange(phase_name, exercise_id, "removed", item, None))
            elif item != new_items[exercise_id]:
                details = _differences(item, new_items[exercise_id])
                items.append(
                    ItemChange(
                        phase_name, exercise_id, "changed", item, new_items[exercise_id], details
                    )
                )
    return ProgramDiff(tuple(items), tuple(program))


def _paired_phases(
    before: tuple[Phase, ...], after: tuple[Phase, ...]
) -> list[tuple[str, tuple[ProgramItem, ...], tuple[ProgramItem, ...]]]:
    pairs = []
    for index in range(max(len(before), len(after))):
        old = before[index] if index < len(before) else None
        new = after[index] if index < len(after) else None
        shown = new if new is not None else old
        name = shown.name if shown is not None else f"Phase {index + 1}"
        pairs.append((name, old.items if old else (), new.items if new else ()))
    return pairs


def _differences(old: ProgramItem, new: ProgramItem) -> tuple[str, ...]:
    found = []
    if old.dosage != new.dosage:
        found.append("dose")
    if old.notes != new.notes:
        found.append("notes")
    if (old.support_prescribed, old.hand_support) != (new.support_prescribed, new.hand_support):
        found.append("support")
    if old.override != new.override:
        found.append("override")
    return tuple(found)
