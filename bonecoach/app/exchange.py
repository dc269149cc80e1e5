"""Moving one client between machines: export to a JSON file, import from one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bonecoach.app.clinic_library import LibraryUpdate
    from bonecoach.app.workspace import Workspace


def export_client(context: Workspace, client_id: int, out: Path) -> tuple[Path, str]:
    """Write the client with all its history; returns the file and a one-line summary."""
    from bonecoach.store.exchange import export_client as store_export
    from bonecoach.store.exchange import write_document

    document = store_export(context.store, client_id, by=context.therapist_name)
    path = write_document(document, out)
    summary = (
        f"{document.client.name}: {len(document.profiles)} profile(s), "
        f"{len(document.programs)} program(s), {len(document.sessions)} session(s)"
    )
    return path, summary


@dataclass(frozen=True)
class ImportedClient:
    record: Any  # the stored ClientRecord
    library_update: LibraryUpdate | None  # custom exercises the file brought


def refuse_unprintable(document: Any, source: str) -> None:
    """ImportProblem when the client's name holds characters the handout cannot print (the
    same rule as the New client box), for the app's import and the command line's alike."""
    from bonecoach.app.clients import unprintable_problem
    from bonecoach.store.errors import ImportProblem

    if problem := unprintable_problem(document.client.name):
        raise ImportProblem(source, [f"client.name: {problem}"])


def import_client(context: Workspace, source: Path, as_new: bool) -> ImportedClient:
    """Add the client in ``source``; DuplicateClientError if already stored (unless as_new),
    ImportProblem naming every bad field if the file is not valid (nothing is imported).
    Runs on a worker: the library update it returns is applied on the UI thread."""
    from bonecoach.store.client_file import read_document
    from bonecoach.store.exchange import import_client as store_import

    document = read_document(source)
    refuse_unprintable(document, source.name)
    record = store_import(context.store, document, as_new=as_new, by=context.therapist_name)
    # the client's programs may name exercises this clinic lacked
    update = (
        context.clinic_library.update_from(context.store) if document.custom_exercises else None
    )
    return ImportedClient(record, update)
