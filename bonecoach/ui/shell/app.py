"""Start the desktop app: show the window first, then open the database behind it.

Order matters for how fast BoneCoach feels: the main window (menus, and the client list read
straight from the SQLite file) is shown before anything slow is imported; the store, library
and illustrations are opened on a worker thread; the window gets its tabs when they arrive.
A database that must not be used gets a clear dialog offering the newest good backup.

Developer switches (environment): ``BONECOACH_SHOW_CLIENT=<id>`` and ``BONECOACH_SHOW_TAB=<tab
title>`` open a client and tab (for screenshots); ``BONECOACH_EXIT_AFTER=<stage>`` prints the
seconds since process start at each stage up to that one, and quits (benchmarks):
"shown" the first paint, "usable" the client list filled and searchable (read straight from
the SQLite file when it can be), "ready" the database, library and tabs loaded as well,
"client" the reopened client's tab painted, "handout" the Handout tab's preview showing pages.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from typing import Any

log = logging.getLogger("bonecoach.ui")


def _since_start() -> float:
    """Seconds since this process started (Linux), else since Python started importing us."""
    try:
        with open("/proc/self/stat", encoding="utf-8") as stat:
            ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="utf-8") as uptime:
            now = float(uptime.read().split()[0])
        return now - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _IMPORTED


_IMPORTED = time.perf_counter()


def _setup_logging() -> None:
    from bonecoach.logfile import setup_logging

    setup_logging()


class Starter:
    """Opens the store behind the shown window and attaches it (or explains why not)."""

    def __init__(self, app: Any, window: Any, errors: Any, tasks: Any) -> None:
        self.app = app
        self.window = window
        self.errors = errors
        self.tasks = tasks

    def start(self) -> None:
        from bonecoach.app.opening import open_everything

        self.tasks.run(open_everything, on_done=self.opened, on_error=self.failed, label="Opening…")

    def opened(self, opened: Any) -> None:
        from bonecoach.ui.core.context import AppContext

        context = AppContext(
            clinic_library=opened.clinic_library,
            store=opened.store,
            settings=opened.settings,
            tasks=self.tasks,
            errors=self.errors,
            therapist_name=opened.settings.default_therapist or None,
        )
        show_client = os.environ.get("BONECOACH_SHOW_CLIENT")
        self.window.attach(context, restore=not show_client)
        if opened.settings_problem:
            self.errors.show(
                "Some settings could not be used (correct them in File > Settings)",
                opened.settings_problem,
            )
        if opened.store.backup_due:
            self.back_up_in_background(opened.store)
        if show_client:
            self.window.clients.select_client(int(show_client))
            self.window.open_client(int(show_client), ask=False)
        tab = os.environ.get("BONECOACH_SHOW_TAB")
        if tab in self.window.tabs:
            self.window.tab_widget.setCurrentWidget(self.window.tabs[tab])
        if not self.window.early_list_shown and _maybe_exit(self.app, "usable"):
            return
        if _maybe_exit(self.app, "ready"):
            return
        self._mark_client_and_handout()
        if opened.first_run and not show_client:
            from bonecoach.ui.shell.welcome import WelcomeDialog

            hint = self.window.message.text()
            self.window.show_message("")  # else its edges show beside the welcome dialog
            WelcomeDialog(context, self.window).run()
            if self.window.client_id is None:
                self.window.show_message(hint)
            self.window.show_where()

    def _mark_client_and_handout(self) -> None:
        """Benchmark marks after "ready": "client" once the reopened client's tab has been
        painted, "handout" once the Handout tab's preview shows its first pages."""
        if os.environ.get("BONECOACH_EXIT_AFTER") not in ("client", "handout"):
            return
        from PySide6.QtCore import QTimer

        handout: Any = self.window.tabs.get("Handout")
        if handout is not None:

            def shown(pages: int) -> None:
                if pages:
                    print(f"handout_pages {pages}", flush=True)
                    _maybe_exit(self.app, "handout")

            handout.pdf_ready.connect(shown)
        QTimer.singleShot(0, lambda: _maybe_exit(self.app, "client"))

    def back_up_in_background(self, store: Any) -> None:
        """A server database's start-of-day export: seconds for a whole clinic, so it runs on
        a worker while the therapist works (closing waits for it)."""

        def done(path: Any) -> None:
            if path is not None:
                self.window.statusBar().showMessage(f"Daily backup saved: {path}", 10000)

        def failed(exc: BaseException) -> None:
            self.errors.show("The daily backup failed (the records are safe on the server)", exc)

        self.tasks.run(
            store.take_due_backup, on_done=done, on_error=failed, label="Backing up the records…"
        )

    def failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from bonecoach.store.errors import DatabaseProblem
        from bonecoach.ui.widgets.plain import as_written

        if isinstance(exc, DatabaseProblem) and exc.newest_backup:
            answer = QMessageBox.critical(
                self.window,
                "The database cannot be used",
                as_written(
                    f"{exc.problem}\n\nThe newest good backup is\n{exc.newest_backup}\n\n"  # type: ignore[attr-defined]
                    "Restore it? The current database is kept aside, not deleted."
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Close,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._restore(exc)
                return
        else:
            self.errors.show("BoneCoach cannot open its data", exc)
        self.window.show_message(
            "BoneCoach could not open its data. Nothing was changed.\n"
            f"{exc}\n\nSee File > Settings or ask clinic IT."
        )

    def _restore(self, problem: Any) -> None:
        from bonecoach.app.opening import restore_newest

        try:
            kept = restore_newest(problem)
        except Exception as exc:
            self.errors.show("Restore failed", exc)
            return
        self.errors.info("Backup restored", f"Restored. The previous database was kept at {kept}.")
        self.start()


def _maybe_exit(app: Any, stage: str) -> bool:
    """Benchmark marks: with BONECOACH_EXIT_AFTER set, print each stage's seconds since the
    process started ("shown", "usable", "ready") and quit at the one named."""
    target = os.environ.get("BONECOACH_EXIT_AFTER")
    if not target:
        return False
    print(f"{stage} {_since_start():.3f}", flush=True)
    if stage != target:
        return False
    app.quit()
    return True


def _early_clients() -> list[Any] | None:
    """The client list read straight from the SQLite file (milliseconds, read-only), so the
    window appears with it; None when there is no such file to read (the store decides)."""
    try:
        from bonecoach.store.early import early_clients
    except ImportError:
        return None
    try:
        return early_clients()
    except Exception:  # never let the shortcut stop the app: the full open reports problems
        log.exception("early client list failed")
        return None


def run_app(argv: list[str] | None = None) -> int:
    from bonecoach.ui.shell.system_libraries import start_problem

    problem = start_problem()
    if problem:  # said in words before Qt would abort with its own plugin message
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from bonecoach.ui.core.errors import ErrorReporter
    from bonecoach.ui.core.tasks import TaskRunner
    from bonecoach.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("BoneCoach")
    app.setOrganizationName("BoneCoach")
    _setup_logging()
    errors = ErrorReporter()
    tasks = TaskRunner(errors)
    window = MainWindow()
    errors.parent = window
    window.watch_tasks(tasks)  # the busy indicator works while opening, too
    early = _early_clients()
    if early is not None:
        window.show_early_clients(early)
    window.show()
    starter = Starter(app, window, errors, tasks)

    def first_turn() -> None:
        if _maybe_exit(app, "shown"):
            return
        if early is not None and _maybe_exit(app, "usable"):
            return
        starter.start()

    QTimer.singleShot(0, first_turn)  # after the first paint; the store opens behind it
    return int(app.exec())
