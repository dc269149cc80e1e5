"""The clinic's own templates (#17 point 4): stored in the database, versioned, archived not
deleted, audited, carried by the clinic export (the server backup) and its restore, on
SQLite and PostgreSQL; two workstations changing one template: the second is told."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command

from bonecoach.store import database
from bonecoach.store.clinic_file import read_clinic_file
from bonecoach.store.errors import InvalidTemplate, StaleSaveError
from bonecoach.store.exchange import export_all_to_file
from bonecoach.store.migrate import alembic_config
from bonecoach.store.server_backup import restore_clinic_export
from bonecoach.store.store import Store
from tests.store import factories
from tests.store.factories import POSED, custom

_template = factories.clinic_template


def test_a_saved_template_is_listed_changed_with_a_version_check_and_archived(
    store: Store,
) -> None:
    saved = store.save_clinic_template(_template())
    assert saved.version == 1 and saved.template.made_by_clinic
    assert [r.id for r in store.clinic_templates()] == ["clinic_tuesday_group"]

    renamed = saved.template.model_copy(update={"name": "Tuesday class"})
    changed = store.save_clinic_template(renamed, expected_version=1)
    assert changed.version == 2 and changed.template.name == "Tuesday class"
    with pytest.raises(StaleSaveError):  # saved on the version before: refused, nothing lost
        store.save_clinic_template(renamed.model_copy(update={"name": "Old"}), expected_version=1)
    assert store.clinic_template("clinic_tuesday_group").template.name == "Tuesday class"

    store.archive_clinic_template("clinic_tuesday_group", expected_version=2)
    assert store.clinic_templates() == []
    [kept] = store.clinic_templates(include_archived=True)
    assert kept.archived and kept.template.name == "Tuesday class"  # archived, not deleted
    store.archive_clinic_template("clinic_tuesday_group", False)
    assert [r.id for r in store.clinic_templates()] == ["clinic_tuesday_group"]

    actions = [e.action for e in store.audit_entries() if e.entity == "clinic_template"]
    assert sorted(actions) == ["archive", "create", "unarchive", "update"]


def test_a_template_is_refused_naming_the_field(store: Store) -> None:
    with pytest.raises(InvalidTemplate, match=r"id: .*built-in template"):
        store.save_clinic_template(_template("falls_first"))
    store.save_clinic_template(_template())
    with pytest.raises(InvalidTemplate, match="already used by the clinic template"):
        store.save_clinic_template(_template())
    unknown = _template("clinic_other").model_dump(mode="json")
    unknown["phases"][0]["items"][0]["exercise_id"] = "no_such_exercise"
    with pytest.raises(
        InvalidTemplate, match=r"phases\.0\.items\.0: no exercise 'no_such_exercise'"
    ):
        store.save_clinic_template(unknown)
    blank = _template("clinic_blank").model_dump(mode="json")
    blank["name"] = ""
    with pytest.raises(InvalidTemplate, match="name"):
        store.save_clinic_template(blank)


def test_two_workstations_changing_one_template_the_second_is_told(
    store: Store, store_url: str | None, tmp_path: Path
) -> None:
    url = store_url or f"sqlite:///{database.default_sqlite_path()}"
    first = store
    second = Store.open(url, actor="Sam Second", auto_backup=False)
    try:
        base = first.save_clinic_template(_template())
        mine = second.clinic_template(base.id)
        first.save_clinic_template(
            base.template.model_copy(update={"summary": "First's words."}), expected_version=1
        )
        with pytest.raises(StaleSaveError) as told:
            second.save_clinic_template(
                mine.template.model_copy(update={"summary": "Second's words."}),
                expected_version=mine.version,
            )
        assert told.value.saved_by == "Pat Physio"
        assert second.clinic_template(base.id).template.summary == "First's words."
    finally:
        second.close(auto_backup=False)


def test_the_clinic_export_carries_templates_and_a_restore_brings_them_back(
    store: Store, tmp_path: Path
) -> None:
    store.save_custom_exercise(custom(), POSED)
    with_custom = _template("clinic_with_custom", "With our squeeze").model_dump(mode="json")
    with_custom["phases"][0]["items"][0]["exercise_id"] = "towel_squeeze"
    store.save_clinic_template(with_custom)
    store.save_clinic_template(_template("clinic_old", "Old class"))
    store.archive_clinic_template("clinic_old")
    backup = export_all_to_file(store.engine, tmp_path / "clinic.json")
    data = json.loads(backup.read_text(encoding="utf-8"))
    assert {(t["template"]["id"], t["archived"]) for t in data["clinic_templates"]} == {
        ("clinic_with_custom", False),
        ("clinic_old", True),
    }
    assert len(read_clinic_file(backup).clinic_templates) == 2

    # later that day: one changed, one added; the restore puts the exported ones back
    store.save_clinic_template(_template("clinic_new", "New"))
    current = store.clinic_template("clinic_with_custom")
    store.save_clinic_template(
        current.template.model_copy(update={"name": "Renamed"}), expected_version=current.version
    )
    restore_clinic_export(store, backup, tmp_path / "backups")
    listed = {
        r.id: (r.template.name, r.archived) for r in store.clinic_templates(include_archived=True)
    }
    assert listed == {
        "clinic_with_custom": ("With our squeeze", False),
        "clinic_old": ("Old class", True),
    }


def test_a_server_database_from_before_clinic_templates_is_exported_then_migrated(
    postgres_schema_url: str, tmp_path: Path
) -> None:
    """The export taken before migrating runs on the old schema, which has no templates
    table: it must still be taken (it is the way back) and say there are none."""
    engine = database.make_engine(postgres_schema_url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0003")
    Store(engine).create_client("Ann Lee")
    engine.dispose()
    folder = tmp_path / "backups"
    store = Store.open(postgres_schema_url, backups=folder, auto_backup=False)
    try:
        assert store.opened is not None and store.opened.migrated_from == "0003"
        [before] = [p for p in folder.iterdir() if "before-migration" in p.name]
        data = json.loads(before.read_text(encoding="utf-8"))
        assert data["clinic_templates"] == [] and len(data["clients"]) == 1
        store.save_clinic_template(_template())  # and the new table is there
        assert [r.id for r in store.clinic_templates()] == ["clinic_tuesday_group"]
    finally:
        store.close(auto_backup=False)


def test_a_template_whose_custom_exercise_was_archived_can_still_be_renamed(
    store: Store,
) -> None:
    store.save_custom_exercise(custom(), POSED)
    raw = _template().model_dump(mode="json")
    raw["phases"][0]["items"][0]["exercise_id"] = "towel_squeeze"
    saved = store.save_clinic_template(raw)
    store.archive_custom_exercise("towel_squeeze")
    renamed = store.save_clinic_template(
        saved.template.model_copy(update={"name": "Renamed"}), expected_version=1
    )
    assert renamed.template.name == "Renamed"
    # but a new exercise must still be in the library
    added = renamed.template.model_dump(mode="json")
    added["phases"][0]["items"][1]["exercise_id"] = "no_such_exercise"
    with pytest.raises(InvalidTemplate, match="no_such_exercise"):
        store.save_clinic_template(added, expected_version=2)
