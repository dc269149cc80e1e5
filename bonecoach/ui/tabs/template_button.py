""" "From template": a menu of the shipped program templates, read when it opens (not at start).

Choosing one emits ``chosen``; the Program tab screens it for the client and reports what
was swapped or left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from bonecoach.app import templates as template_actions
from bonecoach.ui.widgets.plain import as_written

if TYPE_CHECKING:
    from bonecoach.ui.core.context import AppContext


class TemplateButton(QToolButton):
    chosen = Signal(object)  # bonecoach.program.templates.Template
    copy_requested = Signal()  # "Another client's program…"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setText("From template")
        self.setAccessibleName("Start from a template")
        self.setToolTip("Start this client's program from a ready-made template")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.templates_menu = QMenu(self)
        self.templates_menu.setToolTipsVisible(True)
        self.templates_menu.aboutToShow.connect(self.fill)
        self.setMenu(self.templates_menu)

    def fill(self) -> None:
        self.templates_menu.clear()
        try:
            templates = template_actions.shipped_templates(self.context.library)
        except Exception as exc:  # a broken template file must not break the tab
            self.context.errors.show("Templates could not be read", exc)
            return
        for template in templates:
            action = self.templates_menu.addAction(template.name)
            action.setToolTip(as_written(f"{template.summary}\nFor: {template.intended_for}"))
            action.triggered.connect(lambda _c=False, t=template: self.chosen.emit(t))
        self.templates_menu.addSeparator()
        copy = self.templates_menu.addAction("Another client's program…")
        copy.setToolTip("Copy another client's latest program, screened for this client")
        copy.triggered.connect(lambda _c=False: self.copy_requested.emit())
