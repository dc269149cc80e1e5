"""`bonecoach clients`, `export-client`, `import-client` and `load-demo`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bonecoach.store.store import Store


def register(subparsers: Any) -> None:
    listing = subparsers.add_parser("clients", help="list the clients (archived ones too)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_clients)

    export = subparsers.add_parser("export-client", help="write one client to a JSON file")
    export.add_argument("id", type=int, help="the client's id (see `bonecoach clients`)")
    export.add_argument("--out", type=Path, required=True, help="the JSON file to write")
    export.add_argument("--replace", action="store_true", help="write over an existing --out")
    export.set_defaults(handler=_export)

    imp = subparsers.add_parser(
        "import-client", help="add a client from a JSON file (export-client or a clinic export)"
    )
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--as-new",
        action="store_true",
        help="add it even if the client already exists (keeps both)",
    )
    imp.set_defaults(handler=_import)

    demo = subparsers.add_parser("load-demo", help="add the demo clients")
    demo.set_defaults(handler=_load_demo)


def _open() -> Store:
    from bonecoach.store.settings import load_settings
    from bonecoach.store.store import Store

    settings = load_settings().settings
    return Store.open(settings=settings, actor=settings.default_therapist)


def _run(action: Any) -> int:
    from bonecoach.store.errors import StoreError

    try:
        store = _open()
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        return int(action(store))
    except (StoreError, OSError, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        store.close()


def _clients(args: argparse.Namespace) -> int:
    def action(store: Store) -> int:
        rows = store.list_clients(include_archived=True)
        if args.json:
            data = [
                {"id": c.id, "name": c.name, "clinic_id": c.clinic_id, "archived": c.archived}
                for c in rows
            ]
            json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
            print()
            return 0
        if not rows:
            print("No clients yet (`bonecoach load-demo` adds the demo clients).")
        for c in rows:
            flag = "  (archived)" if c.archived else ""
            print(f"{c.id:>6}  {c.clinic_id or '-':<12}  {c.name}{flag}")
        return 0

    return _run(action)


def _export(args: argparse.Namespace) -> int:
    from bonecoach.store.atomic import output_problem
    from bonecoach.store.exchange import export_client, write_document

    # a client file holds personal data: never written over one by a typo, never into a
    # folder made up by a typo, never over a device or pipe
    problem = output_problem(args.out, replace=args.replace)
    if problem:
        print(f"--out: {problem}", file=sys.stderr)
        return 2

    def action(store: Store) -> int:
        document = export_client(store, args.id)
        path = write_document(document, args.out)
        print(
            f"Exported {document.client.name} to {path} ({len(document.profiles)} profile(s), "
            f"{len(document.programs)} program(s), {len(document.sessions)} session(s))"
        )
        return 0

    return _run(action)


def _import(args: argparse.Namespace) -> int:
    from bonecoach.app.exchange import refuse_unprintable
    from bonecoach.store.client_file import CLINIC_FORMAT, read_document
    from bonecoach.store.clinic_file import read_clinic_file
    from bonecoach.store.errors import DuplicateClientError, ImportProblem
    from bonecoach.store.exchange import (
        import_client,
        import_clinic_templates,
        import_custom_exercises,
    )

    def action(store: Store) -> int:
        head = ""
        if args.file.is_file():  # a look at the start only: the whole file is checked on reading
            with args.file.open("rb") as start:
                head = start.read(200).decode("utf-8", errors="replace")
        if f'"{CLINIC_FORMAT}"' in head:
            clinic = read_clinic_file(args.file)
            documents = clinic.clients
            # the clinic's custom exercises first, also those no client's program names
            entries = clinic.custom_exercises
            added = import_custom_exercises(store, entries, str(args.file))
            if added:
                print(f"Added {len(added)} custom exercise(s): {', '.join(added)}")
            templates = import_clinic_templates(store, clinic.clinic_templates, str(args.file))
            if templates:
                print(f"Added {len(templates)} clinic template(s): {', '.join(templates)}")
        else:
            documents = [read_document(args.file)]
        refused = 0
        for document in documents:
            try:
                refuse_unprintable(document, args.file.name)  # as the app's import does
                record = import_client(store, document, as_new=args.as_new)
            except (DuplicateClientError, ImportProblem) as exc:
                print(exc, file=sys.stderr)
                refused += 1
                continue
            print(f"Imported {record.name} as client {record.id}")
        return 1 if refused else 0

    return _run(action)


def _load_demo(args: argparse.Namespace) -> int:
    from bonecoach.store.exchange import load_demo

    def action(store: Store) -> int:
        added, skipped = load_demo(store)
        for record in added:
            print(f"Added demo client {record.name} (id {record.id})")
        if skipped:
            print(f"Already present, not added again: {', '.join(skipped)}")
        return 0

    return _run(action)
