"""Loading the exercise library: every validation error names file, exercise, field, problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from bonecoach.program.library import LibraryError, check_library, load_library
from tests.program.library_fixtures import exercise_table, write_library_file


def problems_as_text(directory: Path) -> list[str]:
    return [str(p) for p in check_library(directory)[1]]


def test_a_valid_ladder_loads_in_order(tmp_path: Path) -> None:
    write_library_file(
        tmp_path / "legs.toml",
        exercise_table("easy_one", harder="hard_one"),
        exercise_table("hard_one", level=2, easier="easy_one"),
    )
    library = load_library(tmp_path)
    assert list(library) == ["easy_one", "hard_one"]
    assert [e.id for e in library.ladder("hard_one")] == ["easy_one", "hard_one"]


def test_unknown_enum_value_names_file_exercise_field_and_value(tmp_path: Path) -> None:
    write_library_file(tmp_path / "a.toml", exercise_table("squat", category="cardio"))
    (problem,) = check_library(tmp_path)[1]
    assert (problem.file, problem.exercise_id, problem.field) == ("a.toml", "squat", "category")
    assert "unknown value 'cardio'" in problem.problem
    assert "'resistance'" in problem.problem


def test_missing_field_is_named(tmp_path: Path) -> None:
    table = exercise_table("squat")
    del table["stop_if"]
    write_library_file(tmp_path / "a.toml", table)
    (problem,) = check_library(tmp_path)[1]
    assert (problem.exercise_id, problem.field, problem.problem) == (
        "squat",
        "stop_if",
        "missing field",
    )


def test_unknown_field_is_named(tmp_path: Path) -> None:
    write_library_file(tmp_path / "a.toml", exercise_table("squat", colour="blue"))
    (problem,) = check_library(tmp_path)[1]
    assert (problem.field, problem.problem) == ("colour", "unknown field")


def test_dangling_ladder_link_is_named(tmp_path: Path) -> None:
    write_library_file(tmp_path / "a.toml", exercise_table("squat", harder="no_such_thing"))
    (problem,) = check_library(tmp_path)[1]
    assert problem.field == "harder"
    assert "dangling ladder link" in problem.problem and "no_such_thing" in problem.problem


def test_duplicate_id_names_both_files(tmp_path: Path) -> None:
    write_library_file(tmp_path / "a.toml", exercise_table("squat"))
    write_library_file(tmp_path / "b.toml", exercise_table("squat"))
    (problem,) = check_library(tmp_path)[1]
    assert (problem.file, problem.field) == ("b.toml", "id")
    assert "duplicate id" in problem.problem and "a.toml" in problem.problem


def test_every_file_is_checked_not_just_the_first_bad_one(tmp_path: Path) -> None:
    write_library_file(tmp_path / "a.toml", exercise_table("one", impact="huge"))
    write_library_file(tmp_path / "b.toml", exercise_table("two", level=9))
    (tmp_path / "c.toml").write_text("[[exercise]\nbroken", encoding="utf-8")
    texts = problems_as_text(tmp_path)
    assert any(t.startswith("a.toml: exercise 'one': field 'impact'") for t in texts)
    assert any(t.startswith("b.toml: exercise 'two': field 'level'") for t in texts)
    assert any(t.startswith("c.toml: cannot be read") for t in texts)
    with pytest.raises(LibraryError) as raised:
        load_library(tmp_path)
    assert len(raised.value.problems) == 3


def test_ladder_links_must_point_back(tmp_path: Path) -> None:
    write_library_file(
        tmp_path / "a.toml",
        exercise_table("easy_one", harder="hard_one"),
        exercise_table("hard_one", level=2),
    )
    texts = problems_as_text(tmp_path)
    assert texts == [
        "a.toml: exercise 'easy_one': field 'harder': 'hard_one' does not point back: "
        "its easier is None, expected 'easy_one'"
    ]


def test_level_must_rise_along_a_ladder(tmp_path: Path) -> None:
    write_library_file(
        tmp_path / "a.toml",
        exercise_table("easy_one", level=2, harder="hard_one"),
        exercise_table("hard_one", level=2, easier="easy_one"),
    )
    texts = problems_as_text(tmp_path)
    assert texts and all("level must rise" in t for t in texts)


def test_a_ladder_cycle_is_reported(tmp_path: Path) -> None:
    write_library_file(
        tmp_path / "a.toml",
        exercise_table("one", harder="two", easier="three"),
        exercise_table("two", harder="three", easier="one"),
        exercise_table("three", harder="one", easier="two"),
    )
    texts = problems_as_text(tmp_path)
    assert any("loops back on itself" in t for t in texts)


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"fall_risk": "high"}, "support_variant", "support_variant is required"),
        ({"load": "heavy"}, "supervised_only", "must be supervised_only"),
        ({"steps": ["Only one step."]}, "steps", "at least 3"),
        ({"id": "Bad Id"}, "id", "pattern"),
        (
            {"default_dosage": {"sets": 2, "rest_seconds": 60, "days_per_week": 3, "effort": 6}},
            "default_dosage",
            "exactly one of reps, hold_seconds or minutes",
        ),
        (
            {
                "default_dosage": {
                    "sets": 0,
                    "reps": 10,
                    "rest_seconds": 60,
                    "days_per_week": 3,
                    "effort": 6,
                }
            },
            "default_dosage.sets",
            "greater than or equal to 1",
        ),
    ],
)
def test_field_rules(
    tmp_path: Path, changes: dict[str, object], field: str | None, fragment: str
) -> None:
    write_library_file(tmp_path / "a.toml", exercise_table("thing", **changes))
    problems = check_library(tmp_path)[1]
    assert [p.field for p in problems] == [field]
    assert fragment in problems[0].problem


def test_an_empty_folder_is_a_problem(tmp_path: Path) -> None:
    texts = problems_as_text(tmp_path)
    assert texts and "no library files" in texts[0]
