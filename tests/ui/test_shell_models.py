"""The client list's model and filter, tested without showing widgets."""

from __future__ import annotations

from dataclasses import dataclass

from bonecoach.ui.shell.client_models import ARCHIVED_ROLE, ID_ROLE, ClientFilter, ClientListModel
from bonecoach.ui.tabs.profile_history import ProfileHistoryModel, history_chart


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    clinic_id: str | None
    archived: bool = False


ROWS = [
    Row(1, "Ann Lee", "A-100"),
    Row(2, "Bert Olsen", "B-200"),
    Row(3, "Carla Anders", None, archived=True),
    Row(4, "Dana Price", "ANN-7"),
]


def shown_ids(proxy: ClientFilter) -> list[int]:
    return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]


def make(qtbot: object) -> tuple[ClientListModel, ClientFilter]:
    model = ClientListModel()
    model.set_rows(ROWS)
    proxy = ClientFilter()
    proxy.setSourceModel(model)
    proxy.sort(0)
    return model, proxy


def test_archived_clients_are_hidden_until_asked(qtbot: object) -> None:
    model, proxy = make(qtbot)
    assert shown_ids(proxy) == [1, 2, 4]
    proxy.set_show_archived(True)
    assert shown_ids(proxy) == [1, 2, 3, 4]
    assert model.index(2, 0).data() == "Carla Anders (archived)"
    assert model.index(2, 0).data(ARCHIVED_ROLE) is True


def test_type_ahead_matches_name_or_clinic_id_in_any_case(qtbot: object) -> None:
    _model, proxy = make(qtbot)
    proxy.set_text("ann")
    assert shown_ids(proxy) == [1, 4]  # "Ann Lee" by name, Dana Price by clinic id ANN-7
    proxy.set_text("b-2")
    assert shown_ids(proxy) == [2]
    proxy.set_text("lee a-100")  # every word must match somewhere
    assert shown_ids(proxy) == [1]
    proxy.set_text("anders")
    assert shown_ids(proxy) == []  # archived stays hidden while searching
    proxy.set_show_archived(True)
    assert shown_ids(proxy) == [3]


def test_set_rows_resets_and_finds_rows(qtbot: object) -> None:
    model, _proxy = make(qtbot)
    assert model.row_of(4) == 3 and model.record(2).name == "Bert Olsen"
    model.set_rows(ROWS[:1])
    assert model.rowCount() == 1 and model.row_of(4) is None


def test_profile_history_model_and_chart_spec(qtbot: object) -> None:
    from datetime import UTC, date, datetime

    @dataclass(frozen=True)
    class Version:
        recorded_on: date
        saved_at: datetime
        t_score_lowest: float | None
        falls_past_year: int
        tug_seconds: float | None
        saved_by: str = "Pat"
        note: str = ""

    at = datetime(2026, 1, 1, tzinfo=UTC)
    rows = [
        Version(date(2025, 5, 1), at, -2.9, 2, 14.0),
        Version(date(2026, 5, 1), at, -2.6, 0, None),
    ]
    model = ProfileHistoryModel()
    model.set_rows(rows)
    assert [model.index(0, c).data() for c in range(4)] == ["2026-05-01", "-2.6", "0", "—"]
    assert model.index(1, 3).data() == "14"
    spec = history_chart(rows)
    t_scores = next(s for s in spec.series if s.name == "T-score")
    assert t_scores.points == [(date(2025, 5, 1), -2.9), (date(2026, 5, 1), -2.6)]
    tug = next(s for s in spec.series if s.name.startswith("TUG"))
    assert tug.points == [(date(2025, 5, 1), 14.0)] and tug.right_axis


def test_errors_are_explained_in_plain_words() -> None:
    from datetime import UTC, datetime

    from bonecoach.store.errors import StaleSaveError
    from bonecoach.ui.core.errors import explain

    stale = StaleSaveError("program 'Strength'", 2, 3, "Bo Berg", datetime(2026, 1, 5, tzinfo=UTC))
    text, detail = explain(stale)
    assert "Bo Berg" in text and "Another workstation saved" in text and detail == ""
    assert explain(ValueError("reason: say why")) == ("reason: say why", "")
    text, detail = explain(KeyError("boom"))  # unexpected: the traceback goes to the log
    assert "boom" in text and "KeyError" in detail
