"""A filter change never moves the library's selection to another exercise, and the list
never rests on a half row (#19, polish): the therapist clicked one exercise, changed a
filter, and the details showed another."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from bonecoach.paths import resource
from bonecoach.program.library import load_library
from bonecoach.program.screening import screen_library
from bonecoach.ui.library.library_browser import LibraryBrowser
from bonecoach.ui.library.library_model import EXERCISE_ID_ROLE, NAME, LibraryModel, make_rows
from tests.ui.program_fixtures import osteoporosis_profile


def _browser(qtbot: Any) -> tuple[LibraryBrowser, list[str]]:
    exercises = load_library(resource("library")).exercises
    results = {r.exercise_id: r for r in screen_library(osteoporosis_profile(), exercises)}
    model = LibraryModel()
    model.set_rows(make_rows(exercises, results))
    browser = LibraryBrowser(model)
    qtbot.addWidget(browser)
    browser.resize(420, 600)
    browser.show()
    qtbot.waitExposed(browser)
    shown: list[str] = []
    browser.exercise_selected.connect(shown.append)
    return browser, shown


def _click(qtbot: Any, browser: LibraryBrowser, exercise_id: str) -> None:
    proxy = browser.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, NAME).data(EXERCISE_ID_ROLE) == exercise_id:
            browser.table.scrollTo(proxy.index(row, NAME))
            rect = browser.table.visualRect(proxy.index(row, 1))
            qtbot.mouseClick(browser.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"{exercise_id} not shown")


def _current(browser: LibraryBrowser) -> str | None:
    index = browser.table.currentIndex()
    return index.siblingAtColumn(NAME).data(EXERCISE_ID_ROLE) if index.isValid() else None


def _choose(browser: LibraryBrowser, facet: str, label: str) -> None:
    combo = browser.facets[facet]
    combo.setCurrentIndex(combo.findText(label))


def test_the_selected_exercise_stays_selected_and_in_view_through_filter_changes(
    qtbot: Any,
) -> None:
    browser, shown = _browser(qtbot)
    _click(qtbot, browser, "wall_push_up")
    assert _current(browser) == "wall_push_up" and shown[-1] == "wall_push_up"
    _choose(browser, "position", "Standing")
    assert _current(browser) == "wall_push_up"

    def in_view() -> bool:
        rect = browser.table.visualRect(browser.table.currentIndex())
        return browser.table.viewport().rect().contains(rect)

    qtbot.waitUntil(in_view, timeout=2000)  # scrolled to, wholly in view
    browser.search.setText("push")
    assert _current(browser) == "wall_push_up"
    assert shown[-1] == "wall_push_up"  # the details never switched to another exercise


def test_an_exercise_filtered_out_leaves_nothing_selected_rather_than_another(
    qtbot: Any,
) -> None:
    browser, shown = _browser(qtbot)
    _click(qtbot, browser, "wall_push_up")
    before = list(shown)
    browser.search.setText("bridge")  # wall push-up is not among these
    assert _current(browser) is None
    assert shown == before  # no other exercise was announced as selected


def test_the_list_never_rests_on_a_half_row_after_a_filter_change(qtbot: Any) -> None:
    browser, _shown = _browser(qtbot)
    bar = browser.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2 + 7)  # scrolled by hand to somewhere mid-row
    _choose(browser, "category", "Balance")
    qtbot.wait(50)  # the view lays out the new rows on its next turns
    height = browser.table.verticalHeader().defaultSectionSize()
    assert bar.value() % height == 0, (bar.value(), height)  # a whole row at the top
    assert browser.table.rowViewportPosition(browser.table.rowAt(1)) == 0
