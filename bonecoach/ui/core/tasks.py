"""Run slow work (backup, import, handout build) off the UI thread, with a busy indicator.

``TaskRunner.run`` hands ``fn`` to a QThreadPool worker and delivers its result (or its
exception) back on the UI thread through queued signals. Errors go to the ErrorReporter unless
the caller passes ``on_error``. Tests use ``TaskRunner(errors, synchronous=True)`` so the work
runs inline and the assertions can follow immediately.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from bonecoach.ui.core.errors import ErrorReporter

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the UI thread; the worker emits into it, so delivery is queued to the UI thread.

    The callbacks are bound-method slots of this QObject (not bare closures) because only then
    does Qt deliver them in the receiver's thread rather than the emitting worker's.
    """

    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self, on_done: Callable[[Any], None], on_fail: Callable[[Any], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._on_fail = on_fail
        self.finished.connect(self._deliver)
        self.failed.connect(self._fail)

    @Slot(object)
    def _deliver(self, result: Any) -> None:
        self._on_done(result)

    @Slot(object)
    def _fail(self, exc: Any) -> None:
        self._on_fail(exc)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._args = args
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except BaseException as exc:  # delivered to the UI thread, never lost in a worker
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)


class TaskRunner(QObject):
    """Runs one callable at a time or several; ``busy_changed`` drives the status-bar indicator."""

    busy_changed = Signal(bool, str)  # busy?, label of the newest running task

    def __init__(
        self, errors: ErrorReporter, synchronous: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._errors = errors
        self._synchronous = synchronous
        self._pool = QThreadPool.globalInstance()
        self._running: list[tuple[_Relay, str]] = []

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callback | None = None,
        on_error: ErrorCallback | None = None,
        label: str = "Working…",
    ) -> None:
        if self._synchronous:
            self._run_inline(fn, args, on_done, on_error, label)
            return
        entry: list[Any] = []

        def done(result: Any) -> None:
            self._finish(entry[0])
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            self._finish(entry[0])
            self._report(exc, on_error, label)

        relay = _Relay(done, failed, self)
        entry.append((relay, label))
        self._running.append(entry[0])
        self.busy_changed.emit(True, label)
        self._pool.start(_Job(fn, args, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (used when closing, so a backup is not cut short)."""
        return bool(self._pool.waitForDone(msecs))

    def _run_inline(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        on_done: Callback | None,
        on_error: ErrorCallback | None,
        label: str,
    ) -> None:
        self.busy_changed.emit(True, label)
        try:
            result = fn(*args)
        except Exception as exc:
            self.busy_changed.emit(False, "")
            self._report(exc, on_error, label)
            return
        self.busy_changed.emit(False, "")
        if on_done is not None:
            on_done(result)

    def _finish(self, entry: tuple[_Relay, str]) -> None:
        if entry in self._running:
            self._running.remove(entry)
        entry[0].deleteLater()
        if self._running:
            self.busy_changed.emit(True, self._running[-1][1])
        else:
            self.busy_changed.emit(False, "")

    def _report(self, exc: BaseException, on_error: ErrorCallback | None, label: str) -> None:
        if on_error is not None:
            on_error(exc)
        else:
            title = label.rstrip("…. ") or "Task"
            self._errors.show(f"{title} failed", exc)
