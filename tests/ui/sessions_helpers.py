"""Helpers the Sessions tab tests share."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.ui.shell_fixtures import PROFILE


def save_program(context: Any, client_id: int, exercise_ids: list[str], start: date) -> Any:
    from bonecoach.program.dosage import Dosage
    from bonecoach.program.profile import ClientProfile
    from bonecoach.program.programs import add_item, blank_program
    from bonecoach.program.screening import screen

    profile = ClientProfile.model_validate(PROFILE)
    program = blank_program("Strength", start_date=start)
    for exercise_id in exercise_ids:
        exercise = context.library[exercise_id]
        dose = Dosage.from_default(exercise.default_dosage)
        if dose.reps is not None:
            dose = dose.with_changes(sets=3, reps=12).with_changes(load_kg=4.0)
        program = add_item(program, 0, exercise, screen(profile, exercise), dosage=dose)
    return context.store.save_program(client_id, program)


def set_cell(tab: Any, row: int, column: int, text: str) -> None:
    from PySide6.QtCore import Qt

    model = tab.form.entries
    assert model.setData(model.index(row, column), text, Qt.ItemDataRole.EditRole)


def log_session(tab: Any, day: date, effort: str = "4") -> None:
    from PySide6.QtCore import QDate

    tab.form.day.setDate(QDate(day))
    set_cell(tab, 0, 4, effort)
    assert tab.has_unsaved_changes()
    assert tab.save(), tab.form.problems.text()
