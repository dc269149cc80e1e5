"""Shared set-up for the Program, Handout and library-manager tests: a real store in
tmp_path (BONECOACH_HOME), the shipped library and illustrations, inline tasks, and an error
reporter that records instead of opening dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bonecoach.program.profile import ClientProfile
from tests.ui.app_context import app_context

OSTEOPOROSIS = {
    "sex": "female",
    "age": 74,
    "t_score_lowest": -2.8,
    "vertebral_fractures": 1,
    "vertebral_fracture_date": "2026-02-02",
    "falls_past_year": 1,
    "tug_seconds": 13.5,
    "back_pain": "mild",
    "new_to_strength_training": True,
    "equipment": ["chair", "counter", "resistance_band"],
}


def osteoporosis_profile() -> ClientProfile:
    return ClientProfile.model_validate(OSTEOPOROSIS)


class RecordingErrors:
    """Stands in for ErrorReporter: keeps what would have been shown."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []

    def show(self, title: str, error: Any) -> None:
        self.shown.append((title, str(error)))

    def info(self, title: str, message: str) -> None:
        self.infos.append((title, message))


@pytest.fixture
def context(qtbot: Any) -> Iterator[Any]:
    """For the Program, Handout and library-manager tests: errors recorded, not shown."""
    from bonecoach.store.settings import Settings

    with app_context(
        RecordingErrors(), Settings(clinic_name="Test Clinic"), illustrations=True
    ) as ctx:
        yield ctx


@pytest.fixture
def client_id(context: Any) -> int:
    """A client with an osteoporosis profile (one vertebral fracture, a fall)."""
    from datetime import date

    record = context.store.create_client("Ann Lee", date_of_birth=date(1951, 3, 2))
    context.store.save_profile(record.id, osteoporosis_profile(), recorded_on=date(2026, 11, 1))
    return int(record.id)


@pytest.fixture
def shown_tab(qtbot: Any, context: Any, client_id: int) -> Any:
    """A shown Program tab holding the first shipped template for the client (not saved)."""
    from bonecoach.app.templates import shipped_templates
    from bonecoach.ui.tabs.program_tab import ProgramTab

    tab = ProgramTab(context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    assert tab.apply_template(shipped_templates(context.library)[0])
    tab.show()
    tab.activateWindow()
    qtbot.waitExposed(tab)
    return tab


def shown_handout_tab(qtbot: Any, context: Any) -> tuple[Any, list[int]]:
    """A shown Handout tab (building starts when it is shown) and the page counts of every
    PDF it builds, newest last."""
    from bonecoach.ui.tabs.handout_tab import HandoutTab

    tab = HandoutTab(context)
    qtbot.addWidget(tab)
    tab.show()
    pages: list[int] = []
    tab.pdf_ready.connect(pages.append)
    return tab, pages
