"""What the main window's menu commands do (kept apart so main_window.py stays about layout).

Dialog modules are imported when first used: none of them is needed to show the window.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bonecoach.app import backup as backup_actions
from bonecoach.app import clients as client_actions
from bonecoach.app.changes import EVERYTHING, Changes, Topic
from bonecoach.ui.core.ops import run_op
from bonecoach.ui.shell.navigation import TAB_KEYS, go_to_tab, search_library
from bonecoach.ui.widgets.plain import as_written

if TYPE_CHECKING:
    from bonecoach.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)


class MenuHandlers:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "new_client": self.new_client,
            "find": self.window.clients.focus_search,
            "save": self.save_current,
            "export_handout": self.export_handout,
            "print_handout": self.print_handout,
            "export_client": self.export_client,
            "import_client": self.import_client,
            "backup": self.backup_now,
            "restore": self.restore_backup,
            "settings": self.open_settings,
            "quit": self.window.close,
            "archive": self.archive_current,
            "edit_client": self.edit_client,
            "library_manager": self.open_library_manager,
            "about": self.show_about,
            "guide": self.show_guide,
            "load_demo": self.load_demo,
            **{
                f"go_{title.lower()}": lambda title=title: go_to_tab(self.window, title)
                for title, _key in TAB_KEYS
            },
            "search_library": lambda: search_library(self.window),
            "undo": lambda: self._current_tab_does("undo"),
            "redo": lambda: self._current_tab_does("redo"),
            "discard": self.discard_current,
        }

    def new_client(self) -> None:
        if self.window.context is None or not self.window.confirm_unsaved():
            return
        from bonecoach.ui.shell.new_client_dialog import NewClientDialog

        dialog = NewClientDialog(self.window.context, self.window)
        if dialog.exec() and dialog.created is not None:
            self._announce(Changes.of(Topic.CLIENTS, client_id=dialog.created.id))
            self.window.clients.select_client(dialog.created.id)
            self.window.open_client(dialog.created.id, ask=False)
            go_to_tab(self.window, "Profile")  # the cursor in the profile's first field
            self.window.statusBar().showMessage(f"Added {dialog.created.name}", 5000)

    def edit_client(self) -> None:
        w = self.window
        if w.context is None or w.client_id is None:
            return
        from bonecoach.app.clients import get_client
        from bonecoach.ui.shell.new_client_dialog import NewClientDialog

        dialog = NewClientDialog(w.context, w, client=get_client(w.context, w.client_id))
        if dialog.exec() and dialog.created is not None:
            self._announce(Changes.of(Topic.CLIENTS, client_id=w.client_id))
            w.statusBar().showMessage(f"Saved the details of {dialog.created.name}", 5000)

    def save_current(self) -> None:
        from bonecoach.ui.widgets.typing import commit_typing

        commit_typing()  # the number still being typed is part of what is saved
        tab: Any = self.window.tab_widget.currentWidget()
        if tab is None or self.window.client_id is None:
            return
        if tab.has_unsaved_changes() and tab.save():
            self.window.statusBar().showMessage("Saved", 4000)
        self.window._update_title()

    def export_handout(self) -> None:
        """Ctrl+Shift+S: the Handout tab, then where to save the PDF."""
        handout: Any = self.window.tabs.get("Handout")
        if handout is None or self.window.client_id is None:
            return
        self.window.tab_widget.setCurrentWidget(handout)
        handout.export_pdf()

    def print_handout(self) -> None:
        """Ctrl+P: the Handout tab, then the printer dialog."""
        handout: Any = self.window.tabs.get("Handout")
        if handout is None or self.window.client_id is None:
            return
        self.window.tab_widget.setCurrentWidget(handout)
        handout.print_handout()

    def export_client(self) -> None:
        from bonecoach.ui.shell.client_exchange import export_current

        export_current(self.window)

    def import_client(self) -> None:
        from bonecoach.ui.shell.client_exchange import import_file

        import_file(self.window)

    def backup_now(self) -> None:
        context = self.window.context
        if context is None:
            return

        def done(path: Any) -> None:
            self.window.statusBar().showMessage(f"Backup saved: {path}", 10000)
            context.errors.info("Backup made", f"The database was backed up to\n{path}")

        run_op(
            context, "Backup not made", backup_actions.backup_now, context, on_done=done,
            background=True, label="Backing up…",
        )  # fmt: skip

    def restore_backup(self) -> None:
        w, context = self.window, self.window.context
        if context is None or not w.confirm_unsaved():
            return
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        folder = str(getattr(context.store, "backup_folder", "") or "")
        server = context.store.sqlite_path is None
        kinds = "BoneCoach clinic exports (*.json)" if server else "BoneCoach backups (*.sqlite3)"
        name, _ = QFileDialog.getOpenFileName(w, "Restore a backup", folder, kinds)
        if not name:
            return
        everyone = ""
        if server:  # checked whole before asking, so the question can say what it holds
            done = run_op(
                context, "Backup not restored", backup_actions.clients_in_export, Path(name)
            )
            if not done:
                return
            held = done.value
            everyone = (
                f"\n\nIt holds {held} client(s). The records are on the clinic's server: "
                "every workstation will see the backup's."
            )
        answer = QMessageBox.question(
            w,
            "Restore a backup",
            as_written(
                f"Replace every client record with the backup\n{name}?{everyone}\n\n"
                "The records as they are now are backed up first, so this can be undone."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from bonecoach.ui.widgets.progress import progress_if

        def restore() -> Any:  # a server's: keeping the records, then replacing them: how far
            with progress_if(server, w, "Restoring the clinic's records…") as progress:
                return backup_actions.restore_into_open_store(context, Path(name), progress)

        done = run_op(context, "Backup not restored", restore)
        if not done:
            return
        kept = done.value
        from bonecoach.app.library import reload_custom_exercises

        reload_custom_exercises(context)  # the backup's custom exercises, too
        w.open_client(None, ask=False)
        self._announce(Changes(EVERYTHING))  # every record may differ
        w.restore_watcher.records_seen()  # this window's own restore: no notice
        context.errors.info("Backup restored", f"Restored {name}.\nThe records before it: {kept}")

    def open_settings(self) -> None:
        if self.window.context is None:
            return
        from bonecoach.ui.settings.settings_dialog import SettingsDialog

        if SettingsDialog(self.window.context, self.window).exec():  # saved, not cancelled
            self._announce(Changes.of(Topic.SETTINGS))  # clinic, therapist, paper: the handout
        self.window.show_where()

    def archive_current(self) -> None:
        if self.window.client_id is not None:
            record = self.window.clients.model.record(self.window.client_id)
            self.set_archived(self.window.client_id, not (record is not None and record.archived))

    def set_archived(self, client_id: int, archived: bool) -> None:
        if self.window.context is None:
            return
        done = run_op(
            self.window.context,
            "Client not changed",
            client_actions.set_archived,
            self.window.context,
            client_id,
            archived,
        )
        if not done:
            return
        record = done.value
        self._announce(Changes.of(Topic.CLIENTS, client_id=client_id))
        verb = "Archived" if archived else "Restored"
        self.window.statusBar().showMessage(f"{verb} {record.name}", 5000)

    def open_library_manager(self) -> None:
        if self.window.context is None:
            return
        try:
            module = importlib.import_module("bonecoach.ui.library.library_manager")
        except ModuleNotFoundError as exc:
            if exc.name != "bonecoach.ui.library.library_manager":
                raise
            self.window.context.errors.info("Library manager", "Not available in this build.")
            return
        dialog = module.LibraryManagerDialog(self.window.context, self.window)
        changed: list[bool] = []
        dialog.library_changed.connect(lambda: changed.append(True))
        dialog.exec()
        if changed:  # custom exercises were saved, archived or restored
            self._announce(Changes.of(Topic.LIBRARY))

    def _current_tab_does(self, what: str) -> None:
        """Undo or redo in the tab on screen (the Program tab keeps an edit history)."""
        title = self.window.current_tab_title()
        tab = self.window.tabs.get(title or "")
        if tab is not None and self.window.client_id is not None:
            (tab.undo if what == "undo" else tab.redo)()  # type: ignore[attr-defined]

    def discard_current(self) -> bool:
        """Edit > Discard changes: back to what is saved in the tab on screen, after asking."""
        from PySide6.QtWidgets import QMessageBox

        title = self.window.current_tab_title()
        tab: Any = self.window.tabs.get(title or "")
        if tab is None or not tab.has_unsaved_changes():
            self.window.statusBar().showMessage("Nothing to discard: this tab is saved.", 4000)
            return False
        answer = QMessageBox.question(
            self.window,
            "Discard changes?",
            as_written(
                f"Go back to what is saved on the {title} tab? The changes made since are lost."
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Discard:
            return False
        tab.discard_changes()
        return True

    def _announce(self, changes: Changes) -> None:
        if self.window.context is not None:
            self.window.context.changes.announce(changes)

    def load_demo(self) -> None:
        """Help > Load the demo clients: any time, not only from the first-run welcome."""
        context = self.window.context
        if context is None:
            return
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self.window,
            "Load the demo clients",
            "Add five made-up demo clients (with profiles, programs and sessions) to the "
            "records? Any already loaded are skipped. They can be archived later.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        from bonecoach.ui.shell.welcome import demo_loaded

        run_op(
            context, "Demo clients not loaded", client_actions.load_demo, context,
            on_done=lambda result: demo_loaded(self.window, result), background=True,
            label="Loading demo clients…",
        )  # fmt: skip

    def show_guide(self, section: str = "") -> None:
        from bonecoach.ui.widgets.guide import show_guide

        self.guide = show_guide(self.window, section)

    def show_about(self) -> None:
        from bonecoach.ui.shell.about import show_about

        show_about(self.window, self.window.context)

    def on_close(self) -> None:
        """The store's on-close backup, here rather than in a worker: the window is closing."""
        context = self.window.context
        if context is None:
            return
        if context.tasks.busy:  # e.g. the start-of-day export of a server database
            self._say("Finishing the backup before closing…")
            context.tasks.wait(300_000)
        from bonecoach.ui.widgets.progress import progress_if

        store = context.store
        if store.changed:
            self._say("Backing up before closing…")
        slow = store.changed and store.sqlite_path is None  # a whole clinic's export: seconds
        text = "Backing up the clinic's records before closing…"
        try:
            with progress_if(slow, self.window, text) as progress:
                backup_actions.close_store(context, progress)
        except Exception as exc:  # closing must not be blocked by a failed backup
            log.exception("on-close backup failed")
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self.window, "Backup on close failed", as_written(str(exc)))

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text)
        self.window.statusBar().repaint()
