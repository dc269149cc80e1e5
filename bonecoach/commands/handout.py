"""`bonecoach handout`: print a client's home exercise program to a PDF file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

GROUPS = {"position": "position", "sss": "strong_steady_straight", "order": "order"}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "handout",
        help="print a client's home exercise program as a PDF",
        description="Print the handout of a client's newest program version, or of the "
        "built-in demo client (--demo, no database needed).",
    )
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--client", type=int, metavar="ID", help="the client's id")
    who.add_argument(
        "--demo",
        nargs="?",
        const="",
        metavar="NAME",
        help="a shipped demo client (the first, or the one whose name contains NAME)",
    )
    parser.add_argument("--program", type=int, metavar="ID", help="program id (default: newest)")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    parser.add_argument("--replace", action="store_true", help="write over an existing --out")
    parser.add_argument("--paper", choices=("letter", "a4"), help="default: from the settings")
    parser.add_argument("--large-print", action="store_true", help="18 pt text, one per page")
    parser.add_argument(
        "--group",
        choices=tuple(GROUPS),
        default="sss",
        help="group exercises by position, by Strong/Steady/Straight (sss), or keep the "
        "program's order (default: sss)",
    )
    parser.add_argument(
        "--phase",
        default="current",
        help="'current' (default), 'all', or a phase number starting at 1",
    )
    parser.add_argument("--no-log-sheet", action="store_true", help="leave out the log sheet")
    parser.add_argument(
        "--clinic-sheet",
        action="store_true",
        help="print the supervised-only exercises for clinic sessions instead (never a "
        "home handout)",
    )
    parser.set_defaults(handler=_handout)


def _phase(text: str) -> str | int:
    if text in ("current", "all"):
        return text
    try:
        number = int(text)
    except ValueError:
        raise SystemExit(f"--phase: expected current, all or a number, got {text!r}") from None
    if number < 1:
        raise SystemExit(f"--phase: phase numbers start at 1, got {number}")
    return number - 1


def _handout(args: argparse.Namespace) -> int:
    from bonecoach.handout.build import NoHomeHandout
    from bonecoach.handout.model import HandoutOptions
    from bonecoach.handout.render import render_handout_bytes
    from bonecoach.store.atomic import output_problem, write_private_bytes
    from bonecoach.store.errors import StoreError
    from bonecoach.store.settings import load_settings

    settings = load_settings().settings
    options = HandoutOptions(
        paper=args.paper or settings.paper_size,
        large_print=args.large_print or settings.large_print,
        grouping=GROUPS[args.group],  # type: ignore[arg-type]
        include_log_sheet=not args.no_log_sheet,
    )
    out: Path = args.out
    if out.suffix.lower() != ".pdf":
        print(f"--out: {out} should end in .pdf", file=sys.stderr)
        return 2
    problem = output_problem(out, replace=args.replace)
    if problem:
        print(f"--out: {problem}", file=sys.stderr)
        return 2
    try:
        if args.client is None:
            from bonecoach.app.demo_handout import demo_handout

            document = demo_handout(
                client=args.demo or None,
                options=options,
                settings=settings,
                phases=_phase(args.phase),  # type: ignore[arg-type]
                clinic_sheet=args.clinic_sheet,
            )
            write_private_bytes(out, render_handout_bytes(document))
        else:
            document = _print_stored(args, options, settings, out)
    except (LookupError, NoHomeHandout, ValueError, StoreError) as exc:
        print(f"cannot print the handout: {exc}", file=sys.stderr)
        return 1
    pages = "large print" if options.large_print else "standard print"
    kind = "clinic sheet" if args.clinic_sheet else "handout"
    print(
        f"{out}: {kind} for {document.client_name}, {len(document.blocks)} exercises, "
        f"{options.paper}, {pages}"
    )
    return 0


def _print_stored(args: argparse.Namespace, options: Any, settings: Any, out: Path) -> Any:
    """Print the client's newest program version and note the print against that version,
    so every handout maps to a saved version. The same source and document as the app's
    Handout tab (bonecoach.app.handouts)."""
    from bonecoach.app.clinic_library import open_clinic_library
    from bonecoach.app.handouts import handout_document, handout_source
    from bonecoach.handout.pictures import PictureCache, art_source
    from bonecoach.handout.render import render_handout_bytes
    from bonecoach.store.atomic import write_private_bytes
    from bonecoach.store.store import Store

    store = Store.open(settings=settings)
    try:
        # the same library and pictures the app assembles; archived custom exercises too,
        # since an older program may still name them
        clinic = open_clinic_library(store, include_archived=True)
        library = clinic.library
        pictures = PictureCache(art_source(clinic.illustrations), clinic.photos)
        source = handout_source(
            store,
            settings,
            args.client,
            program_id=args.program,
            printing=settings.default_therapist,
            library=library,
        )
        if source.version is None:
            which = f"program {args.program}" if args.program is not None else "program yet"
            raise LookupError(f"client {args.client} has no saved {which}")
        document = handout_document(
            source,
            library,
            options,
            phases=_phase(args.phase),  # type: ignore[arg-type]
            clinic_sheet=args.clinic_sheet,
        )
        write_private_bytes(out, render_handout_bytes(document, pictures=pictures))
        if args.clinic_sheet:  # the print log is of home handouts
            return document
        store.record_handout(
            source.version.id,
            paper=options.paper,
            large_print=options.large_print,
            file_name=out.name,
        )
    finally:
        store.close()
    return document
