"""The library manager (Tools > Library manager…): browse every exercise, add or edit custom
ones with all their safety attributes and a posed illustration or a photo.

Built-in exercises are read-only; "Duplicate" makes an editable custom copy. Custom exercises
are saved in the database (see actions/library.py), so backups, the clinic's server and client
exports carry them, and join the app's library at once, so the Program tab screens them like
any other. Saving checks nobody changed the exercise meanwhile (another workstation).
An archived custom exercise leaves the library; "Show archived" lists it again (greyed) so
it can be restored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bonecoach.app import library as custom
from bonecoach.program.exercise import Exercise
from bonecoach.program.library import _describe_error
from bonecoach.ui.library.exercise_form import ExerciseForm
from bonecoach.ui.library.picture_chooser import PictureChooser
from bonecoach.ui.library.thumbnails import thumbnail_cache
from bonecoach.ui.widgets.plain import PlainLabel, RichLabel, as_written

if TYPE_CHECKING:
    from bonecoach.ui.core.context import AppContext

ARCHIVED_STATE = (
    "<b>Archived custom exercise</b>: not in the library, so it cannot be added to programs. "
    "Restore it to use it again."
)


def _plain_problem(error: Any) -> tuple[str | None, str]:
    """(field, problem) in the therapist's words; the field keeps its library-file name."""
    field, problem = _describe_error(error)
    kind, ctx = error.get("type"), error.get("ctx") or {}
    if kind == "missing":
        problem = "required: choose or fill it in"
    elif kind == "too_short":
        problem = f"give at least {ctx.get('min_length')} (one per line for lists)"
    elif kind == "too_long" and "max_length" in ctx:
        problem = f"give at most {ctx.get('max_length')}"
    elif kind == "string_pattern_mismatch":
        problem = "use lower-case letters, digits and _ only (e.g. towel_squeeze)"
    return field, problem


