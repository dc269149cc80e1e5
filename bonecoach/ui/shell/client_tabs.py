"""The client tabs in their fixed order, and the contract every tab keeps.

Each tab is a QWidget with ``dirty_changed``, ``set_client``, ``has_unsaved_changes``,
``save`` and ``discard_changes`` (``ClientTab`` below). Tabs are imported when the store has
opened, so no tab (the PDF preview is the slowest) delays the first paint of the window.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Signal

if TYPE_CHECKING:
    from bonecoach.app.changes import Topic
    from bonecoach.ui.core.context import AppContext

# (title, module, class): the order the issue asks for.
TAB_SPECS = (
    ("Profile", "bonecoach.ui.tabs.profile_tab", "ProfileTab"),
    ("Program", "bonecoach.ui.tabs.program_tab", "ProgramTab"),
    ("Sessions", "bonecoach.ui.tabs.sessions_tab", "SessionsTab"),
    ("Handout", "bonecoach.ui.tabs.handout_tab", "HandoutTab"),
)


class ClientTab(Protocol):
    dirty_changed: Signal
    concerns: frozenset[Topic]  # what it shows: it reloads when one of these changes

    def set_client(self, client_id: int | None) -> None: ...
    def library_changed(self) -> None: ...
    def undo(self) -> bool: ...
    def redo(self) -> bool: ...
    def has_unsaved_changes(self) -> bool: ...
    def save(self) -> bool: ...
    def discard_changes(self) -> None: ...


def make_tab(module: str, cls: str, context: AppContext) -> ClientTab:
    widget: ClientTab = getattr(importlib.import_module(module), cls)(context)
    return widget


def make_tabs(context: AppContext) -> list[tuple[str, ClientTab]]:
    return [(title, make_tab(module, cls, context)) for title, module, cls in TAB_SPECS]
