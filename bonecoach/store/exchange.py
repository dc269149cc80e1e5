"""Export and import one client, clinic-wide JSON exports, and the demo clients.

``load_demo_documents()`` reads the shipped demo clients without any database (the handout's
``--demo`` uses it); ``load_demo(store)`` imports them.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bonecoach.store.atomic import make_folders, write_private_text
from bonecoach.store.client_file import (
    CLINIC_FORMAT,
    FORMAT,
    FORMAT_VERSION,
    ClientFile,
    ClientInfo,
    CustomExerciseEntry,
    HandoutEntry,
    ProfileEntry,
    ProgramEntry,
    ProgramVersionEntry,
    SessionEntry,
    SuggestionEntry,
    VersionRef,
    document_json,
    read_document,
)
from bonecoach.store.errors import DuplicateClientError, ImportProblem

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    Progress = Callable[[int, int], None]  # (clients done, clients in all)

    from bonecoach.store.clinic_file import ClinicTemplateEntry
    from bonecoach.store.record_store import RecordStore
    from bonecoach.store.records import ClientRecord, CustomExerciseRecord
    from bonecoach.store.store import Store

__all__ = [
    "ClientFile",
    "export_all_to_file",
    "export_all_to_folder",
    "export_client",
    "import_client",
    "load_demo",
    "load_demo_documents",
    "read_document",
    "write_document",
]


def export_client(
    store: RecordStore,
    client_id: int,
    *,
    by: str | None = None,
    audit: bool = True,
    customs: list[CustomExerciseRecord] | None = None,
) -> ClientFile:
    """The client with all its history and the custom exercises it names; ``audit`` notes
    who took the data out. ``customs``: the custom exercises to pick from (default: all
    stored ones; a clinic export reads them once for every client)."""
    client = store.get_client(client_id)
    refs: dict[int, VersionRef] = {}
    programs = []
    for index, summary in enumerate(store.programs(client_id)):
        versions = []
        for version in store.program_versions(summary.id):
            refs[version.id] = VersionRef(program=index, version=version.number)
            handouts = tuple(
                HandoutEntry(
                    printed_at=h.printed_at,
                    printed_by=h.printed_by,
                    paper=h.paper,
                    large_print=h.large_print,
                    file_name=h.file_name,
                )
                for h in store.handouts(version.id)
            )
            versions.append(
                ProgramVersionEntry(
                    number=version.number,
                    saved_at=version.saved_at,
                    saved_by=version.saved_by,
                    program=version.program,
                    handouts=handouts,
                )
            )
        programs.append(
            ProgramEntry(
                created_at=summary.created_at, archived=summary.archived, versions=tuple(versions)
            )
        )

    def ref(version_id: int | None) -> VersionRef | None:
        return None if version_id is None else refs.get(version_id)

    document = ClientFile(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        exported_at=datetime.now(UTC).replace(microsecond=0),
        exported_by=store.actor if by is None else by,
        client=ClientInfo(
            name=client.name,
            date_of_birth=client.date_of_birth,
            clinic_id=client.clinic_id,
            contact=client.contact,
            archived=client.archived,
        ),
        profiles=tuple(
            ProfileEntry(
                recorded_on=p.recorded_on,
                saved_at=p.saved_at,
                saved_by=p.saved_by,
                note=p.note,
                profile=p.profile,
            )
            for p in store.profile_history(client_id)
        ),
        programs=tuple(programs),
        sessions=tuple(
            SessionEntry(
                saved_at=s.saved_at,
                saved_by=s.saved_by,
                program_version=ref(s.program_version_id),
                log=s.log,
            )
            for s in store.sessions(client_id)
        ),
        suggestions=tuple(
            SuggestionEntry(
                created_at=s.created_at,
                program_version=ref(s.program_version_id),
                suggestion=s.suggestion,
                outcome=s.outcome,
                outcome_reason=s.outcome_reason,
                decided_at=s.decided_at,
                decided_by=s.decided_by,
                result_version=ref(s.result_version_id),
            )
            for s in store.suggestions(client_id)
        ),
    )
    named = document.exercise_ids()
    if customs is None:
        customs = store.custom_exercises(include_archived=True)
    entries = tuple(custom_entry(record) for record in customs if record.id in named)
    if entries:  # the receiving clinic gets the definitions its copy of the programs names
        document = document.model_copy(update={"custom_exercises": entries})
    if audit:
        store.record_audit("export", "client", entity_id=client_id, client_id=client_id, by=by)
    return document


def custom_entry(record: CustomExerciseRecord) -> CustomExerciseEntry:
    photo = None if record.photo is None else base64.b64encode(record.photo).decode("ascii")
    return CustomExerciseEntry(exercise=record.exercise, picture=record.picture, photo_base64=photo)


def write_document(document: ClientFile, out: Path) -> Path:
    """Write atomically and owner-only (it is health data)."""
    make_folders(out.parent)
    return write_private_text(out, document_json(document))


def import_client(
    store: Store, document: ClientFile, *, as_new: bool = False, by: str | None = None
) -> ClientRecord:
    """Add the client in ``document`` with all its history, in one transaction.

    A client with the same clinic id, or the same name and date of birth, is refused
    (DuplicateClientError) unless ``as_new``; then the copy is added beside it, without the
    clinic id if that is taken (clinic ids are unique).

    The file's custom exercises that this database lacks are added with the client; one whose
    id is taken here by a different definition refuses the whole import (ImportProblem).
    """
    from sqlalchemy.exc import IntegrityError

    from bonecoach.store.clients import find_existing
    from bonecoach.store.importer import insert_document
    from bonecoach.store.models import utcnow

    info = document.client
    who = store.actor if by is None else by
    try:
        # the duplicate check and the insert in one write transaction: two workstations
        # importing the same file take turns, and the second one finds the first's client
        with store._writing() as session:
            store._lock_client_identities(session)
            existing = find_existing(session, info.name, info.date_of_birth, info.clinic_id)
            clinic_id = info.clinic_id
            if existing is not None:
                if not as_new:
                    raise _duplicate(info.name, info.clinic_id, existing)
                if clinic_id is not None and find_existing(session, info.name, None, clinic_id):
                    clinic_id = None
            return insert_document(
                session, store, document, clinic_id=clinic_id, who=who, now=utcnow()
            )
    except IntegrityError:
        # a clinic id taken meanwhile by a save that does not take the identity lock
        found = store.find_existing_client(info.name, info.date_of_birth, info.clinic_id)
        if found is None:
            raise ImportProblem("the client file", ["the database refused the client"]) from None
        raise _duplicate(info.name, info.clinic_id, found) from None


def _duplicate(name: str, clinic_id: str | None, existing: ClientRecord) -> DuplicateClientError:
    match = (
        f"clinic id {existing.clinic_id}"
        if existing.clinic_id and existing.clinic_id == clinic_id
        else "same name and date of birth"
    )
    return DuplicateClientError(
        f"{name} is already stored as client {existing.id} ({match}); nothing was imported. "
        "Import it as a new client (--as-new) to keep both.",
        existing.id,
    )


# Whole-clinic exports (the PostgreSQL backup) -----------------------------------------------


def _clinic_export(engine: Engine, progress: Progress | None = None) -> str:
    from sqlalchemy import inspect

    from bonecoach.store.record_store import RecordStore

    store = RecordStore(engine)
    # The export taken before migrating a server database runs on the old schema, which may
    # predate the custom exercises table.
    # ...or the clinic templates table.
    tables = inspect(engine)
    has_customs = tables.has_table("custom_exercises")
    has_templates = tables.has_table("clinic_templates")
    with store.snapshot():  # one consistent moment, even while others save
        customs = store.custom_exercises(include_archived=True) if has_customs else []
        templates = store.clinic_templates(include_archived=True) if has_templates else []
        clients = store.list_clients(include_archived=True)
        documents = []
        for done, client in enumerate(clients):
            if progress is not None:
                progress(done, len(clients))
            export = export_client(store, client.id, audit=False, customs=customs)
            documents.append(export.model_dump(mode="json"))
    return json.dumps(
        {
            "format": CLINIC_FORMAT,
            "format_version": FORMAT_VERSION,
            "exported_at": datetime.now(UTC).isoformat(),
            "clients": documents,
            # every custom exercise, including those no client's program names yet
            "custom_exercises": [custom_entry(r).model_dump(mode="json") for r in customs],
            # kept beside the entries (not in them) so client files keep their format
            "archived_custom_exercises": sorted(r.id for r in customs if r.archived),
            "clinic_templates": [
                {"template": r.template.model_dump(mode="json"), "archived": r.archived}
                for r in templates
            ],
        },
        indent=1,
        ensure_ascii=False,
    )


def export_all_to_file(engine: Engine, out: Path, progress: Progress | None = None) -> Path:
    """Every client and custom exercise into a new file (FileExistsError if ``out`` exists);
    ``progress(done, total)`` is called per client."""
    if out.exists():  # before the export's seconds of work, not after
        raise FileExistsError(f"{out} already exists; choose a new file name")
    make_folders(out.parent)
    return write_private_text(out, _clinic_export(engine, progress), replace=False)


def export_all_to_folder(
    engine: Engine,
    folder: Path,
    reason: str,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> Path:
    """A server database's backup: the clinic export, named like the SQLite backups (another
    workstation writing to the same folder in the same second gets the next free name)."""
    from bonecoach.store.backup import EXPORT_SUFFIX, new_backup_name
    from bonecoach.store.sqlite_file import private_folder

    private_folder(folder)
    text = _clinic_export(engine, progress)
    when = now or datetime.now(UTC)
    for _attempt in range(20):
        try:
            return write_private_text(
                new_backup_name(folder, reason, when, EXPORT_SUFFIX), text, replace=False
            )
        except FileExistsError:
            continue  # taken since the name was chosen: the next one
    raise FileExistsError(f"no free backup name in {folder}")


def import_custom_exercises(
    store: Store, entries: list[CustomExerciseEntry], source: str, *, by: str | None = None
) -> list[str]:
    """Add the custom exercises this database lacks, in one transaction; the ids added.
    ImportProblem (nothing added) if an id here means a different exercise."""
    from bonecoach.store.custom_exercises import ENTITY
    from bonecoach.store.importer import add_custom_exercises

    return _import_each(store, add_custom_exercises, entries, source, ENTITY, by)


def import_clinic_templates(
    store: Store, entries: list[ClinicTemplateEntry], source: str, *, by: str | None = None
) -> list[str]:
    """Add the clinic templates this database lacks, in one transaction; the ids added.
    ImportProblem (nothing added) if an id here means a different template."""
    from bonecoach.store.clinic_templates import ENTITY
    from bonecoach.store.importer import add_clinic_templates

    return _import_each(store, add_clinic_templates, entries, source, ENTITY, by)


def _import_each(
    store: Store,
    add: Callable[[Session, Any, str, str, datetime], list[str]],
    entries: Sequence[object],
    source: str,
    entity: str,
    by: str | None,
) -> list[str]:
    """``add`` the entries in one transaction, each one added written to the audit log."""
    from bonecoach.store.models import utcnow

    who = store.actor if by is None else by
    with store._writing() as session:
        added = add(session, entries, source, who, utcnow())
        for key in added:
            store._audit(session, who, "import", entity, None, None, key)
    return added


# Demo clients -------------------------------------------------------------------------------


def demo_folder() -> Path:
    from bonecoach.paths import resource

    return resource("demo")


def load_demo_documents() -> list[ClientFile]:
    """The shipped demo clients, validated; no database needed."""
    return [read_document(path) for path in sorted(demo_folder().glob("*.json"))]


def load_demo(store: Store, *, by: str | None = None) -> tuple[list[ClientRecord], list[str]]:
    """Import the demo clients; ones already present are skipped (and named)."""
    added, skipped = [], []
    for document in load_demo_documents():
        try:
            added.append(import_client(store, document, by=by))
        except DuplicateClientError:
            skipped.append(document.client.name)
    return added, skipped
