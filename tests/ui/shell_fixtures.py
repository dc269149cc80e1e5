"""Set-up for the shell tests: a real store under tmp_path (BONECOACH_HOME), the shipped
library, inline tasks, the real ErrorReporter, and every modal dialog patched to record what
it would have asked and answer as the test says."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from tests.ui.app_context import app_context

PROFILE = {
    "sex": "female",
    "age": 72,
    "t_score_lowest": -2.7,
    "vertebral_fractures": 0,
    "falls_past_year": 1,
    "tug_seconds": 12.5,
    "equipment": ["chair", "counter", "resistance_band", "dumbbells"],
}

# a vertebral fracture 4 weeks ago, two falls: much is excluded (copies and templates)
RECENT_FRACTURE = {
    "sex": "female", "age": 77, "t_score_lowest": -3.0, "vertebral_fractures": 1,
    "vertebral_fracture_date": (date.today() - timedelta(weeks=4)).isoformat(),
    "falls_past_year": 2, "tug_seconds": 14.0, "equipment": ["chair", "counter", "wall"],
}  # fmt: skip


@dataclass
class Dialogs:
    """What the patched QMessageBox/QInputDialog/QFileDialog were asked, and their answers."""

    question_answer: Any = QMessageBox.StandardButton.Yes
    text_answer: tuple[str, bool] = ("", False)
    item_answer: tuple[str, bool] = ("", False)
    save_path: str = ""
    open_path: str = ""
    asked: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    infos: list[tuple[str, str]] = field(default_factory=list)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    record = Dialogs()

    def question(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        record.asked.append((title, text))
        return record.question_answer

    def warning(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        record.warnings.append((title, text))
        return QMessageBox.StandardButton.Ok

    def information(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        record.infos.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(warning))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(information))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: record.text_answer))
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: record.text_answer)
    )
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: record.item_answer))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (record.save_path, ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (record.open_path, ""))
    )
    return record


@pytest.fixture
def shell_context(qtbot: Any, dialogs: Dialogs) -> Iterator[Any]:
    """For the window and its dialogs: the real error reporter (its dialogs are patched)."""
    from bonecoach.store.settings import load_settings
    from bonecoach.ui.core.errors import ErrorReporter

    with app_context(ErrorReporter(), load_settings().settings, illustrations=False) as context:
        yield context


def add_client(context: Any, name: str, clinic_id: str | None = None, profile: bool = True) -> int:
    from bonecoach.program.profile import ClientProfile

    record = context.store.create_client(name, date_of_birth=date(1953, 5, 6), clinic_id=clinic_id)
    if profile:
        context.store.save_profile(
            record.id, ClientProfile.model_validate(PROFILE), recorded_on=date(2026, 10, 1)
        )
    return int(record.id)
