"""The clinic's own program templates: validated by the domain model, saved with a version
check, archived rather than deleted (programs made from one still name it)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bonecoach.program.dosage import field_problems
from bonecoach.program.templates import Template, check_templates
from bonecoach.store.base import StoreBase
from bonecoach.store.custom_exercises import shipped_library
from bonecoach.store.errors import InvalidTemplate, NotFoundError
from bonecoach.store.models import ClinicTemplateRow, CustomExerciseRow, utcnow
from bonecoach.store.records import ClinicTemplateRecord
from bonecoach.store.versioned_rows import set_archived, update_versioned

log = logging.getLogger(__name__)
ENTITY = "clinic_template"
KIND = "clinic template"  # as errors name it


def _label(row: ClinicTemplateRow) -> str:
    return f"template '{row.template.get('name', row.id)}'"


@functools.cache
def shipped_template_names() -> dict[str, str]:
    """id -> name of the templates shipped with this BoneCoach (read once per process)."""
    from bonecoach.paths import resource

    templates, _problems = check_templates(resource("templates"))
    return {t.id: t.name for t in templates}


def validate_template(template: Template | Mapping[str, Any]) -> Template:
    """Through the domain model again, marked as the clinic's; InvalidTemplate naming each
    field otherwise."""
    raw = template.model_dump(mode="json") if isinstance(template, Template) else dict(template)
    raw["made_by_clinic"] = True
    try:
        return Template.model_validate(raw)
    except ValidationError as exc:
        label = raw.get("id") if isinstance(raw.get("id"), str) else "(no id)"
        raise InvalidTemplate(str(label), list(field_problems(exc).items())) from None


def record_of(row: ClinicTemplateRow) -> ClinicTemplateRecord:
    return ClinicTemplateRecord(
        template=Template.model_validate(row.template),
        version=row.version,
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        archived=row.archived,
    )


def check_template(
    session: Session, template: Template | Mapping[str, Any], stored: Template | None = None
) -> Template:
    """The template ready to store, or InvalidTemplate with every problem: the domain's
    rules, an id of its own, and exercises that are in the clinic's library (or were in the
    ``stored`` version already: a custom exercise archived since must not stop a change of
    the template's words; using the template leaves it out and says why)."""
    checked = validate_template(template)
    problems: list[tuple[str, str]] = []
    shipped = shipped_template_names()
    if checked.id in shipped:
        problems.append(("id", f"'{checked.id}' is the built-in template '{shipped[checked.id]}'"))
    known = set(shipped_library()) | set(
        session.scalars(select(CustomExerciseRow.id).where(CustomExerciseRow.archived.is_(False)))
    )
    if stored is not None:
        known |= set(stored.exercise_ids())
    for p, phase in enumerate(checked.phases):
        for i, item in enumerate(phase.items):
            for exercise_id in (item.exercise_id, *item.fallback):
                if exercise_id not in known:
                    problems.append(
                        (f"phases.{p}.items.{i}", f"no exercise '{exercise_id}' in the library")
                    )
    if problems:
        raise InvalidTemplate(checked.id, problems)
    return checked


class ClinicTemplateRecords(StoreBase):
    def clinic_templates(self, *, include_archived: bool = False) -> list[ClinicTemplateRecord]:
        """The clinic's templates by name (one that no longer passes the domain's checks is
        left out and logged, rather than stopping the app)."""
        query = select(ClinicTemplateRow).order_by(ClinicTemplateRow.id)
        if not include_archived:
            query = query.where(ClinicTemplateRow.archived.is_(False))
        found = []
        with self._reading() as session:
            for row in session.scalars(query):
                try:
                    found.append(record_of(row))
                except ValidationError as exc:
                    log.warning("clinic template %s left out: %s", row.id, exc.errors()[0]["msg"])
        return sorted(found, key=lambda r: r.template.name.casefold())

    def clinic_template(self, template_id: str) -> ClinicTemplateRecord:
        with self._reading() as session:
            row = session.get(ClinicTemplateRow, template_id)
            if row is None:
                raise NotFoundError(KIND, template_id)
            return record_of(row)

    def save_clinic_template(
        self,
        template: Template | Mapping[str, Any],
        expected_version: int | None = None,
        *,
        by: str | None = None,
    ) -> ClinicTemplateRecord:
        """Add a template (``expected_version`` None) or change one if nobody saved it since
        ``expected_version`` was read (StaleSaveError otherwise; nothing is written)."""
        who, now = self._who(by), utcnow()
        try:
            with self._writing() as session:
                row = session.get(ClinicTemplateRow, validate_template(template).id)
                stored = None
                if row is not None and expected_version is not None:
                    stored = Template.model_validate(row.template)
                checked = check_template(session, template, stored)
                data = checked.model_dump(mode="json")
                if expected_version is None:
                    if row is not None:
                        raise _taken(row)
                    session.add(
                        ClinicTemplateRow(
                            id=checked.id,
                            template=data,
                            created_at=now,
                            created_by=who,
                            updated_at=now,
                            updated_by=who,
                            version=1,
                            archived=False,
                        )
                    )
                    session.flush()
                    action = "create"
                else:
                    update_versioned(
                        session, ClinicTemplateRow, checked.id, expected_version, who, now,
                        {"template": data}, kind=KIND, label=_label,
                    )  # fmt: skip
                    action = "update"
                self._audit(
                    session, who, action, ENTITY, None, None, f"{checked.id}: {checked.name}"
                )
                saved = session.get(ClinicTemplateRow, checked.id)
                assert saved is not None
                session.refresh(saved)
                return record_of(saved)
        except IntegrityError:  # another workstation added the same id at the same moment
            template_id = validate_template(template).id
            raise InvalidTemplate(
                template_id, [("id", "already used by a clinic template")]
            ) from None

    def archive_clinic_template(
        self,
        template_id: str,
        archived: bool = True,
        *,
        expected_version: int | None = None,
        by: str | None = None,
    ) -> ClinicTemplateRecord:
        """Take a template off the list (or bring it back); it stays stored. StaleSaveError
        if someone saved a newer version than ``expected_version`` since."""
        who, now = self._who(by), utcnow()
        with self._writing() as session:
            row, written = set_archived(
                session, ClinicTemplateRow, template_id, archived, expected_version, who, now,
                kind=KIND, label=_label,
            )  # fmt: skip
            if written:
                action = "archive" if archived else "unarchive"
                self._audit(session, who, action, ENTITY, None, None, template_id)
            return record_of(row)


def _taken(row: ClinicTemplateRow) -> InvalidTemplate:
    state = " (archived)" if row.archived else ""
    name = row.template.get("name", row.id)
    return InvalidTemplate(row.id, [("id", f"already used by the clinic template '{name}'{state}")])
