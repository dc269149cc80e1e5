"""The `bonecoach` command: the app when run alone, sub-commands for everything else."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from bonecoach import __version__


def build_parser() -> argparse.ArgumentParser:
    from bonecoach.commands import command_modules  # here: `bonecoach` alone never needs it

    parser = argparse.ArgumentParser(
        prog="bonecoach",
        description="BoneCoach: exercise programs for people with weak bones. "
        "Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"BoneCoach {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in command_modules():
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if not (sys.argv[1:] if argv is None else argv):
        # The app: skip importing argparse and every command module (start-up time).
        from bonecoach.ui.app import run_app

        return run_app()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from bonecoach.ui.app import run_app

        return run_app()
    try:
        return int(args.handler(args))
    except BrokenPipeError:  # e.g. `bonecoach library list | head`
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
