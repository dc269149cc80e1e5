"""`bonecoach library draw`, `library sheet`, and the illustration part of `library check`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bonecoach.cli import main
from bonecoach.paths import resource
from tests.program.library_fixtures import exercise_table, write_library_file


def test_draw_one_exercise_as_svg_and_png(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    svg_path, png_path = tmp_path / "s.svg", tmp_path / "s.png"
    assert main(["library", "draw", "sit_to_stand", "--out", str(svg_path)]) == 0
    svg = svg_path.read_text(encoding="utf-8")
    assert "<title>Sit to stand: start and end positions</title>" in svg
    assert main(["library", "draw", "sit_to_stand", "--out", str(png_path), "--width", "240"]) == 0
    assert png_path.read_bytes().startswith(b"\x89PNG")
    assert main(["library", "draw", "no_such_exercise", "--out", str(svg_path)]) == 1
    assert "has no illustration" in capsys.readouterr().err


def test_draw_all_writes_one_svg_per_exercise(tmp_path: Path) -> None:
    out = tmp_path / "drawings"
    assert main(["library", "draw", "--all", "--out", str(out)]) == 0
    written = sorted(p.stem for p in out.glob("*.svg"))
    library_ids = sorted(
        line.split('"')[1]
        for f in resource("library").glob("*.toml")
        for line in f.read_text(encoding="utf-8").splitlines()
        if line.startswith("id = ")
    )
    assert written == library_ids


@pytest.mark.slow
def test_sheet_draws_the_whole_library_to_png_and_pdf(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    png, pdf = tmp_path / "sheet.png", tmp_path / "sheet.pdf"
    assert main(["library", "sheet", "--out", str(png)]) == 0
    image = QImage(str(png))
    assert image.width() > 1000 and image.height() > 1000
    assert main(["library", "sheet", "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_review_sheet_prints_each_drawings_steps_beside_it(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    """#15: picture and words checked in one pass; the PDF carries the steps as text."""
    from pypdf import PdfReader
    from PySide6.QtGui import QImage

    from bonecoach.raster.sheet import CELL_W, STEPS_COLUMNS, STEPS_W

    png, pdf = tmp_path / "review.png", tmp_path / "review.pdf"
    assert main(["library", "sheet", "--steps", "--out", str(png)]) == 0
    assert QImage(str(png)).width() == round(STEPS_COLUMNS * (CELL_W + STEPS_W))
    assert main(["library", "sheet", "--steps", "--out", str(pdf)]) == 0
    first_page = PdfReader(str(pdf)).pages[0].extract_text()
    words = " ".join(first_page.replace("\ufb01", "fi").split())  # Qt's PDF: tabs, ligatures
    assert "1. Put on supportive, well-fitting shoes." in words, words[:300]


def _library_with_poses(tmp_path: Path, poses: str) -> Path:
    library = tmp_path / "library"
    library.mkdir()
    write_library_file(library / "a.toml", exercise_table("one"), exercise_table("two"))
    (tmp_path / "illustrations").mkdir()
    (tmp_path / "illustrations" / "a.toml").write_text(poses, encoding="utf-8")
    return library


def test_check_fails_naming_an_exercise_without_poses_or_with_a_broken_joint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = _library_with_poses(
        tmp_path, "[one]\n[one.start]\n[one.end]\nleft = { knee = -20 }\n"
    )
    assert main(["library", "check", "--path", str(library)]) == 1
    err = capsys.readouterr().err
    assert "exercise 'two': has no poses" in err
    assert "a.toml: exercise 'one': end: left knee = -20 is outside its range 0 to 155" in err


def test_check_passes_with_good_poses_and_keeps_the_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chair = 'props = [{ kind = "chair", x = 150 }]\n'  # the exercises' equipment is a chair
    poses = f'[one]\n{chair}[one.start]\n[one.end]\nknee = 20\n[two]\nlike = "one"\n'
    library = _library_with_poses(tmp_path, poses)
    assert main(["library", "check", "--path", str(library)]) == 0
    out = capsys.readouterr().out
    assert "2 exercises OK" in out and "resistance     2" in out


def test_check_of_the_shipped_library_includes_its_poses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    poses = tmp_path / "poses"
    shutil.copytree(resource("illustrations"), poses)
    for f in poses.glob("*.toml"):  # drop one exercise's poses: the check must notice
        text = f.read_text(encoding="utf-8")
        if "[sit_to_stand]" in text:
            f.write_text(text.replace("[sit_to_stand]", "[sit_to_stand_old]"), encoding="utf-8")
            text = f.read_text(encoding="utf-8")
            text = text.replace("[sit_to_stand.", "[sit_to_stand_old.")
            text = text.replace('like = "sit_to_stand"', 'like = "sit_to_stand_old"')
            f.write_text(text, encoding="utf-8")
    assert main(["library", "check", "--illustrations", str(poses)]) == 1
    err = capsys.readouterr().err
    assert "exercise 'sit_to_stand': has no poses" in err
    assert "exercise 'sit_to_stand_old': not in the library" in err
