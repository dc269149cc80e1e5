"""Program history (#17, point 2): every saved version listed with its date, therapist, what
changed and whether it was printed; any version shown and compared; a new version started
from an old one (saved as the next version: nothing overwritten)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from bonecoach.ui.tabs.program_history import ProgramHistoryDialog
from bonecoach.ui.tabs.program_tab import ProgramTab
from tests.ui.sessions_helpers import save_program
from tests.ui.shell_fixtures import add_client


def test_versions_are_listed_compared_and_an_old_one_becomes_the_next(
    qtbot: Any, shell_context: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = shell_context.store
    client_id = add_client(shell_context, "Ann Lee")
    first = save_program(
        shell_context, client_id, ["goblet_squat", "tandem_stand"], date.today() - timedelta(9)
    )
    tab = ProgramTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    tab.editor.select_row(1)
    qtbot.mouseClick(tab.editor.remove_button, Qt.MouseButton.LeftButton)
    assert tab.save()  # version 2: tandem stand removed
    store.record_handout(  # version 2 was printed
        store.latest_program(client_id).id, paper="letter", large_print=False, file_name="a.pdf"
    )

    seen: dict[str, Any] = {}

    def look_then_start_from_version_1(dialog: ProgramHistoryDialog) -> int:
        table = dialog.table
        seen["rows"] = [
            [table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())
        ]
        table.setCurrentCell(0, 0)  # version 2, compared with the one before
        seen["detail"] = dialog.detail.toPlainText()
        table.setCurrentCell(1, 0)  # version 1
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(ProgramHistoryDialog, "exec", look_then_start_from_version_1)
    qtbot.mouseClick(tab.history_button, Qt.MouseButton.LeftButton)

    rows = seen["rows"]
    assert [r[0] for r in rows] == ["2", "1"]  # newest first
    assert rows[0][3] == "1 removed" and rows[1][3] == "first version"
    assert all(r[2] == "Test Therapist" for r in rows)
    assert rows[0][4].startswith("1 time(s), last") and rows[1][4] == ""
    assert "removed: Tandem stand" in seen["detail"]
    assert tab.document.program == first.program and tab.has_unsaved_changes()
    assert tab.save()
    versions = store.program_versions(first.program_id)
    assert [v.number for v in versions] == [1, 2, 3]  # nothing overwritten
    assert versions[-1].program == first.program
