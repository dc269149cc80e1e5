"""Custom exercises in the database: validated at the door, saved with a version check, kept
out of the shipped ids, carried by client export/import, and migrated from the old folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from bonecoach.program.dosage import Dosage
from bonecoach.program.exercise import Exercise
from bonecoach.program.picture import MAX_BYTES, CustomPicture
from bonecoach.program.programs import Phase, Program, ProgramItem
from bonecoach.store.client_file import read_document
from bonecoach.store.errors import ImportProblem, InvalidExercise, StaleSaveError
from bonecoach.store.exchange import export_client, import_client, write_document
from bonecoach.store.store import Store
from tests.sample_images import png
from tests.store.factories import POSED, custom


def test_round_trip_with_picture_photo_and_audit(store: Store) -> None:
    saved = store.save_custom_exercise(custom(), POSED)
    assert (saved.version, saved.created_by, saved.archived) == (1, "Pat Physio", False)
    [again] = store.custom_exercises()
    assert again.exercise == custom() and again.picture == POSED and again.photo is None

    photo = png()
    changed = store.save_custom_exercise(
        custom(name="Towel squeeze"), CustomPicture("photo"), photo, expected_version=1
    )
    assert changed.version == 2
    stored = store.custom_exercise("towel_squeeze")
    assert stored.exercise.name == "Towel squeeze"
    assert stored.photo == photo and stored.picture.photo == "image/png"
    # a later text change keeps the stored photo
    kept = store.save_custom_exercise(custom(), CustomPicture("photo"), expected_version=2)
    assert kept.photo == photo
    duplicate = store.save_custom_exercise(
        custom("bridge_copy"), CustomPicture("same_as", same_as="bridge")
    )
    assert duplicate.picture.same_as == "bridge"

    archived = store.archive_custom_exercise("towel_squeeze")
    assert archived.archived and archived.version == 4
    assert [r.id for r in store.custom_exercises()] == ["bridge_copy"]
    assert {r.id for r in store.custom_exercises(include_archived=True)} == {
        "bridge_copy",
        "towel_squeeze",
    }
    actions = [
        (a.action, a.detail.split(":")[0])
        for a in store.audit_entries()
        if a.entity == "custom_exercise"
    ]
    assert actions[0] == ("archive", "towel_squeeze")
    assert ("create", "towel_squeeze") in actions and ("update", "towel_squeeze") in actions


def test_stale_save_is_refused_and_nothing_changes(store: Store, store_url: str | None) -> None:
    store.save_custom_exercise(custom(), POSED)
    other = Store.open(store_url, auto_backup=False, actor="Sam Other")
    try:
        other.save_custom_exercise(custom(name="Their version"), POSED, expected_version=1)
    finally:
        other.close(auto_backup=False)
    with pytest.raises(StaleSaveError, match="Sam Other") as caught:
        store.save_custom_exercise(custom(name="My version"), POSED, expected_version=1)
    assert caught.value.current_version == 2
    assert store.custom_exercise("towel_squeeze").exercise.name == "Their version"
    # adding a second one under the same id is refused too, naming the id
    with pytest.raises(InvalidExercise, match="id: already used"):
        store.save_custom_exercise(custom(name="Another"), POSED)


def test_clash_with_a_shipped_id_is_refused(store: Store) -> None:
    with pytest.raises(InvalidExercise, match="'sit_to_stand' is a built-in exercise"):
        store.save_custom_exercise(custom("sit_to_stand"), POSED)
    assert store.custom_exercises() == []


def test_domain_rules_and_links_name_their_field(store: Store) -> None:
    raw = custom().model_dump(mode="json")
    raw.update(fall_risk="high", support_variant=None, harder="no_such_thing")
    with pytest.raises(InvalidExercise) as caught:
        store.save_custom_exercise(raw, POSED)
    assert [f for f, _p in caught.value.problems] == ["support_variant"]
    with pytest.raises(InvalidExercise) as caught:
        store.save_custom_exercise(custom(harder="no_such_thing"), POSED)
    assert caught.value.problems == [
        ("harder", "no exercise with id 'no_such_thing' in the library")
    ]
    with pytest.raises(InvalidExercise, match=r"picture\.start"):
        store.save_custom_exercise(custom(), {"kind": "poses", "start": "Not A Pose"})
    assert store.custom_exercises() == []


def test_photo_type_and_size_limits(store: Store) -> None:
    with pytest.raises(InvalidExercise, match=r"picture\.photo: the file is not a PNG or JPEG"):
        store.save_custom_exercise(custom(), CustomPicture("photo"), b"%PDF-1.7")
    too_big = png() + b"\x00" * MAX_BYTES
    with pytest.raises(InvalidExercise, match=r"the limit is 8\.0 MB"):
        store.save_custom_exercise(custom(), CustomPicture("photo"), too_big)
    with pytest.raises(InvalidExercise, match="15000 x 2000 pixels"):
        store.save_custom_exercise(custom(), CustomPicture("photo"), png(15000, 2000))
    with pytest.raises(InvalidExercise, match="choose a photo file"):
        store.save_custom_exercise(custom(), CustomPicture("photo"))
    assert store.custom_exercises() == []


def test_migration_from_the_previous_head_keeps_data(store_url: str | None) -> None:
    from alembic import command
    from sqlalchemy import inspect

    from bonecoach.store.database import database_url, make_engine
    from bonecoach.store.migrate import alembic_config, current_revision
    from bonecoach.store.models import HEAD_REVISION

    engine = make_engine(store_url or database_url())
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
    with engine.connect() as connection:
        assert "custom_exercises" not in inspect(connection).get_table_names()
    Store(engine).create_client("Ann Lee")
    engine.dispose()

    store = Store.open(store_url, auto_backup=False)
    try:
        assert store.opened is not None and store.opened.migrated_from == "0001"
        with store.engine.connect() as connection:
            assert current_revision(connection) == HEAD_REVISION
        assert [c.name for c in store.list_clients()] == ["Ann Lee"]
        store.save_custom_exercise(custom(), POSED)
        assert [r.id for r in store.custom_exercises()] == ["towel_squeeze"]
    finally:
        store.close(auto_backup=False)


def _client_using(store: Store, *exercise_ids: str) -> int:
    client = store.create_client("Ann Lee", date_of_birth=dt.date(1951, 3, 2))
    items = tuple(
        ProgramItem(
            exercise_id=exercise_id,
            dosage=Dosage(sets=2, reps=10, effort=6, rest_seconds=60, days_per_week=3),
        )
        for exercise_id in exercise_ids
    )
    program = Program(
        name="Home program",
        phases=(Phase(name="Weeks 1-4", start_week=1, end_week=4, items=items),),
    )
    store.save_program(client.id, program)
    return client.id


def _other_store(tmp_path: Path) -> Store:
    return Store.open(f"sqlite:///{tmp_path / 'other.sqlite3'}", auto_backup=False)


def test_export_carries_the_named_custom_exercises_and_import_adds_them(
    store: Store, tmp_path: Path
) -> None:
    photo = png()
    store.save_custom_exercise(custom(), CustomPicture("photo"), photo)
    store.save_custom_exercise(custom("not_used", name="Not in the program"), POSED)
    client_id = _client_using(store, "sit_to_stand", "towel_squeeze")
    document = export_client(store, client_id)
    assert [c.exercise.id for c in document.custom_exercises] == ["towel_squeeze"]
    path = write_document(document, tmp_path / "ann.json")
    assert '"format_version": 3' in path.read_text(encoding="utf-8")

    target = _other_store(tmp_path)
    try:
        imported = import_client(target, read_document(path))
        [added] = target.custom_exercises()
        assert added.exercise == custom() and added.photo == photo
        assert added.picture.kind == "photo" and added.picture.photo == "image/png"
        again = export_client(target, imported.id)
        assert again.comparable() == document.comparable()
        # the same definition again (another client of that clinic) imports without fuss
        second = import_client(target, read_document(path), as_new=True)
        assert second.id != imported.id and len(target.custom_exercises()) == 1
    finally:
        target.close(auto_backup=False)


def test_import_refuses_a_different_definition_under_a_taken_id(
    store: Store, tmp_path: Path
) -> None:
    store.save_custom_exercise(custom(), POSED)
    document = export_client(store, _client_using(store, "towel_squeeze"))
    target = _other_store(tmp_path)
    try:
        target.save_custom_exercise(custom(name="Their own towel squeeze"), POSED)
        with pytest.raises(ImportProblem, match="already has a different custom exercise"):
            import_client(target, document)
        assert target.list_clients() == []  # nothing imported
        assert target.custom_exercise("towel_squeeze").exercise.name == "Their own towel squeeze"
    finally:
        target.close(auto_backup=False)


def test_a_version_1_file_without_custom_exercises_still_imports(
    store: Store, tmp_path: Path
) -> None:
    import json

    document = export_client(store, _client_using(store, "sit_to_stand"))
    data = json.loads(document.model_dump_json())
    data["format_version"] = 1
    del data["custom_exercises"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    imported = import_client(_store := _other_store(tmp_path), read_document(path))
    try:
        assert imported.name == "Ann Lee"
    finally:
        _store.close(auto_backup=False)


def _toml(value: Any) -> str:
    """A TOML value as the old library manager wrote it (JSON strings are TOML strings)."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items() if v is not None) + " }"
        )
    return json.dumps(value) if isinstance(value, str) else repr(value)


