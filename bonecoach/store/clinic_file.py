"""Reading a whole-clinic export (the PostgreSQL backup, and `import-client` of a clinic file).

The file is read and checked whole, once, before anything is written: every client as a client
file is, every custom exercise, the archived list, and what the database would refuse half-way
(a clinic id or custom exercise id used twice, a client naming a custom exercise the file
lacks). Any problem is an ImportProblem naming the field.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bonecoach.program.dosage import field_problems
from bonecoach.program.templates import Template
from bonecoach.store.client_file import (
    CLINIC_FORMAT,
    ClientFile,
    CustomExerciseEntry,
    _problems,
    parse_document,
)
from bonecoach.store.errors import ImportProblem
from bonecoach.store.file_checks import (
    MAX_CLINIC_FILE_BYTES,
    FileProblem,
    decode_json,
    read_text,
)


@dataclass(frozen=True)
class ClinicTemplateEntry:
    template: Template
    archived: bool


@dataclass(frozen=True)
class ClinicFile:
    clients: list[ClientFile]
    custom_exercises: list[CustomExerciseEntry]  # every one, also those no program names
    archived_custom_exercises: list[str]
    # the clinic's own templates, each with whether it was archived (an export made before
    # clinic templates existed has none)
    clinic_templates: list[ClinicTemplateEntry] = field(default_factory=list)

    def every_custom_exercise(self) -> list[CustomExerciseEntry]:
        """The clinic's list plus any a client's file carries that the list lacks (an older
        export); _conflicts has made sure one id means one exercise."""
        found = {e.exercise.id: e for e in self.custom_exercises}
        for document in self.clients:
            for entry in document.custom_exercises:
                found.setdefault(entry.exercise.id, entry)
        return list(found.values())


CLIENT_PARTS = ("client", "profiles", "programs", "sessions", "suggestions")


def read_clinic_file(path: Path) -> ClinicFile:
    where = str(path)
    try:
        data = decode_json(read_text(path, "clinic export", MAX_CLINIC_FILE_BYTES))
    except FileProblem as exc:
        raise ImportProblem(where, exc.problems) from None
    if not isinstance(data, dict) or data.get("format") != CLINIC_FORMAT:
        raise ImportProblem(where, ["format: not a BoneCoach clinic export"])
    raw_clients = _list(data, "clients", where, required=True)
    # an export writes every part of every client, even when empty: a part missing is a
    # damaged backup (restoring it would drop those records), not an empty list
    missing = [
        f"clients.{i}.{part}: missing (an export lists every part, even when empty)"
        for i, raw in enumerate(raw_clients)
        if isinstance(raw, dict)
        for part in CLIENT_PARTS
        if part not in raw
    ]
    if missing:
        raise ImportProblem(where, missing)
    clients = [parse_document(c, f"{path} client {i}") for i, c in enumerate(raw_clients)]
    customs = []
    for index, raw in enumerate(_list(data, "custom_exercises", where)):
        try:
            customs.append(CustomExerciseEntry.model_validate(raw))
        except ValidationError as exc:
            raise ImportProblem(
                where, [f"custom_exercises.{index}.{p}" for p in _problems(exc)]
            ) from None
    archived = _list(data, "archived_custom_exercises", where)
    if not all(isinstance(i, str) for i in archived):
        raise ImportProblem(where, ["archived_custom_exercises: not a list of exercise ids"])
    templates = [
        _template(raw, index, where)
        for index, raw in enumerate(_list(data, "clinic_templates", where))
    ]
    found = ClinicFile(clients, customs, archived, templates)
    problems = _conflicts(found)
    if problems:
        raise ImportProblem(where, problems)
    return found


def _template(raw: Any, index: int, where: str) -> ClinicTemplateEntry:
    at = f"clinic_templates.{index}"
    if not isinstance(raw, dict) or not isinstance(raw.get("archived"), bool):
        raise ImportProblem(where, [f"{at}: not a template with 'template' and 'archived'"])
    body = raw.get("template")
    if not isinstance(body, dict) or body.get("made_by_clinic") is not True:
        raise ImportProblem(where, [f"{at}.template: not a clinic template"])
    try:
        return ClinicTemplateEntry(Template.model_validate(body), raw["archived"])
    except ValidationError as exc:
        problems = [f"{at}.template.{f}: {p}" for f, p in field_problems(exc).items()]
        raise ImportProblem(where, problems) from None


def _list(data: dict[str, Any], key: str, where: str, *, required: bool = False) -> list[Any]:
    if key not in data:
        if required:  # an empty clinic is written as [], so a missing list is a broken file
            raise ImportProblem(where, [f"{key}: missing"])
        return []
    value = data[key]
    if not isinstance(value, list):
        raise ImportProblem(where, [f"{key}: not a list"])
    return value


def _conflicts(found: ClinicFile) -> list[str]:
    problems = []
    clinic_ids = Counter(d.client.clinic_id for d in found.clients if d.client.clinic_id)
    problems += [
        f"clients: clinic id {cid!r} is used by {n} clients"
        for cid, n in clinic_ids.items()
        if n > 1
    ]
    exercise_ids = Counter(e.exercise.id for e in found.custom_exercises)
    problems += [
        f"custom_exercises: {eid!r} is listed {n} times" for eid, n in exercise_ids.items() if n > 1
    ]
    listed = {e.exercise.id: e for e in found.custom_exercises}
    for index, document in enumerate(found.clients):
        for entry in document.custom_exercises:
            other = listed.setdefault(entry.exercise.id, entry)
            if other != entry:
                problems.append(
                    f"clients.{index}.custom_exercises: {entry.exercise.id!r} differs from the "
                    "clinic's exercise of that id"
                )
    template_ids = Counter(t.template.id for t in found.clinic_templates)
    problems += [
        f"clinic_templates: {tid!r} is listed {n} times" for tid, n in template_ids.items() if n > 1
    ]
    unknown = [i for i in found.archived_custom_exercises if i not in exercise_ids]
    if unknown:
        problems.append(
            f"archived_custom_exercises: {', '.join(unknown)} not among the custom exercises"
        )
    return problems
