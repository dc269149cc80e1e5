"""Writing a validated client document into the database: one transaction, all or nothing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from bonecoach.program.picture import check_photo
from bonecoach.store.base import client_record
from bonecoach.store.client_file import ClientFile, CustomExerciseEntry, VersionRef
from bonecoach.store.client_file_references import consistency_problems
from bonecoach.store.custom_exercises import ENTITY, new_custom_row, shipped_library
from bonecoach.store.errors import ImportProblem
from bonecoach.store.mapping import profile_columns, suggestion_columns
from bonecoach.store.models import (
    ClientRow,
    CustomExerciseRow,
    HandoutPrintRow,
    ProfileVersionRow,
    ProgramRow,
    SuggestionRow,
    utcnow,
)
from bonecoach.store.programs import insert_version
from bonecoach.store.sessions import insert_session

if TYPE_CHECKING:
    from bonecoach.store.clinic_file import ClinicTemplateEntry
    from bonecoach.store.records import ClientRecord
    from bonecoach.store.store import Store


def add_document(
    store: Store, document: ClientFile, *, clinic_id: str | None, by: str | None
) -> ClientRecord:
    who = store.actor if by is None else by
    with store._writing() as session:
        return insert_document(session, store, document, clinic_id=clinic_id, who=who, now=utcnow())


def insert_document(
    session: Session,
    store: Store,
    document: ClientFile,
    *,
    clinic_id: str | None,
    who: str,
    now: datetime,
    with_custom_exercises: bool = True,
) -> ClientRecord:
    """The client and all its history, inside the caller's transaction (with the custom
    exercises its file carries, unless the caller has added them already)."""
    info = document.client
    if with_custom_exercises:
        source = f"{document.client.name}'s file"
        added = add_custom_exercises(session, document.custom_exercises, source, who, now)
        for exercise_id in added:
            store._audit(session, who, "import", ENTITY, None, None, exercise_id)
    unknown = unknown_exercises(session, document)
    if unknown:
        raise ImportProblem(f"{document.client.name}'s file", unknown)
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
            version = insert_version(session, row.id, v.number, v.program, v.saved_by, v.saved_at)
            versions[(index, v.number)] = version.id
            session.add_all(
                HandoutPrintRow(program_version_id=version.id, **h.model_dump()) for h in v.handouts
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


def unknown_exercises(session: Session, document: ClientFile) -> list[str]:
    """Places in the file naming an exercise neither shipped, stored here nor carried by the
    file, or a phase its program lacks: such a record would silently vanish."""
    known = set(shipped_library()) | set(session.scalars(select(CustomExerciseRow.id)))
    return consistency_problems(document, known)


def add_custom_exercises(
    session: Session,
    entries: Sequence[CustomExerciseEntry],
    source: str,
    who: str,
    now: datetime,
) -> list[str]:
    """Store the file's custom exercises this database lacks; ImportProblem (and nothing
    stored) when an id here means a different exercise. Returns the ids added."""
    shipped = shipped_library()
    stored = {r.id: r for r in session.scalars(select(CustomExerciseRow))}
    problems: list[str] = []
    new: list[CustomExerciseEntry] = []
    for index, entry in enumerate(entries):
        exercise = entry.exercise
        where = f"custom_exercises.{index}.exercise.id"
        mine = exercise.model_dump(mode="json")
        if exercise.id in shipped:
            if shipped[exercise.id].model_dump(mode="json") != mine:
                problems.append(
                    f"{where}: '{exercise.id}' is a built-in exercise here, and the file's "
                    "custom exercise of that id is different; rename it where it was made, "
                    "then export again"
                )
        elif exercise.id in stored:
            row = stored[exercise.id]
            if row.exercise != mine:
                problems.append(
                    f"{where}: this clinic already has a different custom exercise "
                    f"'{exercise.id}' ({row.exercise.get('name', '')}, saved by "
                    f"{row.updated_by or 'someone'}); rename one of them, then import again"
                )
        else:
            new.append(entry)
    known = set(shipped) | set(stored) | {e.exercise.id for e in new}
    for index, entry in enumerate(entries):
        for link in ("easier", "harder"):
            target = getattr(entry.exercise, link)
            if target is not None and target not in known:
                problems.append(
                    f"custom_exercises.{index}.exercise.{link}: no exercise '{target}' here "
                    "or in the file"
                )
    if problems:
        raise ImportProblem(source, problems)
    for entry in new:
        photo, picture = entry.photo, entry.picture
        if photo is not None:  # the media type from the bytes, not from what the file says
            picture = picture.model_copy(update={"photo": check_photo(photo)})
        session.add(new_custom_row(entry.exercise, picture, photo, who, now))
    return [e.exercise.id for e in new]


def add_clinic_templates(
    session: Session,
    entries: Sequence[ClinicTemplateEntry],
    source: str,
    who: str,
    now: datetime,
) -> list[str]:
    """Store the file's clinic templates this database lacks (archived as they were);
    ImportProblem (and nothing stored) when an id here means a different template or a
    built-in one. Returns the ids added."""
    from bonecoach.store.clinic_templates import shipped_template_names
    from bonecoach.store.models import ClinicTemplateRow

    shipped = shipped_template_names()
    stored = {r.id: r for r in session.scalars(select(ClinicTemplateRow))}
    problems: list[str] = []
    new: list[ClinicTemplateEntry] = []
    for index, entry in enumerate(entries):
        template = entry.template
        where = f"clinic_templates.{index}.template.id"
        if template.id in shipped:
            problems.append(f"{where}: '{template.id}' is a built-in template here")
        elif template.id in stored:
            if stored[template.id].template != template.model_dump(mode="json"):
                problems.append(
                    f"{where}: this clinic already has a different template '{template.id}' "
                    f"({stored[template.id].template.get('name', '')}); rename one of them, "
                    "then import again"
                )
        else:
            new.append(entry)
    if problems:
        raise ImportProblem(source, problems)
    for entry in new:
        session.add(
            ClinicTemplateRow(
                id=entry.template.id,
                template=entry.template.model_dump(mode="json"),
                created_at=now,
                created_by=who,
                updated_at=now,
                updated_by=who,
                version=1,
                archived=entry.archived,
            )
        )
    return [e.template.id for e in new]
