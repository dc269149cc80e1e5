"""`bonecoach rules` and `bonecoach screen`: the safety rule table and screening a client."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    rules = subparsers.add_parser(
        "rules", help="print the safety rule table (trigger, effect and source of each rule)"
    )
    rules.add_argument("--json", action="store_true", help="print JSON")
    rules.add_argument(
        "--reasons", action="store_true", help="also print the sentence each rule shows"
    )
    rules.set_defaults(handler=_rules)

    screen = subparsers.add_parser(
        "screen", help="screen the whole exercise library for one client profile"
    )
    screen.add_argument(
        "--profile", type=Path, required=True, metavar="FILE", help="client profile JSON file"
    )
    screen.add_argument("--json", action="store_true", help="print JSON")
    screen.add_argument(
        "--no-equipment-filter",
        action="store_true",
        help="ignore the client's home equipment (safety verdicts only)",
    )
    screen.add_argument(
        "--library",
        type=Path,
        help="library folder (default: the shipped library plus the clinic's custom exercises "
        "from the database)",
    )
    screen.add_argument(
        "--shipped-only",
        action="store_true",
        help="screen the shipped library only, without the database's custom exercises",
    )
    screen.set_defaults(handler=_screen)


def _rules(args: argparse.Namespace) -> int:
    from bonecoach.program.rules import RULES, Effect

    if args.json:
        rows = [
            {
                "id": r.id,
                "condition": r.condition,
                "effect": r.effect.value,
                "source": r.source,
                "reason": r.reason,
                "modification": r.modification if isinstance(r.modification, str) else None,
                "overridable": r.overridable,
            }
            for r in RULES
        ]
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    headings = {
        Effect.EXCLUDE: "EXCLUDED (a therapist may override with a written reason, unless noted)",
        Effect.CAUTION: "CAUTION (allowed with the modification printed on the handout)",
        Effect.UNAVAILABLE: "UNAVAILABLE AT HOME (a soft filter, not a safety verdict)",
    }
    print(f"BoneCoach safety rules: {len(RULES)}, each with its trigger, effect and source.")
    print("The strictest effect of the rules that catch an exercise wins; every reason is shown.")
    for effect, heading in headings.items():
        print()
        print(heading)
        for r in (r for r in RULES if r.effect is effect):
            flag = "" if r.overridable else "  [never prescribed: no override]"
            print(f"  {r.id}  ({r.source}){flag}")
            for line in _wrap(r.condition, "      "):
                print(line)
            if args.reasons:
                for line in _wrap(f"says: {r.reason}", "      "):
                    print(line)
    return 0


def _screen(args: argparse.Namespace) -> int:
    from bonecoach.program.library import LibraryError, load_library
    from bonecoach.program.profile import ProfileError, parse_profile_json
    from bonecoach.program.screening import Screener, result_to_json
    from bonecoach.store.file_checks import (
        FileProblem,
        coerced_values,
        decode_json,
        read_text,
        value_problems,
    )

    try:
        text = read_text(Path(args.profile), "profile file")
        data = decode_json(text)
        problems = value_problems(data)
        if problems:
            raise FileProblem(problems)
        profile = parse_profile_json(text, recorded_on=date.today())
        problems = coerced_values(data, profile.model_dump()) + value_problems(profile)
        if problems:
            raise FileProblem(problems)
    except FileProblem as exc:
        print(f"cannot read the profile {args.profile}: {'; '.join(exc.problems)}", file=sys.stderr)
        return 2
    except ProfileError as exc:
        print(f"{args.profile}: {exc}", file=sys.stderr)
        return 2
    if '"weeks_since_vertebral_fracture"' in text:
        print(
            f"{args.profile}: an older profile giving weeks since the vertebral fracture; "
            f"read as that many weeks before today ({profile.vertebral_fracture_date}).",
            file=sys.stderr,
        )
    if args.library is not None:
        directory = Path(args.library)
    else:
        from bonecoach.paths import resource

        directory = resource("library")
    try:
        library = load_library(directory)
    except LibraryError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.library is None and not args.shipped_only:
        from bonecoach.store.errors import StoreError

        try:
            library = _with_custom_exercises(library)
        except StoreError as exc:
            print(f"cannot read the clinic's custom exercises: {exc}", file=sys.stderr)
            return 1
    screener = Screener(profile, check_equipment=not args.no_equipment_filter)
    results = screener.screen_all(library.values())
    if args.json:
        json.dump([result_to_json(r) for r in results], sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    for line in _assessment_lines(screener.client.assessment):
        print(line)
    print()
    for line in _results_lines(results):
        print(line)
    return 0


def _with_custom_exercises(shipped: Any) -> Any:
    """The shipped library plus the database's custom exercises. A workstation without a
    database yet has none: screening must not create one."""
    from bonecoach.store.database import database_url, sqlite_path
    from bonecoach.store.settings import load_settings

    settings = load_settings().settings
    path = sqlite_path(database_url(settings))
    if path is not None and not path.exists():
        return shipped
    from bonecoach.store.store import Store

    store = Store.open(settings=settings, auto_backup=False)
    try:
        return store.full_library()
    finally:
        store.close(auto_backup=False)


def _wrap(text: str, indent: str) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width=100, initial_indent=indent, subsequent_indent=indent + "  ")


def _assessment_lines(a: Any) -> list[str]:
    """The client's derived status, each with the findings behind it."""

    def findings(items: Any) -> list[str]:
        return [line for f in items for line in _wrap(f"- {f.text} [{f.source}]", "    ")]

    from bonecoach.program.assessment import CASE_NAMES

    risk = {True: "yes", False: "no", None: "not known"}[a.high_fracture_risk]
    lines = [f"CLIENT ASSESSMENT (on {a.on.isoformat()})"]
    if a.referrals:
        lines.append("  Refer:")
        lines += findings(a.referrals)
    lines.append(f"  Bone status: {a.bone_status_label}")
    lines += findings(a.bone_status_reasons)
    lines.append(f"  High fracture risk: {risk}")
    if a.high_fracture_risk is not True:
        lines += findings(a.fracture_risk_reasons)
    lines.append(f"  Guideline case: {CASE_NAMES[a.guideline_case]}")
    lines += findings(a.case_reasons)
    flags = a.fall_risk_flags
    lines.append(f"  Fall-risk flags: {len(flags) if flags else 'none'}")
    lines += [line for f in flags for line in _wrap(f"- {f.text} [{f.source}]", "    ")]
    recent = a.recent_spinal_event
    lines.append(f"  Recent vertebral fracture or new back pain: {'yes' if recent else 'no'}")
    lines += findings(a.recent_spinal_event_reasons)
    if a.recent_other_fracture_reasons:
        lines.append("  Recent other fracture:")
        lines += findings(a.recent_other_fracture_reasons)
    if a.recommendations:
        lines.append("  Recommendations:")
        lines += findings(a.recommendations)
    return lines


def _results_lines(results: list[Any]) -> list[str]:
    """A readable table: one line per exercise, its reasons and modification under it."""
    from bonecoach.program.screening import Verdict

    lines: list[str] = []
    for verdict in (Verdict.ALLOWED, Verdict.CAUTION, Verdict.EXCLUDED):
        group = [r for r in results if r.verdict is verdict]
        lines.append(f"{verdict.value.upper()} ({len(group)})")
        for r in group:
            lines.append(f"  {r.exercise_id:<34} {r.name}")
            for reason in r.reasons:
                lines += _wrap(f"- {reason.text} [{reason.rule}; {reason.source}]", "      ")
            if r.modification:
                lines += _wrap(f"> {r.modification}", "      ")
        lines.append("")
    counts = ", ".join(f"{sum(r.verdict is v for r in results)} {v.value}" for v in Verdict)
    lines.append(f"{len(results)} exercises: {counts}")
    return lines
