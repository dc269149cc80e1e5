"""The library table and its filter, on a synthetic library (no store, no widgets shown)."""

from __future__ import annotations

from typing import Any

import pytest

from bonecoach.paths import resource
from bonecoach.program.library import load_library
from bonecoach.program.screening import screen_library
from bonecoach.ui.library.library_filter import build_library_models
from bonecoach.ui.library.library_model import EXERCISE_ID_ROLE, GREYED, NAME, VERDICT
from tests.ui.program_fixtures import osteoporosis_profile


@pytest.fixture(scope="module")
def exercises() -> list[Any]:
    base = load_library(resource("library")).exercises
    # A synthetic library: every shipped exercise twice, under new ids.
    return base + [
        e.model_copy(update={"id": f"{e.id}_copy", "easier": None, "harder": None}) for e in base
    ]


@pytest.fixture
def models(qapp: Any, exercises: list[Any]) -> Any:
    results = screen_library(osteoporosis_profile(), exercises)
    return build_library_models(exercises, results)


def shown_ids(proxy: Any) -> list[str]:
    return [proxy.index(r, NAME).data(EXERCISE_ID_ROLE) for r in range(proxy.rowCount())]


def test_search_matches_every_word_in_name_summary_or_tags(models: Any) -> None:
    model, proxy = models
    assert proxy.rowCount() == model.rowCount()
    proxy.set_search("Sit  STAND")
    ids = shown_ids(proxy)
    assert "sit_to_stand" in ids and "sit_to_stand_copy" in ids
    for row in proxy.visible_rows():
        assert "sit" in row.search and "stand" in row.search
    proxy.set_search("resistance band")  # equipment words, with the underscore spelled out
    assert proxy.rowCount() > 0
    assert all("resistance_band" in r.equipment or "resistance band" in r.search
               for r in proxy.visible_rows())  # fmt: skip
    proxy.set_search("")
    assert proxy.rowCount() == model.rowCount()


@pytest.mark.parametrize(
    ("facet", "value", "field"),
    [
        ("category", "balance", "category"),
        ("position", "seated", "position"),
        ("level", "2", "level"),
        ("verdict", "caution", "verdict"),
    ],
)
def test_single_valued_facets(models: Any, facet: str, value: str, field: str) -> None:
    model, proxy = models
    proxy.set_facet(facet, [value])
    expected = [r.exercise.id for r in model.rows if getattr(r, field) == value]
    assert expected and shown_ids(proxy) == expected
    proxy.set_facet(facet, None)
    assert proxy.rowCount() == model.rowCount()


def test_region_and_equipment_facets_match_any_chosen_value(models: Any) -> None:
    model, proxy = models
    proxy.set_facet("region", ["back"])
    assert shown_ids(proxy) == [r.exercise.id for r in model.rows if "back" in r.regions]
    proxy.set_facet("region", None)
    proxy.set_facet("equipment", ["none"])
    shown = proxy.visible_rows()
    assert shown and all(not r.exercise.equipment for r in shown)
    proxy.set_facet("equipment", ["chair", "wall"])
    assert all({"chair", "wall"} & set(r.equipment) for r in proxy.visible_rows())


def test_facets_and_search_combine(models: Any) -> None:
    _model, proxy = models
    proxy.set_facet("category", ["resistance"])
    proxy.set_search("squat")
    rows = proxy.visible_rows()
    assert rows and all(r.category == "resistance" and "squat" in r.search for r in rows)


def test_hide_excluded_and_excluded_rows_are_greyed_with_reasons(models: Any) -> None:
    model, proxy = models
    excluded = [r for r in model.rows if r.verdict == "excluded"]
    assert excluded, "an osteoporosis profile with a vertebral fracture excludes something"
    row = model.row_of(excluded[0].exercise.id)
    name_index = model.index(row, NAME)
    assert model.data(name_index, 9).color() == GREYED  # ForegroundRole
    tooltip = model.data(name_index, 3)  # ToolTipRole
    reason = excluded[0].result.reasons[0]
    assert reason.text in tooltip and reason.source in tooltip
    assert model.data(model.index(row, VERDICT)) == "Excluded"
    proxy.set_hide_excluded(True)
    assert proxy.rowCount() == model.rowCount() - len(excluded)
    assert all(r.verdict != "excluded" for r in proxy.visible_rows())


def test_unknown_facet_is_refused_by_name(models: Any) -> None:
    _model, proxy = models
    with pytest.raises(ValueError, match="facet"):
        proxy.set_facet("colour", ["red"])


def test_reset_rows_refilters(models: Any, exercises: list[Any]) -> None:
    from bonecoach.ui.library.library_model import make_rows

    model, proxy = models
    proxy.set_search("wall")
    model.set_rows(make_rows(exercises[:10]))  # a new client: no screening
    assert proxy.rowCount() == sum("wall" in r.search for r in model.rows)
    assert all(r.verdict == "not screened" for r in model.rows)


def brute_force(model: Any, words: list[str], facets: dict[str, set[str]], hide: bool) -> list[str]:
    multi = {"region": "regions", "equipment": "equipment"}
    shown = []
    for r in model.rows:
        if hide and r.verdict == "excluded":
            continue
        if any(
            (not values & getattr(r, multi[f])) if f in multi else getattr(r, f) not in values
            for f, values in facets.items()
        ):
            continue
        if all(w in r.search for w in words):
            shown.append(r.exercise.id)
    return shown


def test_typing_narrowing_and_widening_matches_a_brute_force_filter(models: Any) -> None:
    """The filter re-checks only shown rows while a search narrows; it must never differ
    from checking every row."""
    model, proxy = models
    facets: dict[str, set[str]] = {}
    hide = False
    steps: list[Any] = [*"sit t", "sit to", "sit t", "sit", "si", "s", "", "w", "wa", "wall"]
    steps += [("facet", "category", {"balance"}), "wal", "wall ", "wall c", ("hide", True)]
    steps += ["wall co", ("facet", "region", {"legs", "hip"}), "wall", "", "band",
              ("facet", "category", None), ("hide", False), "band r", "b", ""]  # fmt: skip
    for step in steps:
        if isinstance(step, tuple) and step[0] == "facet":
            _kind, facet, values = step
            proxy.set_facet(facet, values)
            facets.pop(facet, None)
            if values:
                facets[facet] = values
        elif isinstance(step, tuple):
            hide = step[1]
            proxy.set_hide_excluded(hide)
        else:
            proxy.set_search(step)
        expected = brute_force(model, step.split() if isinstance(step, str) else
                               proxy._words, facets, hide)  # fmt: skip
        assert shown_ids(proxy) == expected, step