def _legacy_file(folder: Path, exercise: Exercise, picture: str) -> None:
    """A file of the old custom_library folder: [[exercise]] then [picture]."""
    data = exercise.model_dump(mode="json", exclude_none=True)
    lines = ["[[exercise]]", *(f"{k} = {_toml(v)}" for k, v in data.items())]
    text = "\n".join(lines) + "\n\n[picture]\n" + picture
    (folder / f"{exercise.id}.toml").write_text(text, encoding="utf-8")


def test_legacy_folder_is_imported_once_and_renamed(store: Store) -> None:
    from bonecoach.paths import data_dir
    from bonecoach.store.legacy_custom import import_legacy_folder

    folder = data_dir() / "custom_library"
    folder.mkdir()
    _legacy_file(folder, custom(), 'kind = "poses"\nstart = "sit_chair"\nend = "stand"\n')
    _legacy_file(folder, custom("photo_one"), 'kind = "photo"\nphoto = "photo_one.png"\n')
    (folder / "photo_one.png").write_bytes(png())
    _legacy_file(folder, custom("sit_to_stand"), 'kind = "none"\n')  # a shipped id
    (folder / "broken.toml").write_text("[[exercise]]\nid = ", encoding="utf-8")

    result = import_legacy_folder(store)
    assert result is not None and sorted(result.imported) == ["photo_one", "towel_squeeze"]
    assert [p.split(":")[0] for p in result.problems] == ["broken.toml", "sit_to_stand.toml"]
    assert "built-in exercise" in result.problems[1]
    by_id = {r.id: r for r in store.custom_exercises()}
    assert by_id["towel_squeeze"].picture == POSED
    assert by_id["photo_one"].photo == png() and by_id["photo_one"].picture.photo == "image/png"
    # the folder is kept under a new name (nothing lost) and not imported again
    assert not folder.exists() and result.moved_to is not None
    assert result.moved_to.name.startswith("custom_library.imported-")
    assert (result.moved_to / "broken.toml").is_file()
    note = (result.moved_to / "NOT-IMPORTED.txt").read_text(encoding="utf-8")
    assert "broken.toml" in note and "sit_to_stand.toml" in note
    assert import_legacy_folder(store) is None
    assert any(a.entity == "custom_library_folder" for a in store.audit_entries())


