"""run_op: the one way a screen runs an operation, reports its failure and announces what
it changed."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from bonecoach.app.changes import Changes, Topic
from bonecoach.store.errors import DuplicateClientError, StaleSaveError
from bonecoach.ui.core.ops import run_op


def _heard(context: Any) -> list[Changes]:
    heard: list[Changes] = []
    context.changes.changed.connect(heard.append)
    return heard


def test_a_failure_is_reported_once_under_its_title_and_announces_nothing(context: Any) -> None:
    heard = _heard(context)
    failed: list[BaseException] = []

    def save() -> None:
        raise ValueError("Reps: 500 is more than 50")

    done = run_op(
        context, "Program not saved", save, changes=Changes.of(Topic.PROGRAM),
        on_failed=failed.append,
    )  # fmt: skip
    assert not done and isinstance(done.error, ValueError)
    assert [title for title, _ in context.errors.shown] == ["Program not saved"]
    assert "500" in context.errors.shown[0][1]
    assert len(failed) == 1 and heard == []


def test_success_announces_the_changes_and_hands_over_the_result(context: Any) -> None:
    heard = _heard(context)
    got: list[int] = []
    changes = Changes.of(Topic.SESSIONS, client_id=7, origin="Sessions")
    done = run_op(
        context, "Session not saved", lambda a, b=0: a + b, 40, b=2, changes=changes,
        on_done=got.append,
    )  # fmt: skip
    assert done and done.value == 42 and got == [42]
    assert heard == [changes] and context.errors.shown == []


def test_an_answer_the_screen_shows_itself_is_raised_not_reported(context: Any) -> None:
    def add() -> None:
        raise DuplicateClientError("clinic_id: already belongs to another client", 3)

    with pytest.raises(DuplicateClientError):
        run_op(context, "Client not added", add, answers=(DuplicateClientError,))
    assert context.errors.shown == []
    # any other error still goes to the one reporter
    from datetime import datetime

    def stale() -> None:
        raise StaleSaveError("the program", 1, 2, "Pat", datetime(2026, 12, 1))

    assert not run_op(context, "Client not added", stale, answers=(DuplicateClientError,))
    assert [t for t, _ in context.errors.shown] == ["Client not added"]


def test_in_the_background_it_runs_on_a_worker_and_reports_on_the_ui_thread(
    qtbot: Any, context: Any
) -> None:
    from bonecoach.ui.core.tasks import TaskRunner

    context.tasks = TaskRunner(context.errors)  # the real, threaded runner
    ran_on: list[str] = []
    done_on: list[str] = []

    def slow(value: int) -> int:
        ran_on.append(threading.current_thread().name)
        return value * 2

    started = run_op(
        context, "Not loaded", slow, 21, background=True,
        on_done=lambda v: done_on.append(f"{threading.current_thread().name}:{v}"),
    )  # fmt: skip
    assert started
    qtbot.waitUntil(lambda: bool(done_on), timeout=10_000)
    main = threading.main_thread().name
    assert ran_on and ran_on[0] != main
    assert done_on == [f"{main}:42"]


def test_in_the_background_an_answer_goes_to_the_screen_not_the_error_reporter(
    qtbot: Any, context: Any
) -> None:
    from bonecoach.ui.core.tasks import TaskRunner

    context.tasks = TaskRunner(context.errors)
    answered: list[BaseException] = []

    def add() -> None:
        raise DuplicateClientError("clinic_id: already belongs to another client", 3)

    run_op(
        context, "Client not added", add, background=True, answers=(DuplicateClientError,),
        on_failed=answered.append,
    )  # fmt: skip
    qtbot.waitUntil(lambda: bool(answered), timeout=10_000)
    assert isinstance(answered[0], DuplicateClientError) and context.errors.shown == []
