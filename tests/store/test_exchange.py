"""Export and import one client: versioned, validated whole, duplicates refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bonecoach.store.client_file import read_document
from bonecoach.store.clinic_file import read_clinic_file
from bonecoach.store.errors import DuplicateClientError, ImportProblem
from bonecoach.store.exchange import (
    export_all_to_file,
    export_client,
    import_client,
    load_demo,
    load_demo_documents,
    write_document,
)
from bonecoach.store.store import Store
from tests.store import factories


def test_export_import_round_trip_is_equal(store: Store, tmp_path: Path) -> None:
    client_id = factories.full_client(store)
    document = export_client(store, client_id)
    path = write_document(document, tmp_path / "zoe.json")
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["format_version"]) == ("bonecoach-client", 3)

    target = Store.open(f"sqlite:///{tmp_path / 'other.sqlite3'}", auto_backup=False)
    imported = import_client(target, read_document(path))
    again = export_client(target, imported.id)
    assert again.comparable() == document.comparable()
    assert target.client_history(imported.id).sessions[0].log == factories.session_log()
    assert [e.action for e in target.audit_entries(imported.id)] == ["export", "import"]
    target.close(auto_backup=False)


def test_existing_client_is_refused_unless_as_new(store: Store) -> None:
    client_id = factories.full_client(store)
    document = export_client(store, client_id)
    with pytest.raises(DuplicateClientError, match="already stored") as caught:
        import_client(store, document)
    assert caught.value.existing_id == client_id
    assert len(store.list_clients()) == 1

    copy = import_client(store, document, as_new=True)
    assert copy.id != client_id and copy.clinic_id is None  # clinic ids stay unique
    assert export_client(store, copy.id).profiles == document.profiles
    # same name and date of birth, no clinic id: still a duplicate
    renamed = document.model_copy(
        update={"client": document.client.model_copy(update={"clinic_id": None})}
    )
    with pytest.raises(DuplicateClientError, match="same name and date of birth"):
        import_client(store, renamed)


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(format="something-else"), "format: not a BoneCoach client file"),
        (lambda d: d.update(format_version=7), "format_version: 7 is newer"),
        (
            lambda d: d["sessions"][1]["log"]["entries"][0].update(pain_during=14),
            "sessions.1.log.entries.0.pain_during: Input should be less than or equal to 10",
        ),
        (
            lambda d: d["profiles"][0]["profile"].update(age="old"),
            "profiles.0.profile.age",
        ),
        (lambda d: d["client"].pop("name"), "client.name: missing field"),
        (lambda d: d["client"].update(nickname="Zo"), "client.nickname: unknown field"),
        (
            lambda d: d["sessions"][0]["program_version"].update(version=9),
            "sessions.0.program_version refers to program 0 version 9",
        ),
    ],
)
def test_bad_file_is_rejected_whole_naming_the_field(
    store: Store, tmp_path: Path, change: object, expected: str
) -> None:
    client_id = factories.full_client(store)
    data = export_client(store, client_id).model_dump(mode="json")
    data["client"]["clinic_id"] = "NEW-1"
    data["client"]["name"] = "Someone New"
    change(data)  # type: ignore[operator]
    with pytest.raises(ImportProblem) as caught:
        read_document(_write(tmp_path, data))
    assert expected in str(caught.value)
    assert "nothing was changed" in str(caught.value)
    assert [c.id for c in store.list_clients(include_archived=True)] == [client_id]


def test_not_json_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": "bonecoach-client",', encoding="utf-8")
    with pytest.raises(ImportProblem, match="not valid JSON at line 1"):
        read_document(path)


def test_a_failing_import_changes_nothing(store: Store) -> None:
    client_id = factories.full_client(store)
    document = export_client(store, client_id)
    store.create_client("Taken", clinic_id="T-1")
    before = store.audit_entries()
    # valid file, but the database refuses a row half-way (a clinic id taken in between)
    broken = document.model_copy(
        update={"client": document.client.model_copy(update={"clinic_id": "T-1", "name": "X"})}
    )
    from bonecoach.store.importer import add_document

    with pytest.raises(Exception, match=r"(?i)unique|duplicate"):
        add_document(store, broken, clinic_id="T-1", by=None)
    assert len(store.list_clients()) == 2
    assert store.audit_entries() == before


def test_clinic_export_lists_every_client(store: Store, tmp_path: Path) -> None:
    factories.full_client(store)
    store.create_client("Bob Roe")
    path = export_all_to_file(store.engine, tmp_path / "clinic.json")
    documents = read_clinic_file(path).clients
    assert sorted(d.client.name for d in documents) == sorted(c.name for c in store.list_clients())


def test_demo_documents_need_no_database_and_load(store: Store) -> None:
    documents = load_demo_documents()
    assert 4 <= len(documents) <= 6
    for document in documents:
        assert document.profiles and document.programs and len(document.sessions) >= 6
    added, skipped = load_demo(store)
    assert len(added) == len(documents) and skipped == []
    again, skipped = load_demo(store)  # loading twice adds nothing
    assert again == [] and len(skipped) == len(documents)
    for record, document in zip(added, documents, strict=True):
        assert export_client(store, record.id).comparable() == document.comparable()
