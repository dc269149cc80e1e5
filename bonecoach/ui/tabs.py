"""The client tabs in their fixed order, and the contract every tab keeps.

Each tab is a QWidget with ``dirty_changed``, ``set_client``, ``has_unsaved_changes``,
``save`` and ``discard_changes`` (see /work/notes/ui-contract.md). Tabs are imported lazily so a
slow tab (the PDF preview) does not delay the first paint of the window.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from bonecoach.ui.context import AppContext

log = logging.getLogger(__name__)

# (title, module, class): the order the issue asks for.
TAB_SPECS = (
    ("Profile", "bonecoach.ui.profile_tab", "ProfileTab"),
    ("Program", "bonecoach.ui.program_tab", "ProgramTab"),
    ("Sessions", "bonecoach.ui.sessions_tab", "SessionsTab"),
    ("Handout", "bonecoach.ui.handout_tab", "HandoutTab"),
)


class ClientTab(Protocol):
    dirty_changed: Signal

    def set_client(self, client_id: int | None) -> None: ...
    def has_unsaved_changes(self) -> bool: ...
    def save(self) -> bool: ...
    def discard_changes(self) -> None: ...


class PlaceholderTab(QWidget):
    """Stands in for a tab whose module is not in this build yet (never in a release)."""

    dirty_changed = Signal(bool)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        label = QLabel(f"The {title} tab is not available in this build.")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)

    def set_client(self, client_id: int | None) -> None:
        pass

    def has_unsaved_changes(self) -> bool:
        return False

    def save(self) -> bool:
        return True

    def discard_changes(self) -> None:
        pass


def make_tab(title: str, module: str, cls: str, context: AppContext) -> QWidget:
    try:
        tab_class = getattr(importlib.import_module(module), cls)
    except ModuleNotFoundError as exc:
        if exc.name != module:  # a real missing dependency inside the tab: let it surface
            raise
        # TODO(ui-program/ui-shell): only while the tab's module has not landed yet.
        log.warning("%s is missing; showing a placeholder %s tab", module, title)
        return PlaceholderTab(title)
    widget: QWidget = tab_class(context)
    return widget


def make_tabs(context: AppContext) -> list[tuple[str, QWidget]]:
    return [(title, make_tab(title, module, cls, context)) for title, module, cls in TAB_SPECS]
