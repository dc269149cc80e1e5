"""The Handout tab: print options, a preview of the real PDF, Save PDF and Print.

The PDF is built on a worker thread (``context.tasks``) whenever the client or an option
changes while the tab is shown; Save and Print use exactly the previewed bytes. Each saved or
printed handout is recorded against the program version it shows.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bonecoach.app import handouts as actions
from bonecoach.app.changes import Topic
from bonecoach.ui.core.ops import run_op
from bonecoach.ui.tabs.handout_preview import PdfPreview
from bonecoach.ui.widgets.plain import PlainLabel, RichLabel

if TYPE_CHECKING:
    from bonecoach.handout.model import HandoutOptions
    from bonecoach.ui.core.context import AppContext

GROUPINGS = (
    ("Strong, Steady, Straight", "strong_steady_straight"),
    ("By position (standing, sitting, lying)", "position"),
    ("In program order", "order"),
)


class HandoutTab(QWidget):
    dirty_changed = Signal(bool)  # never dirty: options are not client data
    concerns = frozenset(Topic)  # it prints all of it
    pdf_ready = Signal(int)  # pages in the preview just shown

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.source: actions.HandoutSource | None = None
        self.built_for: tuple[Any, ...] | None = None  # (version id, options, phases) shown
        self._pending_save: Path | None = None
        self._pending_print = False  # Ctrl+P before the handout was built: print when it is
        self._generation = 0
        self._building: tuple[Any, ...] | None = None  # the key of the build under way
        settings = context.settings

        self.paper = QComboBox()
        self.paper.addItem("Letter", "letter")
        self.paper.addItem("A4", "a4")
        self.paper.setCurrentIndex(1 if getattr(settings, "paper_size", "letter") == "a4" else 0)
        self.large_print = QCheckBox("Large print (one exercise per page)")
        self.large_print.setChecked(bool(getattr(settings, "large_print", False)))
        self.grouping = QComboBox()
        for label, value in GROUPINGS:
            self.grouping.addItem(label, value)
        self.phases = QComboBox()
        self.log_sheet = QCheckBox("Include the weekly log sheet")
        self.log_sheet.setChecked(True)
        for widget, name in (
            (self.paper, "Paper size"),
            (self.large_print, "Large print"),
            (self.grouping, "Group exercises"),
            (self.phases, "Phases to print"),
            (self.log_sheet, "Include log sheet"),
        ):
            widget.setAccessibleName(name)
        for combo in (self.paper, self.grouping, self.phases):
            combo.currentIndexChanged.connect(self.refresh_preview)
        for box in (self.large_print, self.log_sheet):
            box.toggled.connect(self.refresh_preview)

        self.save_button = QPushButton("Save PDF…")
        self.save_button.clicked.connect(self.export_pdf)
        self.print_button = QPushButton("Print…")
        self.print_button.clicked.connect(self.print_handout)
        # a new week's log sheet at a visit, without the whole handout
        self.print_log_button = QPushButton("Print log sheet…")
        self.print_log_button.clicked.connect(self.print_log_sheet)
        self.about = PlainLabel()
        self.about.setWordWrap(True)
        self.about.setStyleSheet("color:#3c4043")
        # after Save PDF: where it went, with a link that opens the folder
        self.saved_note = RichLabel()
        self.saved_note.setWordWrap(True)
        self.saved_note.setOpenExternalLinks(True)
        self.saved_note.hide()

        options = QGroupBox("Handout options")
        form = QFormLayout(options)
        form.addRow("Paper", self.paper)
        form.addRow(self.large_print)
        form.addRow("Grouping", self.grouping)
        form.addRow("Phases", self.phases)
        form.addRow(self.log_sheet)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        side = QVBoxLayout()
        side.addWidget(options)
        side.addLayout(buttons)
        side.addWidget(self.print_log_button)  # under Print: a second way to print
        side.addWidget(self.about)
        side.addWidget(self.saved_note)
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(340)

        self.preview = PdfPreview()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(side_widget, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.preview, 1)
        self.red_flags: list[Any] = []
        self.set_client(None)

    # -- the tab contract -----------------------------------------------------------------
    def set_client(self, client_id: int | None) -> None:
        self.built_for = None
        self.source = None
        if client_id is not None:
            self.source = actions.open_handout_source(self.context, client_id)
        self._fill_phases()
        self._update_state()
        if self.isVisible():
            self.refresh_preview()

    def has_unsaved_changes(self) -> bool:
        return False

    def save(self) -> bool:
        return True

    def undo(self) -> bool:
        """No edit history of its own: a text box undoes its typing itself (Ctrl+Z)."""
        return False

    def redo(self) -> bool:
        return False

    def discard_changes(self) -> None:
        pass

    def library_changed(self) -> None:
        """Custom exercises changed: the next preview is built again."""
        self.built_for = None
        if self.isVisible():
            self.refresh_preview()

    # -- options --------------------------------------------------------------------------
    def options(self) -> HandoutOptions:
        from bonecoach.handout.model import HandoutOptions

        return HandoutOptions(
            paper=self.paper.currentData(),
            large_print=self.large_print.isChecked(),
            grouping=self.grouping.currentData(),
            include_log_sheet=self.log_sheet.isChecked(),
        )

    def _fill_phases(self) -> None:
        self.phases.blockSignals(True)
        self.phases.clear()
        self.phases.addItem("Current phase (by start date)", "current")
        self.phases.addItem("All phases", "all")
        version = None if self.source is None else self.source.version
        if version is not None:
            for i, phase in enumerate(version.program.phases):
                self.phases.addItem(phase.name, i)
        self.phases.blockSignals(False)

    def set_red_flags(self, flags: list[Any]) -> None:
        """Red flags not yet reviewed hold every preview, save and print of the handout: a
        client told to stop is not handed a program to go on with. Reviewing them means
        dismissing them on the Sessions tab with what was found (kept in the audit log)."""
        self.red_flags = list(flags)
        self.built_for = None
        self._update_state()
        if not self.red_flags and self.isVisible():
            self.refresh_preview()

    def _key(self) -> tuple[Any, ...] | None:
        version = None if self.source is None else self.source.version
        if version is None or self.red_flags:
            return None
        return (version.id, self.options(), self.phases.currentData())

    def _update_state(self) -> None:
        version = None if self.source is None else self.source.version
        ready = self.built_for is not None and self.built_for == self._key()
        self.save_button.setEnabled(version is not None and not self.red_flags)
        self.print_button.setEnabled(ready and not self.red_flags)
        self.print_log_button.setEnabled(ready and not self.red_flags)
        if self.source is not None and self.red_flags:
            self.about.setText("")
            self.preview.show_message(
                "Red flag not yet reviewed: no handout until it is.\n\n"
                + "\n".join(f"• {flag.reason}" for flag in self.red_flags)
                + "\n\nReview the client, then dismiss the red flag on the Sessions tab "
                "with what you found (it is kept in the record)."
            )
        elif self.source is None:
            self.about.setText("")
            self.preview.show_message("Choose a client to see their handout.")
        elif version is None:
            self.about.setText("")
            self.preview.show_message(
                "No saved program yet. Build and save the program on the Program tab; "
                "every handout prints a saved program version."
            )
        else:
            saved = version.saved_at.strftime("%d %b %Y")
            unsaved = (
                "\n\nThe Program tab has unsaved changes: save them there to print them."
                if "Program" in self.context.changes.unsaved
                else ""
            )
            no_phone = (
                "\n\nNo clinic phone number in Settings: the handout prints a line to write "
                "it in by hand (set it in Settings to print it)."
                if not self.context.settings.clinic_phone.strip()
                else ""
            )
            self.about.setText(
                f"Prints version {version.number} of “{version.program.name}”, saved {saved}"
                f"{' by ' + version.saved_by if version.saved_by else ''}.{unsaved}{no_phone}"
            )

    # -- building -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload_source()
        self._update_state()
        if self.built_for != self._key():
            self.refresh_preview()

    def reload_source(self) -> None:
        """Pick up a program version saved since the client was opened (Program tab)."""
        if self.source is None:
            return
        old = self.source.version
        self.source = actions.open_handout_source(self.context, self.source.client_id)
        new = self.source.version
        if (old and old.id) != (new and new.id):
            self._fill_phases()
            self._update_state()

    def refresh_preview(self, *_args: object) -> None:
        key = self._key()
        self._update_state()
        if key is None or key == self.built_for or self.source is None:
            return
        if key == self._building:  # already on its way (e.g. shown, then Ctrl+P at once)
            return
        self._building = key
        self.context.clinic_library.load_custom_pictures(self.context.store)
        self._generation += 1
        generation = self._generation
        self.preview.show_message("Building the handout…")
        self.context.tasks.run(
            actions.build_pdf,
            self.source,
            self.context.library,
            self.context.illustrations,
            key[1],
            key[2],
            # a copy: the Library manager may change the app's photos during the build
            dict(self.context.photos),
            on_done=lambda data: self._built(generation, key, data),
            on_error=lambda exc: self._failed(generation, exc),
            label="Building handout…",
        )

    def _built(self, generation: int, key: tuple[Any, ...], data: bytes) -> None:
        if generation != self._generation:  # an older build finishing late
            return
        self._building = None
        pages = self.preview.show_pdf(data)
        self.built_for = key if pages else None
        self._update_state()
        self.pdf_ready.emit(pages)
        if self._pending_save is not None and pages:
            path, self._pending_save = self._pending_save, None
            self._write(path)
        if self._pending_print and pages:
            self._pending_print = False
            self.print_handout()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._building = None
        self._pending_save = None
        self._pending_print = False
        self.preview.show_message(f"The handout could not be built:\n{exc}")
        from bonecoach.handout.build import NoHomeHandout

        if not isinstance(exc, NoHomeHandout):  # expected for clinic-only programs
            self.context.errors.show("Handout not built", exc)

    # -- save and print -------------------------------------------------------------------
    def export_pdf(self) -> None:
        """Save PDF… (also the main window's Ctrl+P): ask where, then write the handout."""
        if self.source is None or self.source.version is None:
            self.context.errors.show(
                "No handout to save", "Save a program for this client first (Program tab)."
            )
            return
        if self.red_flags:
            self.context.errors.show(
                "No handout while a red flag is open",
                "Review the client and dismiss the red flag on the Sessions tab first.",
            )
            return
        suggested = Path.home() / f"{self.source.client_name} - home exercises.pdf"
        name, _filter = QFileDialog.getSaveFileName(
            self, "Save the handout as PDF", str(suggested), "PDF files (*.pdf)"
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        if self.built_for == self._key() and self.preview.data is not None:
            self._write(path)
        else:
            self._pending_save = path
            self.refresh_preview()

    def _write(self, path: Path) -> None:
        assert self.source is not None and self.source.version is not None
        data = self.preview.data or b""
        version_id, options = self.source.version.id, self.options()
        done = run_op(
            self.context, "Handout not saved", actions.save_handout, self.context, version_id,
            options, data, path,
        )  # fmt: skip
        if not done:
            return
        self.saved_path = path
        folder = path.parent.as_uri()
        self.saved_note.setText(
            f"Saved to <b>{escape(str(path))}</b>. <a href='{escape(folder)}'>Open the folder</a>"
        )
        self.saved_note.show()

    def print_log_sheet(self) -> None:
        """The log sheet alone, built for the same options and phases, then the printer."""
        key = self._key()
        if key is None or self.source is None:
            return
        from dataclasses import replace

        options = replace(self.options(), include_log_sheet=True, log_sheet_only=True)
        run_op(
            self.context, "Log sheet not printed", actions.build_pdf, self.source,
            self.context.library, self.context.illustrations, options, key[2],
            dict(self.context.photos), on_done=self._print_log_pdf, background=True,
            label="Building the log sheet…",
        )  # fmt: skip

    def _print_log_pdf(self, data: bytes) -> None:
        self.log_pdf = PdfPreview()  # not shown: it holds the pages for the printer
        if self.log_pdf.show_pdf(data):
            run_op(
                self.context, "Log sheet not printed", self.log_pdf.print_with_dialog,
                self.paper.currentData(), self,
            )  # fmt: skip

    def print_handout(self) -> None:
        """Print… and Ctrl+P: the printer dialog once the handout is built (it may still be
        building when Ctrl+P comes from another tab: it prints when ready)."""
        if self.source is None or self.source.version is None or self.red_flags:
            return
        if self.built_for != self._key() or not self.preview.page_count():
            self._pending_print = True
            self.refresh_preview()
            return
        version_id, options = self.source.version.id, self.options()

        def print_and_note() -> None:
            if self.preview.print_with_dialog(self.paper.currentData(), self):
                actions.record_handout(self.context, version_id, options, "")

        run_op(self.context, "Handout not printed", print_and_note)
