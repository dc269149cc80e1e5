"""Settings: clinic details and logo, therapists, handout defaults, backups, database location."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bonecoach.app import backup as backup_actions
from bonecoach.app import settings as actions
from bonecoach.ui.core.ops import run_op
from bonecoach.ui.settings.therapist_list import TherapistList
from bonecoach.ui.widgets.field_feedback import FieldFeedback
from bonecoach.ui.widgets.plain import PlainLabel

if TYPE_CHECKING:
    from bonecoach.ui.core.context import AppContext

LOGO_FILTER = "Images (*.png *.jpg *.jpeg)"


def _with_browse(edit: QLineEdit, button_text: str, browse: Any) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    button = QPushButton(button_text)
    button.setAccessibleName(f"{button_text} for {edit.accessibleName()}")
    button.clicked.connect(browse)
    layout.addWidget(button)
    return row


class SettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Settings")
        s = context.settings
        self._tested_url = s.database_url

        self.clinic_name = QLineEdit(s.clinic_name)
        self.clinic_address = QPlainTextEdit(s.clinic_address)
        self.clinic_address.setTabChangesFocus(True)  # Tab goes to the next field
        self.clinic_address.setFixedHeight(64)
        self.clinic_phone = QLineEdit(s.clinic_phone)
        self.emergency_number = QLineEdit(s.emergency_number)
        self.emergency_number.setPlaceholderText("e.g. 911, 999 or 112")
        self.emergency_number.setAccessibleName("Emergency number")
        self.logo_path = QLineEdit(s.logo_path)
        self.paper = QComboBox()
        self.paper.addItem("Letter", "letter")
        self.paper.addItem("A4", "a4")
        self.paper.setCurrentIndex(0 if s.paper_size == "letter" else 1)
        self.large_print = QCheckBox("Large print by default")
        self.large_print.setChecked(s.large_print)
        self.backup_folder = QLineEdit(s.backup_folder)
        self.backup_folder.setPlaceholderText(str(getattr(context.store, "backup_folder", "")))
        self.database = QLineEdit(s.database_url)
        self.database.setPlaceholderText(
            f"empty: {getattr(context.store, 'sqlite_path', None) or 'the built-in SQLite file'}"
        )
        self.database.textChanged.connect(self._database_edited)
        self.database_status = PlainLabel()
        self.database_status.setWordWrap(True)
        self.therapists = TherapistList(context)
        names = ("clinic_name", "clinic_address", "clinic_phone", "logo_path", "paper")
        labels = ("Clinic name", "Clinic address", "Clinic phone", "Logo", "Paper size")
        for name, label in zip(names, labels, strict=True):
            getattr(self, name).setAccessibleName(label)
        self.backup_folder.setAccessibleName("Backup folder")
        self.database.setAccessibleName("Database location")
        self.logo_feedback = FieldFeedback(
            _with_browse(self.logo_path, "Choose…", self._choose_logo)
        )
        self.logo_path.textChanged.connect(self._check_logo)
        self.database_feedback = FieldFeedback(self.database)

        clinic = QWidget()
        form = QFormLayout(clinic)
        form.addRow("Clinic &name", self.clinic_name)
        form.addRow("&Address", self.clinic_address)
        form.addRow("&Phone", self.clinic_phone)
        form.addRow("E&mergency number", self.emergency_number)
        form.addRow("&Logo", self.logo_feedback)
        handouts = QWidget()
        form = QFormLayout(handouts)
        form.addRow("Paper &size", self.paper)
        form.addRow("", self.large_print)
        data = QWidget()
        form = QFormLayout(data)
        backup_button = QPushButton("Back up now")
        backup_button.clicked.connect(self._backup_now)
        form.addRow("&Backup folder", _with_browse(self.backup_folder, "Choose…", self._folder))
        form.addRow("", backup_button)
        test_button = QPushButton("Test")
        test_button.setAccessibleName("Test the database location")
        test_button.clicked.connect(self.test_database)
        db_row = QHBoxLayout()
        db_row.addWidget(self.database_feedback, 1)
        db_row.addWidget(test_button)
        db_label = PlainLabel("&Database")
        db_label.setBuddy(self.database)
        form.addRow(db_label, db_row)
        form.addRow("", self.database_status)
        form.addRow("", PlainLabel("A new database location is used from the next start."))

        self.pages = QTabWidget()
        self.pages.addTab(clinic, "Clinic")
        self.pages.addTab(self.therapists, "Therapists")
        self.pages.addTab(handouts, "Handouts")
        self.pages.addTab(data, "Data")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self.resize(620, 440)
        self._check_logo()

    # -- checks -----------------------------------------------------------------------------
    def _check_logo(self) -> None:
        text = self.logo_path.text().strip()
        problem = None
        if text:
            path = Path(text).expanduser()
            if path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
                problem = "must be a PNG or JPEG image"
            elif not path.is_file():
                problem = "file not found"
        self.logo_feedback.set_problem(problem)
        self._update_save()

    def _database_edited(self) -> None:
        self.database_status.clear()
        self.database_feedback.set_problem(None)
        self._update_save()

    def _update_save(self) -> None:
        untested = self.database.text().strip() != self._tested_url
        bad = self.logo_feedback.problem is not None or untested
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not bad)
        if untested and not self.database_status.text():
            self.database_status.setText("Test the new location before saving.")

    def test_database(self) -> bool:
        text = self.database.text().strip()
        if not text:
            self._tested_url = ""
            self.database_status.setText("The built-in SQLite file will be used.")
            self._update_save()
            return True
        try:
            summary = actions.test_database(text)
        except Exception as exc:
            self.database_feedback.set_problem(str(exc).splitlines()[0][:300])
            self.database_status.setText("Not saved: this location cannot be used.")
            return False
        self._tested_url = text
        self.database_feedback.set_problem(None)
        self.database_status.setText(summary)
        self._update_save()
        return True

    # -- buttons ----------------------------------------------------------------------------
    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Clinic logo", "", LOGO_FILTER)
        if path:
            self.logo_path.setText(path)

    def _folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Backup folder", self.backup_folder.text())
        if path:
            self.backup_folder.setText(path)

    def _backup_now(self) -> None:
        def done(path: Any) -> None:
            self.context.errors.info("Backup made", f"The database was backed up to\n{path}")

        run_op(
            self.context, "Backup not made", backup_actions.backup_now, self.context,
            on_done=done, background=True, label="Backing up…",
        )  # fmt: skip

    def values(self) -> dict[str, Any]:
        return {
            "clinic_name": self.clinic_name.text().strip(),
            "clinic_address": self.clinic_address.toPlainText().strip(),
            "clinic_phone": self.clinic_phone.text().strip(),
            "emergency_number": self.emergency_number.text().strip(),
            "logo_path": self.logo_path.text().strip(),
            "paper_size": self.paper.currentData(),
            "large_print": self.large_print.isChecked(),
            "backup_folder": self.backup_folder.text().strip(),
            "database_url": (
                actions.normalise_url(self.database.text()) if self.database.text().strip() else ""
            ),
            "default_therapist": self.therapists.default_name(),
        }

    def accept(self) -> None:
        """Therapists first, in one transaction, then the settings file: a default therapist
        saved in the settings always names a stored therapist. On any refusal the dialog
        stays open with everything still as typed."""
        if self.database.text().strip() != self._tested_url and not self.test_database():
            return
        unfinished = self.therapists.unfinished()
        if unfinished:
            self.pages.setCurrentWidget(self.therapists)
            self.context.errors.show(
                "Settings not saved",
                f"Therapists: {unfinished}. Press “{self.therapists.add.text().replace('&', '')}” "
                "or clear the details, then Save again.",
            )
            return
        therapists_changed = self.therapists.has_changes()
        if not run_op(
            self.context,
            "Therapists not saved (nothing was changed)",
            self.therapists.apply,
            on_failed=lambda _exc: self.pages.setCurrentWidget(self.therapists),
        ):
            return
        saved = " (the therapist changes were saved)" if therapists_changed else ""
        if not run_op(
            self.context,
            f"Settings not saved{saved}",
            actions.save_settings,
            self.context,
            self.values(),
        ):  # fmt: skip (the window announces the settings change once the dialog closes)
            return
        super().accept()
