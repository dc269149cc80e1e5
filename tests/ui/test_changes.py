"""One path for changes (#18, point 3): each save announces what it changed, and only the tabs
that show it catch up (at once when on screen, else when next shown). Before, any save marked
every other tab stale, the library news reached tabs by `hasattr`, and the client list was
refreshed by hand from six places."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate

from bonecoach.app.changes import Changes, Topic
from bonecoach.ui.shell.main_window import MainWindow
from tests.ui.sessions_helpers import save_program
from tests.ui.shell_fixtures import Dialogs, add_client


@pytest.fixture
def window(qtbot: Any, shell_context: Any, dialogs: Dialogs) -> MainWindow:
    client_id = add_client(shell_context, "Ann Lee")
    save_program(shell_context, client_id, ["goblet_squat"], date.today() - timedelta(days=20))
    shown = MainWindow(shell_context)
    qtbot.addWidget(shown)
    shown.clients.select_client(client_id, notify=True)
    return shown


def _reloads(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    for title, tab in window.tabs.items():
        original = tab.set_client  # type: ignore[attr-defined]

        def counted(client_id: int | None, title: str = title, original: Any = original) -> None:
            calls.append(title)
            original(client_id)

        monkeypatch.setattr(tab, "set_client", counted)
    return calls


def test_a_saved_session_reaches_only_the_tabs_that_show_sessions(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions: Any = window.tabs["Sessions"]
    window.tab_widget.setCurrentWidget(sessions)
    reloads = _reloads(window, monkeypatch)
    sessions.form.day.setDate(QDate(date.today() - timedelta(days=1)))
    assert sessions.save()
    assert reloads == ["Sessions"]  # the tab's own reload after saving, nothing else now
    assert window._stale == {"Handout"}  # the profile and the program did not change
    window.tab_widget.setCurrentWidget(window.tabs["Profile"])
    window.tab_widget.setCurrentWidget(window.tabs["Handout"])
    assert reloads == ["Sessions", "Handout"] and window._stale == set()


def test_a_saved_profile_re_screens_the_program_when_it_is_shown(
    window: MainWindow, shell_context: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile: Any = window.tabs["Profile"]
    window.tab_widget.setCurrentWidget(profile)
    reloads = _reloads(window, monkeypatch)
    form = profile.form
    form.edits["vertebral_fractures"].setText("1")
    form.edits["vertebral_fracture_date"].setText((date.today() - timedelta(days=20)).isoformat())
    assert profile.save(), profile.status.text()
    assert window._stale == {"Program", "Sessions", "Handout"}
    window.tab_widget.setCurrentWidget(window.tabs["Program"])
    assert reloads[-1] == "Program"
    program: Any = window.tabs["Program"]
    verdict = program.client.screening["goblet_squat"].verdict.value
    assert verdict == "excluded"  # a fracture 3 weeks ago: loaded work waits


def test_client_news_refreshes_the_list_and_library_news_reaches_every_tab(
    window: MainWindow, shell_context: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    for title, tab in window.tabs.items():
        monkeypatch.setattr(tab, "library_changed", lambda title=title: told.append(title))
    shell_context.store.create_client("Bea Moss")  # e.g. another workstation, then an import
    shell_context.changes.announce(Changes.of(Topic.CLIENTS))
    assert "Bea Moss" in [r.name for r in window.clients.model.rows]
    shell_context.changes.announce(Changes.of(Topic.LIBRARY))
    assert sorted(told) == sorted(window.tabs)
