"""Loading and validating the exercise library files.

A library is a folder of TOML files, each holding one or more ``[[exercise]]`` tables.
Loading checks every file and reports every problem (file, exercise id, field, problem)
instead of stopping at the first one, so a reviewer can fix a whole batch at once.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bonecoach.program.exercise import Exercise
from bonecoach.program.vocabulary import Category


@dataclass(frozen=True)
class LibraryProblem:
    """One thing wrong in a library file, named precisely enough to fix it."""

    file: str
    exercise_id: str | None
    field: str | None
    problem: str

    def __str__(self) -> str:
        where = [self.file]
        if self.exercise_id:
            where.append(f"exercise '{self.exercise_id}'")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{': '.join(where)}: {self.problem}"


class LibraryError(Exception):
    def __init__(self, problems: list[LibraryProblem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"the exercise library has {len(problems)} problem(s):\n{lines}")


class Library(Mapping[str, Exercise]):
    """The validated exercises, in file order, looked up by id."""

    def __init__(self, exercises: list[Exercise]) -> None:
        self._by_id: dict[str, Exercise] = {e.id: e for e in exercises}

    def __getitem__(self, exercise_id: str) -> Exercise:
        return self._by_id[exercise_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    @property
    def exercises(self) -> list[Exercise]:
        return list(self._by_id.values())

    def counts_by_category(self) -> dict[Category, int]:
        counts = Counter(e.category for e in self._by_id.values())
        return {c: counts.get(c, 0) for c in Category}

    def ladder(self, exercise_id: str) -> list[Exercise]:
        """The whole easier-to-harder ladder that ``exercise_id`` stands on, easiest first."""
        bottom = self._by_id[exercise_id]
        seen = {bottom.id}
        while bottom.easier and bottom.easier in self._by_id and bottom.easier not in seen:
            bottom = self._by_id[bottom.easier]
            seen.add(bottom.id)
        rungs = [bottom]
        while rungs[-1].harder and rungs[-1].harder in self._by_id:
            nxt = self._by_id[rungs[-1].harder]
            if nxt in rungs:
                break
            rungs.append(nxt)
        return rungs


def _describe_error(error: Mapping[str, Any]) -> tuple[str | None, str]:
    loc = [str(part) for part in error.get("loc", ())]
    field = ".".join(loc) if loc else None
    kind = error.get("type", "")
    value = error.get("input")
    message = str(error.get("msg", "invalid"))
    if kind == "missing":
        return field, "missing field"
    if kind == "extra_forbidden":
        return field, "unknown field"
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        return field, f"unknown value {value!r} (expected {expected})"
    if message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    return field, message


MAX_LIBRARY_FILE = 4 * 1024 * 1024  # the shipped files are a few dozen kB


def _read_entries(path: Path, problems: list[LibraryProblem]) -> list[dict[str, Any]]:
    # a pipe or a device named *.toml would block or never end: only regular files are read
    if not path.is_file():
        problems.append(LibraryProblem(path.name, None, None, "is not a regular file"))
        return []
    try:
        if path.stat().st_size > MAX_LIBRARY_FILE:
            problems.append(LibraryProblem(path.name, None, None, "is too big (over 4 MB)"))
            return []
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        problems.append(LibraryProblem(path.name, None, None, f"cannot be read: {exc}"))
        return []
    unknown = sorted(set(data) - {"exercise"})
    for key in unknown:
        problems.append(LibraryProblem(path.name, None, key, "unknown top-level table or key"))
    entries = data.get("exercise", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        problems.append(LibraryProblem(path.name, None, "exercise", "must be [[exercise]] tables"))
        return []
    if not entries:
        problems.append(LibraryProblem(path.name, None, None, "holds no [[exercise]] tables"))
    return entries


def validate_entries(
    entries: list[tuple[str, Mapping[str, Any]]],
) -> tuple[list[Exercise], list[LibraryProblem]]:
    """Validate raw (file name, table) pairs: schema, duplicate ids and ladder links."""
    problems: list[LibraryProblem] = []
    exercises: list[Exercise] = []
    origin: dict[str, str] = {}
    for file_name, raw in entries:
        raw_id = raw.get("id")
        label = raw_id if isinstance(raw_id, str) else None
        try:
            exercise = Exercise.model_validate(raw)
        except ValidationError as exc:
            for error in exc.errors():
                field, message = _describe_error(error)
                problems.append(LibraryProblem(file_name, label, field, message))
            continue
        if exercise.id in origin:
            problems.append(
                LibraryProblem(
                    file_name,
                    exercise.id,
                    "id",
                    f"duplicate id (first defined in {origin[exercise.id]})",
                )
            )
            continue
        origin[exercise.id] = file_name
        exercises.append(exercise)
    problems.extend(_ladder_problems(exercises, origin))
    return exercises, problems


def _ladder_problems(exercises: list[Exercise], origin: dict[str, str]) -> list[LibraryProblem]:
    by_id = {e.id: e for e in exercises}
    problems: list[LibraryProblem] = []
    reverse = {"easier": "harder", "harder": "easier"}
    for e in exercises:
        for link in ("easier", "harder"):
            target_id = getattr(e, link)
            if target_id is None:
                continue
            target = by_id.get(target_id)
            if target is None:
                problems.append(
                    LibraryProblem(
                        origin[e.id],
                        e.id,
                        link,
                        f"dangling ladder link to unknown id '{target_id}'",
                    )
                )
                continue
            back = getattr(target, reverse[link])
            if back != e.id:
                problems.append(
                    LibraryProblem(
                        origin[e.id],
                        e.id,
                        link,
                        f"'{target_id}' does not point back: its {reverse[link]} is "
                        f"{back!r}, expected '{e.id}'",
                    )
                )
            low, high = (target, e) if link == "easier" else (e, target)
            if high.level <= low.level:
                problems.append(
                    LibraryProblem(
                        origin[e.id],
                        e.id,
                        "level",
                        f"level must rise along the ladder: '{low.id}' is level {low.level}, "
                        f"harder '{high.id}' is level {high.level}",
                    )
                )
    for e in exercises:  # a cycle would make "step up the ladder" loop forever
        seen = {e.id}
        step = e
        while step.harder and step.harder in by_id:
            step = by_id[step.harder]
            if step.id in seen:
                problems.append(
                    LibraryProblem(origin[e.id], e.id, "harder", "the ladder loops back on itself")
                )
                break
            seen.add(step.id)
    return problems


def check_library(directory: Path) -> tuple[Library, list[LibraryProblem]]:
    """Read and validate every ``*.toml`` in ``directory``; return what loaded and all problems."""
    problems: list[LibraryProblem] = []
    files = sorted(directory.glob("*.toml"))
    if not files:
        problems.append(LibraryProblem(str(directory), None, None, "no library files (*.toml)"))
    entries: list[tuple[str, Mapping[str, Any]]] = []
    for path in files:
        entries.extend((path.name, raw) for raw in _read_entries(path, problems))
    exercises, more = validate_entries(entries)
    problems.extend(more)
    return Library(exercises), problems


def load_library(directory: Path) -> Library:
    """The validated library in ``directory``; raises LibraryError listing every problem."""
    library, problems = check_library(directory)
    if problems:
        raise LibraryError(problems)
    return library
