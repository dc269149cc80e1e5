"""A clinic's own template, made from one of its programs (#17: reuse).

What is kept is what another client could start from: the phases, exercises, doses and the
therapist's notes. What belonged to the one client is left out: overrides (written for that
client's exclusions), support choices and hand support (the next client's screening decides
them), the start date. The template is screened afresh for every client it is used for.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from bonecoach.program.assessment import GuidelineCase
from bonecoach.program.exercise import Exercise
from bonecoach.program.programs import Program
from bonecoach.program.templates import Template, TemplateItem, TemplatePhase


class NothingToSave(ValueError):
    """The program has no exercise to make a template of."""


def template_id_for(name: str, taken: Iterable[str]) -> str:
    """A template id from its name ("Falls first, Tuesdays" -> "clinic_falls_first_tuesdays"),
    never one in ``taken`` (the shipped and the clinic's templates)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")[:48] or "template"
    base = f"clinic_{words}"
    used = set(taken)
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def template_from_program(
    program: Program,
    *,
    template_id: str,
    name: str,
    summary: str,
    intended_for: str,
    cases: tuple[GuidelineCase, ...] = (),
    library: Mapping[str, Exercise] | None = None,
) -> Template:
    """``program`` as the clinic's template; pydantic's ValidationError names a bad field,
    NothingToSave when no phase holds an exercise. With ``library``, the template cites the
    guideline sources its exercises cite."""
    phases = tuple(
        TemplatePhase(
            name=phase.name,
            start_week=phase.start_week,
            end_week=phase.end_week,
            items=tuple(
                TemplateItem(exercise_id=i.exercise_id, dosage=i.dosage, notes=i.notes)
                for i in phase.items
            ),
        )
        for phase in program.phases
        if phase.items
    )
    if not phases:
        raise NothingToSave("the program has no exercises to save as a template")
    sources: dict[str, None] = {}
    if library is not None:
        for phase in phases:
            for item in phase.items:
                exercise = library.get(item.exercise_id)
                if exercise is not None:
                    sources.update(dict.fromkeys(exercise.sources))
    return Template.model_validate(
        {
            "id": template_id,
            "name": name,
            "summary": summary,
            "intended_for": intended_for,
            "cases": cases,
            "clinic_only": program.clinic_only,
            "made_by_clinic": True,
            "sources": tuple(sources),
            "phases": phases,
        }
    )
