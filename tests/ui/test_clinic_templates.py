"""Reuse (#17 point 4): a program saved as the clinic's own template from the Program tab,
listed with the built-in ones for every client (screened for each), its words changed and
archived from "Clinic templates…", every save audited and checked against the version shown.
Driven through the real menu, dialog fields and buttons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from bonecoach.program.profile import ClientProfile
from bonecoach.program.screening import Verdict, screen
from bonecoach.store.store import Store
from bonecoach.ui.tabs.clinic_templates import ManageTemplatesDialog, TemplateWordsDialog
from bonecoach.ui.tabs.program_tab import ProgramTab
from tests.ui.sessions_helpers import save_program
from tests.ui.shell_fixtures import RECENT_FRACTURE, Dialogs, add_client


def _tab(qtbot: Any, context: Any, client_id: int) -> ProgramTab:
    tab = ProgramTab(context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    tab.show()
    with qtbot.waitActive(tab):
        tab.activateWindow()
    return tab


def _menu_texts(qtbot: Any, tab: ProgramTab) -> list[str]:
    tab.templates_button.fill()
    return [a.text() for a in tab.templates_button.templates_menu.actions()]


def _choose(qtbot: Any, tab: ProgramTab, text: str, then: Callable[[], None] | None) -> None:
    """Open "From template" with a click and choose ``text`` with the keyboard; ``then``
    runs inside the dialog the choice opens."""

    def in_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.text() == text)
        menu.setActiveAction(action)
        if then is not None:
            QTimer.singleShot(50, then)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(50, in_menu)
    qtbot.mouseClick(tab.templates_button, Qt.MouseButton.LeftButton)


def _renamed_on_another_workstation() -> None:
    """Sam Second, on another workstation, renames the template at version 1."""
    other = Store.open(actor="Sam Second", auto_backup=False)
    try:
        shown = other.clinic_template("clinic_tuesday_group")
        other.save_clinic_template(
            shown.template.model_copy(update={"name": "Sam's name"}), expected_version=1
        )
    finally:
        other.close(auto_backup=False)


def _modal(kind: type[QWidget]) -> Any:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, kind), dialog
    return dialog


def test_a_program_saved_as_a_clinic_template_is_offered_to_the_next_client_screened(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    store: Store = shell_context.store
    source = add_client(shell_context, "Ann Lee")
    save_program(
        shell_context, source, ["goblet_squat", "tandem_stand", "wall_push_up"],
        date.today() - timedelta(days=30),
    )  # fmt: skip
    tab = _tab(qtbot, shell_context, source)
    assert tab.document.program is not None
    seen: dict[str, Any] = {}

    def fill_in() -> None:
        dialog = _modal(TemplateWordsDialog)
        qtbot.keyClicks(dialog.name_edit, "falls first: strength and balance")  # built-in
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen["taken"] = dialog.problems.text()
        dialog.name_edit.selectAll()
        qtbot.keyClicks(dialog.name_edit, "Tuesday strength class")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no summary yet
        seen["refused"] = dialog.problems.text()
        seen["still_open"] = dialog.isVisible()
        seen["kept"] = dialog.name_edit.text()
        dialog.summary_edit.setFocus()
        qtbot.keyClicks(dialog.summary_edit, "Squats, balance and push-ups, twice a week")
        qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_Tab)  # Tab into "Meant for"
        qtbot.keyClicks(QApplication.focusWidget(), "Osteoporosis, no recent fracture")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    _choose(qtbot, tab, "Save this program as a clinic template…", fill_in)
    qtbot.waitUntil(lambda: bool(store.clinic_templates()))

    assert seen["taken"].startswith(
        "Not saved:\nName: a template called “falls first: strength and balance” exists"
    )
    assert seen["still_open"] and seen["kept"] == "Tuesday strength class"
    assert seen["refused"] == (
        "Not saved:\nSummary: write one line on what it holds\n"
        "Meant for: say which clients it is meant for"
    ), seen["refused"]
    [saved] = store.clinic_templates()
    template = saved.template
    assert template.name == "Tuesday strength class" and template.made_by_clinic
    assert template.intended_for == "Osteoporosis, no recent fracture"
    assert [i.exercise_id for p in template.phases for i in p.items] == [
        "goblet_squat", "tandem_stand", "wall_push_up",
    ]  # fmt: skip
    assert "Tuesday strength class" in tab.banner.text()
    created = [e for e in store.audit_entries() if e.entity == "clinic_template"]
    assert [e.action for e in created] == ["create"]

    # the next client: listed under the clinic's own, and screened for her
    target = store.create_client("Bea Moss").id
    profile = ClientProfile.model_validate(RECENT_FRACTURE)
    store.save_profile(target, profile)
    tab.set_client(target)
    texts = _menu_texts(qtbot, tab)
    assert texts.index("Tuesday strength class") > texts.index("Your clinic's")
    _choose(qtbot, tab, "Tuesday strength class", None)
    qtbot.waitUntil(lambda: tab.document.program is not None)
    program = tab.document.program
    assert program is not None
    kept = {i.exercise_id for _p, _i, i in program.items()}
    assert "goblet_squat" not in kept  # excluded 4 weeks after a vertebral fracture
    for _phase, _index, item in program.items():
        assert screen(profile, shell_context.library[item.exercise_id]).verdict is not (
            Verdict.EXCLUDED
        )
    banner = tab.banner.text()
    assert banner.startswith("Made from “Tuesday strength class”. Changed"), banner
    # saved from a client without a vertebral fracture: for this one, check first
    assert "• Check first: this template is meant for Case 1" in banner, banner
    assert len(template.cases) == 1


def test_clinic_templates_are_renamed_archived_and_brought_back_from_the_list(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    from tests.store.factories import clinic_template

    store: Store = shell_context.store
    store.save_clinic_template(clinic_template())
    client = add_client(shell_context, "Ann Lee")
    tab = _tab(qtbot, shell_context, client)

    def rename_then_archive() -> None:
        manager = _modal(ManageTemplatesDialog)
        assert manager.list.count() == 1

        def new_name() -> None:
            words = _modal(TemplateWordsDialog)
            words.name_edit.selectAll()
            qtbot.keyClicks(words.name_edit, "Tuesday class")
            qtbot.keyClick(words.name_edit, Qt.Key.Key_Return)

        QTimer.singleShot(50, new_name)
        qtbot.mouseClick(manager.edit_button, Qt.MouseButton.LeftButton)
        assert manager.list.item(0).text() == "Tuesday class"
        qtbot.mouseClick(manager.archive_button, Qt.MouseButton.LeftButton)
        assert manager.list.item(0).text() == "Tuesday class (archived)"
        assert manager.archive_button.text() == "&Bring back"
        manager.reject()

    _choose(qtbot, tab, "Clinic templates…", rename_then_archive)
    qtbot.waitUntil(lambda: store.clinic_templates() == [])
    assert "Tuesday class" not in _menu_texts(qtbot, tab)  # archived: not offered
    [kept] = store.clinic_templates(include_archived=True)
    assert kept.archived and kept.template.name == "Tuesday class" and kept.version == 3
    actions = [e.action for e in store.audit_entries() if e.entity == "clinic_template"]
    assert sorted(actions) == ["archive", "create", "update"]

    manager = ManageTemplatesDialog(shell_context, None, shell_context.library)
    qtbot.addWidget(manager)
    qtbot.mouseClick(manager.archive_button, Qt.MouseButton.LeftButton)  # bring back
    assert "Tuesday class" in _menu_texts(qtbot, tab)


def test_a_template_changed_on_another_workstation_meanwhile_is_not_overwritten(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    from tests.store.factories import clinic_template

    store: Store = shell_context.store
    store.save_clinic_template(clinic_template())
    manager = ManageTemplatesDialog(shell_context, None, shell_context.library)
    qtbot.addWidget(manager)
    # another workstation renames it after this list was read
    _renamed_on_another_workstation()
    qtbot.mouseClick(manager.archive_button, Qt.MouseButton.LeftButton)
    [told] = dialogs.warnings
    assert told[0] == "Template not changed" and "Sam Second" in told[1], told
    [now] = store.clinic_templates()
    assert now.template.name == "Sam's name" and not now.archived  # nothing lost
    assert manager.list.item(0).text() == "Sam's name"  # the list shows what is stored now


def test_words_saved_meanwhile_elsewhere_are_said_and_a_second_save_puts_mine_in_place(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    from tests.store.factories import clinic_template

    store: Store = shell_context.store
    store.save_clinic_template(clinic_template())
    manager = ManageTemplatesDialog(shell_context, None, shell_context.library)
    qtbot.addWidget(manager)
    seen: dict[str, str] = {}

    def type_words_while_sam_saves() -> None:
        words = _modal(TemplateWordsDialog)
        words.name_edit.selectAll()
        qtbot.keyClicks(words.name_edit, "My name")
        _renamed_on_another_workstation()
        qtbot.mouseClick(words.ok_button, Qt.MouseButton.LeftButton)
        seen["told"] = words.problems.text()
        seen["kept"] = words.name_edit.text()
        qtbot.mouseClick(words.ok_button, Qt.MouseButton.LeftButton)  # mine, knowingly

    QTimer.singleShot(50, type_words_while_sam_saves)
    qtbot.mouseClick(manager.edit_button, Qt.MouseButton.LeftButton)
    assert seen["told"].startswith("Not saved: Sam Second saved this template meanwhile")
    assert "now “Sam's name”" in seen["told"] and seen["kept"] == "My name"
    assert dialogs.warnings == []  # said in the dialog, not as a failure
    [now] = store.clinic_templates()
    assert now.template.name == "My name" and now.version == 3


def test_a_template_takes_the_program_on_screen_after_saying_what_changes(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    from tests.store.factories import clinic_template

    store: Store = shell_context.store
    store.save_clinic_template(clinic_template())
    client = add_client(shell_context, "Ann Lee")
    version = save_program(shell_context, client, ["tandem_stand", "wall_push_up"], date.today())
    manager = ManageTemplatesDialog(shell_context, version.program, shell_context.library)
    qtbot.addWidget(manager)
    qtbot.mouseClick(manager.replace_button, Qt.MouseButton.LeftButton)
    [(_title, question)] = dialogs.asked
    assert "(5 exercises) will hold instead the 2 exercises" in question, question
    [now] = store.clinic_templates()
    assert [i.exercise_id for p in now.template.phases for i in p.items] == [
        "tandem_stand", "wall_push_up",
    ]  # fmt: skip
    assert now.template.name == "Tuesday group" and now.version == 2
    assert manager.details.text().startswith("Replaced with the program on screen.")
