"""The main window's menus and shortcuts, all in one table so nothing is only mouse-reachable."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from bonecoach.ui.shell.navigation import TAB_KEYS
from bonecoach.ui.widgets.plain import as_written


class MenuItems(NamedTuple):  # not a dataclass: that import costs 2 ms of start-up
    new_client: QAction
    find: QAction
    save: QAction
    export_handout: QAction
    print_handout: QAction
    export_client: QAction
    import_client: QAction
    backup: QAction
    restore: QAction
    settings: QAction
    quit: QAction
    archive: QAction
    edit_client: QAction
    library_manager: QAction
    about: QAction
    guide: QAction
    load_demo: QAction
    undo: QAction
    redo: QAction
    discard: QAction
    go_to: tuple[QAction, ...]  # Ctrl+1..4: the Profile, Program, Sessions and Handout tabs
    search_library: QAction

    def client_actions(self) -> list[QAction]:
        """Actions that need a selected client."""
        return [
            self.save,
            self.export_handout,
            self.print_handout,
            self.archive,
            self.export_client,
            self.edit_client,
            self.undo,
            self.redo,
            self.discard,
            *self.go_to,
            self.search_library,
        ]

    def store_actions(self) -> list[QAction]:
        """Actions that need the opened database."""
        return [
            self.new_client,
            self.find,
            self.backup,
            self.restore,
            self.settings,
            self.library_manager,
            self.import_client,
            self.load_demo,
        ]


def _action(
    window: QMainWindow,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        # setShortcuts, not setShortcut: resolving setShortcut's overloads builds every enum of
        # PySide6's `Qt` namespace (about 14 ms) before the window's first paint.
        action.setShortcuts([QKeySequence(shortcut)])
    if tip:
        action.setStatusTip(as_written(tip))
        action.setToolTip(as_written(tip))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(window: QMainWindow, handlers: dict[str, Callable[[], object]]) -> MenuItems:
    """Create actions bound to ``handlers`` (keyed by MenuItems field) and the menu bar."""
    h = handlers
    actions = MenuItems(
        new_client=_action(window, "&New client…", h["new_client"], "Ctrl+N", "Add a client"),
        find=_action(window, "&Find client", h["find"], "Ctrl+F", "Search the client list"),
        save=_action(window, "&Save", h["save"], "Ctrl+S", "Save the changes in this tab"),
        export_handout=_action(
            window,
            "Save handout as P&DF…",
            h["export_handout"],
            "Ctrl+Shift+S",
            "Save the handout as a PDF file",
        ),
        print_handout=_action(
            window, "&Print handout…", h["print_handout"], "Ctrl+P", "Print the handout"
        ),
        export_client=_action(
            window, "E&xport client…", h["export_client"], None, "Save one client to a file"
        ),
        import_client=_action(
            window, "&Import client…", h["import_client"], None, "Add a client from a file"
        ),
        backup=_action(window, "&Back up now", h["backup"], None, "Back up the database now"),
        restore=_action(
            window, "&Restore a backup…", h["restore"], None, "Go back to an earlier backup"
        ),
        settings=_action(window, "Se&ttings…", h["settings"], "Ctrl+,", "Clinic and app settings"),
        quit=_action(window, "&Quit", h["quit"], "Ctrl+Q"),
        archive=_action(window, "&Archive or restore client", h["archive"], None),
        edit_client=_action(
            window, "&Edit client details…", h["edit_client"], "Ctrl+E", "Name, birth date, contact"
        ),
        library_manager=_action(
            window, "&Library manager…", h["library_manager"], None, "Custom exercises"
        ),
        about=_action(window, "&About BoneCoach", h["about"]),
        guide=_action(window, "BoneCoach &guide", h["guide"], "F1", "How to use BoneCoach"),
        load_demo=_action(
            window,
            "Load the &demo clients…",
            h["load_demo"],
            None,
            "Five made-up clients covering the guideline cases, to look around",
        ),
        undo=_action(window, "&Undo", h["undo"], "Ctrl+Z", "Undo the last program edit"),
        redo=_action(window, "&Redo", h["redo"], "Ctrl+Shift+Z", "Redo the edit undone"),
        discard=_action(
            window, "&Discard changes…", h["discard"], None, "Go back to what was saved"
        ),
        go_to=tuple(
            _action(window, f"&{n + 1} {title}", h[f"go_{title.lower()}"], key, f"The {title} tab")
            for n, (title, key) in enumerate(TAB_KEYS)
        ),
        search_library=_action(
            window, "Search the &library", h["search_library"], "Ctrl+L", "Find an exercise"
        ),
    )
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions(
        [actions.new_client, actions.save, actions.print_handout, actions.export_handout]
    )
    file_menu.addSeparator()
    file_menu.addActions([actions.export_client, actions.import_client])
    file_menu.addSeparator()
    file_menu.addActions([actions.backup, actions.restore, actions.settings])
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([actions.undo, actions.redo])
    edit_menu.addSeparator()
    edit_menu.addAction(actions.discard)
    client_menu = bar.addMenu("&Client")
    client_menu.addActions([actions.new_client, actions.find, actions.edit_client, actions.archive])
    go_menu = bar.addMenu("&Go")
    go_menu.addActions([*actions.go_to, actions.search_library])
    tools_menu = bar.addMenu("&Tools")
    tools_menu.addAction(actions.library_manager)
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(actions.guide)
    help_menu.addAction(actions.load_demo)
    help_menu.addAction(actions.about)
    return actions
