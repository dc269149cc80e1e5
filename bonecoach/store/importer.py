"""Writing a validated client document into the database: one transaction, all or nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bonecoach.store.base import client_record
from bonecoach.store.document import ClientDocument, VersionRef
from bonecoach.store.mapping import profile_columns, suggestion_columns
from bonecoach.store.models import (
    ClientRow,
    HandoutPrintRow,
    ProfileVersionRow,
    ProgramRow,
    SuggestionRow,
    utcnow,
)
from bonecoach.store.program_ops import insert_version
from bonecoach.store.session_ops import insert_session

if TYPE_CHECKING:
    from bonecoach.store.records import ClientRecord
    from bonecoach.store.service import Store


def add_document(
    store: Store, document: ClientDocument, *, clinic_id: str | None, by: str | None
) -> ClientRecord:
    who = store.actor if by is None else by
    info = document.client
    now = utcnow()
    with store._writing() as session:
        client = ClientRow(
            name=" ".join(info.name.split()),
            date_of_birth=info.date_of_birth,
            clinic_id=clinic_id,
            contact=info.contact,
            archived=info.archived,
            version=1,
            created_at=now,
            updated_at=now,
            updated_by=who,
        )
        session.add(client)
        session.flush()
        for entry in document.profiles:
            session.add(
                ProfileVersionRow(
                    client_id=client.id,
                    recorded_on=entry.recorded_on,
                    saved_at=entry.saved_at,
                    saved_by=entry.saved_by,
                    note=entry.note,
                    **profile_columns(entry.profile),
                )
            )
        versions: dict[tuple[int, int], int] = {}
        for index, program in enumerate(document.programs):
            row = ProgramRow(
                client_id=client.id,
                name=program.versions[-1].program.name,
                created_at=program.created_at,
                archived=program.archived,
            )
            session.add(row)
            session.flush()
            for v in program.versions:
                version = insert_version(
                    session, row.id, v.number, v.program, v.saved_by, v.saved_at
                )
                versions[(index, v.number)] = version.id
                session.add_all(
                    HandoutPrintRow(program_version_id=version.id, **h.model_dump())
                    for h in v.handouts
                )

        def version_id(ref: VersionRef | None) -> int | None:
            return None if ref is None else versions[(ref.program, ref.version)]

        for s in document.sessions:
            insert_session(
                session, client.id, s.log, version_id(s.program_version), s.saved_by, s.saved_at
            )
        for g in document.suggestions:
            session.add(
                SuggestionRow(
                    client_id=client.id,
                    program_version_id=version_id(g.program_version),
                    created_at=g.created_at,
                    outcome=g.outcome,
                    outcome_reason=g.outcome_reason,
                    decided_at=g.decided_at,
                    decided_by=g.decided_by,
                    result_version_id=version_id(g.result_version),
                    **suggestion_columns(g.suggestion),
                )
            )
        session.flush()
        store._audit(
            session,
            who,
            "import",
            "client",
            client.id,
            client.id,
            f"{len(document.profiles)} profile(s), {len(document.programs)} program(s), "
            f"{len(document.sessions)} session(s), exported {document.exported_at:%Y-%m-%d}",
        )
        return client_record(client)
