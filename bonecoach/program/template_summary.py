"""What a template changed for one client, in a few plain lines a therapist reads at a glance.

A template's changes come one per item per phase (a 12-week template for a faller gave 23
lines, half of them "kept, but the client lacks equipment it needs"). Here they are grouped by
what the therapist does about them: check the case, review on a date, see what was left out
or swapped, note the supported variants, and tick or buy the missing equipment.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from bonecoach.program.exercise import Exercise
from bonecoach.program.templates import ChangeKind, TemplateChange


def summarise_changes(
    changes: Iterable[TemplateChange],
    library: Mapping[str, Exercise],
    equipment: Iterable[str],
) -> list[str]:
    """A short list of lines (empty: the template suits the client as it is). ``equipment``
    is what the client's profile says they have at home."""
    changes = list(changes)
    have = {str(e) for e in equipment}

    def name(exercise_id: str | None) -> str:
        exercise = library.get(exercise_id or "")
        return exercise.name if exercise is not None else str(exercise_id)

    def of(kind: ChangeKind) -> list[TemplateChange]:
        return [c for c in changes if c.kind is kind]

    lines = [f"Check first: {c.detail}" for c in of(ChangeKind.OUTSIDE_CASE)]
    lines += [f"Review: {c.phase_name}: {c.detail}" for c in of(ChangeKind.REVIEW)]
    gone = [c for c in of(ChangeKind.DROPPED) if c.exercise_id not in library]
    if gone:  # not a safety verdict: the library no longer has it (an archived custom one)
        listed = ", ".join(_unique(str(c.exercise_id) for c in gone))
        lines.append(
            f"Left out, no longer in the library (archived or removed): {listed}; choose "
            "another exercise for it"
        )
    dropped = _unique(
        name(c.exercise_id) for c in of(ChangeKind.DROPPED) if c.exercise_id in library
    )
    if dropped:
        lines.append(f"Left out (excluded, nothing safer in the library): {', '.join(dropped)}")
    swaps = _unique(
        f"{name(c.exercise_id)} → {name(c.replacement_id)}" for c in of(ChangeKind.SWAPPED)
    )
    if swaps:
        lines.append(f"Swapped for a safer exercise: {'; '.join(swaps)}")
    supported = of(ChangeKind.SUPPORT)
    if supported:
        names = _unique(name(c.exercise_id) for c in supported)
        why = Counter(_trigger(c) for c in supported).most_common(1)[0][0]
        lines.append(f"Supported variant prescribed ({why}): {', '.join(names)}")
    missing: Counter[str] = Counter()
    for exercise_id in _unique(c.exercise_id or "" for c in of(ChangeKind.UNAVAILABLE)):
        exercise = library.get(exercise_id)
        if exercise is not None:
            missing.update(str(e.value) for e in exercise.equipment if str(e.value) not in have)
    if missing:
        listed = ", ".join(
            f"{item.replace('_', ' ')} ({count} exercise{'s' if count != 1 else ''})"
            for item, count in missing.most_common()
        )
        lines.append(
            f"Equipment the profile does not list: {listed}. Tick it on the Profile tab if "
            "the client has it, or swap those exercises."
        )
    return lines


def _trigger(change: TemplateChange) -> str:
    """The first reason's trigger ("Fall-risk flag"), without its explanation."""
    if not change.reasons:
        return "for this client"
    text = change.reasons[0].text
    return text.split(":")[0].split(" (")[0].strip().rstrip(".") or "for this client"


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))
