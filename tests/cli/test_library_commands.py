"""`bonecoach library check|list` and `--version`, run the way a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bonecoach import __version__
from bonecoach.cli import main
from tests.program.library_fixtures import exercise_table, write_library_file

LIST_KEYS = {
    "id", "name", "summary", "category",
    "spinal_flexion", "spinal_rotation", "impact", "fall_risk", "load", "supervised_only",
    "position", "demands", "education_only", "avoid_with", "regions", "equipment", "level",
    "easier", "harder",
    "steps", "tips", "stop_if", "support_variant", "default_dosage", "sides", "sources",
}  # fmt: skip


def test_version_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"BoneCoach {__version__}"


def test_python_dash_m_runs_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bonecoach", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"BoneCoach {__version__}"


def test_check_reports_every_problem_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_library_file(tmp_path / "a.toml", exercise_table("one", position="upside_down"))
    write_library_file(tmp_path / "b.toml", exercise_table("two", harder="ghost"))
    assert main(["library", "check", "--path", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "2 problem(s)" in err
    assert "a.toml: exercise 'one': field 'position': unknown value 'upside_down'" in err
    assert "b.toml: exercise 'two': field 'harder': dangling ladder link" in err


def test_check_prints_counts_per_category_on_success(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_library_file(
        tmp_path / "a.toml",
        exercise_table("one"),
        exercise_table("two", category="balance"),
    )
    assert main(["library", "check", "--path", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "2 exercises OK" in out
    assert "resistance     1" in out and "balance        1" in out and "impact         0" in out


def test_list_json_has_exactly_the_schema_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_library_file(tmp_path / "a.toml", exercise_table("one"))
    assert main(["library", "list", "--json", "--path", str(tmp_path)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [set(r) for r in rows] == [LIST_KEYS]
    assert rows[0]["default_dosage"] == {
        "sets": 2,
        "reps": 10,
        "hold_seconds": None,
        "minutes": None,
        "rest_seconds": 60,
        "days_per_week": 3,
        "effort": 6,
    }


def test_the_shipped_library_passes_the_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["library", "check"]) == 0, capsys.readouterr().err


def test_the_shipped_library_meets_the_content_minimums(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["library", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 90
    assert all(set(r) == LIST_KEYS for r in rows)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["category"]] = counts.get(r["category"], 0) + 1
    minimums = {
        "resistance": 25,
        "balance": 12,
        "posture": 8,
        "impact": 8,
        "aerobic": 6,
        "flexibility": 5,
        "safe_movement": 6,
    }
    assert {c: counts.get(c, 0) for c in minimums} == {
        c: max(counts.get(c, 0), n) for c, n in minimums.items()
    }
    heavy = [r for r in rows if r["load"] == "heavy"]
    assert len(heavy) >= 4 and all(r["supervised_only"] for r in heavy)
    ids = {r["id"] for r in rows}
    warned_against = {
        "sit_up", "crunch", "toe_touch", "weighted_trunk_rotation",
        "golf_swing", "yoga_forward_fold", "seated_twist", "rowing_machine",
    }  # fmt: skip
    assert warned_against <= ids


@pytest.mark.parametrize("special", ["a fifo", "a folder", "a link to /dev/zero"])
def test_a_library_file_that_is_a_pipe_device_or_folder_is_named_not_read(
    special: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pipe blocks and /dev/zero never ends: before this the command hung for good."""
    import os

    write_library_file(tmp_path / "a.toml", exercise_table("one"))
    odd = tmp_path / "b.toml"
    if special == "a fifo":
        os.mkfifo(odd)
    elif special == "a folder":
        odd.mkdir()
    else:
        odd.symlink_to("/dev/zero")
    assert main(["library", "check", "--path", str(tmp_path)]) == 1
    assert "b.toml: is not a regular file" in capsys.readouterr().err
