"""The clinic's therapists (for handouts and the audit trail) and who uses this computer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
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

from bonecoach.ui.actions import settings as actions

if TYPE_CHECKING:
    from bonecoach.ui.context import AppContext


class TherapistList(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.list = QListWidget()
        self.list.setAccessibleName("Therapists")
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.toggle = QPushButton("Deactivate")
        self.toggle.clicked.connect(self._toggle_active)
        self.name = QLineEdit(placeholderText="Name")
        self.name.setAccessibleName("New therapist name")
        self.credentials = QLineEdit(placeholderText="e.g. PT, DPT")
        self.credentials.setAccessibleName("New therapist credentials")
        self.contact = QLineEdit(placeholderText="Phone or email for handouts")
        self.contact.setAccessibleName("New therapist contact")
        self.add = QPushButton("Add therapist")
        self.add.clicked.connect(self._add)
        self.name.textChanged.connect(lambda t: self.add.setEnabled(bool(t.strip())))
        self.add.setEnabled(False)
        self.default = QComboBox()
        self.default.setAccessibleName("Therapist using this computer")

        add_box = QGroupBox("Add a therapist")
        add_form = QFormLayout(add_box)
        add_form.addRow("&Name", self.name)
        add_form.addRow("C&redentials", self.credentials)
        add_form.addRow("Con&tact", self.contact)
        add_form.addRow("", self.add)
        layout = QVBoxLayout(self)
        top = QFormLayout()
        top.addRow("&Using this computer", self.default)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        toggle_row = QHBoxLayout()
        toggle_row.addStretch(1)
        toggle_row.addWidget(self.toggle)
        layout.addLayout(toggle_row)
        layout.addWidget(add_box)
        self.reload(context.settings.default_therapist)

    def reload(self, chosen: str | None = None) -> None:
        chosen = self.default_name() if chosen is None else chosen
        self.list.clear()
        self.default.clear()
        self.default.addItem("(nobody chosen)", "")
        for record in actions.therapists(self.context):
            label = record.name + (f", {record.credentials}" if record.credentials else "")
            item = QListWidgetItem(label if record.active else f"{label} (inactive)")
            item.setData(Qt.ItemDataRole.UserRole, record)
            if not record.active:
                item.setForeground(Qt.GlobalColor.gray)
            else:
                self.default.addItem(record.name, record.name)
            self.list.addItem(item)
        index = self.default.findData(chosen)
        if index < 0 and chosen:
            self.default.addItem(chosen, chosen)  # named in settings, not in the list
            index = self.default.count() - 1
        self.default.setCurrentIndex(max(index, 0))
        self._update_buttons()

    def default_name(self) -> str:
        return str(self.default.currentData() or "")

    def _selected(self) -> Any:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _update_buttons(self) -> None:
        record = self._selected()
        self.toggle.setEnabled(record is not None)
        self.toggle.setText(
            "Reactivate" if record is not None and not record.active else "Deactivate"
        )

    def _add(self) -> None:
        try:
            record = actions.add_therapist(
                self.context, self.name.text(), self.credentials.text(), self.contact.text()
            )
        except Exception as exc:
            self.context.errors.show("Therapist not added", exc)
            return
        for edit in (self.name, self.credentials, self.contact):
            edit.clear()
        chosen = self.default_name() or record.name
        self.reload(chosen)

    def _toggle_active(self) -> None:
        record = self._selected()
        if record is None:
            return
        try:
            actions.set_therapist_active(self.context, record.id, not record.active)
        except Exception as exc:
            self.context.errors.show("Therapist not changed", exc)
            return
        self.reload()
