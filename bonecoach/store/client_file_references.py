"""A client file checked for records that cannot be true together.

An item, a session entry or a suggestion naming an exercise that is neither shipped nor stored
would vanish from the handout or the session history without a word; a suggestion pointing
past the last phase of its program would be accepted into nothing; a profile recorded, a
fracture or a session dated before the client was born, or a profile recorded after the day
it was saved, is a typo that would mislead every later screening. Import and restore both
refuse such a file, naming every place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from bonecoach.store.client_file import ClientFile


def consistency_problems(document: ClientFile, known: set[str]) -> list[str]:
    """Each place in ``document`` naming an exercise not in ``known`` (plus the file's own
    custom exercises), a phase its program version does not have, or a date out of order."""
    known = known | {entry.exercise.id for entry in document.custom_exercises}
    problems = [
        f"{place}: {exercise_id!r} is not in this library or the file's custom exercises"
        for place, exercise_id in _named_exercises(document)
        if exercise_id not in known
    ]
    return problems + _phase_problems(document) + _date_order_problems(document)


def _named_exercises(document: ClientFile) -> Iterator[tuple[str, str]]:
    for p, entry in enumerate(document.programs):
        for v, version in enumerate(entry.versions):
            for ph, phase in enumerate(version.program.phases):
                for i, item in enumerate(phase.items):
                    place = f"programs[{p}].versions[{v}].program.phases[{ph}].items[{i}]"
                    yield f"{place}.exercise_id", item.exercise_id
    for s, session in enumerate(document.sessions):
        for e, logged in enumerate(session.log.entries):
            yield f"sessions[{s}].log.entries[{e}].exercise_id", logged.exercise_id
    for s, suggestion_entry in enumerate(document.suggestions):
        suggestion = suggestion_entry.suggestion
        for field in ("exercise_id", "new_exercise_id"):
            value = getattr(suggestion, field)
            if value is not None:
                yield f"suggestions[{s}].suggestion.{field}", value


def _phase_problems(document: ClientFile) -> list[str]:
    phases = {
        (p, version.number): len(version.program.phases)
        for p, entry in enumerate(document.programs)
        for version in entry.versions
    }
    problems = []
    for s, entry in enumerate(document.suggestions):
        index, ref = entry.suggestion.phase_index, entry.program_version
        if index is None or ref is None:
            continue
        count = phases.get((ref.program, ref.version))
        if count is not None and not 0 <= index < count:
            problems.append(
                f"suggestions[{s}].suggestion.phase_index: {index} is not a phase of its "
                f"program (it has {count})"
            )
    return problems


def _date_order_problems(document: ClientFile) -> list[str]:
    born = document.client.date_of_birth
    dated: list[tuple[str, dt.date | None]] = []
    problems = []
    for p, entry in enumerate(document.profiles):
        place = f"profiles[{p}]"
        dated.append((f"{place}.recorded_on", entry.recorded_on))
        dated.append(
            (f"{place}.profile.vertebral_fracture_date", entry.profile.vertebral_fracture_date)
        )
        dated.append((f"{place}.profile.other_fracture_date", entry.profile.other_fracture_date))
        saved = entry.saved_at.astimezone(dt.UTC).date()
        if entry.recorded_on > saved + dt.timedelta(days=1):  # a day's slack for time zones
            problems.append(
                f"{place}.recorded_on: {entry.recorded_on.isoformat()} is after the day it was "
                f"saved ({saved.isoformat()})"
            )
    dated += [
        (f"sessions[{s}].log.date", session.log.date) for s, session in enumerate(document.sessions)
    ]
    if born is not None:
        problems += [
            f"{place}: {day.isoformat()} is before the client's date of birth ({born.isoformat()})"
            for place, day in dated
            if day is not None and day < born
        ]
    return problems
