"""The in-app preview of the real handout PDF, and printing it page by page.

QtPdf is imported only when the first preview is shown (it is not needed at start-up). The
preview shows exactly the bytes that "Save PDF" writes and "Print" sends.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStackedLayout, QWidget

from bonecoach.ui.widgets.plain import PlainLabel


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Handout preview")
        self.message = PlainLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#5f6368; font-size:11pt; padding:24px")
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.message)
        self.view: Any = None
        self.document: Any = None
        self._buffer: QBuffer | None = None
        self.data: bytes | None = None
        self.show_message("No handout yet.")

    def _ensure_view(self) -> None:
        if self.view is not None:
            return
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName("Handout pages")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.stack.addWidget(self.view)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def show_pdf(self, data: bytes) -> int:
        """Show ``data``; returns the number of pages (0 if Qt could not read it)."""
        self._ensure_view()
        self.document.close()
        self.data = data
        # The buffer must outlive the document's use of it, so it is kept on self.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        pages = int(self.document.pageCount())
        if pages == 0:
            self.show_message("The handout could not be shown (the PDF did not open).")
        else:
            self.stack.setCurrentWidget(self.view)
        return pages

    def page_count(self) -> int:
        return 0 if self.document is None else int(self.document.pageCount())

    def print_with_dialog(self, paper: str, parent: QWidget) -> bool:
        """Ask for a printer (QPrintDialog) and print every page; False if cancelled."""
        from PySide6.QtGui import QPageSize
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        size = QPageSize.PageSizeId.A4 if paper == "a4" else QPageSize.PageSizeId.Letter
        printer.setPageSize(QPageSize(size))
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        if self.send_pdf(printer):
            return True
        return self.print_to(printer) > 0

    def send_pdf(self, printer: Any) -> bool:
        """The handout's own PDF, as vectors, where the dialog pointed: a file for "Print to
        file" (written as it is: printing pages as images made a 9 MB file that took
        seconds), or the system's print queue (CUPS ``lp`` takes PDF). False when neither
        applies, and the pages are drawn onto the printer instead."""
        import shutil
        import subprocess
        import tempfile

        if not self.data:
            return False
        if printer.outputFormat() == printer.OutputFormat.PdfFormat and printer.outputFileName():
            from bonecoach.store.atomic import write_private_bytes

            write_private_bytes(Path(printer.outputFileName()), self.data)
            return True
        lp, name = shutil.which("lp"), printer.printerName()
        if lp is None or not name:
            return False
        with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as handle:
            handle.write(self.data)
        try:
            copies = str(max(1, printer.copyCount()))
            sent = subprocess.run(
                [lp, "-d", name, "-n", copies, "--", handle.name],
                capture_output=True,
                timeout=60,
                check=False,
            )
        finally:
            Path(handle.name).unlink(missing_ok=True)
        return sent.returncode == 0

    def print_to(self, printer: Any) -> int:
        """Draw every page onto ``printer`` at its resolution; returns pages printed."""
        pages = self.page_count()
        if pages == 0:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be started")
        try:
            target = printer.pageRect(printer.Unit.DevicePixel)
            for page in range(pages):
                if page:
                    printer.newPage()
                size = self.document.pagePointSize(page)  # points: 1/72 inch
                scale = min(target.width() / size.width(), target.height() / size.height())
                box = QRectF(0, 0, size.width() * scale, size.height() * scale)
                # 300 dpi is sharp on paper; a 1200 dpi printer would need 16x the pixels.
                dpi = min(300.0, printer.resolution())
                pixels = QSize(int(size.width() * dpi / 72), int(size.height() * dpi / 72))
                painter.drawImage(box, self.document.render(page, pixels))
        finally:
            painter.end()
        return pages
