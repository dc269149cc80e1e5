"""`bonecoach backup` and `bonecoach restore`: the database's backups.

SQLite: an online backup to the backup folder (or --out FILE); restore checks the file first
and keeps the current database as a backup. PostgreSQL: backup writes a JSON export of every
client; restore is the server's job (pg_restore), or `import-client` of the export.
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
    restore.add_argument("file", type=Path, help="a BoneCoach backup (.sqlite3)")
    restore.set_defaults(handler=_restore)


def _backup(args: argparse.Namespace) -> int:
    from bonecoach.store.errors import StoreError
    from bonecoach.store.service import Store

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
    from bonecoach.store.backup import restore
    from bonecoach.store.database import database_url, sqlite_path
    from bonecoach.store.errors import StoreError
    from bonecoach.store.settings import backup_folder, load_settings

    settings = load_settings().settings
    path = sqlite_path(database_url(settings))
    if path is None:
        print(
            "The database is on a PostgreSQL server: restore it with the server's tools "
            "(pg_restore), or add clients from a JSON export with `bonecoach import-client`.",
            file=sys.stderr,
        )
        return 1
    try:
        kept = restore(args.file, path, backup_folder(settings))
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Restored {args.file} into {path}.")
    if kept is not None:
        print(f"The database as it was is kept at {kept}")
    return 0
