"""Creating a client with a profile, and the profile form's validation as you type."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt

from bonecoach.ui.shell.new_client_dialog import NewClientDialog, parse_birth_date
from bonecoach.ui.tabs.profile_tab import ProfileTab
from tests.ui.shell_fixtures import add_client


def test_create_a_client_then_save_a_profile(qtbot: Any, shell_context: Any) -> None:
    dialog = NewClientDialog(shell_context)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()  # no name yet
    qtbot.keyClicks(dialog.name, "Maria Ortega")
    qtbot.keyClicks(dialog.birth, "1949-07-30")
    qtbot.keyClicks(dialog.clinic_id, "MO-311")
    assert dialog.ok.isEnabled()
    dialog.accept()
    client = dialog.created
    assert client is not None and client.clinic_id == "MO-311"
    assert [c.name for c in shell_context.store.list_clients()] == ["Maria Ortega"]

    tab = ProfileTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client.id)
    form = tab.form
    # no profile yet: the age is already worked out from the date of birth (#19)
    today, born = date.today(), date(1949, 7, 30)
    age_now = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    assert form.edits["age"].text() == str(age_now)
    qtbot.keyClicks(form.edits["t_score_lowest"], "-3.1")
    form.edits["vertebral_fractures"].clear()
    qtbot.keyClicks(form.edits["vertebral_fractures"], "2")
    qtbot.keyClicks(form.edits["tug_seconds"], "14")
    form.flags["hyperkyphosis"].setChecked(True)
    form.equipment["chair"].setChecked(True)
    assert tab.has_unsaved_changes() and tab.save_button.isEnabled()
    summary = tab.summary.text()
    assert "managed as severe osteoporosis" in summary
    assert "Case 3" in summary and "Timed Up and Go 14 s" in summary

    assert tab.save()
    stored = shell_context.store.latest_profile(client.id)
    assert stored.profile.age == age_now and stored.profile.vertebral_fractures == 2
    assert stored.profile.hyperkyphosis  # a new profile starts with chair, wall and counter
    assert set(stored.profile.equipment) == {"chair", "wall", "counter"}
    assert stored.saved_by == "Test Therapist"
    assert tab.history.rowCount() == 1 and not tab.has_unsaved_changes()
    assert tab.history.index(0, 1).data() == "-3.1"
    # "saved" is said of that save only: not under new edits, not for another client
    assert tab.status.text() == "Profile saved as a new version."
    qtbot.keyClicks(form.edits["tug_seconds"], "5")
    assert tab.has_unsaved_changes() and tab.status.text() == ""
    other = shell_context.store.create_client("Nell Park")
    tab.discard_changes()
    assert tab.save()  # nothing to save: fine
    tab.set_client(other.id)
    assert "saved" not in tab.status.text()  # it may say what the new form still needs


def test_bad_values_turn_the_field_red_with_the_reason(qtbot: Any, shell_context: Any) -> None:
    client_id = add_client(shell_context, "Ann Lee")
    tab = ProfileTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    # the age is worked out from the date of birth (6 May 1953), not carried over (#19)
    today, born = date.today(), date(1953, 5, 6)
    age_now = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    assert tab.form.edits["age"].text() == str(age_now) and not tab.form.feedback["age"].problem

    age = tab.form.edits["age"]
    age.selectAll()
    qtbot.keyClicks(age, "seventy")
    feedback = tab.form.feedback["age"]
    assert feedback.problem == "must be a whole number"
    # the field is marked; the reason is listed under the form with the field's label (a
    # message under the field moved the fields below it: #19 point 9)
    assert "b3261e" in age.styleSheet()
    assert "Age (years): must be a whole number" in tab.status.text()
    assert age.toolTip() == "must be a whole number"
    assert not tab.save_button.isEnabled()
    assert "Fix the 1 field marked in red" in tab.status.text()
    assert not tab.save()  # Ctrl+S refuses too

    age.selectAll()
    qtbot.keyClicks(age, "130")
    assert feedback.problem == "must be at most 110 (got 130)"

    age.selectAll()
    qtbot.keyClicks(age, str(age_now))  # back to the age from the date of birth
    weeks = tab.form.edits["vertebral_fracture_date"]
    qtbot.keyClicks(weeks, "20260114")  # but no vertebral fracture recorded
    assert feedback.problem is None and "b3261e" not in age.styleSheet()
    problem = tab.form.feedback["vertebral_fracture_date"].problem
    assert problem == "a fracture date needs at least one vertebral fracture recorded"
    assert not tab.save_button.isEnabled()

    weeks.clear()
    qtbot.keyClick(weeks, Qt.Key.Key_Backspace)
    tab.form.changed.emit()
    assert tab.save_button.isEnabled() is False  # valid but unchanged: nothing to save
    tab.form.flags["frail"].setChecked(True)
    assert tab.save_button.isEnabled()


def test_birth_date_parsing() -> None:

    assert parse_birth_date("") == (None, None)
    assert parse_birth_date("1950-02-03") == (date(1950, 2, 3), None)
    assert parse_birth_date("3/2/1950")[1] == (
        "type the date as year-month-day, e.g. 2026-11-18 or 20261118"
    )
    # the right form but no such day: said so (it used to ask for "the form YYYY-MM-DD")
    assert parse_birth_date("1950-02-30")[1] == "1950-02-30 is not a date on the calendar"
    assert parse_birth_date("19480315") == (date(1948, 3, 15), None)
    assert parse_birth_date("2030-01-01", today=date(2026, 1, 1))[1] == "cannot be in the future"


def test_duplicate_clinic_id_is_shown_on_the_field(qtbot: Any, shell_context: Any) -> None:
    add_client(shell_context, "Ann Lee", clinic_id="X-1", profile=False)
    dialog = NewClientDialog(shell_context)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Other Person")
    qtbot.keyClicks(dialog.clinic_id, "X-1")
    dialog.accept()
    assert dialog.created is None
    assert "already belongs to Ann Lee" in dialog.feedback["clinic_id"].problem


def test_tab_moves_down_the_form_in_reading_order(qtbot: Any, shell_context: Any) -> None:
    tab = ProfileTab(shell_context)
    qtbot.addWidget(tab)
    form = tab.form

    def after(widget: Any) -> Any:
        step = widget.nextInFocusChain()
        while not step.focusPolicy() & Qt.FocusPolicy.TabFocus:
            step = step.nextInFocusChain()
        return step

    assert after(tab.note) is form.edits["age"]
    assert after(form.edits["age"]) is form.sex
    assert after(form.edits["t_score_lowest"]) is form.edits["frax_major_percent"]
    assert after(form.back_pain) is form.edits["falls_past_year"]
    assert after(form.edits["vertebral_fracture_date"]) is form.edits["other_fragility_fractures"]
    assert after(form.edits["other_fracture_date"]) is form.fracture_site
    assert after(form.tandem) is form.flags["fall_with_injury"]
    assert after(form.flags["fall_with_injury"]) is form.equipment["resistance_band"]
    assert after(form.precautions["anticoagulation"]) is tab.discard_button
    assert form.edits["age"].accessibleName() == "Age (years)"


def test_a_profile_saved_elsewhere_meanwhile_is_explained(
    qtbot: Any, shell_context: Any, dialogs: Any
) -> None:

    from bonecoach.program.profile import ClientProfile
    from tests.ui.shell_fixtures import PROFILE

    client_id = add_client(shell_context, "Ann Lee")
    tab = ProfileTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    # another workstation files a newer profile while this one is open
    shell_context.store.save_profile(
        client_id,
        ClientProfile.model_validate({**PROFILE, "falls_past_year": 2}),
        recorded_on=date(2026, 11, 1),
        by="Bo Berg",
    )
    tab.form.flags["frail"].setChecked(True)
    assert not tab.save()
    title, text = dialogs.warnings[-1]
    assert title == "Profile not saved"
    assert "Bo Berg" in text and "Another workstation saved" in text
    assert tab.has_unsaved_changes()  # the edits are kept
    assert len(shell_context.store.profile_history(client_id)) == 2


def test_an_earlier_visit_s_profile_is_aged_and_its_changing_values_marked(
    qtbot: Any, shell_context: Any
) -> None:
    """The form showed a months-old profile's values under today's date, age included
    (#19, point 6): the age is now worked out from the date of birth on the date recorded,
    and the values that change with time are marked for review."""
    client_id = add_client(shell_context, "Ann Lee")  # born 6 May 1953, profile of 1 Oct 2026
    tab = ProfileTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    tab.show()
    assert tab.carried_over.isVisible() and "1 Oct 2026" in tab.carried_over.text()
    for key in ("falls_past_year", "tug_seconds", "chair_stands_30s"):
        assert "#fff4ce" in tab.form.edits[key].styleSheet(), key
    assert "#fff4ce" not in tab.form.edits["t_score_lowest"].styleSheet()

    tab.recorded_on.setDate(QDate(2026, 5, 5))  # a day before her 73rd birthday
    assert tab.form.edits["age"].text() == "72"
    tab.recorded_on.setDate(QDate(2026, 5, 6))
    assert tab.form.edits["age"].text() == "73"
