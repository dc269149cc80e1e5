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
