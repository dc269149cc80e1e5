"""`bonecoach handout`, run the way a therapist runs it: from the store, and the demo."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from bonecoach.cli import main
from bonecoach.program.library import Library
from bonecoach.program.programs import Program
from bonecoach.store.exchange import export_client, write_document
from bonecoach.store.store import Store

from .conftest import MARKUP_NAME, collapse


def _text(path: Path) -> str:
    reader = PdfReader(BytesIO(path.read_bytes()))
    return collapse(" ".join(p.extract_text() for p in reader.pages))


def _pages(path: Path) -> list[tuple[float, float]]:
    reader = PdfReader(BytesIO(path.read_bytes()))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


@pytest.fixture
def stored(program: Program) -> tuple[int, int]:
    """A client with a saved program in the test's own database: (client id, version id)."""
    store = Store.open()
    try:
        store.add_therapist("Dana Ortiz", "PT, DPT")
        client = store.create_client(MARKUP_NAME)
        version = store.save_program(client.id, program, by="Dana Ortiz")
        return client.id, version.id
    finally:
        store.close(auto_backup=False)


def test_client_handout_prints_and_is_recorded_against_the_version(
    stored: tuple[int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    client_id, version_id = stored
    out = tmp_path / "handout.pdf"
    code = main(["handout", "--client", str(client_id), "--out", str(out), "--paper", "a4"])
    assert code == 0, capsys.readouterr().err
    text = _text(out)
    assert MARKUP_NAME in text
    assert "Dana Ortiz, PT, DPT" in text  # credentials from the therapist list
    assert "Version 1, " in text and "Version 1 of" not in text  # not "1 of 13"
    assert "Heavy deadlift" not in text  # supervised only
    assert all(abs(w - 595.28) < 0.1 or abs(h - 595.28) < 0.1 for w, h in _pages(out))
    store = Store.open()
    try:
        printed = store.handouts(version_id)
    finally:
        store.close(auto_backup=False)
    assert [(h.paper, h.large_print, h.file_name) for h in printed] == [
        ("a4", False, "handout.pdf")
    ]


def test_large_print_and_options(stored: tuple[int, int], tmp_path: Path) -> None:
    client_id, _ = stored
    standard, large = tmp_path / "s.pdf", tmp_path / "l.pdf"
    assert main(["handout", "--client", str(client_id), "--out", str(standard)]) == 0
    args = ["--large-print", "--no-log-sheet", "--group", "order"]
    assert main(["handout", "--client", str(client_id), "--out", str(large), *args]) == 0
    assert "Bring this sheet" in _text(standard)
    assert "Bring this sheet" not in _text(large)
    assert "1. Sit to stand" in _text(large)


def test_unknown_client_is_an_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["handout", "--client", "999", "--out", str(tmp_path / "x.pdf")])
    assert code == 1
    err = capsys.readouterr().err
    assert "cannot print the handout" in err and "999" in err
    assert not (tmp_path / "x.pdf").exists()


def test_out_must_be_a_pdf_in_an_existing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["handout", "--demo", "--out", str(tmp_path / "x.txt")]) == 2
    assert main(["handout", "--demo", "--out", str(tmp_path / "no" / "x.pdf")]) == 2
    assert "--out" in capsys.readouterr().err


def test_demo_reads_export_documents_without_a_database(
    stored: tuple[int, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    library: Library,
) -> None:
    """--demo reads client export files (the format of resources/demo); here one we wrote."""
    client_id, _ = stored
    store = Store.open()
    try:
        document = export_client(store, client_id)
    finally:
        store.close(auto_backup=False)
    folder = tmp_path / "demo"
    write_document(document, folder / "client.json")
    monkeypatch.setattr("bonecoach.store.exchange.demo_folder", lambda: folder)
    out = tmp_path / "demo.pdf"
    assert main(["handout", "--demo", "--out", str(out)]) == 0
    text = _text(out)
    assert MARKUP_NAME in text
    assert "BoneCoach demo clinic" in text  # no clinic in the settings: the demo clinic
    assert library["sit_to_stand"].name in text


def test_clinic_sheet_prints_only_supervised_exercises(
    stored: tuple[int, int], tmp_path: Path, library: Library
) -> None:
    client_id, version_id = stored
    out = tmp_path / "clinic.pdf"
    assert main(["handout", "--client", str(client_id), "--out", str(out), "--clinic-sheet"]) == 0
    text = _text(out)
    assert "For supervised sessions in the clinic only" in text
    assert library["deadlift_heavy"].name in text
    assert library["sit_to_stand"].name not in text
    assert "Bring this sheet" not in text
    store = Store.open()
    try:
        assert store.handouts(version_id) == []  # not a home handout
    finally:
        store.close(auto_backup=False)


def test_shipped_demo_prints_without_a_database(
    tmp_path: Path, library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    from bonecoach.app.demo_handout import demo_documents

    documents = demo_documents()
    assert documents, "resources/demo holds no demo client with a program"
    first = documents[0]
    out = tmp_path / "demo.pdf"
    assert main(["handout", "--demo", "--out", str(out)]) == 0
    assert "handout for" in capsys.readouterr().out
    text = _text(out)
    assert first.client.name in text
    program = next(p for p in first.programs if not p.archived).versions[-1].program
    for item in program.phases[0].items:
        exercise = library[item.exercise_id]
        assert (collapse(exercise.name) in text) != exercise.supervised_only
    assert not list(Path(tmp_path).glob("**/*.sqlite*"))  # no database was made
