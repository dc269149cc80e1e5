"""Moving around by keyboard: a shortcut for each tab and for the library search, and focus
put where the next keystroke belongs (the first field of a tab or a new form)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from bonecoach.ui.shell.main_window import MainWindow

TAB_KEYS = (("Profile", "Ctrl+1"), ("Program", "Ctrl+2"), ("Sessions", "Ctrl+3"),
            ("Handout", "Ctrl+4"))  # fmt: skip


def focus_first(container: QWidget) -> QWidget | None:
    """Give keyboard focus to the first field inside ``container`` that Tab would reach."""
    from PySide6.QtCore import Qt  # not at import: the menus import this before first paint

    widget = container.nextInFocusChain()
    for _ in range(2000):  # the chain is a ring; a bound keeps a broken one from looping
        if widget is container:
            break
        tab_focus = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        usable = widget.isVisible() and widget.isEnabled()
        if tab_focus and usable and container.isAncestorOf(widget):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return widget
        widget = widget.nextInFocusChain()
    return None


def go_to_tab(window: MainWindow, title: str) -> None:
    tab = window.tabs.get(title)
    if tab is None or not window.tab_widget.isEnabled():
        return
    window.tab_widget.setCurrentWidget(tab)
    focus_first(tab)


def search_library(window: MainWindow) -> None:
    """Ctrl+L: the Program tab, with the cursor in the library's search box."""
    from PySide6.QtCore import Qt

    go_to_tab(window, "Program")
    program = window.tabs.get("Program")
    search = getattr(getattr(program, "browser", None), "search", None)
    if search is not None and search.isEnabled():
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()
