"""Reading the illustration files and reporting what is wrong or missing in them."""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bonecoach.program.exercise import Exercise

from bonecoach.art.poses import PHASES, Illustration, parse_illustration


class IllustrationError(Exception):
    """An illustration file cannot be read at all (not TOML, not a table per exercise)."""


def default_directory() -> Path:
    from bonecoach.paths import resource

    return resource("illustrations")


def load_illustrations(directory: Path | None = None) -> dict[str, Illustration]:
    """Every exercise's poses from ``directory/*.toml``, keyed by exercise id.

    Problems inside one exercise (a broken joint limit, an unknown prop) stay on its
    Illustration for ``illustration_problems`` to report; an unreadable file raises.
    """
    folder = default_directory() if directory is None else directory
    tables: dict[str, tuple[str, dict[str, Any]]] = {}
    twice: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        if not path.is_file():  # a pipe or device would block or never end
            raise IllustrationError(f"{path.name}: is not a regular file")
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise IllustrationError(f"{path.name}: cannot be read: {exc}") from exc
        for exercise_id, raw in data.items():
            if not isinstance(raw, dict):
                raise IllustrationError(f"{path.name}: '{exercise_id}' must be a table")
            if exercise_id in tables:
                twice[exercise_id] = tables[exercise_id][0]
            tables[exercise_id] = (path.name, raw)
    found: dict[str, Illustration] = {}
    for exercise_id, (file, _raw) in tables.items():
        if exercise_id.startswith("_"):  # a shared template for `like`, not an exercise
            continue
        merged, trouble = _resolve_like(exercise_id, tables)
        ill = parse_illustration(exercise_id, file, merged)
        extra = [*trouble] + (
            [f"defined twice (also in {twice[exercise_id]})"] if exercise_id in twice else []
        )
        if extra:
            ill = replace(ill, problems=(*ill.problems, *extra))
        found[exercise_id] = ill
    return found


def _resolve_like(
    exercise_id: str, tables: Mapping[str, tuple[str, dict[str, Any]]]
) -> tuple[dict[str, Any], list[str]]:
    """The table with ``like = "other_id"`` filled in from the other exercise's table.

    Keys given here win; pose tables (start, middle, end) are merged key by key, and their
    ``left``/``right`` tables too, so a variant only states what differs.
    """
    raw = dict(tables[exercise_id][1])
    like = raw.pop("like", None)
    if like is None:
        return raw, []
    chain = [exercise_id]
    while like is not None:
        if not isinstance(like, str) or like not in tables:
            return raw, [f"like: no illustration called {like!r} to start from"]
        if like in chain:
            return raw, [f"like: '{like}' leads back to itself"]
        chain.append(like)
        base = dict(tables[like][1])
        next_like = base.pop("like", None)
        raw = _merge(base, raw)
        like = next_like
    return raw, []


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if key in PHASES and isinstance(value, dict) and isinstance(out.get(key), dict):
            pose = dict(out[key])
            for k, v in value.items():
                both_tables = isinstance(v, dict) and isinstance(pose.get(k), dict)
                pose[k] = {**pose[k], **v} if both_tables else v
            out[key] = pose
        else:
            out[key] = value
    return out


def placement_problems(ill: Illustration) -> list[str]:
    """What goes wrong when the poses are put in the room: joint limits, unplanted feet,
    a body not resting on what it should (support) or passing through a prop (collision)."""
    from bonecoach.art.collision import collision_problems
    from bonecoach.art.figure import project
    from bonecoach.art.scene import place
    from bonecoach.art.support import support_problems

    problems: list[str] = []
    where: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in ill.limits}
    for phase, pose in ill.poses:
        props = [*ill.props, *pose.props]
        placed = place(pose, ill.view, props)
        for name in where:
            where[name].append(project(ill.view, placed.body.points[name]))
        problems.extend(f"{phase}: {p}" for p in placed.problems)
        problems.extend(f"{phase}: {p}" for p in support_problems(placed, ill.view, props))
        problems.extend(f"{phase}: {p}" for p in collision_problems(placed, ill.view, props))
    for name, most in ill.limits:  # amplitude: "a few centimetres" drawn as a few
        moved = max((math.dist(a, b) for a in where[name] for b in where[name]), default=0.0)
        if moved > most:
            what = name.replace("_", " ")
            problems.append(f"the {what} moves {moved:.0f} cm; its limit is {most:g} cm")
    return problems


def illustration_problems(
    illustrations: Mapping[str, Illustration],
    exercise_ids: Iterable[str],
    exercises: Mapping[str, Exercise] | None = None,
) -> list[str]:
    """Each problem as 'file: exercise 'id': problem', for the ids given plus stray ones;
    with the ``exercises``, also each drawing against its steps and equipment."""
    from bonecoach.art.contact import contact_problems, equipment_problems, orientation_problems

    wanted = list(exercise_ids)
    problems: list[str] = []
    for exercise_id in wanted:
        ill = illustrations.get(exercise_id)
        if ill is None:
            problems.append(f"(no illustration file): exercise '{exercise_id}': has no poses")
            continue
        problems.extend(f"{ill.file}: exercise '{exercise_id}': {p}" for p in ill.problems)
        problems.extend(
            f"{ill.file}: exercise '{exercise_id}': {p}" for p in placement_problems(ill)
        )
        if exercises is not None and exercise_id in exercises:
            exercise = exercises[exercise_id]
            problems.extend(
                f"{ill.file}: exercise '{exercise_id}': {p}"
                for p in [
                    *equipment_problems(ill, exercise.equipment),
                    *orientation_problems(ill, exercise.steps),
                    *contact_problems(ill, exercise.steps),
                ]
            )
    known = set(wanted)
    for exercise_id, ill in illustrations.items():
        if exercise_id not in known:
            problems.append(f"{ill.file}: exercise '{exercise_id}': not in the library")
    return problems
