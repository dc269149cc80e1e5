""" "From template": the shipped program templates and the clinic's own, read when the menu
opens (not at start, and so a template saved on another workstation is there).

Choosing one emits ``chosen``; the Program tab screens it for the client and reports what
was swapped or left out. The menu also saves the program on screen as a clinic template and
opens the list of the clinic's templates.
"""

from __future__ import annotations

from collections.abc import Callable
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
    save_requested = Signal()  # "Save this program as a clinic template…"
    manage_requested = Signal()  # "Clinic templates…"

    def __init__(
        self,
        context: AppContext,
        has_program: Callable[[], bool] = lambda: False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.has_program = has_program  # a program with an exercise is on screen
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
        clinic = [r.template for r in template_actions.clinic_templates(self.context.store)]
        for group, listed in (("Built-in templates", templates), ("Your clinic's", clinic)):
            if not listed:
                continue
            self.templates_menu.addSection(group)
            for template in listed:
                action = self.templates_menu.addAction(template.name)
                action.setToolTip(as_written(f"{template.summary}\nFor: {template.intended_for}"))
                action.triggered.connect(lambda _c=False, t=template: self.chosen.emit(t))
        self.templates_menu.addSeparator()
        copy = self.templates_menu.addAction("Another client's program…")
        copy.setToolTip("Copy another client's latest program, screened for this client")
        copy.triggered.connect(lambda _c=False: self.copy_requested.emit())
        self.templates_menu.addSeparator()
        save = self.templates_menu.addAction("Save this program as a clinic template…")
        save.setEnabled(self.has_program())
        save.triggered.connect(lambda _c=False: self.save_requested.emit())
        manage = self.templates_menu.addAction("Clinic templates…")
        manage.setToolTip("Change, archive or bring back the clinic's own templates")
        manage.triggered.connect(lambda _c=False: self.manage_requested.emit())
