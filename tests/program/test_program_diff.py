"""Comparing two versions of a program: added, removed and changed items, by phase."""

from __future__ import annotations

import datetime as dt

from bonecoach.program.dosage import Dosage
from bonecoach.program.program_diff import compare
from bonecoach.program.programs import Phase, Program, ProgramItem


def _item(exercise_id: str, reps: int = 10, notes: str = "") -> ProgramItem:
    return ProgramItem(
        exercise_id=exercise_id,
        dosage=Dosage(sets=2, reps=reps, effort=5, rest_seconds=60, days_per_week=3),
        notes=notes,
    )


def _program(*items: ProgramItem, start: dt.date = dt.date(2026, 9, 1)) -> Program:
    return Program(
        name="Home", phases=(Phase(name="Weeks 1-4", start_week=1, end_week=4, items=items),),
        start_date=start,
    )  # fmt: skip


def test_added_removed_and_changed_items_are_named_with_what_changed() -> None:
    before = _program(_item("sit_to_stand"), _item("wall_push_up"), _item("bridge"))
    after = _program(
        _item("sit_to_stand", reps=12), _item("bridge", notes="slowly"), _item("tandem_stand"),
        start=dt.date(2026, 9, 8),
    )  # fmt: skip
    diff = compare(before, after)
    found = {(c.exercise_id, c.what, c.details) for c in diff.items}
    assert found == {
        ("tandem_stand", "added", ()),
        ("wall_push_up", "removed", ()),
        ("sit_to_stand", "changed", ("dose",)),
        ("bridge", "changed", ("notes",)),
    }
    assert diff.summary() == "1 added, 1 removed, 2 changed; start date"
    assert all(c.phase == "Weeks 1-4" for c in diff.items)


def test_the_same_program_is_no_change() -> None:
    same = _program(_item("sit_to_stand"))
    assert compare(same, same).empty and compare(same, same).summary() == "no change"
