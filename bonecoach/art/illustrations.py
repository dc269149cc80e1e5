"""Reading the illustration files and reporting what is wrong or missing in them."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path

from bonecoach.art.poses import Illustration, parse_illustration


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
    found: dict[str, Illustration] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise IllustrationError(f"{path.name}: cannot be read: {exc}") from exc
        for exercise_id, raw in data.items():
            if not isinstance(raw, dict):
                raise IllustrationError(f"{path.name}: '{exercise_id}' must be a table")
            ill = parse_illustration(exercise_id, path.name, raw)
            if exercise_id in found:
                first = found[exercise_id]
                ill = Illustration(
                    ill.exercise_id,
                    ill.file,
                    ill.view,
                    ill.props,
                    ill.arrows,
                    ill.poses,
                    (*ill.problems, f"defined twice (also in {first.file})"),
                )
            found[exercise_id] = ill
    return found


def placement_problems(ill: Illustration) -> list[str]:
    """What goes wrong when the poses are put in the room: joint limits, unplanted feet."""
    from bonecoach.art.scene import place

    problems: list[str] = []
    for phase, pose in ill.poses:
        placed = place(pose, ill.view, [*ill.props, *pose.props])
        problems.extend(f"{phase}: {p}" for p in placed.problems)
    return problems


def illustration_problems(
    illustrations: Mapping[str, Illustration], exercise_ids: Iterable[str]
) -> list[str]:
    """Each problem as 'file: exercise 'id': problem', for the ids given plus stray ones."""
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
    known = set(wanted)
    for exercise_id, ill in illustrations.items():
        if exercise_id not in known:
            problems.append(f"{ill.file}: exercise '{exercise_id}': not in the library")
    return problems
