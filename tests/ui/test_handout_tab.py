"""The Handout tab builds the real PDF for a client's saved program, previews it, saves it."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from bonecoach.ui.tabs.handout_tab import HandoutTab
from tests.ui.program_fixtures import shown_handout_tab


@pytest.fixture
def saved_program(context: Any, client_id: int) -> Any:
    from bonecoach.app.templates import shipped_templates
    from bonecoach.program.templates import instantiate
    from tests.ui.program_fixtures import osteoporosis_profile

    template = next(t for t in shipped_templates(context.library) if not t.clinic_only)
    program, _changes = instantiate(template, osteoporosis_profile(), context.library)
    return context.store.save_program(client_id, program)


def test_handout_tab_builds_previews_and_saves_a_pdf(
    qtbot: Any, context: Any, client_id: int, saved_program: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    tab, pages = shown_handout_tab(qtbot, context)
    tab.set_client(client_id)
    assert pages and pages[-1] >= 2, context.errors.shown
    assert tab.preview.page_count() == pages[-1]
    assert "version 1" in tab.about.text()

    out = tmp_path / "handout"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "PDF"))
    )
    tab.export_pdf()
    saved = tmp_path / "handout.pdf"
    assert saved.exists() and saved.read_bytes().startswith(b"%PDF")
    assert saved.read_bytes() == tab.preview.data
    recorded = context.store.handouts(saved_program.id)
    assert [(r.paper, r.file_name) for r in recorded] == [(tab.options().paper, "handout.pdf")]


def test_options_rebuild_and_large_print_has_more_pages(
    qtbot: Any, context: Any, client_id: int, saved_program: Any
) -> None:
    tab, pages = shown_handout_tab(qtbot, context)
    tab.set_client(client_id)
    standard = pages[-1]
    tab.large_print.setChecked(True)
    assert len(pages) == 2 and pages[-1] > standard
    tab.paper.setCurrentIndex(tab.paper.findData("a4"))
    assert len(pages) == 3 and tab.built_for is not None


def test_client_without_program_explains_what_to_do(
    qtbot: Any, context: Any, client_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = HandoutTab(context)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_client(client_id)
    assert "No saved program" in tab.preview.message.text()
    assert not tab.print_button.isEnabled()
    called: list[Any] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: called.append(a)))
    tab.export_pdf()
    assert not called and context.errors.shown[-1][0] == "No handout to save"


def test_new_program_version_is_picked_up_when_the_tab_is_shown_again(
    qtbot: Any, context: Any, client_id: int, saved_program: Any
) -> None:
    tab = HandoutTab(context)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_client(client_id)
    tab.hide()
    renamed = saved_program.program.model_copy(update={"name": "Spring program"})
    context.store.save_program(client_id, renamed, program_id=saved_program.program_id, based_on=1)
    tab.show()
    assert "version 2" in tab.about.text() and "Spring program" in tab.about.text()
    assert tab.built_for is not None and tab.built_for[0] != saved_program.id


def test_print_renders_every_page_to_the_printer(
    qtbot: Any, context: Any, client_id: int, saved_program: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    tab = HandoutTab(context)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_client(client_id)
    out = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:  # stands in for the user choosing a printer
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(72)  # keeps the test quick; real printers get 300 dpi
        return int(QPrintDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    tab.print_handout()  # not built yet: it prints once the handout is ready
    qtbot.waitUntil(out.exists, timeout=30_000)
    # "Print to file" gets the handout's own PDF, vectors and all: not pages drawn as images
    # (that made a 9 MB file that kept growing for seconds)
    assert out.read_bytes() == tab.preview.data
    assert out.stat().st_size < 2_000_000
    from PySide6.QtPdf import QPdfDocument

    printed = QPdfDocument()
    printed.load(str(out))
    assert printed.pageCount() == tab.preview.page_count()
    assert len(context.store.handouts(saved_program.id)) == 1


def test_build_runs_on_a_worker_and_save_pdf_saves_when_ready(
    qtbot: Any, context: Any, client_id: int, saved_program: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    import threading

    from bonecoach.app import handouts
    from bonecoach.ui.core.tasks import TaskRunner

    context.tasks = TaskRunner(context.errors)  # the real, threaded runner
    threads: list[str] = []
    real_build = handouts.build_pdf

    def build(*args: Any) -> bytes:
        threads.append(threading.current_thread().name)
        return real_build(*args)

    monkeypatch.setattr(handouts, "build_pdf", build)
    out = tmp_path / "saved.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "PDF"))
    )
    tab = HandoutTab(context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    tab.show()  # starts the build
    tab.export_pdf()  # Ctrl+Shift+S before the build is done: saved when it arrives
    qtbot.waitUntil(out.exists, timeout=30_000)
    assert out.read_bytes().startswith(b"%PDF")
    # it says where, with a link that opens the folder
    assert str(out) in tab.saved_note.text() and tmp_path.as_uri() in tab.saved_note.text()
    assert len(threads) == 1 and threads[0] != threading.main_thread().name


def test_unsaved_program_edits_are_mentioned(
    qtbot: Any, context: Any, client_id: int, saved_program: Any
) -> None:
    from bonecoach.ui.tabs.program_tab import ProgramTab

    program_tab = ProgramTab(context)
    qtbot.addWidget(program_tab)
    program_tab.set_client(client_id)
    program_tab.editor.remove_selected()  # the first item is selected on opening
    assert program_tab.has_unsaved_changes()
    tab = HandoutTab(context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    tab.show()
    assert "unsaved changes" in tab.about.text()
    assert program_tab.save()
    tab.hide()
    tab.show()
    assert "unsaved" not in tab.about.text() and "version 2" in tab.about.text()


def test_print_to_a_printer_draws_the_pages_when_no_print_queue_takes_the_pdf(
    qtbot: Any, context: Any, client_id: int, saved_program: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without CUPS (or on a printer it does not know) the pages are drawn at up to 300 dpi."""
    import shutil

    from PySide6.QtPrintSupport import QPrintDialog

    tab = HandoutTab(context)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_client(client_id)
    qtbot.waitUntil(lambda: tab.preview.page_count() > 0, timeout=30_000)
    drawn: list[int] = []
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: int(QPrintDialog.DialogCode.Accepted))
    monkeypatch.setattr(tab.preview, "print_to", lambda printer: drawn.append(1) or 3)
    tab.print_handout()
    assert drawn == [1]
    assert len(context.store.handouts(saved_program.id)) == 1


def test_the_log_sheet_can_be_printed_alone(
    qtbot: Any, context: Any, client_id: int, saved_program: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """#17, point 5: a new week's log sheet at a visit, without the whole handout."""
    from pypdf import PdfReader
    from PySide6.QtCore import Qt
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    tab = HandoutTab(context)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_client(client_id)
    qtbot.waitUntil(lambda: tab.print_log_button.isEnabled(), timeout=30_000)
    out = tmp_path / "log-sheet.pdf"

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(72)
        return int(QPrintDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    qtbot.mouseClick(tab.print_log_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists, timeout=30_000)
    pages = PdfReader(str(out)).pages
    whole = PdfReader(BytesIO(tab.preview.data)).pages
    assert 0 < len(pages) < len(whole)
    assert all("Stop if" not in " ".join(p.extract_text().split()) for p in pages)
