"""Start the desktop app."""

from __future__ import annotations

import sys


def run_app(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from bonecoach import __version__

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("BoneCoach")
    app.setOrganizationName("BoneCoach")
    window = QMainWindow()
    window.setWindowTitle(f"BoneCoach {__version__}")
    window.setCentralWidget(QLabel("BoneCoach"))
    window.resize(1280, 800)
    window.show()
    return int(app.exec())
