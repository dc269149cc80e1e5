"""The picture of a custom exercise: a posed illustration (start and end base poses), a
photo (PNG or JPEG, checked by ``bonecoach.art.load_photo``), or the original's illustration
for a duplicate; with a live preview drawn under a scratch id until the exercise is saved."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QPushButton,
    QRadioButton,
    QWidget,
)

from bonecoach.app.library import CustomPicture
from bonecoach.art.custom import custom_illustrations
from bonecoach.ui.library.exercise_details import PictureView
from bonecoach.ui.library.thumbnails import thumbnail_cache
from bonecoach.ui.widgets.plain import PlainLabel

if TYPE_CHECKING:
    from bonecoach.ui.core.context import AppContext

PREVIEW_ID = "__library_manager_preview__"


class PictureChooser(QGroupBox):
    problem = Signal(str)  # "photo: ..." when a chosen file cannot be used

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Picture", parent)
        from bonecoach.art.presets import BASES

        self.context = context
        self.photo_bytes: bytes | None = None  # a newly chosen photo, not yet saved
        self.saved: CustomPicture | None = None  # what the exercise had when shown
        self.exercise_id: str | None = None
        self.use_poses = QRadioButton("Posed illustration")
        self.use_photo = QRadioButton("Photo")
        self.use_same = QRadioButton("Same as the original")
        group = QButtonGroup(self)
        for button in (self.use_poses, self.use_photo, self.use_same):
            group.addButton(button)
            button.toggled.connect(self._changed)
        self.start_pose, self.end_pose = QComboBox(), QComboBox()
        for combo, name in ((self.start_pose, "Start pose"), (self.end_pose, "End pose")):
            combo.setAccessibleName(name)
            for base in BASES:
                combo.addItem(base.replace("_", " "), base)
            combo.currentIndexChanged.connect(self._changed)
        self.photo_button = QPushButton("Choose photo…")
        self.photo_button.clicked.connect(self.choose_photo)
        self.preview = PictureView(thumbnail_cache(context))
        self.preview.setFixedSize(240, 120)
        grid = QGridLayout(self)
        grid.addWidget(self.use_poses, 0, 0)
        grid.addWidget(PlainLabel("Start"), 0, 1)
        grid.addWidget(self.start_pose, 0, 2)
        grid.addWidget(PlainLabel("End"), 0, 3)
        grid.addWidget(self.end_pose, 0, 4)
        grid.addWidget(self.use_photo, 1, 0)
        grid.addWidget(self.photo_button, 1, 1, 1, 2)
        grid.addWidget(self.use_same, 2, 0)
        grid.addWidget(self.preview, 0, 5, 3, 1)
        self._editable = False

    def show_picture(
        self, exercise_id: str | None, picture: CustomPicture | None, editable: bool
    ) -> None:
        """Show what ``exercise_id`` has (None picture: a built-in's own illustration)."""
        self.exercise_id, self.saved, self.photo_bytes = exercise_id, picture, None
        self._editable = editable
        for widget in (self.use_poses, self.use_photo, self.start_pose, self.end_pose):
            widget.setEnabled(editable)
        self.use_same.setEnabled(picture is not None and picture.kind == "same_as" and editable)
        if picture is None:
            (self.use_same if exercise_id else self.use_poses).setChecked(True)
        else:
            button = {"photo": self.use_photo, "same_as": self.use_same}
            button.get(picture.kind, self.use_poses).setChecked(True)
            self.start_pose.setCurrentIndex(max(0, self.start_pose.findData(picture.start)))
            self.end_pose.setCurrentIndex(max(0, self.end_pose.findData(picture.end)))
        self._changed()

    def choice(self) -> CustomPicture:
        """The picture to save (a photo's file name is set when it is saved)."""
        old = self.saved
        if self.use_photo.isChecked():
            return CustomPicture("photo", photo=old.photo if old and old.kind == "photo" else "")
        if self.use_same.isChecked():
            same = old.same_as if old and old.kind == "same_as" else (self.exercise_id or "")
            return CustomPicture("same_as", same_as=same)
        return CustomPicture(
            "poses", start=self.start_pose.currentData(), end=self.end_pose.currentData()
        )

    def _changed(self, *_args: object) -> None:
        self.photo_button.setEnabled(self.use_photo.isChecked() and self._editable)
        self._draw()

    def _draw(self) -> None:
        """Draw the choice under PREVIEW_ID, so nothing real changes until saved."""
        context = self.context
        illustrations = custom_illustrations({PREVIEW_ID: self.choice()}, context.illustrations)
        context.illustrations.pop(PREVIEW_ID, None)
        context.illustrations.update(illustrations)
        stash = context.photos
        stash.pop(PREVIEW_ID, None)
        if self.use_photo.isChecked():
            # a newly chosen photo, else the one stored with the exercise
            chosen = self.photo_bytes or stash.get(self.exercise_id or "")
            if chosen is not None:
                stash[PREVIEW_ID] = chosen
        thumbnail_cache(context).forget(PREVIEW_ID)
        self.preview.set_exercise(PREVIEW_ID)

    def choose_photo(self) -> None:
        from bonecoach.art import PhotoError, load_photo

        name, _ = QFileDialog.getOpenFileName(
            self, "Choose a photo", "", "Images (*.png *.jpg *.jpeg)"
        )
        if not name:
            return
        try:
            self.photo_bytes = load_photo(Path(name))
        except PhotoError as exc:
            self.problem.emit(f"photo: {exc}")
            return
        self.problem.emit("")
        self._draw()
