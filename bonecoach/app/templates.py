"""Template actions: the shipped program templates and the clinic's own (stored in the
database), one made into a client's program, and a program saved as the clinic's template."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bonecoach.program.assessment import GuidelineCase
    from bonecoach.program.exercise import Exercise
    from bonecoach.program.profile import ClientProfile
    from bonecoach.program.programs import Program
    from bonecoach.program.templates import Template, TemplateChange
    from bonecoach.store.records import ClinicTemplateRecord
    from bonecoach.store.store import Store


def shipped_templates(library: Mapping[str, Exercise]) -> list[Template]:
    """The templates in resources/templates whose exercises are all in ``library``."""
    from bonecoach.paths import resource
    from bonecoach.program.templates import load_templates

    return load_templates(resource("templates"), library)


def program_from_template(
    template: Template, profile: ClientProfile, library: Mapping[str, Exercise]
) -> tuple[Program, list[TemplateChange]]:
    """The client's program, and what screening swapped, dropped or changed."""
    from bonecoach.program.templates import instantiate

    return instantiate(template, profile, library)


# The clinic's own templates (stored in the database) ----------------------------------------


def clinic_templates(store: Store, *, include_archived: bool = False) -> list[ClinicTemplateRecord]:
    """The clinic's saved templates by name (archived ones too if asked)."""
    return store.clinic_templates(include_archived=include_archived)


def save_program_as_template(
    store: Store,
    program: Program,
    library: Mapping[str, Exercise],
    *,
    name: str,
    summary: str,
    intended_for: str,
    cases: tuple[GuidelineCase, ...] = (),
) -> ClinicTemplateRecord:
    """``program`` saved as a new clinic template under ``name``; the id is made from the
    name. ``cases``: the guideline cases it is meant for (the client's it was made for), so
    using it for a client in another case starts with "Check first". InvalidTemplate names a
    field that cannot be saved (a name already taken, a program with no exercise)."""
    from pydantic import ValidationError

    from bonecoach.program.clinic_templates import (
        NothingToSave,
        template_from_program,
        template_id_for,
    )
    from bonecoach.program.dosage import field_problems
    from bonecoach.store.clinic_templates import shipped_template_names
    from bonecoach.store.errors import InvalidTemplate

    clinic = store.clinic_templates(include_archived=True)
    taken = [*shipped_template_names(), *(r.id for r in clinic)]
    template_id = template_id_for(name, taken)
    _refuse_a_taken_name(template_id, name, clinic, None)
    try:
        template = template_from_program(
            program,
            template_id=template_id,
            name=name,
            summary=summary,
            intended_for=intended_for,
            cases=cases,
            library=library,
        )
    except NothingToSave as exc:
        raise InvalidTemplate(template_id, [("program", str(exc))]) from None
    except ValidationError as exc:
        raise InvalidTemplate(template_id, list(field_problems(exc).items())) from None
    return store.save_clinic_template(template)


def describe_clinic_template(
    store: Store,
    record: ClinicTemplateRecord,
    *,
    name: str,
    summary: str,
    intended_for: str,
    program: Program | None = None,
    library: Mapping[str, Exercise] | None = None,
) -> ClinicTemplateRecord:
    """A clinic template's new words (and, given ``program``, its exercises and doses
    replaced by that program's), saved on the version the therapist was shown: StaleSaveError
    if someone saved it since, InvalidTemplate naming a bad field."""
    from pydantic import ValidationError

    from bonecoach.program.clinic_templates import NothingToSave, template_from_program
    from bonecoach.program.dosage import field_problems
    from bonecoach.store.errors import InvalidTemplate

    words = {"name": name, "summary": summary, "intended_for": intended_for}
    clinic = store.clinic_templates(include_archived=True)
    _refuse_a_taken_name(record.id, name, clinic, record.id)
    try:
        if program is None:
            raw = record.template.model_dump(mode="json") | words
            return store.save_clinic_template(raw, expected_version=record.version)
        template = template_from_program(
            program, template_id=record.id, library=library, cases=record.template.cases, **words
        )
    except NothingToSave as exc:
        raise InvalidTemplate(record.id, [("program", str(exc))]) from None
    except ValidationError as exc:
        raise InvalidTemplate(record.id, list(field_problems(exc).items())) from None
    return store.save_clinic_template(template, expected_version=record.version)


def _refuse_a_taken_name(
    template_id: str,
    name: str,
    clinic: list[ClinicTemplateRecord],
    own_id: str | None,
) -> None:
    """InvalidTemplate when another template (built-in or the clinic's, archived too) has
    this name: the menu would show two entries no one can tell apart."""
    from bonecoach.store.clinic_templates import shipped_template_names
    from bonecoach.store.errors import InvalidTemplate

    wanted = " ".join(name.split()).casefold()
    names = list(shipped_template_names().values())
    names += [r.template.name for r in clinic if r.id != own_id]
    if wanted and wanted in {n.casefold() for n in names}:
        said = " ".join(name.split())
        raise InvalidTemplate(
            template_id,
            [
                (
                    "name",
                    f"a template called “{said}” exists; give it a name of its own",
                )
            ],
        )


def archive_clinic_template(
    store: Store, record: ClinicTemplateRecord, archived: bool = True
) -> ClinicTemplateRecord:
    """Off the list (or back on it), on the version the therapist was shown."""
    return store.archive_clinic_template(record.id, archived, expected_version=record.version)
