"""Correcting, moving and deleting a logged session (#17): the Sessions tab's part that
works on sessions already logged. A correction or a move saves a new session and withdraws
the old one; a deletion withdraws it; each asks a reason, kept in the history and the audit
log. Mixed into SessionsTab, whose form, view and actions it uses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QInputDialog, QMessageBox

from bonecoach.app import sessions as actions
from bonecoach.app.changes import Changes, Topic
from bonecoach.app.clients import list_clients
from bonecoach.ui.core.ops import run_op

if TYPE_CHECKING:
    from bonecoach.ui.core.context import AppContext


class SessionCorrections:
    """Needs the tab's ``context``, ``client_id``, ``view``, ``form``, ``add_box``,
    ``save_button``, ``reset_button``, ``_name``, ``_announce`` and ``set_client``."""

    context: AppContext
    client_id: int | None
    view: Any
    form: Any
    add_box: Any
    save_button: Any
    reset_button: Any
    _correcting: Any | None

    def correct_session(self, record: Any) -> None:
        """Put the session in the form; Save correction replaces it (the old one is kept)."""
        if self.form.edited and not self._may_drop_form():
            return
        program = self.view.program.program if self.view and self.view.program else None
        ids = {e.exercise_id for e in record.log.entries}
        ids |= set(program.exercise_ids()) if program else set()
        self.form.load_log(program, {i: self._name(i) for i in ids}, record.log)
        self._set_correcting(record)

    def move_session(self, record: Any) -> bool:
        others = [c for c in list_clients(self.context) if c.id != self.client_id]
        if not others:
            self.context.errors.info("No other client", "There is no other client to move it to.")
            return False
        labels = [f"{c.name}" + (f" ({c.clinic_id})" if c.clinic_id else "") for c in others]
        label, ok = QInputDialog.getItem(
            self, "Move the session", f"Whose session of {record.log.date:%d %b %Y} is it?",
            labels, 0, False,
        )  # fmt: skip
        if not ok or label not in labels:
            return False
        reason = self._reason(
            f"Why does the session move to {label}?", "logged to the wrong client"
        )
        if reason is None:
            return False
        target = others[labels.index(label)]
        done = run_op(
            self.context,
            "Session not moved",
            actions.correct_session,
            self.context,
            record.id,
            record.log,
            reason,
            target.id,
        )
        if not done:
            return False
        self.set_client(self.client_id)
        for client in (self.client_id, target.id):  # both clients' records changed
            self.context.changes.announce(
                Changes.of(Topic.SESSIONS, client_id=client, origin="Sessions")
            )
        return True

    def delete_session(self, record: Any) -> bool:
        reason = self._reason(
            f"Why is the session of {record.log.date:%d %b %Y} deleted? (It stays in the history.)"
        )
        if reason is None:
            return False
        done = run_op(
            self.context,
            "Session not deleted",
            actions.delete_session,
            self.context,
            record.id,
            reason,
        )
        if not done:
            return False
        self.set_client(self.client_id)
        self._announce(Topic.SESSIONS)
        return True

    def _save_correction(self, log: Any) -> bool:
        record = self._correcting
        assert record is not None and self.client_id is not None
        reason = self._reason(f"What was wrong in the session of {record.log.date:%d %b %Y}?")
        if reason is None:
            return False
        done = run_op(
            self.context,
            "Correction not saved",
            actions.correct_session,
            self.context,
            record.id,
            log,
            reason,
        )
        if not done:
            return False
        self._set_correcting(None)
        self.set_client(self.client_id)
        self._announce(Topic.SESSIONS)
        return True

    def _reason(self, question: str, suggested: str = "") -> str | None:
        while True:
            text, ok = QInputDialog.getText(self, "A reason is kept", question, text=suggested)
            if not ok:
                return None
            if text.strip():
                return text.strip()
            self.context.errors.show("A reason is needed", "Say why: it is kept in the history.")

    def _may_drop_form(self) -> bool:
        answer = QMessageBox.question(
            self, "Unsaved session", "The session being typed is not saved. Put it aside?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Discard

    def _set_correcting(self, record: Any | None) -> None:
        self._correcting = record
        if record is None:
            self.add_box.setTitle("Add a session")
            self.save_button.setText("Save session")
            self.reset_button.setText("Reset")
        else:
            self.add_box.setTitle(
                f"Correcting the session of {record.log.date:%d %b %Y}: change what was wrong"
            )
            self.save_button.setText("Save correction")
            self.reset_button.setText("Cancel correction")
            self.reset_button.setEnabled(True)
