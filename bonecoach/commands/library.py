"""`bonecoach library ...`: check, list and draw the exercise library."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    library = subparsers.add_parser("library", help="check, list and draw the exercise library")
    actions = library.add_subparsers(dest="library_command", metavar="ACTION", required=True)

    check = actions.add_parser(
        "check", help="validate every library file and every exercise's illustration"
    )
    check.add_argument("--path", type=Path, help="library folder (default: the shipped one)")
    check.add_argument(
        "--illustrations",
        type=Path,
        help="pose folder (default: the shipped one; with --path, an 'illustrations' folder "
        "next to it if there is one, else poses are not checked)",
    )
    check.set_defaults(handler=_check)

    listing = actions.add_parser("list", help="list the exercises")
    listing.add_argument("--path", type=Path, help="library folder (default: the shipped one)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_list)

    draw = actions.add_parser("draw", help="draw exercise illustrations as SVG or PNG")
    draw.add_argument("exercise_id", nargs="?", metavar="ID", help="the exercise to draw")
    draw.add_argument("--all", action="store_true", help="draw every exercise (one SVG each)")
    draw.add_argument(
        "--out", type=Path, required=True, help="FILE.svg|.png, or a folder for --all"
    )
    draw.add_argument("--width", type=int, default=800, help="PNG width in pixels (default 800)")
    draw.set_defaults(handler=_draw)

    sheet = actions.add_parser("sheet", help="every illustration in one grid, for review")
    sheet.add_argument("--out", type=Path, required=True, help="FILE.png or FILE.pdf")
    sheet.add_argument(
        "--steps",
        action="store_true",
        help="print each exercise's steps beside its drawing, to check one against the other",
    )
    sheet.set_defaults(handler=_sheet)


def _library_dir(args: argparse.Namespace) -> Path:
    if args.path is not None:
        return Path(args.path)
    from bonecoach.paths import resource

    return resource("library")


def _check(args: argparse.Namespace) -> int:
    from bonecoach.program.library import check_library

    directory = _library_dir(args)
    library, problems = check_library(directory)
    if problems:
        print(f"{len(problems)} problem(s) in {directory}:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    poses = _pose_dir(args)
    if poses is not None:
        drawing_problems = _illustration_problems(poses, list(library), dict(library))
        if drawing_problems:
            print(f"{len(drawing_problems)} illustration problem(s) in {poses}:", file=sys.stderr)
            for problem in drawing_problems:
                print(f"  {problem}", file=sys.stderr)
            return 1
    print(f"{len(library)} exercises OK in {directory}")
    for category, count in library.counts_by_category().items():
        print(f"  {category.value:<14} {count}")
    return 0


def _pose_dir(args: argparse.Namespace) -> Path | None:
    """Where the check finds the poses; None when a custom library has none beside it."""
    if args.illustrations is not None:
        return Path(args.illustrations)
    if args.path is None:
        from bonecoach.paths import resource

        return resource("illustrations")
    sibling = Path(args.path).parent / "illustrations"
    return sibling if sibling.is_dir() else None


def _illustration_problems(
    poses: Path, exercise_ids: list[str], exercises: dict[str, Any] | None = None
) -> list[str]:
    from bonecoach.art import IllustrationError, illustration_problems, load_illustrations

    try:
        illustrations = load_illustrations(poses)
    except IllustrationError as exc:
        return [str(exc)]
    return illustration_problems(illustrations, exercise_ids, exercises)


def _list(args: argparse.Namespace) -> int:
    from bonecoach.program.library import LibraryError, load_library

    try:
        library = load_library(_library_dir(args))
    except LibraryError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.json:
        rows: list[dict[str, Any]] = [e.model_dump(mode="json") for e in library.values()]
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    for e in library.values():
        print(f"{e.id:<32} {e.category.value:<14} L{e.level}  {e.name}")
    return 0


def _titles() -> dict[str, str]:
    """Exercise names for the drawings' titles (ids stand in if the library has problems)."""
    from bonecoach.paths import resource
    from bonecoach.program.library import check_library

    library, _ = check_library(resource("library"))
    return {e.id: f"{e.name}: start and end positions" for e in library.values()}


def _draw(args: argparse.Namespace) -> int:
    from bonecoach.art import IllustrationError, exercise_svg, load_illustrations
    from bonecoach.raster import svg_to_png

    if bool(args.all) == bool(args.exercise_id):
        print("give either an exercise ID or --all", file=sys.stderr)
        return 2
    try:
        illustrations = load_illustrations()
    except IllustrationError as exc:
        print(exc, file=sys.stderr)
        return 1
    titles = _titles()
    out: Path = args.out
    if args.all:
        out.mkdir(parents=True, exist_ok=True)
        for exercise_id in sorted(illustrations):
            svg = exercise_svg(exercise_id, illustrations, title=titles.get(exercise_id))
            (out / f"{exercise_id}.svg").write_text(svg, encoding="utf-8")
        print(f"{len(illustrations)} drawings written to {out}")
        return 0
    if args.exercise_id not in illustrations:
        print(f"exercise '{args.exercise_id}' has no illustration", file=sys.stderr)
        return 1
    svg = exercise_svg(args.exercise_id, illustrations, title=titles.get(args.exercise_id))
    suffix = out.suffix.lower()
    if suffix == ".svg":
        out.write_text(svg, encoding="utf-8")
    elif suffix == ".png":
        out.write_bytes(svg_to_png(svg, args.width))
    else:
        print(f"--out must end in .svg or .png, not '{out.suffix}'", file=sys.stderr)
        return 2
    print(f"wrote {out}")
    return 0


def _sheet(args: argparse.Namespace) -> int:
    from bonecoach.art import IllustrationError, exercise_svg, load_illustrations
    from bonecoach.paths import resource
    from bonecoach.program.library import check_library
    from bonecoach.raster.sheet import sheet_pdf, sheet_png

    out: Path = args.out
    suffix = out.suffix.lower()
    if suffix not in (".png", ".pdf"):
        print(f"--out must end in .png or .pdf, not '{out.suffix}'", file=sys.stderr)
        return 2
    try:
        illustrations = load_illustrations()
    except IllustrationError as exc:
        print(exc, file=sys.stderr)
        return 1
    library, _ = check_library(resource("library"))
    items: list[tuple[str, str]] = []
    steps: list[str] = []
    missing = []
    for e in library.values():
        if e.id in illustrations:
            svg = exercise_svg(e.id, illustrations, title=f"{e.name}: start and end positions")
            items.append((f"{e.name}  ({e.id})", svg))
            steps.append("\n".join(f"{n}. {s}" for n, s in enumerate(e.steps, 1)))
        else:
            missing.append(e.id)
    shown = steps if args.steps else []
    if suffix == ".png":
        out.write_bytes(sheet_png(items, shown))
    else:
        sheet_pdf(items, out, shown)
    print(f"{len(items)} exercises drawn to {out}")
    if missing:
        print(f"{len(missing)} without poses: {', '.join(missing)}", file=sys.stderr)
    return 0
