"""Profile tab: the form, what it means (status, case, fall risk, with reasons), the history.

Saving files a new dated profile version; the history keeps every earlier one.
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bonecoach.app import profiles as actions
from bonecoach.app.changes import Changes, Topic
from bonecoach.ui.core.ops import run_op
from bonecoach.ui.tabs.assessment_view import assessment_html
from bonecoach.ui.tabs.charts import ChartPanel
from bonecoach.ui.tabs.profile_form import ProfileForm
from bonecoach.ui.tabs.profile_history import ProfileHistoryModel, history_chart
from bonecoach.ui.widgets.date_field import DateField
from bonecoach.ui.widgets.plain import PlainLabel, RichLabel, as_written

REVIEW_COLOUR = "#fff4ce"  # a value carried over from an earlier visit, to check
TIME_SENSITIVE = ("falls_past_year", "tug_seconds", "chair_stands_30s")

if TYPE_CHECKING:
    from bonecoach.ui.core.context import AppContext


class ProfileTab(QWidget):
    dirty_changed = Signal(bool)
    concerns = frozenset({Topic.CLIENTS, Topic.PROFILE})  # the birth date gives the age
    saved = Signal(int)  # client id: other tabs re-screen against the new profile

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.client_id: int | None = None
        self._based_on: int | None = None
        self._baseline: Any = None
        self._dirty = False

        self.form = ProfileForm()
        self.form.changed.connect(self._changed)
        self.recorded_on = DateField("Recorded on")  # typed (20261118) or picked (Alt+Down)
        # a profile records what was found on a visit: never a day that has not come yet
        self.recorded_on.setMaximumDate(QDate.currentDate())
        self.recorded_on.dateChanged.connect(lambda _d: self._recorded_on_changed())
        self.note = QLineEdit(placeholderText="Note for this version (optional)")
        self.note.setAccessibleName("Note")
        self.note.textEdited.connect(lambda _t: self._changed())
        self.status = PlainLabel()
        self.status.setWordWrap(True)
        # an earlier visit's profile shown under a new date: what may have changed since
        self.carried_over = PlainLabel()
        self.carried_over.setWordWrap(True)
        self.carried_over.setAccessibleName("Values to check")
        self.carried_over.setStyleSheet(f"background:{REVIEW_COLOUR}; padding:4px 6px;")
        self.carried_over.hide()
        self._born: date | None = None
        self.save_button = QPushButton("Save profile")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.discard_button = QPushButton("Discard changes")
        self.discard_button.clicked.connect(self.discard_changes)

        top = QHBoxLayout()
        top.addWidget(PlainLabel("Recorded on"))
        top.addWidget(self.recorded_on)
        top.addWidget(self.note, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.discard_button)
        bottom.addWidget(self.save_button)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Never narrower than the form: a clipped field is worse than a narrower side panel.
        scroll.setMinimumWidth(
            self.form.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(scroll, 1)
        left_layout.addLayout(bottom)

        self.summary = RichLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setAccessibleName("What the profile means")
        summary_scroll = QScrollArea()
        summary_scroll.setWidgetResizable(True)
        summary_scroll.setWidget(self.summary)
        summary_box = QGroupBox("What this profile means")
        QVBoxLayout(summary_box).addWidget(summary_scroll)

        self.history = ProfileHistoryModel(self)
        self.history_table = QTableView()
        self.history_table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.history_table.setModel(self.history)
        self.history_table.setAccessibleName("Profile history")
        self.history_table.verticalHeader().hide()
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # columns as wide as their values; the spare width goes to the first (the date), not
        # to the last one (TUG) as before
        history_header = self.history_table.horizontalHeader()
        history_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        history_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.history_table.setShowGrid(False)
        self.history_table.setAlternatingRowColors(True)
        self.chart = ChartPanel("The chart appears once a profile is saved.")
        history_box = QGroupBox("History")
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.history_table, 2)
        history_layout.addWidget(self.chart, 3)

        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("profile/right")
        right.addWidget(summary_box)
        right.addWidget(history_box)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("profile/main")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([700, 420])
        right.setSizes([360, 440])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.carried_over)
        layout.addWidget(self.splitter)
        # Set once everything has its parent: reparenting would reorder the chain again.
        chain = [self.recorded_on, self.note, *self.form.tab_chain()]
        chain += [self.discard_button, self.save_button, self.history_table]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.set_client(None)

    # -- the tab contract -------------------------------------------------------------------
    def set_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self.status.clear()  # "Profile saved" belonged to the record shown before
        rows = actions.profile_history(self.context, client_id) if client_id is not None else []
        self.history.set_rows(rows)
        self.chart.set_spec(history_chart(rows) if rows else None)
        newest = max(rows, key=lambda r: r.id) if rows else None
        self._based_on = newest.id if newest else None
        latest = rows[-1] if rows else None  # latest by recorded date: what the form shows
        self.form.set_profile(latest.profile if latest else None)
        self._born = actions.date_of_birth(self.context, client_id) if client_id else None
        self.recorded_on.setDate(QDate.currentDate())
        self._age_from_birth()
        self._mark_carried_over(latest.recorded_on if latest else None)
        self.note.clear()
        self.setEnabled(client_id is not None)
        self._baseline = self._snapshot()
        self._changed()

    def has_unsaved_changes(self) -> bool:
        return self.client_id is not None and self._snapshot() != self._baseline

    def save(self) -> bool:
        if self.client_id is None:
            return False
        profile, problems = self.form.result()
        day_problem = self.recorded_on.problem()
        if day_problem:
            problems = {"Recorded on": day_problem, **(problems or {})}
            profile = None
        if profile is None:
            self.status.setText(self._problem_text(problems))
            return False
        done = run_op(
            self.context,
            "Profile not saved",
            actions.save_profile,
            self.context,
            self.client_id,
            profile,
            date.fromisoformat(self.recorded_on.date().toString("yyyy-MM-dd")),
            self.note.text(),
            self._based_on,
        )
        if not done:
            return False
        self.set_client(self.client_id)
        self.status.setText("Profile saved as a new version.")
        self.saved.emit(self.client_id)
        self.context.changes.announce(
            Changes.of(Topic.PROFILE, client_id=self.client_id, origin="Profile")
        )
        return True

    def undo(self) -> bool:
        """No edit history of its own: a text box undoes its typing itself (Ctrl+Z)."""
        return False

    def redo(self) -> bool:
        return False

    def discard_changes(self) -> None:
        self.set_client(self.client_id)

    def library_changed(self) -> None:
        """The profile names no exercise: nothing to read again."""

    # -- what changes with time -------------------------------------------------------------
    def _recorded_on_changed(self) -> None:
        self._age_from_birth()
        self._changed()

    def _age_from_birth(self) -> None:
        """Age is worked out from the date of birth on the recorded date, never carried over."""
        edit = self.form.edits["age"]
        if self._born is None:
            return
        day, born = self.recorded_on.date().toPython(), self._born
        age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        edit.setText(str(age))
        edit.setToolTip(as_written(f"Worked out from the date of birth ({born.isoformat()})."))

    def _mark_carried_over(self, recorded: date | None) -> None:
        """A profile from an earlier visit shown under today's date: the values that change
        with time are marked until the therapist has checked them and saved."""
        old = recorded is not None and recorded < date.today()
        for key in TIME_SENSITIVE:
            self.form.edits[key].setStyleSheet(f"background:{REVIEW_COLOUR};" if old else "")
        self.carried_over.setVisible(old)
        if old and recorded is not None:
            months = (date.today() - recorded).days // 30
            ago = f"{months} month{'s' if months != 1 else ''} ago" if months else "earlier"
            self.carried_over.setText(
                f"Shown: the profile recorded on {recorded.strftime('%-d %b %Y')} ({ago}). "
                "Falls in the past 12 months, Timed Up and Go and chair stands may have "
                "changed since: check the marked fields before saving a new version."
            )

    # -- live validation --------------------------------------------------------------------
    def _snapshot(self) -> Any:
        return (self.form.raw_values()[0], self.recorded_on.date().toString(), self.note.text())

    def _changed(self) -> None:
        profile, problems = self.form.result()
        dirty = self.has_unsaved_changes()
        self.save_button.setEnabled(profile is not None and (dirty or self._based_on is None))
        self.discard_button.setEnabled(dirty)
        if profile is not None:
            self.summary.setText(assessment_html(actions.assess(profile)))
            if self.status.text().startswith("Fix") or (dirty and not self._dirty):
                self.status.clear()  # a fixed problem, or "saved" under new edits
        else:
            self.summary.setText("<p>Complete the profile to see what it means for exercise.</p>")
            self.status.setText(self._problem_text(problems))
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
            # the Program tab screens against the saved profile: it says so meanwhile
            self.context.changes.set_unsaved("Profile", dirty)

    def _problem_text(self, problems: dict[str, str]) -> str:
        """Every problem in full, with its field's label: the form itself never grows."""
        n = len(problems)
        lines = self.form.problem_lines(problems)
        head = f"Fix the {n} field{'s' if n != 1 else ''} marked in red before saving:"
        return "\n".join([head, *lines])
