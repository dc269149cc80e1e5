"""`bonecoach backup` and `bonecoach restore`: the database's backups.

SQLite: an online backup to the backup folder (or --out FILE); restore checks the file first
and keeps the current database as a backup. PostgreSQL: a backup is a whole-clinic JSON export;
restore checks the whole export, keeps the current data as an export, and replaces every
client in one transaction.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser("backup", help="back up the database now")
    backup.add_argument("--out", type=Path, help="write the backup to this new file")
    backup.set_defaults(handler=_backup)

    restore = subparsers.add_parser(
        "restore", help="replace the database with a backup (the current one is kept)"
    )
    restore.add_argument(
        "file", type=Path, help="a BoneCoach backup (.sqlite3, or .json for a PostgreSQL database)"
    )
    restore.set_defaults(handler=_restore)


def _backup(args: argparse.Namespace) -> int:
    from bonecoach.store.atomic import output_problem
    from bonecoach.store.errors import StoreError
    from bonecoach.store.store import Store

    problem = None if args.out is None else output_problem(args.out, replace=False)
    if problem:
        print(f"--out: {problem.replace('; add --replace to write over it', '')}", file=sys.stderr)
        return 2
    try:
        with Store.open(auto_backup=False) as store:
            path = store.backup_now(args.out)
            store.changed = False  # the backup itself is no reason for another one on close
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Backed up to {path}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from bonecoach.app.backup import restore_backup  # the app's restore, the same rule
    from bonecoach.store.database import database_url, sqlite_path
    from bonecoach.store.errors import StoreError
    from bonecoach.store.settings import backup_folder, load_settings

    settings = load_settings().settings
    path = sqlite_path(database_url(settings))
    if path is None:
        return _restore_server(args.file, backup_folder(settings))
    if args.file.suffix == ".json":
        print(
            f"{args.file} is a clinic export, the backup of a PostgreSQL database. This "
            "database is a SQLite file: restore a .sqlite3 backup, or add the export's clients "
            f"with `bonecoach import-client {args.file}`.",
            file=sys.stderr,
        )
        return 1
    try:
        kept = restore_backup(args.file, path, backup_folder(settings))
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Restored {args.file} into {path}.")
    if kept is not None:
        print(f"The database as it was is kept at {kept}")
    return 0


def _restore_server(backup: Path, folder: Path) -> int:
    from bonecoach.store.errors import StoreError
    from bonecoach.store.server_backup import restore_clinic_export
    from bonecoach.store.store import Store

    if not backup.is_file():
        print(f"{backup} does not exist", file=sys.stderr)
        return 1
    if backup.suffix == ".sqlite3":
        print(
            f"{backup} is a SQLite backup. This database is on a PostgreSQL server: restore a "
            ".json clinic export (`bonecoach backup` makes them), or ask clinic IT for the "
            "server's own backup.",
            file=sys.stderr,
        )
        return 1
    try:
        with Store.open(auto_backup=False) as store:
            kept, count = restore_clinic_export(store, backup, folder)
            store.changed = False  # the before-restore export is this change's backup
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Restored {count} client(s) from {backup} into {store.url}.")
    print(f"The data as it was is kept at {kept}")
    return 0
