"""The clinic's therapists (for handouts and the audit trail) and who uses this computer.

Adding, editing and (de)activating only change the list shown here (``TherapistEdits``);
the Settings dialog's Save calls ``apply()``, which stores every change in one transaction,
so Cancel leaves the database as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bonecoach.app import settings as actions
from bonecoach.store.therapists import LIMITS
from bonecoach.ui.settings.therapist_edits import EditedTherapist, TherapistEdits
from bonecoach.ui.widgets.field_feedback import FieldFeedback
from bonecoach.ui.widgets.plain import PlainLabel

if TYPE_CHECKING:
    from bonecoach.ui.core.context import AppContext

NOBODY = "(nobody chosen)"


class TherapistList(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.edits = TherapistEdits(actions.therapists(context))
        self.list = QListWidget()
        self.list.setAccessibleName("Therapists")
        self.list.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.new_button = QPushButton("Ne&w therapist")
        self.new_button.setToolTip("Clear the selection and the details, to add a therapist")
        self.new_button.clicked.connect(self.start_new)
        self.toggle = QPushButton("&Deactivate")
        self.toggle.clicked.connect(self._toggle_active)
        self.name = QLineEdit(placeholderText="Name")
        self.credentials = QLineEdit(placeholderText="e.g. PT, DPT")
        self.contact = QLineEdit(placeholderText="Phone or email for handouts")
        # no setMaxLength: it cut pasted text short without a word; too long is said
        for edit in (self.name, self.credentials, self.contact):
            edit.textChanged.connect(self._check)
            edit.installEventFilter(self)
        self.name_feedback = FieldFeedback(self.name)
        self.add = QPushButton("&Add therapist")
        self.add.clicked.connect(self._add_or_update)
        self.default = QComboBox()
        self.default.setAccessibleName("Therapist using this computer")
        note = PlainLabel(
            "Changes to therapists are saved when you press Save; Cancel leaves them as they "
            "were. A therapist is never deleted (handouts and the audit trail name them): "
            "deactivate them instead."
        )
        note.setWordWrap(True)

        self.details = QGroupBox()
        details_form = QFormLayout(self.details)
        details_form.addRow("&Name", self.name_feedback)
        details_form.addRow("C&redentials", self.credentials)
        details_form.addRow("Con&tact", self.contact)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add)
        details_form.addRow("", add_row)
        layout = QVBoxLayout(self)
        top = QFormLayout()
        top.addRow("&Using this computer", self.default)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        list_buttons = QHBoxLayout()
        list_buttons.addStretch(1)
        list_buttons.addWidget(self.new_button)
        list_buttons.addWidget(self.toggle)
        layout.addLayout(list_buttons)
        layout.addWidget(self.details)
        layout.addWidget(note)
        self._show(context.settings.default_therapist)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in a detail field adds (or applies) the therapist; without this it would
        press the dialog's Save button with the details not added."""
        if event.type() == QEvent.Type.KeyPress and watched in (
            self.name,
            self.credentials,
            self.contact,
        ):
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.add.isEnabled():
                    self.add.click()
                return True
        return super().eventFilter(watched, event)

    # -- what the dialog asks -----------------------------------------------------------------
    def default_name(self) -> str:
        return str(self.default.currentData() or "")

    def has_changes(self) -> bool:
        return bool(self.edits.changes())

    def unfinished(self) -> str | None:
        """Details typed but neither added nor applied (Save would silently drop them)."""
        row = self._selected()
        typed = (self.name.text().strip(), self.credentials.text().strip(),
                 self.contact.text().strip())  # fmt: skip
        if row is None and any(typed):
            return "the therapist typed under “Add a therapist” is not added yet"
        if row is not None and typed != (row.name, row.credentials, row.contact):
            return f"the changes typed for {row.name} are not applied yet"
        return None

    def apply(self) -> None:
        """Store every change in one go (raises, with nothing stored, if any is refused)."""
        changes = self.edits.changes()
        if changes:
            actions.save_therapists(self.context, changes)
        chosen = self.default_name()
        self.edits = TherapistEdits(actions.therapists(self.context))
        self._show(chosen)

    # -- showing --------------------------------------------------------------------------
    def _show(self, chosen: str | None = None, select: EditedTherapist | None = None) -> None:
        chosen = self.default_name() if chosen is None else chosen
        self.list.blockSignals(True)
        self.list.clear()
        for row in self.edits.rows:
            item = QListWidgetItem(row.label())
            if not row.active:
                item.setForeground(Qt.GlobalColor.gray)
            if row.is_new or row.change() is not None:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            self.list.addItem(item)
            if row is select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.default.clear()
        self.default.addItem(NOBODY, "")
        for name in self.edits.active_names():
            self.default.addItem(name, name)
        index = self.default.findData(chosen)
        if index < 0 and chosen:
            self.default.addItem(chosen, chosen)  # named in settings only, not in the list
            index = self.default.count() - 1
        self.default.setCurrentIndex(max(index, 0))
        self._selection_changed()

    def _selected(self) -> EditedTherapist | None:
        row = self.list.currentRow()  # the list shows edits.rows in order
        return self.edits.rows[row] if 0 <= row < len(self.edits.rows) else None

    def _selection_changed(self) -> None:
        row = self._selected()
        self.details.setTitle("Add a therapist" if row is None else f"Edit {row.name}")
        self.add.setText("&Add therapist" if row is None else "Appl&y to " + row.name)
        for edit, value in ((self.name, row.name if row else ""),
                            (self.credentials, row.credentials if row else ""),
                            (self.contact, row.contact if row else "")):  # fmt: skip
            edit.blockSignals(True)
            edit.setText(value)
            edit.blockSignals(False)
        self.toggle.setEnabled(row is not None)
        if row is not None and row.is_new:
            self.toggle.setText("Re&move")
        else:
            self.toggle.setText(
                "Reacti&vate" if row is not None and not row.active else "&Deactivate"
            )
        for edit, label in ((self.name, "name"), (self.credentials, "credentials"),
                            (self.contact, "contact")):  # fmt: skip
            whose = "New therapist" if row is None else f"{row.name}:"
            edit.setAccessibleName(f"{whose} {label}")
        self._check()

    def _check(self) -> None:
        """Validation as you type: the name is required and unique."""
        row = self._selected()
        name = self.name.text()
        problem = self.edits.problem(name, row)
        for label, edit, field in (("Credentials", self.credentials, "credentials"),
                                   ("Contact", self.contact, "contact")):  # fmt: skip
            if problem is None and len(edit.text().strip()) > LIMITS[field]:
                problem = f"{label}: at most {LIMITS[field]} characters"
        # An empty new-therapist form is not an error yet, just nothing to add.
        quiet = row is None and not name.strip()
        self.name_feedback.set_problem(None if quiet else problem)
        self.add.setEnabled(problem is None and (row is None or self.unfinished() is not None))

    # -- buttons ----------------------------------------------------------------------------
    def start_new(self) -> None:
        self.list.setCurrentRow(-1)
        self._selection_changed()
        self.name.setFocus()

    def _add_or_update(self) -> None:
        row = self._selected()
        values = (self.name.text(), self.credentials.text(), self.contact.text())
        chosen = self.default_name()
        try:
            if row is None:
                added = self.edits.add(*values)
                chosen = chosen or added.name  # the first therapist is who uses this computer
            else:
                was_default = chosen == row.name
                self.edits.edit(row, *values)
                chosen = row.name if was_default else chosen
        except ValueError as exc:  # checked as typed already; a last guard
            self.name_feedback.set_problem(str(exc))
            return
        self._show(chosen, select=row)
        if row is None:
            self.name.setFocus()  # ready for the next one

    def _toggle_active(self) -> None:
        row = self._selected()
        if row is None:
            return
        chosen = self.default_name()
        self.edits.remove_or_toggle(row)
        gone = row not in self.edits.rows or not row.active
        self._show("" if gone and chosen == row.name else chosen, select=row)
