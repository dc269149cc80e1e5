"""The Program tab: library on the left, the client's program in the middle, the selected
exercise's details and the live guideline coverage on the right.

Saving makes a new stored program version (every handout maps to one); a save refused
because another workstation saved first is explained by the error reporter and nothing is
lost: the edits stay on screen.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bonecoach.app import programs as program_actions
from bonecoach.app import templates as template_actions
from bonecoach.app.changes import Changes, Topic
from bonecoach.program import programs as program_rules
from bonecoach.program.template_summary import summarise_changes
from bonecoach.ui.core.ops import run_op
from bonecoach.ui.library.exercise_details import ExerciseDetails
from bonecoach.ui.library.library_browser import LibraryBrowser
from bonecoach.ui.library.library_model import LibraryModel, make_rows
from bonecoach.ui.library.thumbnails import thumbnail_cache
from bonecoach.ui.tabs.coverage_panel import CoveragePanel
from bonecoach.ui.tabs.program_draft import ProgramDraft
from bonecoach.ui.tabs.program_editor import ProgramEditor
from bonecoach.ui.tabs.template_button import TemplateButton
from bonecoach.ui.widgets.plain import PlainLabel, as_written

if TYPE_CHECKING:
    from bonecoach.app.programs import ClientProgram
    from bonecoach.program.templates import Template
    from bonecoach.ui.core.context import AppContext


SPLITTER_STYLE = "QSplitter::handle { background: #c9ced6; margin: 1px; border-radius: 2px; }"


class ProgramTab(QWidget):
    dirty_changed = Signal(bool)
    concerns = frozenset({Topic.PROFILE, Topic.PROGRAM, Topic.LIBRARY})  # screened, named

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.client: ClientProgram | None = None
        self.program_id: int | None = None
        self.document = ProgramDraft(self)
        self.document.dirty_changed.connect(self.dirty_changed)
        # The Handout tab prints saved versions only; it says when edits here are unsaved.
        self.document.dirty_changed.connect(
            lambda dirty: context.changes.set_unsaved("Program", dirty)
        )
        cache = thumbnail_cache(context)

        self.library_model = LibraryModel(self)
        self.library_model.set_thumbnails(cache)
        self.browser = LibraryBrowser(self.library_model)
        self.editor = ProgramEditor(self.document)
        self.editor.therapist = context.therapist_name
        self.details = ExerciseDetails(cache)
        self.coverage = CoveragePanel()

        self.browser.add_requested.connect(self.editor.add_exercise)
        self.browser.check_equipment.toggled.connect(self.library_changed)
        self.browser.exercise_selected.connect(self.show_details)
        self.editor.item_selected.connect(self.show_details)
        self.editor.problem.connect(lambda title, exc: context.errors.show(title, exc))
        self.document.changed.connect(self._program_changed)

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Program name")
        self.name_edit.setPlaceholderText("Program name")
        self.name_edit.editingFinished.connect(self._rename)
        self.templates_button = TemplateButton(context, has_program=self._has_exercises)
        self.templates_button.chosen.connect(self.apply_template)
        self.templates_button.copy_requested.connect(self.copy_from_client)
        self.templates_button.save_requested.connect(self.save_as_clinic_template)
        self.templates_button.manage_requested.connect(self.manage_clinic_templates)
        self.blank_button = QPushButton("New blank program")
        self.blank_button.clicked.connect(self.new_blank_program)
        self.history_button = QPushButton("History…")
        self.history_button.setToolTip("Every saved version: show, compare, start again from one")
        self.history_button.clicked.connect(self.show_history)
        self.discard_button = QPushButton("Discard changes")
        self.discard_button.setToolTip("Go back to the saved version (Edit > Discard changes)")
        self.discard_button.clicked.connect(self.ask_discard)
        self.save_button = QPushButton("Save as new version")
        self.save_button.setToolTip("Save the program as a new version (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.version_label = PlainLabel()
        self.version_label.setStyleSheet("color:#5f6368")
        # Verdicts come from the saved profile; unsaved edits on the Profile tab do not count
        # yet, and a therapist building a program meanwhile must be told.
        self.profile_notice = PlainLabel(
            "The profile has unsaved changes: these verdicts are for the saved profile. "
            "Save the profile (Ctrl+1, then Ctrl+S) to screen against the new values."
        )
        self.profile_notice.setAccessibleName("Unsaved profile")
        self.profile_notice.setWordWrap(True)
        self.profile_notice.setStyleSheet(
            "background:#fde8e8; color:#7a1010; padding:6px; border-radius:4px"
        )
        self.profile_notice.setVisible("Profile" in context.changes.unsaved)
        context.changes.unsaved_changed.connect(
            lambda tab, unsaved: tab == "Profile" and self.profile_notice.setVisible(unsaved)
        )
        self.banner = PlainLabel()
        self.banner.setWordWrap(True)
        # the tab's width decides where its lines wrap, never the other way round: a long
        # template name would otherwise widen the window past a laptop's screen
        banner_policy = self.banner.sizePolicy()
        banner_policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.banner.setSizePolicy(banner_policy)
        self.banner.setStyleSheet("background:#fff7e0; padding:6px; border-radius:4px")
        self.banner.hide()

        bar = QHBoxLayout()
        bar.addWidget(PlainLabel("Program"))
        bar.addWidget(self.name_edit, 1)
        bar.addWidget(self.version_label)
        bar.addWidget(self.templates_button)
        bar.addWidget(self.blank_button)
        bar.addWidget(self.history_button)
        bar.addWidget(self.discard_button)
        bar.addWidget(self.save_button)

        # The exercise's details get most of the right column and a third of the width, so
        # its reasons read without dragging; the dividers are drawn so they can be found.
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.details)
        right.addWidget(self.coverage)
        right.setSizes([460, 260])
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setMinimumWidth(300)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.browser)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([390, 360, 300])  # the library: pictures and names
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        for divider in (right, self.splitter):
            divider.setHandleWidth(7)
            divider.setStyleSheet(SPLITTER_STYLE)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.profile_notice)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        # Top bar first, then library (search, filters, list), then the program.
        chain = [self.name_edit, self.templates_button, self.blank_button, self.discard_button,
                 self.save_button, self.browser.search, *self.browser.facets.values(),
                 self.browser.hide_excluded, self.browser.table, self.editor.phase,
                 self.editor.phase_button, self.editor.start, self.editor.table]  # fmt: skip
        for before, after in itertools.pairwise(chain):
            self.setTabOrder(before, after)
        self.set_client(None)

    # -- the tab contract -----------------------------------------------------------------
    def set_client(self, client_id: int | None) -> None:
        self.banner.hide()
        if client_id is None:
            self.client, self.program_id = None, None
            self._show_client_data({})
            self.document.load(None, None)
            self.setEnabled(False)
            return
        self.setEnabled(True)
        self.client = program_actions.open_client_program(
            self.context, client_id, check_equipment=self.browser.check_equipment.isChecked()
        )
        self._show_client_data(self.client.screening)
        version = self.client.version
        self.program_id = None if version is None else version.program_id
        self.document.load(
            None if version is None else version.program,
            None if version is None else version.number,
        )
        self.editor.select_row(0)  # the dosage editor and details open on the first exercise
        if self.client.profile is None:
            self._say("This client has no profile yet: exercises are not screened. "
                      "Record the profile first to see what is safe for them.")  # fmt: skip
        elif version is not None:
            self._warn_newly_excluded(version.program)

    def _warn_newly_excluded(self, program: Any) -> None:
        """The profile may have changed since the program was saved (e.g. a new fracture)."""
        screening = self.client.screening if self.client else {}
        names = program_actions.excluded_without_override(program, screening, self.context.library)
        if names:
            self._say("Now excluded for this client (the profile changed since this program "
                      f"was saved): {', '.join(names)}. Remove or replace them (adding one again "
                      "asks for a written override reason).")  # fmt: skip

    def has_unsaved_changes(self) -> bool:
        return self.document.is_dirty

    def save(self) -> bool:
        program, client = self.document.program, self.client
        problem = self.editor.start.problem()
        if problem:  # a start date typed but not usable: never saved under the old one
            self.context.errors.show("Program not saved", ValueError(f"Start date: {problem}"))
            return False
        program = self.document.program  # a start date just typed is in it now
        if client is None or program is None or not self.document.is_dirty:
            return True
        unusual = self.editor.unusual_doses()
        if unusual:  # "9 sets of 50" was saved for a 72-year-old without a second look
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self,
                "Unusual doses",
                as_written(
                    "Some doses are unusual for their kind of exercise:\n\n• "
                    + "\n• ".join(unusual[:8])
                    + "\n\nSave the program with them?"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        done = run_op(
            self.context,
            "Program not saved",
            program_actions.save_program_version,
            self.context,
            client.client_id,
            program,
            program_id=self.program_id,
            based_on=self.document.version_number,
        )
        if not done:
            return False
        record = done.value
        self.program_id = record.program_id
        self.document.mark_saved(record.number)
        self.context.changes.announce(
            Changes.of(Topic.PROGRAM, client_id=client.client_id, origin="Program")
        )
        return True

    def discard_changes(self) -> None:
        self.document.revert()
        self.banner.hide()  # it told what the discarded edit did
        if self.document.program is None:
            self.details.show_exercise(None, None)

    def ask_discard(self) -> bool:
        """Discard after asking: the edits since the saved version are lost."""
        if not self.document.is_dirty:
            return False
        question = (
            "Go back to the saved version of the program? The changes made since are lost."
            if self.document.version_number is not None
            else "Discard this program? It was never saved, so nothing of it is kept."
        )
        answer = QMessageBox.question(
            self,
            "Discard changes?",
            as_written(question),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Discard:
            return False
        self.discard_changes()
        return True

    def show_history(self) -> bool:
        """The versions of this program; starting from an old one puts it in the editor,
        based on the newest version, so saving makes the next version (nothing overwritten)."""
        if self.program_id is None or (self.document.is_dirty and not self._may_replace()):
            return False
        from bonecoach.ui.tabs.program_history import ProgramHistoryDialog

        dialog = ProgramHistoryDialog(self.context, self.program_id, self)
        if not dialog.exec() or dialog.chosen is None:
            return False
        self.document.apply(dialog.chosen.program)
        self._say(
            f"Version {dialog.chosen.number} is on screen: save it to make it the next version."
        )
        return True

    def undo(self) -> bool:
        return self.document.undo()

    def redo(self) -> bool:
        return self.document.redo()

    def library_changed(self, *_args: object) -> None:
        """Re-screen (custom exercises or the equipment switch changed); edits stay."""
        if self.client is None:
            self._show_client_data({})
            return
        check = self.browser.check_equipment.isChecked()
        screening = program_actions.screen_all(
            self.client.profile, self.context.library, check_equipment=check
        )
        self.client = replace(self.client, screening=screening)
        self._show_client_data(screening)
        self.document.changed.emit()

    # -- building -------------------------------------------------------------------------
    def new_blank_program(self) -> None:
        if self.client is None or not self._may_replace():
            return
        self.document.apply(
            program_rules.blank_program("Home exercise program", start_date=date.today())
        )

    def apply_template(self, template: Template) -> bool:
        client = self.client
        if client is None:
            return False
        if client.profile is None:
            self.context.errors.show(
                "No profile yet", "Record the client's profile first: a template is screened "
                "against it and unsafe exercises are swapped or left out."
            )  # fmt: skip
            return False
        if not self._may_replace():
            return False
        program, changes = template_actions.program_from_template(
            template, client.profile, self.context.library
        )
        if program.start_date is None:  # week 1 starts today unless the therapist changes it
            program = program.model_copy(update={"start_date": date.today()})
        self.document.apply(program)
        self.editor.select_row(0)
        lines = summarise_changes(changes, self.context.library, client.profile.equipment)
        if lines:
            bullets = "\n".join(f"• {line}" for line in lines)
            self._say(f"Made from “{template.name}”. Changed for this client:\n{bullets}")
        else:
            self._say(f"Made from “{template.name}”: every exercise suits this client as it is.")
        return True

    def copy_from_client(self) -> bool:
        """Start from another client's latest program, screened for this client as a
        template is (swapped, left out or supported); says what changed."""
        from PySide6.QtWidgets import QInputDialog

        from bonecoach.program.templates import adapt_program

        client = self.client
        if client is None or client.profile is None:
            self.context.errors.show(
                "No profile yet", "Record the client's profile first: a copied program is "
                "screened against it."
            )  # fmt: skip
            return False
        store = self.context.store
        others = [
            (c, v)
            for c in store.list_clients()
            if c.id != client.client_id and (v := store.latest_program(c.id)) is not None
        ]
        if not others:
            self.context.errors.info("No program to copy", "No other client has a program yet.")
            return False
        labels = [f"{c.name}: {v.program.name} (version {v.number})" for c, v in others]
        label, ok = QInputDialog.getItem(
            self, "Copy another client's program", "Program to copy", labels, 0, False
        )
        if not ok or label not in labels or not self._may_replace():
            return False
        source, version = others[labels.index(label)]
        program, changes = adapt_program(version.program, client.profile, self.context.library)
        self.document.apply(program)
        self.editor.select_row(0)
        lines = summarise_changes(changes, self.context.library, client.profile.equipment)
        said = f"Copied “{version.program.name}” from {source.name}."
        if lines:
            said += " Changed for this client:\n" + "\n".join(f"• {line}" for line in lines)
        else:
            said += " Every exercise suits this client as it is."
        self._say(said)
        return True

    def _has_exercises(self) -> bool:
        program = self.document.program
        return program is not None and any(True for _ in program.items())

    def save_as_clinic_template(self) -> None:
        """The program on screen (saved or not) as a new clinic template."""
        from bonecoach.program.assessment import assess
        from bonecoach.ui.tabs.clinic_templates import save_as_template

        program = self.document.program
        if program is None or not self._has_exercises():
            return
        profile = None if self.client is None else self.client.profile
        # meant for this client's guideline case: another case is told to check it first
        cases = () if profile is None else (assess(profile).guideline_case,)
        saved = save_as_template(self.context, program, self.context.library, self, cases)
        if saved is not None:
            self._say(f"Saved as the clinic template “{saved.template.name}”.")

    def manage_clinic_templates(self) -> None:
        from bonecoach.ui.tabs.clinic_templates import ManageTemplatesDialog

        program = self.document.program if self._has_exercises() else None
        ManageTemplatesDialog(self.context, program, self.context.library, self).exec()

    def _may_replace(self) -> bool:
        program = self.document.program
        if program is None or not any(True for _ in program.items()):
            return True
        answer = QMessageBox.question(
            self,
            "Replace the program?",
            "This replaces the exercises on screen. The saved versions are kept.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _rename(self) -> None:
        program, text = self.document.program, self.name_edit.text().strip()
        if program is not None and text and text != program.name:
            self.document.apply(program_rules.rename(program, text))

    # -- showing --------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setToolTip(as_written(text))
        self.banner.show()

    def _show_client_data(self, screening: dict[str, Any]) -> None:
        library = self.context.library
        self.library_model.set_rows(make_rows(library.values(), screening))
        self.editor.set_client_data(library, screening)
        self.details.show_exercise(None, None)

    def show_details(self, exercise_id: str) -> None:
        exercise = self.context.library.get(exercise_id)
        screening = {} if self.client is None else self.client.screening
        self.details.show_exercise(exercise, screening.get(exercise_id))

    def _program_changed(self) -> None:
        program = self.document.program
        if not self.name_edit.hasFocus():
            self.name_edit.setText("" if program is None else program.name)
        self.name_edit.setEnabled(program is not None)
        self.save_button.setEnabled(program is not None and self.document.is_dirty)
        self.discard_button.setEnabled(program is not None and self.document.is_dirty)
        self.history_button.setEnabled(self.program_id is not None)
        number = self.document.version_number
        if program is None:
            self.version_label.setText("No program yet: start blank or from a template")
        elif number is None:
            self.version_label.setText("Not saved yet")
        else:
            star = " (changed)" if self.document.is_dirty else ""
            self.version_label.setText(f"Version {number}{star}")
        screening = (
            None if self.client is None or not self.client.screening else self.client.screening
        )
        profile = None if self.client is None else self.client.profile
        self.coverage.update_from(
            program, self.editor.phase_index, self.context.library, screening, profile
        )
