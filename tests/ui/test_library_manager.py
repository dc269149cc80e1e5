"""The library manager: built-ins read-only, duplicates editable, custom exercises validated
field by field and saved in the database, from where they join the app's library."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bonecoach.app import library as custom
from bonecoach.app.clinic_library import open_clinic_library
from bonecoach.ui.library.library_manager import LibraryManagerDialog
from tests.ui.program_fixtures import shown_handout_tab


@pytest.fixture
def dialog(qtbot: Any, context: Any) -> LibraryManagerDialog:
    widget = LibraryManagerDialog(context)
    qtbot.addWidget(widget)
    return widget


def test_built_in_is_read_only_and_duplicate_makes_an_editable_copy(
    dialog: LibraryManagerDialog, context: Any
) -> None:
    dialog.select("sit_to_stand")
    assert dialog.current is not None and dialog.current.id == "sit_to_stand"
    assert not dialog.save_button.isEnabled() and not dialog.form.fields["name"].isEnabled()
    assert "read-only" in dialog.state.text()

    dialog.duplicate()
    assert dialog.save_button.isEnabled() and dialog.form.fields["name"].isEnabled()
    dialog.form.fields["name"].setText("Sit to stand, slow lowering")
    assert dialog.save_current(), dialog.problems.text()
    saved = context.library["sit_to_stand_custom"]
    original = context.library["sit_to_stand"]
    assert saved.name == "Sit to stand, slow lowering"
    assert (saved.spinal_flexion, saved.fall_risk, saved.steps) == (
        original.spinal_flexion, original.fall_risk, original.steps
    )  # fmt: skip
    assert saved.easier is None and saved.harder is None
    # it is in the database, loaded with the shipped library next time
    assert "sit_to_stand_custom" in custom.custom_records(context.store)
    assert "sit_to_stand_custom" in open_clinic_library(context.store).library
    picture = context.store.custom_exercise("sit_to_stand_custom").picture
    assert picture.kind == "same_as" and picture.same_as == "sit_to_stand"
    assert "(custom)" in dialog.list.currentItem().text()


def test_new_exercise_requires_every_safety_attribute_by_name(
    dialog: LibraryManagerDialog, context: Any
) -> None:
    dialog.new_exercise()
    fields = dialog.form.fields
    fields["id"].setText("towel_squeeze")
    fields["name"].setText("Towel squeeze")
    fields["summary"].setText("Squeeze a rolled towel between your knees.")
    assert not dialog.save_current()
    problems = dialog.problems.text()
    for field in ("category", "spinal_flexion", "spinal_rotation", "impact", "fall_risk",
                  "load", "position", "regions", "steps", "tips", "stop_if"):  # fmt: skip
        assert field in problems, field
    assert "towel_squeeze" not in context.library
    assert "border" in fields["spinal_flexion"].styleSheet()

    # fill it in: now it saves and screening will see it
    for name, value in (("category", "resistance"), ("spinal_flexion", "none"),
                        ("spinal_rotation", "none"), ("impact", "none"),
                        ("fall_risk", "low"), ("load", "bodyweight"),
                        ("position", "seated")):  # fmt: skip
        fields[name].setCurrentIndex(fields[name].findData(value))
    regions = fields["regions"]
    regions.item(0).setCheckState(regions.item(0).checkState().Checked)
    fields["steps"].setPlainText("Sit tall.\nSqueeze the towel.\nLet go slowly.")
    fields["tips"].setPlainText("Breathe out as you squeeze.\nKeep your back tall.")
    fields["stop_if"].setText("Stop if your hip or knee hurts.")
    assert dialog.save_current(), dialog.problems.text()
    assert context.library["towel_squeeze"].position.value == "seated"
    assert dialog.problems.text() == ""


def test_cross_field_rule_names_its_field(dialog: LibraryManagerDialog) -> None:
    dialog.select("sit_to_stand")
    dialog.duplicate()
    dialog.form.fields["support_variant"].setText("")  # moderate fall risk needs one
    assert not dialog.save_current()
    assert "support_variant" in dialog.problems.text()


def test_photo_must_be_a_real_image(
    dialog: LibraryManagerDialog, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    fake = tmp_path / "photo.png"
    fake.write_text("not an image")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(fake), ""))
    )
    dialog.new_exercise()
    dialog.picture.use_photo.setChecked(True)
    dialog.picture.choose_photo()
    assert dialog.problems.text().startswith("photo:") and dialog.picture.photo_bytes is None


def test_duplicate_with_a_photo_keeps_the_photo(
    dialog: LibraryManagerDialog, context: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QFileDialog

    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("steelblue"))
    path = tmp_path / "pose.png"
    assert image.save(str(path))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    dialog.select("bridge")
    dialog.duplicate()
    dialog.picture.use_photo.setChecked(True)
    dialog.picture.choose_photo()
    assert dialog.save_current(), dialog.problems.text()
    stored = context.store.custom_exercise("bridge_custom")
    assert stored.picture.kind == "photo" and stored.photo == path.read_bytes()
    assert context.photos["bridge_custom"] == path.read_bytes()


def test_program_tab_screens_a_new_custom_exercise(
    qtbot: Any, dialog: LibraryManagerDialog, context: Any, client_id: int
) -> None:
    from bonecoach.ui.tabs.program_tab import ProgramTab

    tab = ProgramTab(context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    dialog.select("sit_to_stand")
    dialog.duplicate()
    assert dialog.save_current()
    tab.library_changed()
    row = tab.library_model.row_of("sit_to_stand_custom")
    assert row is not None
    assert tab.library_model.rows[row].verdict == tab.client.screening["sit_to_stand"].verdict


def test_custom_posed_exercise_is_drawn_and_printed(
    qtbot: Any, dialog: LibraryManagerDialog, context: Any, client_id: int
) -> None:
    from bonecoach.art import exercise_svg
    from bonecoach.program.programs import add_item, blank_program

    dialog.select("bridge")
    dialog.duplicate()
    chooser = dialog.picture
    chooser.use_poses.setChecked(True)
    chooser.start_pose.setCurrentIndex(chooser.start_pose.findData("crook_lying"))
    chooser.end_pose.setCurrentIndex(chooser.end_pose.findData("supine"))
    assert dialog.save_current(), dialog.problems.text()
    assert context.store.custom_exercise("bridge_custom").picture.start == "crook_lying"
    assert "<svg" in exercise_svg("bridge_custom", context.illustrations)

    from bonecoach.app.programs import screen_all
    from tests.ui.program_fixtures import osteoporosis_profile

    exercise = context.library["bridge_custom"]
    result = screen_all(osteoporosis_profile(), context.library)["bridge_custom"]
    program = add_item(blank_program("With a custom bridge"), 0, exercise, result)
    context.store.save_program(client_id, program)
    tab, pages = shown_handout_tab(qtbot, context)
    tab.set_client(client_id)
    assert pages and pages[-1] >= 1, context.errors.shown


def test_a_stale_save_is_explained_and_archive_keeps_the_record(
    dialog: LibraryManagerDialog, context: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog.select("sit_to_stand")
    dialog.duplicate()
    assert dialog.save_current(), dialog.problems.text()
    # another workstation saves the same custom exercise while this dialog shows it
    stored = context.store.custom_exercise("sit_to_stand_custom")
    changed = stored.exercise.model_copy(update={"name": "Changed elsewhere"})
    context.store.save_custom_exercise(
        changed, stored.picture, expected_version=stored.version, by="Sam Other"
    )
    dialog.form.fields["name"].setText("My change")
    assert not dialog.save_current()
    [(title, message)] = context.errors.shown
    assert title == "Custom exercise not saved" and "Sam Other" in message
    assert context.store.custom_exercise("sit_to_stand_custom").exercise.name == (
        "Changed elsewhere"
    )
    # the dialog now shows their version, and a change made on it saves
    assert dialog.form.fields["name"].text() == "Changed elsewhere"
    dialog.form.fields["name"].setText("My change, again")
    assert dialog.save_current(), dialog.problems.text()
    assert context.library["sit_to_stand_custom"].name == "My change, again"

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    dialog.select("sit_to_stand_custom")
    dialog.delete()
    assert "sit_to_stand_custom" not in context.library
    assert context.store.custom_exercise("sit_to_stand_custom").archived
    assert custom.custom_records(context.store) == {}


def test_start_moves_an_old_folder_in_and_an_import_brings_new_exercises(
    context: Any, tmp_path: Any
) -> None:
    from bonecoach.app.exchange import import_client
    from bonecoach.app.programs import screen_all
    from bonecoach.paths import data_dir
    from bonecoach.program.programs import add_item, blank_program
    from bonecoach.store.exchange import export_client, write_document
    from bonecoach.store.store import Store
    from tests.ui.program_fixtures import osteoporosis_profile

    # an old custom_library folder (made by the previous BoneCoach) with one exercise
    shipped = context.library["bridge"].model_dump(mode="json", exclude_none=True)
    folder = data_dir() / "custom_library"
    folder.mkdir()
    lines = ["[[exercise]]"]
    for key, value in {**shipped, "id": "old_bridge", "name": "Old bridge"}.items():
        if key not in ("easier", "harder"):
            if isinstance(value, dict):  # TOML's inline table, not JSON's object
                inner = ", ".join(f"{k} = {json.dumps(v)}" for k, v in value.items())
                lines.append(f"{key} = {{ {inner} }}")
            else:
                lines.append(f"{key} = {json.dumps(value)}")
    lines += ["[picture]", 'kind = "poses"', 'start = "crook_lying"', 'end = "supine"']
    (folder / "old_bridge.toml").write_text("\n".join(lines), encoding="utf-8")
    library = open_clinic_library(context.store).library
    assert library["old_bridge"].name == "Old bridge" and not folder.exists()

    # another clinic exports a client whose program names its own custom exercise
    other = Store.open(f"sqlite:///{tmp_path / 'other.sqlite3'}", auto_backup=False)
    try:
        theirs = library["old_bridge"].model_copy(update={"id": "their_bridge"})
        other.save_custom_exercise(theirs, custom.CustomPicture("same_as", same_as="bridge"))
        client = other.create_client("Bea Moss")
        result = screen_all(osteoporosis_profile(), {"their_bridge": theirs})["their_bridge"]
        other.save_program(client.id, add_item(blank_program("Home"), 0, theirs, result))
        path = write_document(export_client(other, client.id), tmp_path / "bea.json")
    finally:
        other.close(auto_backup=False)
    imported = import_client(context, path, as_new=False)
    assert "their_bridge" not in context.library  # the worker only works it out
    assert imported.library_update is not None
    context.clinic_library.apply(imported.library_update)
    assert context.library["their_bridge"].name == "Old bridge"
    assert "their_bridge" in context.illustrations


def test_an_archived_custom_exercise_still_prints_in_an_old_program(
    dialog: LibraryManagerDialog, context: Any, client_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from io import BytesIO

    from pypdf import PdfReader
    from PySide6.QtWidgets import QMessageBox

    from bonecoach.app.handouts import build_pdf, open_handout_source
    from bonecoach.app.programs import screen_all
    from bonecoach.handout.model import HandoutOptions
    from bonecoach.program.programs import add_item, blank_program
    from tests.ui.program_fixtures import osteoporosis_profile

    dialog.select("bridge")
    dialog.duplicate()
    dialog.form.fields["name"].setText("Bridge with a towel")
    assert dialog.save_current(), dialog.problems.text()
    exercise = context.library["bridge_custom"]
    result = screen_all(osteoporosis_profile(), context.library)["bridge_custom"]
    context.store.save_program(client_id, add_item(blank_program("Old"), 0, exercise, result))
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    dialog.delete()  # archived: out of the library, still in the database
    assert "bridge_custom" not in context.library

    source = open_handout_source(context, client_id)
    data = build_pdf(source, context.library, context.illustrations, HandoutOptions())
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
    assert "Bridge with a towel" in " ".join(text.split())


def test_a_new_exercise_s_id_is_made_from_its_name_until_one_is_typed(
    dialog: LibraryManagerDialog, qtbot: Any
) -> None:
    """#19 polish: the manager asked for an "Id (letters, digits, _)" before the name."""
    dialog.new_exercise()
    name, ident = dialog.form.fields["name"], dialog.form.fields["id"]
    qtbot.keyClicks(name, "Towel squeeze (seated)")
    assert ident.text() == "towel_squeeze_seated"  # type: ignore[attr-defined]
    qtbot.keyClicks(ident, "_v2")
    qtbot.keyClicks(name, "!")
    assert ident.text() == "towel_squeeze_seated_v2"  # the therapist's own id stays
