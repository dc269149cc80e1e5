"""`bonecoach rules` and `bonecoach screen --profile`, run the way a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bonecoach.cli import main
from bonecoach.paths import resource
from bonecoach.program.rules import RULES

EXAMPLE = resource("examples", "profile-one-vertebral-fracture.json")
RESULT_KEYS = {"id", "name", "verdict", "reasons", "modification"}


def test_screen_json_lists_the_library_with_exactly_the_documented_keys(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["screen", "--profile", str(EXAMPLE), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and isinstance(rows, list)
    for row in rows:
        assert set(row) == RESULT_KEYS
        assert row["verdict"] in {"allowed", "caution", "excluded"}
        for reason in row["reasons"]:
            assert set(reason) == {"rule", "text", "source"}
        if row["verdict"] == "excluded":
            assert row["reasons"]
    assert len({row["id"] for row in rows}) == len(rows)


def test_equipment_filter_can_be_switched_off(capsys: pytest.CaptureFixture[str]) -> None:
    main(["screen", "--profile", str(EXAMPLE), "--json"])
    with_filter = json.loads(capsys.readouterr().out)
    main(["screen", "--profile", str(EXAMPLE), "--json", "--no-equipment-filter"])
    without = json.loads(capsys.readouterr().out)
    rules_on = {r["rule"] for row in with_filter for r in row["reasons"]}
    rules_off = {r["rule"] for row in without for r in row["reasons"]}
    assert "missing_equipment" in rules_on  # the example client has no dumbbells
    assert "missing_equipment" not in rules_off


def test_screen_human_form_starts_with_the_assessment(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "--profile", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("CLIENT ASSESSMENT")
    assert "Guideline case: Case 2: one vertebral fracture" in out
    assert "one_vertebral_fracture" not in out.split("ALLOWED (")[0]  # a name, never the key
    assert "EXCLUDED (" in out and "exercises:" in out


def test_bad_profile_exits_2_naming_the_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["age"] = 140
    data["shoe_size"] = 40
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert main(["screen", "--profile", str(bad), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "field 'age': must be at most 110 (got 140)" in captured.err
    assert "field 'shoe_size': unknown field" in captured.err


def test_missing_profile_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "--profile", str(tmp_path / "none.json")]) == 2
    assert "cannot read the profile" in capsys.readouterr().err


def test_rules_json_is_the_whole_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [r.id for r in RULES]
    for row in rows:
        assert {"id", "condition", "effect", "source"} <= set(row)
        assert row["effect"] in {"exclude", "caution", "unavailable"}
        assert row["source"]


def test_rules_human_form_names_each_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    sections = out.split("\nCAUTION (")
    assert len(sections) == 2 and "\nEXCLUDED (" in sections[0]
    for r in RULES:
        assert f"  {r.id}  ({r.source})" in out
        listed = sections[0] if r.effect.value == "exclude" else sections[1]
        assert f"  {r.id}  (" in listed, r.id
    # short enough for a clinician to read: about two printed pages
    assert len(out.splitlines()) <= 130
