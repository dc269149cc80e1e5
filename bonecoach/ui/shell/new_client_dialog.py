"""New client, or edit a client's details: name, date of birth, clinic id, contact; checked
before anything is stored. Editing uses the record's version, so a change made meanwhile on
another workstation is refused and explained, never overwritten."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bonecoach.app import clients as actions
from bonecoach.store.errors import DuplicateClientError
from bonecoach.ui.core.ops import run_op
from bonecoach.ui.widgets.field_feedback import FieldFeedback
from bonecoach.ui.widgets.plain import PlainLabel, as_written

if TYPE_CHECKING:
    from bonecoach.ui.core.context import AppContext


def parse_birth_date(text: str, today: date | None = None) -> tuple[date | None, str | None]:
    """(date, problem) from YYYY-MM-DD; blank is allowed (unknown)."""
    text = text.strip()
    if not text:
        return None, None
    from bonecoach.ui.widgets.date_field import read_date  # one reader for every date box

    value, problem = read_date(text)
    if value is None:  # "1950-02-30 is not a date on the calendar", not "use the form"
        return None, problem
    today = today or date.today()
    if value > today:
        return None, "cannot be in the future"
    if value.year < today.year - 120:
        return None, "is more than 120 years ago"
    return value, None


class NewClientDialog(QDialog):
    def __init__(
        self, context: AppContext, parent: QWidget | None = None, client: Any = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.client = client  # set: editing this ClientRecord
        self.created: Any = None  # the new or updated record
        self.setWindowTitle("New client" if client is None else f"Edit {client.name}")
        self.name = QLineEdit()
        self.name.setAccessibleName("Name")
        self.birth = QLineEdit(placeholderText="YYYY-MM-DD (optional)")
        self.birth.setAccessibleName("Date of birth")
        self.clinic_id = QLineEdit(placeholderText="optional, must be unique")
        self.clinic_id.setAccessibleName("Clinic ID")
        self.contact = QPlainTextEdit()
        self.contact.setTabChangesFocus(True)  # Tab goes to the next field
        self.contact.setAccessibleName("Contact")
        self.contact.setPlaceholderText("Phone, email or address (optional)")
        self.contact.setFixedHeight(70)
        self.feedback = {
            "name": FieldFeedback(self.name),
            "date_of_birth": FieldFeedback(self.birth),
            "clinic_id": FieldFeedback(self.clinic_id),
        }
        form = QFormLayout()
        form.addRow("&Name", self.feedback["name"])
        form.addRow("&Date of birth", self.feedback["date_of_birth"])
        form.addRow("&Clinic ID", self.feedback["clinic_id"])
        form.addRow("C&ontact", self.contact)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Add client" if client is None else "Save details")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        hint = PlainLabel("The bone-health profile is entered next, on the Profile tab.")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if client is None:
            layout.addWidget(hint)
        else:
            self.name.setText(client.name)
            self.birth.setText(client.date_of_birth.isoformat() if client.date_of_birth else "")
            self.clinic_id.setText(client.clinic_id or "")
            self.contact.setPlainText(client.contact)
        layout.addWidget(self.buttons)
        for edit in (self.name, self.birth, self.clinic_id):
            edit.textChanged.connect(self.validate)
        self.validate()
        self.resize(460, self.sizeHint().height())

    def validate(self) -> bool:
        problems: dict[str, str] = {}
        name = self.name.text().strip()
        if not name:
            problems["name"] = "required"
        elif len(name) > 200:
            problems["name"] = "at most 200 characters"
        elif actions.has_control_character(name):  # pasted: the store would refuse it
            problems["name"] = "holds an invisible control character; retype the name"
        elif unprintable := actions.unprintable_problem(name):  # e.g. an emoji: a box
            problems["name"] = unprintable
        _birth, birth_problem = parse_birth_date(self.birth.text())
        if birth_problem:
            problems["date_of_birth"] = birth_problem
        if len(self.clinic_id.text().strip()) > 64:
            problems["clinic_id"] = "at most 64 characters"
        for key, feedback in self.feedback.items():
            # "required" only once the user has typed and cleared, not on an empty new form
            shown = problems.get(key)
            if key == "name" and shown == "required" and not self.name.isModified():
                shown = None
            feedback.set_problem(shown)
        self.ok.setEnabled(not problems)
        return not problems

    def accept(self) -> None:
        if not self.validate():
            return
        name = self.name.text().strip()
        birth, _ = parse_birth_date(self.birth.text())
        clinic_id = self.clinic_id.text().strip() or None
        if self.client is not None:
            self._save_details(name, birth, clinic_id)
            return
        try:
            found = run_op(
                self.context, "Client not added", actions.find_existing, self.context, name,
                birth, clinic_id, answers=(DuplicateClientError,),
            )  # fmt: skip
            if not found:
                return
            existing = found.value
            if existing is not None and existing.clinic_id != clinic_id:
                answer = QMessageBox.question(
                    self,
                    "Possible duplicate",
                    as_written(
                        f"{existing.name} (born {existing.date_of_birth}) is already a client. "
                        "Add another client with the same name and date of birth?"
                    ),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
            done = run_op(
                self.context, "Client not added", actions.create_client, self.context, name,
                birth, clinic_id, self.contact.toPlainText(), answers=(DuplicateClientError,),
            )  # fmt: skip
        except DuplicateClientError as exc:
            self.feedback["clinic_id"].set_problem(str(exc).removeprefix("clinic_id: "))
            self.ok.setEnabled(False)
            return
        if not done:
            return
        self.created = done.value
        super().accept()

    def _save_details(self, name: str, birth: date | None, clinic_id: str | None) -> None:
        try:
            done = run_op(
                self.context, "Details not saved", actions.update_client, self.context,
                self.client, name, birth, clinic_id, self.contact.toPlainText(),
                answers=(DuplicateClientError,),
            )  # fmt: skip
        except DuplicateClientError:
            self.feedback["clinic_id"].set_problem("already belongs to another client")
            self.ok.setEnabled(False)
            return
        if not done:
            return
        self.created = done.value
        super().accept()