def test_command_line_handout_and_screen_see_custom_exercises(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    import json
    from io import BytesIO

    from pypdf import PdfReader

    from bonecoach.cli import main
    from bonecoach.paths import resource

    profile = resource("examples", "profile-one-vertebral-fracture.json")
    assert main(["screen", "--profile", str(profile), "--json"]) == 0  # no database yet
    assert "towel_squeeze" not in capsys.readouterr().out

    store = Store.open(auto_backup=False)  # the default database, as the commands use
    try:
        store.save_custom_exercise(custom(name="Towel squeeze with a pause"), POSED)
        client_id = _client_using(store, "sit_to_stand", "towel_squeeze")
    finally:
        store.close(auto_backup=False)

    assert main(["screen", "--profile", str(profile), "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["towel_squeeze"]["name"] == "Towel squeeze with a pause"
    assert rows["towel_squeeze"]["verdict"] == rows["sit_to_stand"]["verdict"]

    out = tmp_path / "handout.pdf"
    code = main(["handout", "--client", str(client_id), "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    pages = PdfReader(BytesIO(out.read_bytes())).pages
    text = " ".join(" ".join(p.extract_text().split()) for p in pages)
    assert "Towel squeeze with a pause" in text
    assert "no illustration for exercise 'towel_squeeze'" not in caplog.text  # its poses drawn


def test_clinic_export_holds_every_custom_exercise(store: Store, tmp_path: Path) -> None:
    import json

    from bonecoach.store.exchange import export_all_to_file

    store.save_custom_exercise(custom(), CustomPicture("photo"), png())
    store.save_custom_exercise(custom("unused_one"), POSED)
    store.archive_custom_exercise("unused_one")
    _client_using(store, "towel_squeeze")
    data = json.loads(export_all_to_file(store.engine, tmp_path / "clinic.json").read_text())
    assert sorted(c["exercise"]["id"] for c in data["custom_exercises"]) == [
        "towel_squeeze",
        "unused_one",
    ]
    [client] = data["clients"]
    assert [c["exercise"]["id"] for c in client["custom_exercises"]] == ["towel_squeeze"]


def test_importing_a_clinic_export_brings_every_custom_exercise(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bonecoach.cli import main
    from bonecoach.store.exchange import export_all_to_file

    source = _other_store(tmp_path)  # the clinic that made the export
    try:
        source.save_custom_exercise(custom(), CustomPicture("photo"), png())
        source.save_custom_exercise(custom("unused_one"), POSED)
        _client_using(source, "towel_squeeze")
        path = export_all_to_file(source.engine, tmp_path / "clinic.json")
    finally:
        source.close(auto_backup=False)

    # into this test's default database (the one the command opens), empty so far
    assert main(["import-client", str(path)]) == 0, capsys.readouterr().err
    assert "Added 2 custom exercise(s): towel_squeeze, unused_one" in capsys.readouterr().out
    target = Store.open(auto_backup=False)
    try:
        by_id = {r.id: r for r in target.custom_exercises()}
        assert set(by_id) == {"towel_squeeze", "unused_one"}
        assert by_id["towel_squeeze"].photo == png()
        assert [c.name for c in target.list_clients()] == ["Ann Lee"]
    finally:
        target.close(auto_backup=False)
