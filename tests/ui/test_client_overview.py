"""The client list shows, per client, a red flag to review, the last visit and when the
program is due for review (#17, point 7: the handout's "Review on" date passed unnoticed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bonecoach.app.clients import ClientOverview, client_overview
from bonecoach.ui.shell.client_models import LAST_VISIT, REVIEW, ClientListModel
from bonecoach.ui.shell.main_window import MainWindow
from tests.ui.sessions_helpers import save_program
from tests.ui.shell_fixtures import add_client


def test_the_overview_reads_last_visit_and_review_from_the_records(shell_context: Any) -> None:
    from bonecoach.program.sessions import ExerciseLog, SessionLog

    ann = add_client(shell_context, "Ann Lee")
    start = dt.date.today() - dt.timedelta(weeks=6)
    save_program(shell_context, ann, ["goblet_squat"], start)
    visit = dt.date.today() - dt.timedelta(days=2)
    log = SessionLog(
        date=visit,
        entries=(ExerciseLog(exercise_id="goblet_squat", sets_done=2, reps_per_set=(8, 8)),),
    )
    shell_context.store.save_session(ann, log)
    bea = add_client(shell_context, "Bea Moss")
    seen = client_overview(shell_context)
    assert seen[ann].last_visit == visit
    program = shell_context.store.latest_program(ann).program
    assert seen[ann].review_on == program.review_date(dt.date.today())
    assert seen[bea] == ClientOverview()


def test_a_review_that_has_passed_reads_overdue_in_red(qapp: Any) -> None:
    from types import SimpleNamespace

    model = ClientListModel()
    rows = [SimpleNamespace(id=i, name=n, clinic_id=None, archived=False)
            for i, n in ((1, "Ann"), (2, "Bea"), (3, "Cy"))]  # fmt: skip
    model.set_rows(rows)
    today = dt.date(2026, 12, 4)
    model.set_overview(
        {
            1: ClientOverview(last_visit=dt.date(2026, 11, 2), review_on=dt.date(2026, 11, 30)),
            2: ClientOverview(last_visit=dt.date(2026, 12, 1), review_on=dt.date(2026, 12, 28)),
            3: ClientOverview(red_flag=True),
        },
        today=today,
    )
    assert model.item(0, LAST_VISIT).text() == "2 Nov" and model.item(0, REVIEW).text() == "overdue"
    assert model.item(0, REVIEW).foreground().color().name() == "#a3261c"
    assert (
        model.item(1, REVIEW).text() == "28 Dec"
        and "due 28 December" in model.item(1, REVIEW).toolTip()
    )
    assert model.item(2, 0).text().startswith("⚠") and model.item(2, REVIEW).text() == ""


def test_the_window_fills_the_list_and_a_logged_session_updates_it(
    qtbot: Any, shell_context: Any, dialogs: Any
) -> None:
    ann = add_client(shell_context, "Ann Lee")
    save_program(shell_context, ann, ["goblet_squat"], dt.date.today() - dt.timedelta(weeks=1))
    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    window.show()
    row = window.clients.model.row_of(ann)
    assert row is not None and window.clients.model.item(row, LAST_VISIT).text() == ""
    assert window.clients.model.item(row, REVIEW).text() != ""
    window.clients.select_client(ann, notify=True)
    sessions: Any = window.tabs["Sessions"]
    from tests.ui.sessions_helpers import log_session

    log_session(sessions, dt.date.today())
    day = dt.date.today()
    qtbot.waitUntil(
        lambda: window.clients.model.item(row, LAST_VISIT).text() == f"{day.day} {day:%b}"
    )


def test_a_narrow_list_drops_the_extra_columns_never_the_names(qtbot: Any) -> None:
    """A list narrowed by hand (or kept narrow from an earlier version) showed "..." for
    every name once the visit and review columns were added."""
    from types import SimpleNamespace

    from bonecoach.ui.shell.client_list import ClientListPanel

    panel = ClientListPanel()
    qtbot.addWidget(panel)
    panel.model.set_rows([SimpleNamespace(id=1, name="Margaret Okafor", clinic_id="BC-1002",
                                          archived=False)])  # fmt: skip
    shown = {}
    for width in (190, 260, 420):
        panel.resize(width, 400)
        panel.show()
        qtbot.waitExposed(panel)
        table = panel.table
        hidden = [c for c in range(4) if table.isColumnHidden(c)]
        name_room = table.columnWidth(0)
        assert name_room >= table.fontMetrics().horizontalAdvance("Margaret Okafor"), width
        shown[width] = [c for c in range(4) if c not in hidden]
    assert shown[190][0] == 0 and 2 not in shown[190]
    assert shown[420] == [0, 1, 2, 3]
