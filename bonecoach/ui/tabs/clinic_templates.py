"""The clinic's own templates on screen: save the program on screen as one, and manage them
(change their words or exercises, archive or bring back). Stored in the database, so every
workstation, backup and clinic export has them; each save is checked against the version
shown, so two therapists changing one template never overwrite each other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bonecoach.app import templates as template_actions
from bonecoach.app.changes import Changes, Topic
from bonecoach.store.errors import InvalidTemplate, StaleSaveError
from bonecoach.ui.core.ops import run_op
from bonecoach.ui.widgets.field_feedback import ERROR_TEXT_STYLE
from bonecoach.ui.widgets.plain import PlainLabel, as_written

if TYPE_CHECKING:
    from bonecoach.program.assessment import GuidelineCase
    from bonecoach.program.exercise import Exercise
    from bonecoach.program.programs import Program
    from bonecoach.store.records import ClinicTemplateRecord
    from bonecoach.ui.core.context import AppContext

CHANGES = Changes.of(Topic.TEMPLATES, origin="Templates")
# The domain's field names, in the therapist's words (for a refused save).
FIELD_WORDS = {
    "name": "Name",
    "summary": "Summary",
    "intended_for": "Meant for",
    "program": "Program",
}
# What to write when a field was left (nearly) empty, instead of the validator's words.
EMPTY_WORDS = {
    "name": "give the template a name",
    "summary": "write one line on what it holds",
    "intended_for": "say which clients it is meant for",
}


def _count(phases: Any) -> int:
    return sum(len(phase.items) for phase in phases)


class TemplateWordsDialog(QDialog):
    """Name, summary and who it is meant for; ``save(name, summary, meant_for)`` stores
    them. A refused save is shown in the dialog, which stays open with what was typed."""

    def __init__(
        self,
        context: AppContext,
        title: str,
        button: str,
        save: Callable[[str, str, str], ClinicTemplateRecord],
        *,
        name: str = "",
        summary: str = "",
        meant_for: str = "",
        note: str = "",
        on_stale: Callable[[StaleSaveError], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.save = save
        # a save refused because someone saved first: catch up, and say what they saved
        self.on_stale = on_stale
        self.saved: ClinicTemplateRecord | None = None
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.name_edit = QLineEdit(name)
        self.name_edit.setAccessibleName("Template name")
        self.name_edit.setPlaceholderText("e.g. Tuesday strength class")
        self.name_edit.setMaxLength(120)
        self.summary_edit = QLineEdit(summary)
        self.summary_edit.setAccessibleName("Summary")
        self.summary_edit.setMaxLength(300)
        self.summary_edit.setPlaceholderText("e.g. Strength and balance twice a week, no impact")
        self.meant_for_edit = QPlainTextEdit(meant_for)
        self.meant_for_edit.setAccessibleName("Meant for")
        self.meant_for_edit.setTabChangesFocus(True)
        self.meant_for_edit.setFixedHeight(72)
        self.meant_for_edit.setPlaceholderText(
            "e.g. Clients with osteoporosis and no fracture who are new to strength work"
        )
        form = QFormLayout()
        form.addRow("&Name", self.name_edit)
        form.addRow("&Summary", self.summary_edit)
        form.addRow("&Meant for", self.meant_for_edit)
        self.problems = PlainLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(ERROR_TEXT_STYLE)
        self.problems.setAccessibleName("Why it was not saved")
        self.problems.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(button)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if note:
            said = PlainLabel(note)
            said.setWordWrap(True)
            layout.addWidget(said)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.name_edit.setFocus()

    def words(self) -> tuple[str, str, str]:
        return (
            self.name_edit.text().strip(),
            self.summary_edit.text().strip(),
            self.meant_for_edit.toPlainText().strip(),
        )

    def accept(self) -> None:
        name, summary, meant_for = self.words()
        try:
            outcome = run_op(
                self.context,
                "Template not saved",
                self.save,
                name,
                summary,
                meant_for,
                changes=CHANGES,
                answers=(InvalidTemplate, StaleSaveError) if self.on_stale else (InvalidTemplate,),
            )
        except InvalidTemplate as exc:
            self.show_problems(exc.problems)
            return
        except StaleSaveError as exc:
            assert self.on_stale is not None
            theirs = self.on_stale(exc)
            self.problems.setText(
                f"Not saved: {exc.saved_by or 'another workstation'} saved this template "
                f"meanwhile ({theirs}). Your words are still here: Save again to put them in "
                "its place, or Cancel to keep theirs."
            )
            self.problems.show()
            return
        if outcome.ok:
            self.saved = outcome.value
            super().accept()

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        lines = []
        for field, problem in problems:
            key = field.split(".")[0]
            if "at least" in problem and key in EMPTY_WORDS:
                problem = EMPTY_WORDS[key]
            lines.append(f"{FIELD_WORDS.get(key, field)}: {problem}")
        self.problems.setText("Not saved:\n" + "\n".join(lines))
        self.problems.show()
        first = problems[0][0] if problems else ""
        focus = {"summary": self.summary_edit, "intended_for": self.meant_for_edit}
        focus.get(first.split(".")[0], self.name_edit).setFocus()


def save_as_template(
    context: AppContext,
    program: Program,
    library: Mapping[str, Exercise],
    parent: QWidget | None = None,
    cases: tuple[GuidelineCase, ...] = (),
) -> ClinicTemplateRecord | None:
    """Ask for the words, then save ``program`` as a new clinic template meant for
    ``cases`` (the client's); the saved record, or None when cancelled."""

    def save(name: str, summary: str, meant_for: str) -> ClinicTemplateRecord:
        return template_actions.save_program_as_template(
            context.store,
            program,
            library,
            name=name,
            summary=summary,
            intended_for=meant_for,
            cases=cases,
        )

    dialog = TemplateWordsDialog(
        context,
        "Save as a clinic template",
        "Save template",
        save,
        note=(
            "Every workstation will list it under “From template”. It keeps the phases, "
            "exercises, doses and notes; not this client's overrides or start date: it is "
            "screened afresh for each client it is used for, and one in another guideline "
            "case than this client's is told to check it first."
        ),
        parent=parent,
    )
    return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None


class ManageTemplatesDialog(QDialog):
    """The clinic's templates, archived ones too: change a template's words, replace its
    exercises with the program on screen, archive it or bring it back."""

    def __init__(
        self,
        context: AppContext,
        program: Program | None,
        library: Mapping[str, Exercise],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.program = program
        self.library = library
        self.setWindowTitle("Clinic templates")
        self.setMinimumSize(640, 420)
        self.list = QListWidget()
        self.list.setAccessibleName("Clinic templates")
        self.list.setMinimumWidth(240)
        self.details = PlainLabel()
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.edit_button = QPushButton("&Change words…")
        self.replace_button = QPushButton("&Use the program on screen")
        self.replace_button.setToolTip(
            "Replace this template's phases, exercises and doses with the program on screen"
        )
        self.archive_button = QPushButton("&Archive")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QVBoxLayout()
        for button in (self.edit_button, self.replace_button, self.archive_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 3)
        side = QVBoxLayout()
        side.addWidget(self.details, 1)
        body.addLayout(side, 3)
        body.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(close)
        self.edit_button.clicked.connect(self.change_words)
        self.replace_button.clicked.connect(self.use_program_on_screen)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.list.currentRowChanged.connect(lambda _row: self._show_selected())
        self.records: list[ClinicTemplateRecord] = []
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        outcome = run_op(
            self.context,
            "Templates could not be read",
            template_actions.clinic_templates,
            self.context.store,
            include_archived=True,
        )
        self.records = list(outcome.value or [])
        self.list.clear()
        for record in self.records:
            label = record.template.name + (" (archived)" if record.archived else "")
            QListWidgetItem(label, self.list)
        ids = [r.id for r in self.records]
        if self.records:
            self.list.setCurrentRow(ids.index(keep) if keep in ids else 0)
        self._show_selected()

    def selected(self) -> ClinicTemplateRecord | None:
        row = self.list.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def _show_selected(self) -> None:
        record = self.selected()
        for button in (self.edit_button, self.archive_button):
            button.setEnabled(record is not None)
        self.replace_button.setEnabled(record is not None and self.program is not None)
        if record is None:
            self.details.setText(
                "No clinic templates yet. Build a program, then choose “From template” > "
                "“Save this program as a clinic template…”."
            )
            return
        template = record.template
        count = sum(len(p.items) for p in template.phases)
        phases = "; ".join(p.name for p in template.phases)
        state = "Archived: not offered under “From template”.\n\n" if record.archived else ""
        self.details.setText(
            f"{state}{template.summary}\n\nMeant for: {template.intended_for}\n\n"
            f"{count} exercise(s) in {len(template.phases)} phase(s): {phases}\n\n"
            f"Saved by {record.updated_by or 'someone'} on "
            f"{record.updated_at.day} {record.updated_at:%B %Y} (version {record.version})"
        )
        self.archive_button.setText("&Bring back" if record.archived else "&Archive")

    def change_words(self) -> None:
        record = self.selected()
        if record is None:
            return

        shown = [record]  # the version a save is checked against; caught up when stale

        def save(name: str, summary: str, meant_for: str) -> ClinicTemplateRecord:
            return template_actions.describe_clinic_template(
                self.context.store, shown[0], name=name, summary=summary, intended_for=meant_for
            )

        def caught_up(_stale: StaleSaveError) -> str:
            shown[0] = self.context.store.clinic_template(record.id)
            state = ", archived" if shown[0].archived else ""
            return f"now “{shown[0].template.name}”{state}"

        dialog = TemplateWordsDialog(
            self.context,
            "Change a clinic template",
            "Save",
            save,
            name=record.template.name,
            summary=record.template.summary,
            meant_for=record.template.intended_for,
            on_stale=caught_up,
            parent=self,
        )
        dialog.exec()
        self.reload(keep=record.id)

    def use_program_on_screen(self) -> None:
        record, program = self.selected(), self.program
        if record is None or program is None:
            return
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            "Replace the template's exercises?",
            as_written(
                f"“{record.template.name}” ({_count(record.template.phases)} exercises) will "
                f"hold instead the {_count(program.phases)} exercises, phases and doses of "
                f"the program on screen (“{program.name}”, as it is now, saved or not, and "
                "as screened for the client on screen). Its name, summary and “meant for” "
                "stay: change them too if they no longer fit."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        replaced = False
        try:
            replaced = run_op(
                self.context,
                "Template not saved",
                template_actions.describe_clinic_template,
                self.context.store,
                record,
                name=record.template.name,
                summary=record.template.summary,
                intended_for=record.template.intended_for,
                program=program,
                library=self.library,
                changes=CHANGES,
                answers=(InvalidTemplate,),
            ).ok
        except InvalidTemplate as exc:
            listed = "; ".join(f"{f}: {p}" for f, p in exc.problems)
            self.context.errors.show("Template not saved", listed)
        self.reload(keep=record.id)
        if replaced:
            self.details.setText(f"Replaced with the program on screen.\n\n{self.details.text()}")

    def toggle_archived(self) -> None:
        record = self.selected()
        if record is None:
            return
        run_op(
            self.context,
            "Template not changed",
            template_actions.archive_clinic_template,
            self.context.store,
            record,
            not record.archived,
            changes=CHANGES,
        )
        self.reload(keep=record.id)
