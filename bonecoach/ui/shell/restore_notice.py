"""Telling this window that another window or workstation restored a backup.

After a restore elsewhere the records on screen may be gone or replaced (a server restore
gives every client a new id, so the id on screen may now be someone else's). Every
``CHECK_SECONDS`` the window looks for a restore entry in the audit log (one or two rows read
by key); when it finds one it reloads the client list, keeps the client on screen only if the
same id still has the same name, and says what happened and what became of unsaved edits.
"""

from __future__ import annotations

import logging
from datetime import UTC
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from bonecoach.app import backup as backup_actions
from bonecoach.app import clients as client_actions
from bonecoach.app.changes import EVERYTHING, Changes

if TYPE_CHECKING:
    from bonecoach.ui.shell.main_window import MainWindow

log = logging.getLogger("bonecoach.ui")
CHECK_SECONDS = 20


class RestoreWatcher(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.seen: Any = None
        self.records_seen()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_SECONDS * 1000)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def records_seen(self) -> None:
        """This window's own restore: nothing to tell it."""
        context = self.window.context
        if context is not None:
            try:
                self.seen = backup_actions.audit_mark(context)
            except Exception:  # the store reports a lost connection where it is used
                log.warning("could not read the audit log", exc_info=True)

    def check(self) -> bool:
        """Look for a restore made elsewhere; True if one was found (and told)."""
        context = self.window.context
        if context is None:
            return False
        try:
            self.seen, notice = backup_actions.restore_since(context, self.seen)
        except Exception:
            log.warning("could not look for restores", exc_info=True)
            return False
        if notice is None:
            return False
        self._reload_and_tell(notice)
        return True

    def _reload_and_tell(self, notice: Any) -> None:
        from bonecoach.app.library import reload_custom_exercises

        window, context = self.window, self.window.context
        assert context is not None
        current = window.client_id
        name = window.client_name() if current is not None else ""
        dirty = window.dirty_tabs()
        reload_custom_exercises(context)
        context.changes.announce(Changes(EVERYTHING))  # restored elsewhere: all may differ
        same = [c for c in client_actions.list_clients(context) if c.id == current]
        if current is None:
            what = "The client list has been reloaded."
        elif not same or same[0].name != name:
            window.open_client(None, ask=False)  # that id may now be someone else
            what = f"{name} may have moved in the restored records: choose the client again."
            if dirty:
                what += f" The unsaved edits ({', '.join(dirty)}) could not be kept."
        elif dirty:
            what = (
                f"Your unsaved edits to {name} ({', '.join(dirty)}) are still on screen: "
                "check them against the restored records before saving."
            )
        else:
            window.client_id = None
            window.open_client(current, ask=False)  # read again from the restored records
            what = f"{name}'s records on screen were read again from the restored records."
        when = notice.at.replace(tzinfo=UTC).astimezone().strftime("%H:%M on %d %B")
        who = notice.who or "Someone"
        window.statusBar().showMessage(f"Records restored from a backup by {who} at {when}")
        context.errors.info(
            "Records restored from a backup",
            f"{who} restored the records from a backup at {when}, on another window or "
            f"workstation ({notice.detail}).\n\n{what}",
        )
