"""One way for a screen to run an operation: ``run_op``.

Like Anki's ``CollectionOp``: the screen names what it is doing ("Session not saved" is what
the therapist reads if it fails), hands over the operation from ``bonecoach.app``, and says
what the operation changes. ``run_op`` then

- runs it (on a worker thread with ``background=True``, with the status-bar indicator),
- reports a failure in one place (``context.errors``: a plain explanation, the traceback in
  the log) and tells the screen it failed, so screens never catch exceptions themselves,
- on success announces the ``Changes`` on the app's one change signal, so every other screen
  that shows them catches up, then hands the result to ``on_done``.

Screens keep their own ``except`` only where an error is an answer rather than a failure
(a duplicate clinic id shown at its field, a database location refused in Settings).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from bonecoach.app.changes import Changes
    from bonecoach.ui.core.context import AppContext

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a synchronous ``run_op`` gives back: true when the operation succeeded."""

    ok: bool
    value: T | None = None
    error: BaseException | None = None

    def __bool__(self) -> bool:
        return self.ok


def run_op(
    context: AppContext,
    failure: str,
    op: Callable[..., T],
    *args: Any,
    changes: Changes | None = None,
    on_done: Callable[[T], None] | None = None,
    on_failed: Callable[[BaseException], None] | None = None,
    background: bool = False,
    label: str = "Working…",
    answers: tuple[type[BaseException], ...] = (),
    **kwargs: Any,
) -> Outcome[T]:
    """Run ``op(*args, **kwargs)``; ``failure`` titles the error a therapist sees if it fails.

    Synchronous by default (a save the next line depends on); the ``Outcome`` says whether it
    worked. With ``background=True`` the operation runs on a worker thread and the returned
    ``Outcome`` only says it was started: ``on_done``/``on_failed`` follow on the UI thread.
    ``answers``: errors that are an answer the screen shows itself (a clinic id already in
    use, shown at its field); they are raised to the caller (in the background: handed to
    ``on_failed``), never reported as failures.
    """

    def succeeded(value: T) -> None:
        if changes is not None:
            context.changes.announce(changes)
        if on_done is not None:
            on_done(value)

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, answers):  # an answer is the screen's to show, not a failure
            context.errors.show(failure, exc)
        if on_failed is not None:
            on_failed(exc)

    if background:
        context.tasks.run(
            partial(op, *args, **kwargs), on_done=succeeded, on_error=failed, label=label
        )
        return Outcome(ok=True)
    try:
        value = op(*args, **kwargs)
    except answers:
        raise
    except Exception as exc:  # the one place a screen's operation failure is caught
        failed(exc)
        return Outcome(ok=False, error=exc)
    succeeded(value)
    return Outcome(ok=True, value=value)
