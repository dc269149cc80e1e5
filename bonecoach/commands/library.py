"""`bonecoach library ...`: check and list the exercise library."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    library = subparsers.add_parser("library", help="check, list and draw the exercise library")
    actions = library.add_subparsers(dest="library_command", metavar="ACTION", required=True)

    check = actions.add_parser("check", help="validate every library file")
    check.add_argument("--path", type=Path, help="library folder (default: the shipped one)")
    check.set_defaults(handler=_check)

    listing = actions.add_parser("list", help="list the exercises")
    listing.add_argument("--path", type=Path, help="library folder (default: the shipped one)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_list)


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
    print(f"{len(library)} exercises OK in {directory}")
    for category, count in library.counts_by_category().items():
        print(f"  {category.value:<14} {count}")
    return 0


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
