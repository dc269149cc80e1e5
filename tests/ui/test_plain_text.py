"""User text is shown as written, never rendered as markup (#14 point 6).

Qt reads any label, tooltip or message box text that starts like a tag as HTML: a client,
phase or program named ``<img src=...>`` was drawn as a picture, and ``/dev/zero`` as the
source crashed the app. Two checks: a sweep of every widget, tooltip, action and item of the
main window and the dialogs, with markup in every name a person types; and a source check
that every label is a PlainLabel or RichLabel and every tooltip and message-box text passes
through ``as_written``.
"""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as TextQt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from bonecoach.program.programs import Phase
from bonecoach.ui.shell.main_window import MainWindow
from tests.store import factories
from tests.ui.shell_fixtures import add_client

UI = Path(__file__).resolve().parents[2] / "bonecoach" / "ui"
RAW = '<img src="pixel.png">'  # a real local picture would be drawn if read as markup
MARKED = f"{RAW}<b>Ann</b> Lee"


def _shown_as_markup(text: str, text_format: Any = Qt.TextFormat.AutoText) -> bool:
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and TextQt.mightBeRichText(text)
    )
    return rich and RAW in text


def _columns(model: Any) -> int:
    try:
        return int(model.columnCount(QModelIndex()))
    except TypeError:  # a list model keeps columnCount private: one column
        return 1


def _rendered_markup(widgets: list[QWidget]) -> list[str]:
    found = []
    for widget in widgets:
        where = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()}"
        if isinstance(widget, QLabel) and _shown_as_markup(widget.text(), widget.textFormat()):
            found.append(f"{where}: label {widget.text()[:60]!r}")
        if _shown_as_markup(widget.toolTip()):
            found.append(f"{where}: tooltip {widget.toolTip()[:60]!r}")
        for action in widget.actions():
            for tip in (action.toolTip(), action.statusTip()):
                if _shown_as_markup(tip):
                    found.append(f"{where}: action {action.text()!r} tip {tip[:60]!r}")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount(QModelIndex())):
                for column in range(_columns(model)):
                    tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
                    if isinstance(tip, str) and _shown_as_markup(tip):
                        found.append(f"{where}: item ({row}, {column}) tooltip {tip[:60]!r}")
    return found


def test_no_widget_renders_a_typed_name_as_markup(qtbot: Any, shell_context: Any) -> None:
    shell_context.therapist_name = MARKED
    client_id = add_client(shell_context, MARKED, clinic_id=RAW)
    program = factories.program(name=MARKED)
    known = shell_context.library
    phases = tuple(
        Phase.model_validate(
            {
                **p.model_dump(),
                "name": f"{RAW} {p.name}",
                "items": [i.model_dump() for i in p.items if i.exercise_id in known],
            }
        )
        for p in program.phases
    )
    shell_context.store.save_program(client_id, program.model_copy(update={"phases": phases}))
    log = factories.session_log(date(2026, 10, 20)).model_copy(update={"notes": MARKED})
    shell_context.store.save_session(client_id, log)
    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    window.show()
    window.clients.select_client(client_id, notify=True)
    shown: list[QWidget] = []
    for index in range(window.tab_widget.count()):
        window.tab_widget.setCurrentIndex(index)
        QApplication.processEvents()
        shown += window.findChildren(QWidget)
    assert window.client_id == client_id
    labels = [w for w in shown if isinstance(w, QLabel)]
    assert any("Ann</b>" in w.text() for w in labels), "the sweep never met the typed names"
    assert not _rendered_markup([window, *shown])


def test_dialogs_show_typed_text_as_written(qtbot: Any, shell_context: Any) -> None:
    from bonecoach.program.screening import Reason
    from bonecoach.ui.tabs.override_dialog import OverrideDialog
    from bonecoach.ui.tabs.session_detail import SessionDetailDialog

    client_id = add_client(shell_context, MARKED)
    log = factories.session_log(date(2026, 10, 20)).model_copy(update={"notes": MARKED})
    record = shell_context.store.save_session(client_id, log, by=MARKED)
    detail = SessionDetailDialog(record, lambda _id: MARKED)
    override = OverrideDialog(MARKED, [Reason(rule="test", text=MARKED, source=RAW)])
    for dialog in (detail, override):
        qtbot.addWidget(dialog)
    widgets = [detail, override, *detail.findChildren(QWidget), *override.findChildren(QWidget)]
    assert not _rendered_markup(widgets)


# the calls whose text Qt may read as markup, and where that text is
TIP_SETTERS = {"setToolTip", "setStatusTip", "setWhatsThis"}
MESSAGE_BOXES = {"question", "warning", "information", "critical", "about"}
SAFE_WRAPPERS = {"as_written", "rich"}


def _is_safe(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True  # our own words, written here
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in SAFE_WRAPPERS
    )


def test_every_label_tooltip_and_message_text_is_plain_or_marked_rich() -> None:
    problems = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "plain.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            where = f"{path.relative_to(UI)}:{node.lineno}"
            if isinstance(func, ast.Name) and func.id == "QLabel":
                problems.append(f"{where}: a bare QLabel (use PlainLabel or RichLabel)")
            if not isinstance(func, ast.Attribute):
                continue
            if func.attr in TIP_SETTERS and node.args and not _is_safe(node.args[0]):
                problems.append(f"{where}: {func.attr} without as_written")
            is_box = isinstance(func.value, ast.Name) and func.value.id == "QMessageBox"
            boxed = is_box and func.attr in MESSAGE_BOXES and len(node.args) >= 3
            if boxed and not _is_safe(node.args[2]):
                problems.append(f"{where}: QMessageBox.{func.attr} text without as_written")
    assert not problems, "\n".join(problems)
