"""Sessions tab: log a session, see the sessions and progress charts, and decide on the
progression suggestions. Red flags are shown at the top until a therapist dismisses them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bonecoach.app import sessions as actions
from bonecoach.app.changes import Changes, Topic
from bonecoach.program.suggestions import SuggestionKind
from bonecoach.ui.core.ops import run_op
from bonecoach.ui.tabs.progress_view import ProgressView
from bonecoach.ui.tabs.session_corrections import SessionCorrections
from bonecoach.ui.tabs.session_form import SessionForm
from bonecoach.ui.tabs.session_models import SessionsModel, SuggestionsModel
from bonecoach.ui.widgets.field_feedback import readonly_table
from bonecoach.ui.widgets.plain import PlainLabel, as_written

if TYPE_CHECKING:
    from bonecoach.ui.core.context import AppContext


class SessionsTab(QWidget, SessionCorrections):
    dirty_changed = Signal(bool)
    # suggestions follow the profile and program; names follow the library
    concerns = frozenset({Topic.PROFILE, Topic.PROGRAM, Topic.SESSIONS, Topic.LIBRARY})
    program_changed = Signal(int)  # client id: a suggestion was applied as a new version
    # the client's red flags not yet reviewed (a list of Suggestion), each time they are read:
    # the window shows them over every tab and the Handout tab holds printing until reviewed
    red_flags_changed = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.client_id: int | None = None
        self.view: actions.SessionsView | None = None
        self._dirty = False
        # Set by the main window: asks about unsaved Program edits before a new version.
        self.confirm_program_change: Callable[[], bool] = lambda: True

        self.form = SessionForm()
        self.form.changed.connect(self._form_changed)
        self.save_button = QPushButton("Save session")
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton("Reset")
        self.reset_button.clicked.connect(self.reset_clicked)
        self.no_program = PlainLabel(
            "No program yet: build one on the Program tab (Ctrl+2), then log sessions here."
        )
        self.no_program.setAccessibleName("No program")
        self.no_program.setWordWrap(True)
        self.no_program.setStyleSheet("background:#fff7e0; padding:6px; border-radius:4px")
        self.no_program.hide()
        self._correcting: Any | None = None  # the logged session the form is correcting
        self.add_box = add_box = QGroupBox("Add a session")
        add_layout = QVBoxLayout(add_box)
        add_layout.addWidget(self.no_program)
        add_layout.addWidget(self.form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        add_layout.addLayout(buttons)

        self.sessions = SessionsModel(self)
        self.sessions_table = readonly_table(self.sessions, "Logged sessions")
        self.sessions_table.activated.connect(self.open_session)
        self.sessions_table.setToolTip("Double-click or press Enter to see the whole session")
        sessions_box = QGroupBox("Sessions")
        QVBoxLayout(sessions_box).addWidget(self.sessions_table)

        self.suggestions = SuggestionsModel(self._name)
        # A list view re-wraps each card's height as the panel is resized (a table does not).
        self.suggestions_table = QListView()
        self.suggestions_table.setModel(self.suggestions)
        self.suggestions_table.setAccessibleName("Suggestions")
        self.suggestions_table.setWordWrap(True)
        self.suggestions_table.setResizeMode(QListView.ResizeMode.Adjust)
        self.suggestions_table.setSpacing(3)
        self.suggestions_table.setAlternatingRowColors(True)
        self.suggestions_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.suggestions_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.suggestions_table.activated.connect(lambda _i: self.accept_selected())  # Enter
        self.accept_button = QPushButton("Accept")
        self.accept_button.setToolTip("Apply the change as a new program version")
        self.accept_button.clicked.connect(self.accept_selected)
        self.dismiss_button = QPushButton("Dismiss…")
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        # what the last accept changed, with a way back (it saves a new version: nothing lost)
        self.accepted_note = PlainLabel()
        self.accepted_note.setWordWrap(True)
        self.accepted_note.setStyleSheet("background:#e6f2e8; padding:4px; border-radius:3px")
        self.undo_button = QPushButton("Undo")
        self.undo_button.setToolTip("Put the program back as it was (saved as a new version)")
        self.undo_button.clicked.connect(self.undo_accept)
        self._undoable: int | None = None  # the accepted suggestion's stored id
        note_row = QHBoxLayout()
        note_row.addWidget(self.accepted_note, 1)
        note_row.addWidget(self.undo_button)
        self.accepted_note.hide()
        self.undo_button.hide()
        suggestion_box = QGroupBox("Suggestions")
        s_layout = QVBoxLayout(suggestion_box)
        s_layout.addLayout(note_row)
        s_layout.addWidget(self.suggestions_table)
        s_buttons = QHBoxLayout()
        s_buttons.addStretch(1)
        s_buttons.addWidget(self.dismiss_button)
        s_buttons.addWidget(self.accept_button)
        s_layout.addLayout(s_buttons)

        self.chart_tabs = ProgressView(self._name)
        self.exercise = self.chart_tabs.exercise
        self.load_chart = self.chart_tabs.load_chart
        self.adherence_chart = self.chart_tabs.adherence_chart
        self.pain_chart = self.chart_tabs.pain_chart

        left = QSplitter(Qt.Orientation.Vertical)
        left.setObjectName("sessions/left")
        left.addWidget(add_box)
        left.addWidget(sessions_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("sessions/right")
        right.addWidget(suggestion_box)
        right.addWidget(self.chart_tabs)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("sessions/main")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([660, 460])
        for s in (left, right, self.splitter):
            s.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter, 1)
        self.set_client(None)

    # -- the tab contract -------------------------------------------------------------------
    def set_client(self, client_id: int | None) -> None:
        if client_id != self.client_id:
            self._tell("", undo=None)  # another client's accept is not undone from here
            self._correcting = None
        self.client_id = client_id
        self.view = None if client_id is None else actions.load_sessions(self.context, client_id)
        self._show_view()
        self.setEnabled(client_id is not None)

    def has_unsaved_changes(self) -> bool:
        return self.client_id is not None and self.form.edited

    def save(self) -> bool:
        if self.client_id is None or self.view is None:
            return False
        log, _problems = self.form.log()  # the form shows them
        if log is None:
            return False
        if self._correcting is not None:
            return self._save_correction(log)
        version = self.view.program
        start = version.program.start_date if version is not None else None
        if start is not None and log.date < start and not self._before_start_ok(log.date, start):
            return False
        done = run_op(
            self.context,
            "Session not saved",
            actions.save_session,
            self.context,
            self.client_id,
            log,
            None if version is None else version.id,
        )
        if not done:
            return False
        self.set_client(self.client_id)
        self._announce(Topic.SESSIONS)
        return True

    def _before_start_ok(self, day: date, start: date) -> bool:
        """A session dated before the program began is usually a slip of the date (and its
        logs would read as weeks without a session): asked, not refused."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            "Before the program started",
            as_written(
                f"This session is dated {day:%d %b %Y}, before the program started on "
                f"{start:%d %b %Y}. Log it with this date?"
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _announce(self, *topics: Topic) -> None:
        self.context.changes.announce(
            Changes.of(*topics, client_id=self.client_id, origin="Sessions")
        )

    def library_changed(self) -> None:
        """Custom exercises changed: names and suggestions are read again (edits stay)."""
        if self.client_id is not None and not self.form.edited:
            self.set_client(self.client_id)

    def undo(self) -> bool:
        """No edit history of its own: a text box undoes its typing itself (Ctrl+Z)."""
        return False

    def redo(self) -> bool:
        return False

    def discard_changes(self) -> None:
        self._set_correcting(None)
        self._load_form()

    def reset_clicked(self) -> None:
        """Reset asks before throwing away what was typed (it cleared a log sheet's worth)."""
        if self.form.edited:
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self, "Clear this session?",
                "Clear everything typed for this session? It has not been saved.",
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.discard_changes()

    def open_session(self, index: Any = None) -> None:
        """The whole session, with Correct…, Move to another client… and Delete…."""
        from bonecoach.ui.tabs.session_detail import SessionDetailDialog

        row = (index or self.sessions_table.currentIndex()).row()
        if not 0 <= row < len(self.sessions.rows):
            return
        record = self.sessions.rows[row]
        dialog = SessionDetailDialog(record, self._name, self)
        dialog.exec()
        if dialog.action == "correct":
            self.correct_session(record)
        elif dialog.action == "move":
            self.move_session(record)  # not "move": that is QWidget.move
        elif dialog.action == "delete":
            self.delete_session(record)

    # -- suggestions ------------------------------------------------------------------------
    def selected_suggestion(self) -> Any | None:
        index = self.suggestions_table.currentIndex()
        return self.suggestions.rows[index.row()] if index.isValid() else None

    def accept_selected(self) -> bool:
        s = self.selected_suggestion()
        if s is None or self.view is None or self.client_id is None:
            return False
        if s.kind is SuggestionKind.RED_FLAG:
            return False  # a red flag is only ever dismissed, after review
        if s.changes_program:
            if not self.confirm_program_change():
                return False
            # The Program tab may just have saved a newer version: suggest against that one.
            self.view = actions.load_sessions(self.context, self.client_id)
            s = next((x for x in self.view.suggestions if x.key == s.key), None)
            if s is None:
                self._show_view()
                self.context.errors.show(
                    "Suggestion not applied", "The program changed; see the new suggestions."
                )
                return False
        title = self.suggestions.card_text(s).splitlines()[0]
        change = self.suggestions.change_text(s) if s.changes_program else ""
        done = run_op(
            self.context,
            "Suggestion not applied",
            actions.accept_suggestion,
            self.context,
            self.client_id,
            self.view.program,
            s,
        )
        if not done:
            self.set_client(self.client_id)  # e.g. a stale program: show the current one
            return False
        accepted = done.value
        if accepted.version is not None:
            self.program_changed.emit(self.client_id)
        self._announce(Topic.PROGRAM, Topic.SESSIONS)
        self.set_client(self.client_id)
        said = f"Accepted: {title}."
        if accepted.version is not None:
            said += f" {change[:1].upper()}{change[1:]}; saved as program version "
            said += f"{accepted.version.number}."
        self._tell(said, undo=accepted.suggestion_id)
        return True

    def undo_accept(self) -> bool:
        """Take back the last accepted suggestion: the program as it was, as a new version,
        and the suggestion back in the list."""
        if self._undoable is None or self.client_id is None:
            return False
        done = run_op(
            self.context,
            "Not undone",
            actions.undo_accepted_suggestion,
            self.context,
            self.client_id,
            self._undoable,
        )
        if not done:
            return False
        restored = done.value
        if restored is not None:
            self.program_changed.emit(self.client_id)
        self._announce(Topic.PROGRAM, Topic.SESSIONS)
        self.set_client(self.client_id)
        said = "Undone: the suggestion is back in the list."
        if restored is not None:
            said = f"Undone: program version {restored.number} puts the program back as it was; "
            said += "the suggestion is back in the list."
        self._tell(said, undo=None)
        return True

    def _tell(self, text: str, *, undo: int | None) -> None:
        self._undoable = undo
        self.accepted_note.setText(text)
        self.accepted_note.setVisible(bool(text))
        self.undo_button.setVisible(undo is not None)

    def dismiss_selected(self) -> bool:
        s = self.selected_suggestion()
        if s is None or self.view is None or self.client_id is None:
            return False
        title = self.suggestions.card_text(s).splitlines()[0]
        # several lines: a clinical reason ("reviewed by GP: muscular strain, X-ray clear")
        reason, ok = QInputDialog.getMultiLineText(
            self, "Dismiss suggestion", f"Why is “{title}” dismissed?"
        )
        if not ok:
            return False
        if not reason.strip():
            self.context.errors.show("Not dismissed", "A reason is needed to dismiss it.")
            return False
        done = run_op(
            self.context,
            "Suggestion not dismissed",
            actions.dismiss_suggestion,
            self.context,
            self.client_id,
            self.view.program,
            s,
            reason,
        )
        if not done:
            return False
        self.set_client(self.client_id)
        self._announce(Topic.SESSIONS)
        return True

    # -- display ----------------------------------------------------------------------------
    def _name(self, exercise_id: str) -> str:
        exercise = self.context.library.get(exercise_id)
        return exercise.name if exercise is not None else exercise_id

    def _show_view(self) -> None:
        view = self.view
        history = view.history if view else None
        self.sessions.set_rows(history.sessions if history else [])
        self.suggestions.set_rows(view.suggestions if view else [])
        flags = view.red_flags if view else []
        # the window shows them over every tab (one banner: this tab had a second)
        self.red_flags_changed.emit(list(flags))
        program = view.program.program if view and view.program else None
        self.chart_tabs.show_history(history, program)
        self._load_form()
        self._update_buttons()

    def _load_form(self) -> None:
        program = self.view.program.program if self.view and self.view.program else None
        names = {i: self._name(i) for i in program.exercise_ids()} if program else {}
        self.form.load(program, names)
        self.no_program.setVisible(self.client_id is not None and program is None)

    def _form_changed(self) -> None:
        self.save_button.setEnabled(self.form.entries.rowCount() > 0 or self.form.edited)
        self.reset_button.setEnabled(self.form.edited or self._correcting is not None)
        dirty = self.has_unsaved_changes()
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _update_buttons(self) -> None:
        s = self.selected_suggestion()
        if s is not None and s.exercise_id is not None:  # chart the evidence behind it
            self.chart_tabs.show_exercise(s.exercise_id)
        self.accept_button.setEnabled(s is not None and s.kind is not SuggestionKind.RED_FLAG)
        self.dismiss_button.setEnabled(s is not None)
