"""The main window: client list on the left, the chosen client's tabs on the right.

It owns the cross-tab rules: asking Save / Discard / Cancel before switching client or
closing, routing Ctrl+S to the current tab, and restoring size, splitter and last client.
The window can be shown before the database is open (``context=None``) and gets its tabs
in ``attach`` once the app has opened the store, so the first paint is not delayed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QChildEvent, QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bonecoach.app import clients as client_actions
from bonecoach.app.changes import Changes, Topic
from bonecoach.ui.core.ops import run_op
from bonecoach.ui.shell import window_state
from bonecoach.ui.shell.client_list import ClientListPanel
from bonecoach.ui.shell.client_models import client_heading
from bonecoach.ui.shell.menu_handlers import MenuHandlers
from bonecoach.ui.shell.menus import build_menus
from bonecoach.ui.widgets.plain import PlainLabel, as_written

RED_FLAG_STYLE = "background:#fce8e6; color:#a3261c; font-weight:600; padding:6px 8px;"

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from bonecoach.ui.core.context import AppContext
    from bonecoach.ui.core.tasks import TaskRunner


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: AppContext | None = None
        self.client_id: int | None = None
        self.tabs: dict[str, QWidget] = {}
        self._watched: TaskRunner | None = None
        self._stale: set[str] = set()  # tabs to reload when next shown (data changed elsewhere)
        self.early_list_shown = False
        self._pending_client: int | None = None  # picked before the store was open
        self.setWindowTitle("BoneCoach")

        self.clients = ClientListPanel()
        self.tab_widget = QTabWidget()
        self.tab_widget.setDocumentMode(True)
        self.tab_widget.setAccessibleName("Client tabs")
        self.message = PlainLabel()
        # AlignHCenter | AlignTop as an int through the property system: no ``Qt`` enums
        # before the first paint (see client_models). At the top, not the middle: a dialog
        # centred over the window (New client, Welcome) never leaves half a sentence showing.
        self.message.setProperty("alignment", 0x0024)
        self.message.setWordWrap(True)
        self.message.setMargin(48)
        # the client's name over every tab: the record on screen always says whose it is
        self.client_header = PlainLabel()
        self.client_header.setAccessibleName("Client shown")
        self.client_header.setStyleSheet("font-size: 15pt; font-weight: 600; padding: 6px 8px;")
        self.client_page = QWidget()
        page = QVBoxLayout(self.client_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        page.addWidget(self.client_header)
        self.red_flag_banner = PlainLabel()  # over every tab, not only Sessions
        self.red_flag_banner.setAccessibleName("Red flags")
        self.red_flag_banner.setWordWrap(True)
        self.red_flag_banner.setStyleSheet(RED_FLAG_STYLE)
        self.red_flag_banner.hide()
        page.addWidget(self.red_flag_banner)
        page.addWidget(self.tab_widget, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.client_page)
        self.splitter = QSplitter()  # horizontal
        self.splitter.addWidget(self.clients)
        self.splitter.addWidget(self.stack)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(140)
        self.busy_bar.setAccessibleName("Working")
        self.busy_bar.hide()
        self.busy_label = PlainLabel()
        self.where_label = PlainLabel()  # who is working, on which database (shared clinics)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.where_label)
        self.statusBar().addPermanentWidget(self.busy_bar)

        self.commands = MenuHandlers(self)
        self.menu_actions = build_menus(self, self.commands.handlers())
        self.clients.client_chosen.connect(self._client_chosen)
        self.clients.new_requested.connect(self.commands.new_client)
        self.clients.archive_requested.connect(self.commands.set_archived)
        self.tab_widget.currentChanged.connect(self._tab_shown)
        window_state.restore_window(self, self.splitter)
        self._set_enabled(store=False, client=False)
        if context is not None:
            self.attach(context)
        else:
            self.show_message("Opening the client records…")

    # -- start-up -------------------------------------------------------------------------
    def attach(self, context: AppContext, restore: bool = True) -> None:
        """Build the tabs on the opened store and show the client list."""
        from bonecoach.ui.shell.client_tabs import make_tabs

        self.context = context
        context.errors.parent = self
        self.watch_tasks(context.tasks)
        for title, widget in make_tabs(context):
            self.tabs[title] = widget
            self.tab_widget.addTab(widget, title)
            widget.dirty_changed.connect(  # type: ignore[attr-defined]
                lambda dirty, title=title: self._tab_dirty(title, dirty)
            )
        sessions: Any = self.tabs["Sessions"]
        sessions.red_flags_changed.connect(self._show_red_flags)
        sessions.confirm_program_change = lambda: self.confirm_unsaved(["Program"])
        context.changes.changed.connect(self._records_changed)  # the one path for changes
        window_state.restore_splitters(self)
        self.show_where()
        self._set_enabled(store=True, client=False)
        from bonecoach.ui.shell.restore_notice import RestoreWatcher

        self.restore_watcher = RestoreWatcher(self)  # restores made elsewhere
        self.refresh_clients()
        self.clients.enable_sorting()
        run_op(
            context, "Red flags not checked", client_actions.client_overview, context,
            on_done=self._show_overview, background=True, label="Checking for red flags…",
        )  # fmt: skip
        self.show_message("Choose a client on the left, or add one with New client (Ctrl+N).")
        self.clients.new_button.setEnabled(True)
        pending, self._pending_client = self._pending_client, None
        last = window_state.last_client()
        chosen = pending if pending is not None else (last if restore else None)
        if chosen is not None and self.clients.select_client(chosen):
            self.open_client(chosen, ask=False)
            tab = window_state.last_tab()
            if chosen == last and tab in self.tabs:
                self.tab_widget.setCurrentWidget(self.tabs[tab])

    def show_early_clients(self, rows: list[Any]) -> None:
        """The client list read before the store opens: browse, search and pick at once."""
        self.early_list_shown = True
        self.clients.set_clients(rows)
        self.clients.setEnabled(True)
        self.clients.new_button.setEnabled(False)  # needs the store
        self.menu_actions.find.setEnabled(True)
        last = window_state.last_client()
        if last is not None and self.clients.select_client(last):  # opened on attach
            self._show_opening(last)  # whose record is coming, while the store opens

    def _show_opening(self, client_id: int | None) -> None:
        record = None if client_id is None else self.clients.model.record(client_id)
        if record is None:
            self.show_message("Opening the client records…")
            return
        self.show_message(f"Opening the record of\n{client_heading(record)}\n…")

    def watch_tasks(self, tasks: TaskRunner) -> None:
        if tasks is not self._watched:
            self._watched = tasks
            tasks.busy_changed.connect(self._show_busy)

    def show_where(self) -> None:
        if self.context is None:
            return
        who = self.context.therapist_name or "No therapist chosen (Settings)"
        url = str(getattr(self.context.store, "url", ""))
        kind = "PostgreSQL server" if url.startswith("postgresql") else "this computer"
        self.where_label.setText(f"{who} · data on {kind}")
        self.where_label.setToolTip(as_written(url))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def refresh_clients(self) -> None:
        assert self.context is not None
        self.clients.set_clients(client_actions.list_clients(self.context))
        self._update_title()  # a renamed client: the header follows

    # -- switching client -----------------------------------------------------------------
    def _client_chosen(self, client_id: int | None) -> None:
        if self.context is None:  # picked from the early list: opened once the store is
            self._pending_client = client_id
            self.clients.mark_current(client_id)
            self._show_opening(client_id)
            return
        if not self.open_client(client_id):
            # Cancelled: the row of the record on screen is selected again. After the click
            # is done (the view would select the clicked row once more on release), and with
            # the search cleared if it hides that row: a highlighted row other than the
            # record shown is how a note ends up in the wrong client's record.
            from PySide6.QtCore import QTimer

            self._reselect_shown_client()
            QTimer.singleShot(0, self._reselect_shown_client)

    def _reselect_shown_client(self) -> None:
        if self.clients.select_client(self.client_id):
            return
        self.clients.search.clear()
        self.clients.select_client(self.client_id)

    def open_client(self, client_id: int | None, ask: bool = True) -> bool:
        """Show ``client_id`` in the tabs; False if the user cancelled over unsaved edits."""
        if client_id == self.client_id:
            return True
        if ask and not self.confirm_unsaved():
            return False
        self.client_id = client_id
        self.clients.mark_current(client_id)
        for tab in self.tabs.values():
            tab.set_client(client_id)  # type: ignore[attr-defined]
        self._stale.clear()
        if client_id is None:
            self.show_message("Choose a client on the left, or add one with New client (Ctrl+N).")
        else:
            self.stack.setCurrentWidget(self.client_page)
        self._set_enabled(store=True, client=client_id is not None)
        self._update_title()
        return True

    def dirty_tabs(self) -> list[str]:
        return [t for t, w in self.tabs.items() if w.has_unsaved_changes()]  # type: ignore[attr-defined]

    def confirm_unsaved(self, only: list[str] | None = None) -> bool:
        """Save / Discard / Cancel over unsaved edits (in ``only`` those tabs); True when it
        is fine to move on."""
        from bonecoach.ui.widgets.typing import commit_typing

        commit_typing()  # a number still being typed is an unsaved change too
        dirty = [t for t in self.dirty_tabs() if only is None or t in only]
        if not dirty:
            return True
        from PySide6.QtWidgets import QMessageBox  # first use only: start-up time

        Button = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            as_written(
                f"{self.client_name()} has unsaved changes in {' and '.join(dirty)}.\n\n"
                "Save them before moving on?"
            ),
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )
        if answer == Button.Save:
            return all(self.tabs[t].save() for t in dirty)  # type: ignore[attr-defined]
        if answer == Button.Discard:
            for t in dirty:
                self.tabs[t].discard_changes()  # type: ignore[attr-defined]
            return True
        return False

    def client_name(self) -> str:
        record = None if self.client_id is None else self.clients.model.record(self.client_id)
        return "This client" if record is None else str(record.name)

    # -- keeping tabs in step -------------------------------------------------------------
    def _tab_dirty(self, _title: str, _dirty: bool) -> None:
        self._update_title()

    def _records_changed(self, changes: Changes) -> None:
        """Each tab showing what changed catches up: at once when it is on screen with no
        edits of its own, else when it is next shown; the tab that made it already has."""
        if Topic.CLIENTS in changes.topics:
            self.refresh_clients()
        if changes.client_id is not None and changes.topics & {Topic.SESSIONS, Topic.PROGRAM}:
            self._refresh_overview(changes.client_id)
        if Topic.LIBRARY in changes.topics:
            for tab in self.tabs.values():
                tab.library_changed()
        shown = self.tab_widget.currentWidget()
        for title, tab in self.tabs.items():
            if title == changes.origin or self.client_id is None:
                continue
            if not changes.concerns(tab.concerns - {Topic.LIBRARY}, self.client_id):
                continue
            if tab is shown and not tab.has_unsaved_changes():
                tab.set_client(self.client_id)
            else:
                self._stale.add(title)

    def _tab_shown(self, _index: int) -> None:
        title = self.current_tab_title()
        tab: Any = self.tabs.get(title or "")
        if title in self._stale and tab is not None and not tab.has_unsaved_changes():
            self._stale.discard(title)
            tab.set_client(self.client_id)
        self._update_title()

    # -- window chrome --------------------------------------------------------------------
    def _show_overview(self, overview: dict[int, Any]) -> None:
        """Red flags, last visits and reviews due in the client list."""
        # the client on screen was read afresh by its Sessions tab meanwhile: that wins
        current = self.client_id in self.clients.model.flagged
        self.clients.model.set_overview(overview)
        if self.client_id is not None:
            marked = set(self.clients.model.flagged)
            (marked.add if current else marked.discard)(self.client_id)
            self.clients.model.set_flagged(marked)

    def _refresh_overview(self, client_id: int) -> None:
        """One client's last visit and review date after a session or program save."""
        if self.context is None:
            return
        context = self.context

        # read after the save, from the same records as the Sessions tab's red flags
        run_op(
            context, "Client list not updated", client_actions.overview_of, context, client_id,
            on_done=lambda seen: self.clients.model.set_overview({client_id: seen}),
            background=True, label="Updating the client list…",
        )  # fmt: skip

    def _show_red_flags(self, flags: list[Any]) -> None:
        self.red_flag_banner.setText(
            "Red flag — stop, and review the client before any progression or handout: "
            + "; ".join(str(flag.reason) for flag in flags)
        )
        self.red_flag_banner.setVisible(bool(flags))
        if self.client_id is not None:
            marked = set(self.clients.model.flagged)
            (marked.add if flags else marked.discard)(self.client_id)
            self.clients.model.set_flagged(marked)
        handout: Any = self.tabs["Handout"]
        handout.set_red_flags(flags)

    def _update_title(self) -> None:
        if self.client_id is None:
            self.setWindowTitle("BoneCoach")
            self.client_header.clear()
            return
        record = self.clients.model.record(self.client_id)
        self.client_header.setText(client_heading(record) if record else self.client_name())
        star = " *" if self.dirty_tabs() else ""
        self.setWindowTitle(f"{self.client_name()}{star} — BoneCoach")
        self.setWindowModified(bool(star))

    def _set_enabled(self, store: bool, client: bool) -> None:
        for action in self.menu_actions.store_actions():
            action.setEnabled(store)
        for action in self.menu_actions.client_actions():
            action.setEnabled(store and client)
        self.clients.setEnabled(store)

    def _show_busy(self, busy: bool, label: str) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_label.setText(label if busy else "")

    def current_tab_title(self) -> str | None:
        for title, widget in self.tabs.items():
            if widget is self.tab_widget.currentWidget():
                return title
        return None

    # When one of its dialogs closes, the window takes the keyboard back: without a window
    # manager (or with one that does not re-activate it) Ctrl+S, Ctrl+1-4 and the other
    # shortcuts went nowhere after the New client dialog, though typing still worked.
    def childEvent(self, event: QChildEvent) -> None:
        child = event.child()
        if event.type() == QEvent.Type.ChildPolished and isinstance(child, QDialog):
            child.installEventFilter(self)  # once per dialog: filters are not stacked twice
        super().childEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and isinstance(watched, QDialog):
            QTimer.singleShot(0, self._take_keyboard_back)
        return super().eventFilter(watched, event)

    def _take_keyboard_back(self) -> None:
        if QApplication.activeModalWidget() is None and QApplication.activeWindow() is not self:
            self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_unsaved():
            event.ignore()
            return
        window_state.save_window(self, self.splitter)
        if self.context is not None:
            window_state.remember(self.client_id, self.current_tab_title())
            self.commands.on_close()
        event.accept()
