"""Help (#17, point 8): a user guide inside the app, opened with F1, and context help on the
screening verdicts that opens it where they are explained."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bonecoach.paths import resource
from bonecoach.ui.shell.main_window import MainWindow
from bonecoach.ui.widgets.guide import GuideDialog


def test_f1_opens_the_guide_with_its_pictures(qtbot: Any, shell_context: Any) -> None:
    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guides = [w for w in QApplication.topLevelWidgets() if isinstance(w, GuideDialog)]
    assert guides and guides[-1].isVisible()
    text = guides[-1].browser.toPlainText()
    for words in ("new client", "Excluded", "Save as new version", "Stop if", "Ctrl+P"):
        assert words in text, words
    html = (resource("help") / "guide.html").read_text(encoding="utf-8")
    for picture in ("profile.png", "program.png", "sessions.png"):
        assert picture in html and (resource("help") / picture).is_file()
    for guide in guides:
        guide.close()


def test_the_verdicts_link_opens_the_guide_where_they_are_explained(
    qtbot: Any, context: Any
) -> None:
    from bonecoach.ui.tabs.program_tab import ProgramTab

    tab = ProgramTab(context)
    qtbot.addWidget(tab)
    tab.show()
    link = tab.browser.verdict_help
    assert "What do allowed, caution and excluded mean?" in link.text()
    link.linkActivated.emit("#verdicts")
    guide = tab.browser.guide
    assert guide.isVisible()
    assert guide.browser.verticalScrollBar().value() > 0  # scrolled to the section
    guide.close()
