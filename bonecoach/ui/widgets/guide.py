"""Help > BoneCoach guide (F1): the workflows in the therapist's words, with pictures of the
screens, shipped with the app (resources/help/guide.html). A section can be opened directly:
the screening verdicts' "What do these mean?" opens "#verdicts"."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from bonecoach.paths import resource


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, section: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("BoneCoach guide")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("BoneCoach guide")
        self.browser.setOpenExternalLinks(False)  # nothing leaves the app
        folder = resource("help")
        self.browser.setSearchPaths([str(folder)])
        self.browser.setSource(QUrl.fromLocalFile(str(folder / "guide.html")))
        if section:
            self.browser.scrollToAnchor(section)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(760, 680)


def show_guide(parent: QWidget | None, section: str = "") -> GuideDialog:
    dialog = GuideDialog(parent, section)
    dialog.show()  # beside the window: read while working
    return dialog