class LibraryManagerDialog(QDialog):
    library_changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Library manager")
        # as large as it was designed, never larger than the screen it opens on (at 1366x768
        # it opened at 1100x720, under the task bar)
        screen = (
            parent.screen() if parent is not None else None
        ) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        self.resize(min(1100, int(area.width() * 0.92)), min(720, int(area.height() * 0.88)))
        self.current: Exercise | None = None
        self.is_new = False
        self.customs: dict[str, Any] = {}  # id -> CustomExerciseRecord (version, picture)
        self.archived: dict[str, Any] = {}  # the same, for archived custom exercises
        self.pictures: dict[str, custom.CustomPicture] = {}
        self._load_customs()

        self.search = QLineEdit(placeholderText="Search exercises")
        self.search.setAccessibleName("Search exercises")
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.setAccessibleName("Exercises")
        self.list.currentItemChanged.connect(self._chosen)
        self.show_archived = QCheckBox("Show arc&hived custom exercises")
        self.show_archived.toggled.connect(lambda _on: self._fill_list(select=self._current_id()))
        self.new_button = QPushButton("&New custom exercise")
        self.duplicate_button = QPushButton("D&uplicate")
        self.delete_button = QPushButton("&Archive")
        self.restore_button = QPushButton("&Restore")
        self.restore_button.setToolTip("Put the archived custom exercise back in the library")
        self.new_button.clicked.connect(self.new_exercise)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.delete_button.clicked.connect(self.delete)
        self.restore_button.clicked.connect(self.restore)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.show_archived)
        archive_row = QHBoxLayout()
        archive_row.addWidget(self.delete_button)
        archive_row.addWidget(self.restore_button)
        for button in (self.new_button, self.duplicate_button):
            left_layout.addWidget(button)
        left_layout.addLayout(archive_row)

        self.state = RichLabel()
        self.state.setWordWrap(True)
        self.problems = PlainLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color:#a3261c")
        self.problems.setAccessibleName("Problems to fix")
        self.form = ExerciseForm()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.save_button = QPushButton("Save custom exercise")
        self.save_button.clicked.connect(self.save_current)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.state)
        self.picture = PictureChooser(context)
        self.picture.problem.connect(self.problems.setText)
        right_layout.addWidget(self.picture)
        right_layout.addWidget(scroll, 1)
        problems_area = QScrollArea()  # a long list of problems must not squash the form
        problems_area.setWidgetResizable(True)
        problems_area.setWidget(self.problems)
        problems_area.setMaximumHeight(110)
        problems_area.setFrameShape(QScrollArea.Shape.NoFrame)
        right_layout.addWidget(problems_area)
        right_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([300, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._fill_list()

    def _load_customs(self) -> None:
        records = custom.custom_records(self.context.store, include_archived=True)
        self.customs = {i: r for i, r in records.items() if not r.archived}
        # One whose id a newer BoneCoach now ships stays hidden: the shipped one wins.
        self.archived = {
            i: r for i, r in records.items() if r.archived and i not in self.context.library
        }
        self.pictures = {i: r.picture for i, r in records.items()}

    # -- the list -------------------------------------------------------------------------
    def _fill_list(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for exercise in self.context.library.values():
            mine = exercise.id in self.customs
            item = QListWidgetItem(f"{exercise.name}{'  (custom)' if mine else ''}")
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
            self.list.addItem(item)
            if exercise.id == select:
                self.list.setCurrentItem(item)
        if self.show_archived.isChecked():
            for record in sorted(self.archived.values(), key=lambda r: r.exercise.name):
                item = QListWidgetItem(f"{record.exercise.name}  (archived)")
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                item.setForeground(Qt.GlobalColor.gray)
                item.setToolTip("Archived: not in the library. Select it and press Restore.")
                self.list.addItem(item)
                if record.id == select:
                    self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._filter(self.search.text())
        self._chosen(self.list.currentItem(), None)

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def select(self, exercise_id: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == exercise_id:
                self.list.setCurrentRow(i)

    def _current_id(self) -> str | None:
        return None if self.is_new or self.current is None else self.current.id

    def _is_archived(self) -> bool:
        return not self.is_new and self.current is not None and self.current.id in self.archived

    def _editable(self) -> bool:
        return self.is_new or (self.current is not None and self.current.id in self.customs)

    def _chosen(self, item: QListWidgetItem | None, _previous: Any) -> None:
        exercise_id = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        self.current = None if exercise_id is None else self.context.library.get(exercise_id)
        if self.current is None and exercise_id in self.archived:
            self.current = self.archived[exercise_id].exercise
        self.is_new = False
        self._show(self.current)

    def _show(self, exercise: Exercise | None) -> None:
        self.form.show_exercise(exercise)
        self.form.mark_problems(())
        self.problems.clear()
        editable = self._editable()
        self.form.set_editable(editable)
        self.form.fields["id"].setEnabled(self.is_new)  # a saved id is what programs refer to
        self.form.follow_name(self.is_new)
        self.save_button.setEnabled(editable)
        archived = self._is_archived()
        self.delete_button.setEnabled(editable and not self.is_new)
        self.restore_button.setEnabled(archived)
        self.duplicate_button.setEnabled(exercise is not None and not self.is_new and not archived)
        picture = self.pictures.get(exercise.id) if exercise is not None else None
        if archived:
            self.state.setText(ARCHIVED_STATE)
        elif exercise is not None and not editable:
            self.state.setText("<b>Built-in exercise</b>: read-only. Duplicate it to make a "
                               "custom copy you can change.")  # fmt: skip
        elif picture is not None and not self.is_new:
            self.state.setText("<b>Custom exercise</b>: edit and save.")
        else:
            self.state.setText("<b>New custom exercise</b>: every safety attribute is required.")
        self.picture.show_picture(exercise.id if exercise else None, picture, editable)

    # -- actions --------------------------------------------------------------------------
    def new_exercise(self) -> None:
        self.list.clearSelection()
        self.current, self.is_new = None, True
        self._show(None)

    def duplicate(self) -> None:
        original = self.current
        if original is None:
            return
        new_id = original.id + "_custom"
        while new_id in self.context.library:
            new_id += "_2"
        copy = original.model_copy(
            update={
                "id": new_id,
                "name": f"{original.name} (our version)"[:300],  # the list marks it custom
                "easier": None,
                "harder": None,
            }
        )
        self.current, self.is_new = copy, True
        self.pictures[new_id] = custom.CustomPicture("same_as", same_as=original.id)
        self._show(copy)

    def save_current(self) -> bool:
        """Validate with the domain model; problems name their field. True if saved."""
        try:
            exercise = Exercise.model_validate(self.form.raw())
        except ValidationError as exc:
            found = [_plain_problem(e) for e in exc.errors()]
            self.problems.setText("\n".join(f"{f or 'exercise'}: {p}" for f, p in found))
            self.form.mark_problems(f for f, _p in found if f)
            return False
        taken = exercise.id in self.context.library and (
            self.is_new or exercise.id not in self.customs
        )
        if taken:
            self.problems.setText(f"id: '{exercise.id}' is already used by another exercise")
            self.form.mark_problems(["id"])
            return False
        picture, photo = self.picture.choice(), self.picture.photo_bytes
        if picture.kind == "photo" and not picture.photo and photo is None:
            self.problems.setText("photo: choose a photo file, or use a posed illustration")
            return False
        from bonecoach.store.errors import InvalidExercise, StaleSaveError, StoreError

        stored = None if self.is_new else self.customs.get(exercise.id)
        try:
            custom.save_custom(
                self.context.store,
                exercise,
                picture,
                photo,
                expected_version=None if stored is None else stored.version,
                by=self.context.therapist_name or None,
            )
        except InvalidExercise as exc:
            self.problems.setText("\n".join(f"{f}: {p}" for f, p in exc.problems))
            self.form.mark_problems(f for f, _p in exc.problems if "." not in f)
            return False
        except StaleSaveError as exc:
            self.context.errors.show("Custom exercise not saved", exc)
            # Show what the other workstation saved, as the message says to redo one's change.
            newer = custom.custom_exercise(self.context.store, exercise.id).exercise
            self._refresh_context(newer)
            self._fill_list(select=exercise.id)
            return False
        except StoreError as exc:
            self.context.errors.show("Custom exercise not saved", exc)
            return False
        self._refresh_context(exercise)
        self._fill_list(select=exercise.id)
        return True

    def delete(self) -> None:
        current = self.current
        if current is None or current.id not in self.customs:
            return
        answer = QMessageBox.question(
            self,
            "Archive the custom exercise?",
            as_written(
                f"Take “{current.name}” out of the library? Programs that use it will show it "
                "as missing; it stays in the database, its backups and client exports."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from bonecoach.store.errors import StoreError

        try:
            custom.archive_custom(
                self.context.store,
                current.id,
                expected_version=self.customs[current.id].version,
                by=self.context.therapist_name or None,
            )
        except StoreError as exc:
            self.context.errors.show("Custom exercise not archived", exc)
            self._reload_after_refusal(current.id)
            return
        self._refresh_context(None, removed=current.id)
        self._fill_list(select=current.id)  # still selected if archived ones are shown

    def restore(self) -> None:
        """Put the selected archived custom exercise back in the library."""
        current = self.current
        if current is None or not self._is_archived():
            return
        from bonecoach.store.errors import StoreError

        try:
            restored = custom.restore_custom(
                self.context.store,
                current.id,
                expected_version=self.archived[current.id].version,
                by=self.context.therapist_name or None,
            )
        except StoreError as exc:  # changed on another workstation meanwhile
            self.context.errors.show("Custom exercise not restored", exc)
            self._reload_after_refusal(current.id)
            return
        self._refresh_context(restored.exercise)
        self._fill_list(select=current.id)
        self.list.setFocus()  # the Restore button just went grey: keep the keyboard in place

    def _reload_after_refusal(self, exercise_id: str) -> None:
        """Show what is stored now (another workstation may have archived or restored it)."""
        from bonecoach.store.errors import StoreError

        try:
            stored = custom.custom_exercise(self.context.store, exercise_id)
        except StoreError:
            stored = None
        if stored is not None and not stored.archived:
            self._refresh_context(stored.exercise)
        else:
            self._refresh_context(None, removed=exercise_id)
        self._fill_list(select=exercise_id)

    def _refresh_context(self, saved: Exercise | None, removed: str | None = None) -> None:
        """Put the change into the app's library, pictures and thumbnail cache: the clinic
        library reloads from the store by the same rule as at start-up."""
        clinic = self.context.clinic_library
        for exercise_id in (e for e in (removed, saved and saved.id) if e):
            # its picture may have changed kind (photo to poses or back): drawn afresh
            clinic.photos.pop(exercise_id, None)
            clinic.illustrations.pop(exercise_id, None)
            thumbnail_cache(self.context).forget(exercise_id)
        clinic.apply(clinic.update_from(self.context.store))
        self._load_customs()  # after: which archived ones are hidden depends on the library
        self.library_changed.emit()
