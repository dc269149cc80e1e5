"""What the main window's menu commands do (a mixin, so main_window.py stays about layout).

Dialog modules are imported when first used: none of them is needed to show the window.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox

from bonecoach.ui.actions import backup as backup_actions
from bonecoach.ui.actions import clients as client_actions

if TYPE_CHECKING:
    from bonecoach.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class WindowCommands:
    def command_handlers(self: MainWindow) -> dict[str, Callable[[], object]]:
        return {
            "new_client": self.new_client,
            "find": self.clients.focus_search,
            "save": self.save_current,
            "export_handout": self.export_handout,
            "backup": self.backup_now,
            "settings": self.open_settings,
            "quit": self.close,
            "archive": self.archive_current,
            "library_manager": self.open_library_manager,
            "about": self.show_about,
        }

    def new_client(self: MainWindow) -> None:
        if self.context is None or not self.confirm_unsaved():
            return
        from bonecoach.ui.new_client_dialog import NewClientDialog

        dialog = NewClientDialog(self.context, self)
        if dialog.exec() and dialog.created is not None:
            self.refresh_clients()
            self.clients.select_client(dialog.created.id)
            self.open_client(dialog.created.id, ask=False)
            self.tab_widget.setCurrentWidget(self.tabs["Profile"])
            self.tabs["Profile"].setFocus()
            self.statusBar().showMessage(f"Added {dialog.created.name}", 5000)

    def save_current(self: MainWindow) -> None:
        tab: Any = self.tab_widget.currentWidget()
        if tab is None or self.client_id is None:
            return
        if tab.has_unsaved_changes() and tab.save():
            self.statusBar().showMessage("Saved", 4000)
        self._update_title()

    def export_handout(self: MainWindow) -> None:
        handout: Any = self.tabs.get("Handout")
        if handout is None or self.client_id is None:
            return
        self.tab_widget.setCurrentWidget(handout)
        if hasattr(handout, "export_pdf"):
            handout.export_pdf()

    def backup_now(self: MainWindow) -> None:
        context = self.context
        if context is None:
            return

        def done(path: Any) -> None:
            self.statusBar().showMessage(f"Backup saved: {path}", 10000)
            context.errors.info("Backup made", f"The database was backed up to\n{path}")

        context.tasks.run(backup_actions.backup_now, context, on_done=done, label="Backing up…")

    def open_settings(self: MainWindow) -> None:
        if self.context is None:
            return
        from bonecoach.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.context, self).exec()

    def archive_current(self: MainWindow) -> None:
        if self.client_id is not None:
            record = self.clients.model.record(self.client_id)
            self.set_archived(self.client_id, not (record is not None and record.archived))

    def set_archived(self: MainWindow, client_id: int, archived: bool) -> None:
        if self.context is None:
            return
        try:
            record = client_actions.set_archived(self.context, client_id, archived)
        except Exception as exc:
            self.context.errors.show("Client not changed", exc)
            return
        self.refresh_clients()
        verb = "Archived" if archived else "Restored"
        self.statusBar().showMessage(f"{verb} {record.name}", 5000)

    def open_library_manager(self: MainWindow) -> None:
        if self.context is None:
            return
        try:
            module = importlib.import_module("bonecoach.ui.library_manager")
        except ModuleNotFoundError as exc:
            if exc.name != "bonecoach.ui.library_manager":
                raise
            self.context.errors.info("Library manager", "Not available in this build.")
            return
        module.LibraryManagerDialog(self.context, self).exec()
        for tab in self.tabs.values():  # custom exercises may have changed
            if hasattr(tab, "library_changed"):
                tab.library_changed()

    def show_about(self: MainWindow) -> None:
        from bonecoach.ui.about import show_about

        show_about(self, self.context)

    def on_close(self: MainWindow) -> None:
        """The store's on-close backup; brief, so it runs here rather than in a worker."""
        if self.context is None:
            return
        self.context.tasks.wait()
        try:
            backup_actions.close_store(self.context)
        except Exception as exc:  # closing must not be blocked by a failed backup
            log.exception("on-close backup failed")
            QMessageBox.warning(self, "Backup on close failed", str(exc))
