"""The main window: unsaved-change prompt, Ctrl+S, archive, and state restored on start."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from bonecoach.ui.shell.main_window import MainWindow
from tests.ui.shell_fixtures import Dialogs, add_client

Button = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot: Any, shell_context: Any) -> MainWindow:
    add_client(shell_context, "Ann Lee", "A-1")
    add_client(shell_context, "Bert Olsen", "B-2")
    win = MainWindow(shell_context)
    qtbot.addWidget(win)
    return win


def ids(window: MainWindow) -> dict[str, int]:
    return {c.name: c.id for c in window.context.store.list_clients()}  # type: ignore[union-attr]


def edit_age(window: MainWindow, text: str) -> None:
    age = window.tabs["Profile"].form.edits["age"]  # type: ignore[attr-defined]
    age.setText(text)
    age.textEdited.emit(text)


def test_switching_client_with_unsaved_edits_asks(window: MainWindow, dialogs: Dialogs) -> None:
    ann, bert = ids(window)["Ann Lee"], ids(window)["Bert Olsen"]
    window.clients.select_client(ann, notify=True)
    assert window.client_id == ann and window.windowTitle().startswith("Ann Lee")
    edit_age(window, "80")
    assert window.dirty_tabs() == ["Profile"] and "*" in window.windowTitle()

    dialogs.question_answer = Button.Cancel
    window.clients.select_client(bert, notify=True)
    assert dialogs.asked and "unsaved changes in Profile" in dialogs.asked[-1][1]
    assert window.client_id == ann and window.clients.current_client == ann
    assert window.tabs["Profile"].form.edits["age"].text() == "80"  # type: ignore[attr-defined]

    dialogs.question_answer = Button.Discard
    window.clients.select_client(bert, notify=True)
    assert window.client_id == bert
    store = window.context.store  # type: ignore[union-attr]
    assert store.latest_profile(ann).profile.age == 72  # nothing saved

    edit_age(window, "81")
    dialogs.question_answer = Button.Save
    window.clients.select_client(ann, notify=True)
    assert window.client_id == ann
    assert store.latest_profile(bert).profile.age == 81
    assert len(store.profile_history(bert)) == 2
    assert len(dialogs.asked) == 3


def test_close_with_unsaved_edits_can_be_cancelled(window: MainWindow, dialogs: Dialogs) -> None:
    window.open_client(ids(window)["Ann Lee"])
    edit_age(window, "74")
    dialogs.question_answer = Button.Cancel
    assert not window.close()
    assert window.tabs["Profile"].has_unsaved_changes()  # type: ignore[attr-defined]


def test_ctrl_s_saves_the_current_tab(window: MainWindow, dialogs: Dialogs) -> None:
    ann = ids(window)["Ann Lee"]
    window.clients.select_client(ann, notify=True)
    edit_age(window, "75")
    assert window.menu_actions.save.shortcut().toString() == "Ctrl+S"
    window.menu_actions.save.trigger()
    assert window.context.store.latest_profile(ann).profile.age == 75  # type: ignore[union-attr]
    assert not window.dirty_tabs() and "*" not in window.windowTitle()


def test_archive_hides_the_client_until_shown(window: MainWindow, dialogs: Dialogs) -> None:
    bert = ids(window)["Bert Olsen"]
    window.clients.select_client(bert, notify=True)
    window.menu_actions.archive.trigger()
    proxy = window.clients.proxy
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert "Bert Olsen (archived)" in names  # still shown: it is the open client
    window.clients.show_archived.setChecked(False)
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names == ["Ann Lee"]
    assert window.context.store.get_client(bert).archived  # type: ignore[union-attr]


def test_find_focuses_search_and_menus_have_shortcuts(window: MainWindow, qtbot: Any) -> None:
    shortcuts = {
        a.text(): a.shortcut().toString()
        for a in (
            window.menu_actions.new_client,
            window.menu_actions.find,
            window.menu_actions.print_handout,
            window.menu_actions.export_handout,
        )
    }
    # #17: Ctrl+P prints, Ctrl+Shift+S saves the PDF (Ctrl+P used to open a save dialog)
    assert list(shortcuts.values()) == ["Ctrl+N", "Ctrl+F", "Ctrl+P", "Ctrl+Shift+S"]
    window.show()
    qtbot.waitExposed(window)
    window.menu_actions.find.trigger()
    assert window.focusWidget() is window.clients.search


def test_size_splitter_and_last_client_restored(
    qtbot: Any, shell_context: Any, window: MainWindow, dialogs: Dialogs
) -> None:
    bert = ids(window)["Bert Olsen"]
    window.resize(777, 555)
    window.splitter.setSizes([251, 520])
    window.clients.select_client(bert, notify=True)
    window.tab_widget.setCurrentIndex(2)
    window.context.store.close = lambda **_: None  # type: ignore[union-attr]  # keep it open
    assert window.close()
    again = MainWindow(shell_context)
    qtbot.addWidget(again)
    assert again.client_id == bert and again.tab_widget.currentIndex() == 2
    assert (again.width(), again.height()) == (777, 555)
    assert again.splitter.sizes()[0] == 251
    from bonecoach.ui.shell.window_state import ui_settings

    stored = ui_settings().value("splitters/profile/main")  # the tabs' splitters too
    assert stored is not None and not stored.isEmpty()
    assert again.tabs["Profile"].splitter.saveState() == stored  # type: ignore[attr-defined]


def test_back_up_now_runs_as_a_task_and_says_where(
    window: MainWindow, dialogs: Dialogs, shell_context: Any
) -> None:
    busy: list[tuple[bool, str]] = []
    shell_context.tasks.busy_changed.connect(lambda b, label: busy.append((b, label)))
    window.menu_actions.backup.trigger()
    assert busy == [(True, "Backing up…"), (False, "")]
    title, text = dialogs.infos[-1]
    made = text.splitlines()[-1]
    assert title == "Backup made" and made.endswith(".sqlite3")
    from pathlib import Path

    assert Path(made).is_file() and Path(made).parent == shell_context.store.backup_folder


def test_export_then_import_a_client_asks_before_a_duplicate(
    window: MainWindow, dialogs: Dialogs, tmp_path: Any
) -> None:
    store = window.context.store  # type: ignore[union-attr]
    ann = ids(window)["Ann Lee"]
    window.clients.select_client(ann, notify=True)
    out = tmp_path / "ann"
    dialogs.save_path = str(out)
    window.menu_actions.export_client.trigger()
    saved = tmp_path / "ann.json"
    assert saved.is_file() and dialogs.infos[-1][0] == "Client exported"
    assert "Ann Lee: 1 profile(s)" in dialogs.infos[-1][1]

    dialogs.open_path = str(saved)
    dialogs.question_answer = Button.No
    window.menu_actions.import_client.trigger()
    title, text = dialogs.asked[-1]
    assert title == "Client already stored" and text.startswith("Ann Lee is already stored")
    assert len(store.list_clients()) == 2  # refused: nothing imported

    dialogs.question_answer = Button.Yes
    window.menu_actions.import_client.trigger()
    names = sorted(c.name for c in store.list_clients())
    assert names == ["Ann Lee", "Ann Lee", "Bert Olsen"]
    copy = window.client_id
    assert copy != ann and store.latest_profile(copy).profile.age == 72


def test_a_broken_import_file_is_explained(
    window: MainWindow, dialogs: Dialogs, tmp_path: Any
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "nonsense"}')
    dialogs.open_path = str(bad)
    window.menu_actions.import_client.trigger()
    title, text = dialogs.warnings[-1]
    assert title == "Client not imported" and "nothing was changed" in text
    assert len(window.context.store.list_clients()) == 2  # type: ignore[union-attr]


def test_closing_takes_the_on_close_backup(
    window: MainWindow, dialogs: Dialogs, shell_context: Any
) -> None:
    store = shell_context.store
    folder = store.backup_folder
    before = set(folder.glob("*")) if folder.exists() else set()
    assert store.changed  # the fixture's clients were saved in this session
    assert window.close()
    made = set(folder.glob("*.sqlite3")) - before
    assert len(made) == 1 and not dialogs.warnings


def test_edit_client_details_and_a_change_made_meanwhile(
    window: MainWindow, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bonecoach.ui.shell.new_client_dialog import NewClientDialog

    store = window.context.store  # type: ignore[union-attr]
    ann = ids(window)["Ann Lee"]
    window.clients.select_client(ann, notify=True)

    def rename(dialog: NewClientDialog) -> int:
        assert dialog.name.text() == "Ann Lee" and dialog.clinic_id.text() == "A-1"
        dialog.name.setText("Ann Lee-Moore")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(NewClientDialog, "exec", rename)
    window.menu_actions.edit_client.trigger()
    assert store.get_client(ann).name == "Ann Lee-Moore"
    assert window.windowTitle().startswith("Ann Lee-Moore")

    def stale(dialog: NewClientDialog) -> int:
        store.update_client(ann, store.get_client(ann).version, contact="555-0199", by="Bo Berg")
        dialog.name.setText("Ann Moore")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(NewClientDialog, "exec", stale)
    window.menu_actions.edit_client.trigger()
    title, text = dialogs.warnings[-1]
    assert title == "Details not saved" and "Bo Berg" in text and "Nothing was overwritten" in text
    assert store.get_client(ann).name == "Ann Lee-Moore"


def test_restore_a_backup_from_the_file_menu(
    window: MainWindow, dialogs: Dialogs, shell_context: Any, tmp_path: Any
) -> None:
    backup = shell_context.store.backup_now()  # Ann and Bert
    shell_context.store.create_client("Carla Anders")
    window.refresh_clients()
    assert window.clients.model.rowCount() == 3

    bad = tmp_path / "junk.sqlite3"
    bad.write_bytes(b"junk" * 500)
    dialogs.open_path = str(bad)
    window.menu_actions.restore.trigger()
    assert dialogs.warnings[-1][0] == "Backup not restored"
    assert len(shell_context.store.list_clients()) == 3  # nothing changed

    dialogs.open_path = str(backup)
    dialogs.question_answer = Button.Yes
    window.menu_actions.restore.trigger()
    assert "Replace every client record" in dialogs.asked[-1][1]
    assert sorted(c.name for c in shell_context.store.list_clients()) == ["Ann Lee", "Bert Olsen"]
    assert window.clients.model.rowCount() == 2
    title, text = dialogs.infos[-1]
    assert title == "Backup restored" and "before-restore" in text


def test_clicking_a_column_header_sorts_the_client_list(window: MainWindow, qtbot: Any) -> None:
    from PySide6.QtCore import QPoint, Qt

    add_client(window.context, "Aaron Zeller", "Z-9")
    window.refresh_clients()
    table = window.clients.table
    names = lambda: [table.model().index(r, 0).data() for r in range(3)]  # noqa: E731
    assert names() == ["Aaron Zeller", "Ann Lee", "Bert Olsen"]  # the order they arrived in
    window.show()
    qtbot.waitExposed(window)
    header = table.horizontalHeader()
    clinic_column = QPoint(header.sectionViewportPosition(1) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=clinic_column)
    assert header.sortIndicatorSection() == 1
    ascending = names()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=clinic_column)
    assert ascending == ["Ann Lee", "Bert Olsen", "Aaron Zeller"]  # A-1, B-2, Z-9
    assert names() == list(reversed(ascending))


def test_a_dialog_centred_over_the_window_never_cuts_the_hint_in_half(
    qtbot: Any, shell_context: Any, dialogs: Any
) -> None:
    """Half a sentence ("nt (Ctrl+N).") showed beside the New client and Welcome dialogs."""
    from PySide6.QtCore import QRect

    from bonecoach.ui.shell.main_window import MainWindow
    from bonecoach.ui.shell.new_client_dialog import NewClientDialog

    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    label = window.message
    assert "New client (Ctrl+N)" in label.text()
    metrics = label.fontMetrics()
    text = metrics.boundingRect(
        label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), 0),
        int(label.alignment()) | 0x1000,  # word wrap
        label.text(),
    )
    on_screen = QRect(label.mapToGlobal(text.topLeft()), text.size())
    dialog = NewClientDialog(shell_context, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    covered = dialog.frameGeometry().intersected(on_screen)
    assert covered.isEmpty() or covered == on_screen, (on_screen, dialog.frameGeometry())


def test_the_demo_clients_can_be_loaded_from_the_help_menu_any_time(
    qtbot: Any, shell_context: Any, dialogs: Any
) -> None:
    """Therapist review of #19: only the first-run welcome offered them."""
    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    help_menu = next(a.menu() for a in window.menuBar().actions() if "Help" in a.text())
    item = next(a for a in help_menu.actions() if "demo" in a.text().lower())
    assert item.isEnabled()
    item.trigger()
    assert dialogs.asked and "demo" in dialogs.asked[-1][0].lower()
    assert window.clients.model.rowCount() == 5
    assert window.client_id is not None  # the first opens
    item.trigger()  # again: nothing twice
    assert window.clients.model.rowCount() == 5


def test_the_client_menu_holds_new_client_as_the_guide_says(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMenu

    from bonecoach.paths import resource

    menus = {m.title().replace("&", ""): m for m in window.menuBar().findChildren(QMenu)}
    texts = [a.text().replace("&", "") for a in menus["Client"].actions()]
    assert texts[0] == "New client…", texts
    guide = (resource("help") / "guide.html").read_text(encoding="utf-8")
    assert "<b>Client &gt; New client…</b>" in guide
