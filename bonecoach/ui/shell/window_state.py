"""Window size, splitter positions, the open tab and the last client, kept between runs.

Stored with QSettings as an INI file in BoneCoach's config folder (never the registry, so a
portable install and the tests' BONECOACH_HOME keep it with the rest of the settings).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

from bonecoach.paths import config_dir


def ui_settings() -> QSettings:
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)


def _bytes(value: Any) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    return None


def _first_size(window: QMainWindow) -> None:
    """First start: fill a laptop screen (1366x768 and up); a large one gets 1440x900."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(1280, 800)
        return
    area = screen.availableGeometry()
    width, height = min(area.width(), 1440), min(area.height(), 900)
    window.setGeometry(
        area.x() + (area.width() - width) // 2,
        area.y() + (area.height() - height) // 2,
        width,
        height,
    )


def restore_window(window: QMainWindow, splitter: QSplitter) -> None:
    settings = ui_settings()
    geometry = _bytes(settings.value("window/geometry"))
    if geometry is None or not window.restoreGeometry(geometry):
        _first_size(window)
    state = _bytes(settings.value("window/state"))
    if state is not None:
        window.restoreState(state)
    sizes = _bytes(settings.value("window/splitter"))
    if sizes is None or not splitter.restoreState(sizes):
        splitter.setSizes([320, 1120])  # the list shows last visit and review due too


def save_window(window: QMainWindow, splitter: QSplitter) -> None:
    settings = ui_settings()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("window/splitter", splitter.saveState())
    for inner in window.findChildren(QSplitter):
        if inner.objectName():  # the tabs' own splitters, named so they can be found again
            settings.setValue(f"splitters/{inner.objectName()}", inner.saveState())
    settings.sync()


def restore_splitters(window: QMainWindow) -> None:
    """The tabs' named splitters (call once the tabs exist)."""
    settings = ui_settings()
    for inner in window.findChildren(QSplitter):
        state = _bytes(settings.value(f"splitters/{inner.objectName()}"))
        if inner.objectName() and state is not None:
            inner.restoreState(state)


def last_client() -> int | None:
    value = ui_settings().value("session/last_client")
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def last_tab() -> str | None:
    value = ui_settings().value("session/last_tab")
    return str(value) if value else None


def remember(client_id: int | None, tab: str | None) -> None:
    settings = ui_settings()
    settings.setValue("session/last_client", "" if client_id is None else client_id)
    settings.setValue("session/last_tab", tab or "")
    settings.sync()
