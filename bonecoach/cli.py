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
        from bonecoach.ui.shell.app import run_app

        return run_app()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from bonecoach.ui.shell.app import run_app

        return run_app()
    _report_settings(args.command)
    try:
        return int(args.handler(args))
    except BrokenPipeError:  # e.g. `bonecoach library list | head`
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # every other failure: one readable line
        return _failed(args.command, exc)


def _report_settings(command: str) -> None:
    """A settings value that could not be used is said on every run, never silently dropped
    (it might have named the clinic's database)."""
    from bonecoach.store.settings import load_settings

    problem = load_settings().problem
    if problem:
        print(f"bonecoach {command}: settings: {problem}", file=sys.stderr)


def _failed(command: str, exc: BaseException) -> int:
    """One line naming the problem, no traceback (it could show SQL with a client's name);
    the traceback goes to the BoneCoach log when the error was unexpected."""
    from bonecoach.problems import explain

    explained = explain(exc)
    text = " ".join(explained.text.split())
    print(f"bonecoach {command}: {text}", file=sys.stderr)
    if explained.detail:
        _log_detail(command, explained.detail)
    return 1


def _log_detail(command: str, detail: str) -> None:
    import logging

    from bonecoach.logfile import setup_logging

    try:
        handler = setup_logging(to_stderr=False)
    except Exception:  # a log that cannot be written loses only the detail
        return
    logging.getLogger("bonecoach.cli").error("`bonecoach %s` failed:\n%s", command, detail)
    logging.getLogger("bonecoach").removeHandler(handler)
    handler.close()


if __name__ == "__main__":
    sys.exit(main())
