"""First run: load the demo clients or start empty; clinic and therapist details (skippable)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bonecoach.app import clients as client_actions
from bonecoach.app import settings as settings_actions
from bonecoach.app.changes import Changes, Topic
from bonecoach.ui.core.ops import run_op
from bonecoach.ui.widgets.plain import RichLabel

if TYPE_CHECKING:
    from bonecoach.ui.core.context import AppContext

INTRO = (
    "<h2>Welcome to BoneCoach</h2>"
    "<p>BoneCoach screens every exercise against a client's bone-health profile, builds "
    "programs that follow the osteoporosis exercise guidelines, tracks sessions and prints "
    "handouts. Client records stay on this computer (or your clinic's server).</p>"
    "<p>To look around first, load a few demo clients covering the guideline cases. "
    "You can archive them later.</p>"
)


class WelcomeDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.choice: str | None = None
        self.setWindowTitle("Welcome to BoneCoach")
        intro = RichLabel(INTRO)
        intro.setWordWrap(True)
        self.clinic_name = QLineEdit()
        self.clinic_phone = QLineEdit()
        self.therapist = QLineEdit()
        self.credentials = QLineEdit(placeholderText="e.g. PT, DPT")
        for edit, name in (
            (self.clinic_name, "Clinic name"),
            (self.clinic_phone, "Clinic phone"),
            (self.therapist, "Your name"),
            (self.credentials, "Your credentials"),
        ):
            edit.setAccessibleName(name)
        details = QGroupBox("Printed on handouts (optional, can be changed in Settings)")
        form = QFormLayout(details)
        form.addRow("Clinic &name", self.clinic_name)
        form.addRow("Clinic &phone", self.clinic_phone)
        form.addRow("&Your name", self.therapist)
        form.addRow("Your &credentials", self.credentials)
        buttons = QDialogButtonBox()
        self.demo_button = QPushButton("Add 5 demo clients…")
        self.demo_button.setToolTip(
            "Adds five made-up clients to this database, to look around. Archive them later."
        )
        self.empty_button = QPushButton("Start empty")
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        # Enter (typed after the last detail) must not put made-up clients into the clinic's
        # real records: the safe choice is the default; the demo takes a deliberate click
        self.demo_button.setAutoDefault(False)
        self.empty_button.setDefault(True)
        self.demo_button.clicked.connect(lambda: self._finish("demo"))
        self.empty_button.clicked.connect(lambda: self._finish("empty"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(details)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _finish(self, choice: str) -> None:
        self.choice = choice
        self.apply()
        self.done(QDialog.DialogCode.Accepted)

    def apply(self) -> None:
        """Save the details given (defaults otherwise, so this panel shows only once)."""
        name = self.therapist.text().strip()
        values: dict[str, Any] = {
            "clinic_name": self.clinic_name.text().strip(),
            "clinic_phone": self.clinic_phone.text().strip(),
        }
        credentials = self.credentials.text()

        def save() -> None:
            if name:
                settings_actions.add_therapist(self.context, name, credentials, "")
                values["default_therapist"] = name
            settings_actions.save_settings(self.context, values)

        run_op(self.context, "Details not saved", save, changes=Changes.of(Topic.SETTINGS))
        if self.choice == "demo":
            window: Any = self.parent()
            run_op(
                self.context, "Demo clients not loaded", client_actions.load_demo,
                self.context, on_done=lambda result: demo_loaded(window, result),
                background=True, label="Loading demo clients…",
            )  # fmt: skip

    def run(self) -> str | None:
        """Show the panel; returns "demo", "empty" or None (closed)."""
        self.exec()
        if self.choice is None:  # closed with the window button: same as start empty
            self.choice = "empty"
            self.apply()
        return self.choice


def demo_loaded(window: Any, result: tuple[list[Any], list[str]]) -> None:
    """The demo clients are in (from the welcome panel or Help): list them, open the first."""
    added, skipped = result
    if window is not None and window.context is not None:
        from bonecoach.app.changes import Changes, Topic

        window.context.changes.announce(Changes.of(Topic.CLIENTS))
        if added:
            window.clients.select_client(added[0].id)
            window.open_client(added[0].id)
        already = f" ({len(skipped)} already there)" if skipped else ""
        window.statusBar().showMessage(f"Loaded {len(added)} demo clients{already}", 6000)
