"""Text the handout cannot print is refused where it is typed (#19, polish: an emoji in a
name showed as an empty box on screen and would print as one on the client's handout)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from bonecoach.handout.fonts import unprintable
from bonecoach.ui.shell.new_client_dialog import NewClientDialog
from bonecoach.ui.tabs.program_tab import ProgramTab


def test_the_shipped_fonts_print_accented_names_and_not_emoji() -> None:
    assert unprintable("Zoë Müller-Ñúñez, O'Brien – Łódź") == ""
    assert unprintable("Ann 🙂 Lee 🙂") == "🙂"


def test_a_new_client_named_with_an_emoji_is_refused_at_the_name(
    qtbot: Any, shell_context: Any
) -> None:
    dialog = NewClientDialog(shell_context)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    qtbot.mouseClick(dialog.name, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.name, "Ann Lee ")
    dialog.name.insert("🙂")  # pasted or from the emoji picker (QTest cannot type it)
    problem = dialog.feedback["name"].problem or ""
    assert "🙂" in problem and "cannot print" in problem
    assert not dialog.ok.isEnabled()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Backspace)  # the emoji goes: the name is fine
    assert dialog.feedback["name"].problem is None and dialog.ok.isEnabled()


def test_a_dosage_note_with_an_emoji_is_refused_and_the_program_keeps_its_note(
    qtbot: Any, shown_tab: ProgramTab
) -> None:
    editor = shown_tab.editor
    editor.select_row(0)
    before = editor.model.items[0]
    notes = editor.dosage.notes
    qtbot.mouseClick(notes, Qt.MouseButton.LeftButton)
    qtbot.keyClick(notes, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(notes, "Well done ")
    notes.insert("👍")  # pasted or from the emoji picker (QTest cannot type it)
    qtbot.keyClick(notes, Qt.Key.Key_Return)  # Enter commits the note
    assert "Notes:" in editor.dosage.problem.text() and "👍" in editor.dosage.problem.text()
    assert editor.model.items[0] == before


def test_a_note_too_long_is_refused_with_its_length_not_cut_short(
    qtbot: Any, shown_tab: ProgramTab
) -> None:
    """Therapist review of #19: a 657-character note was kept as its first 600, mid-word."""
    editor = shown_tab.editor
    editor.select_row(0)
    before = editor.model.items[0]
    notes = editor.dosage.notes
    notes.setText("")
    notes.insert("Keep the knees soft and the back tall. " * 17)  # 663 characters, pasted
    assert len(notes.text()) > 600  # nothing cut off in the box
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    assert "at most 600" in editor.dosage.problem.text()
    assert editor.model.items[0] == before


def test_a_client_file_whose_name_the_handout_cannot_print_is_not_imported(
    context: Any, tmp_path: Any
) -> None:
    """The same rule as the New client box, at the other way in: a file from elsewhere."""
    import json

    import pytest

    from bonecoach.app.exchange import import_client
    from bonecoach.store.errors import ImportProblem
    from bonecoach.store.exchange import export_client, write_document

    record = context.store.create_client("Ann Lee")
    path = write_document(export_client(context.store, record.id), tmp_path / "ann.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["client"]["name"] = "Ann Lee 🙂"
    data["client"]["clinic_id"] = None
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ImportProblem) as refused:
        import_client(context, path, as_new=True)
    assert "client.name" in str(refused.value) and "🙂" in str(refused.value)
    assert [c.name for c in context.store.list_clients()] == ["Ann Lee"]
