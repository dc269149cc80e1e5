"""Template actions: the shipped program templates, and one made into a client's program."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bonecoach.program.exercise import Exercise
    from bonecoach.program.profile import ClientProfile
    from bonecoach.program.programs import Program
    from bonecoach.program.templates import Template, TemplateChange


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


def describe_changes(changes: list[TemplateChange], library: Mapping[str, Exercise]) -> list[str]:
    """One plain line per change, for the "what was changed" message."""

    def name(exercise_id: str | None) -> str:
        if exercise_id is None:
            return ""
        exercise = library.get(exercise_id)
        return exercise.name if exercise is not None else exercise_id

    lines = []
    for c in changes:
        why = "; ".join(r.text for r in c.reasons[:2])
        subject = f"{c.phase_name}: {name(c.exercise_id)}"
        if c.kind.value == "outside_case":
            lines.append(f"Check first: {c.detail}")
        elif c.kind.value == "review":
            lines.append(f"{c.phase_name}: {c.detail}")
        elif c.kind.value == "swapped":
            lines.append(f"{subject} swapped for {name(c.replacement_id)} ({why})")
        elif c.kind.value == "dropped":
            lines.append(f"{subject} left out: {c.detail}" + (f" ({why})" if why else ""))
        elif c.kind.value == "support":
            lines.append(f"{subject}: support variant prescribed ({why})")
        else:
            lines.append(f"{subject}: {c.detail} ({why})")
    return lines
