"""Custom exercises: kept as TOML files in ``data_dir()/custom_library/`` next to the shipped
library, one file per exercise, loaded alongside it at start.

A file holds the exercise as one ``[[exercise]]`` table (the shipped library's format, so
`bonecoach library check --path` reads it too) and its picture in a ``[picture]`` table:
either a posed illustration (``start``/``end`` base poses of ``bonecoach.art``) or a photo
file stored next to it. The store offers no custom-exercise table, so this folder is what
backups must include.
"""

from __future__ import annotations

import json
import logging
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bonecoach.program.exercise import Exercise
from bonecoach.program.library import Library, LibraryProblem, load_library

log = logging.getLogger(__name__)
FOLDER = "custom_library"


@dataclass(frozen=True)
class CustomPicture:
    kind: str  # "poses", "photo", "same_as" (another exercise's illustration) or "none"
    start: str = "stand"  # base pose names (bonecoach.art.presets.BASES)
    end: str = "stand"
    photo: str = ""  # file name inside the custom library folder
    same_as: str = ""  # exercise id whose illustration this one shows (e.g. a duplicate)


def custom_dir() -> Path:
    from bonecoach.paths import data_dir

    path = data_dir() / FOLDER
    path.mkdir(parents=True, exist_ok=True)
    return path


def _value(value: Any) -> str:
    """A TOML value: JSON strings are valid TOML basic strings; lists and tables likewise."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{k} = {_value(v)}" for k, v in value.items() if v is not None)
        return "{ " + inner + " }"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def exercise_toml(exercise: Exercise, picture: CustomPicture) -> str:
    data = exercise.model_dump(mode="json", exclude_none=True)
    lines = ["# A custom exercise made in BoneCoach's library manager.", "", "[[exercise]]"]
    lines += [f"{key} = {_value(value)}" for key, value in data.items()]
    lines += ["", "[picture]", f"kind = {_value(picture.kind)}"]
    if picture.kind == "poses":
        lines += [f"start = {_value(picture.start)}", f"end = {_value(picture.end)}"]
    if picture.kind == "photo":
        lines.append(f"photo = {_value(picture.photo)}")
    if picture.kind == "same_as":
        lines.append(f"same_as = {_value(picture.same_as)}")
    return "\n".join(lines) + "\n"


def load_custom(
    directory: Path | None = None,
) -> tuple[list[Exercise], dict[str, CustomPicture], list[LibraryProblem]]:
    """Every valid custom exercise with its picture; problems for the files that are not."""
    from bonecoach.program.library import validate_entries

    folder = custom_dir() if directory is None else directory
    exercises: list[Exercise] = []
    pictures: dict[str, CustomPicture] = {}
    problems: list[LibraryProblem] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            raw = data["exercise"][0]
            picture = CustomPicture(**data.get("picture", {"kind": "none"}))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
            problems.append(LibraryProblem(path.name, None, None, f"cannot be read: {exc}"))
            continue
        found, trouble = validate_entries([(path.name, raw)])
        problems.extend(trouble)
        for exercise in found:
            exercises.append(exercise)
            pictures[exercise.id] = picture
    return exercises, pictures, problems


def load_full_library() -> Library:
    """The shipped library plus the valid custom exercises (a clashing id keeps the shipped)."""
    from bonecoach.paths import resource

    shipped = load_library(resource("library"))
    custom, _pictures, problems = load_custom()
    for problem in problems:
        log.warning("custom exercise skipped: %s", problem)
    extra = [e for e in custom if e.id not in shipped]
    return Library([*shipped.values(), *extra]) if extra else shipped


def custom_pictures(
    pictures: Mapping[str, CustomPicture], shipped: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, bytes]]:
    """(illustrations, photo bytes) of the custom exercises; ``shipped`` are the shipped
    illustrations that "same_as" pictures borrow."""
    from dataclasses import replace

    from bonecoach.art.poses import parse_illustration

    illustrations: dict[str, Any] = {}
    photos: dict[str, bytes] = {}
    for exercise_id, picture in pictures.items():
        if picture.kind == "poses":
            raw = {"start": {"base": picture.start}, "end": {"base": picture.end}}
            illustrations[exercise_id] = parse_illustration(exercise_id, FOLDER, raw)
        elif picture.kind == "same_as" and picture.same_as in shipped:
            illustrations[exercise_id] = replace(shipped[picture.same_as], exercise_id=exercise_id)
        elif picture.kind == "photo" and picture.photo:
            path = custom_dir() / picture.photo
            if path.is_file():
                photos[exercise_id] = path.read_bytes()
    return illustrations, photos


def save_custom(
    exercise: Exercise, picture: CustomPicture, photo_bytes: bytes | None = None
) -> Path:
    """Write (or overwrite) one custom exercise; a photo is copied in next to it."""
    folder = custom_dir()
    if picture.kind == "photo" and photo_bytes is not None:
        suffix = ".png" if photo_bytes.startswith(b"\x89PNG") else ".jpg"
        photo_path = folder / f"{exercise.id}{suffix}"
        photo_path.write_bytes(photo_bytes)
        picture = CustomPicture("photo", photo=photo_path.name)
    for stale in folder.glob(f"{exercise.id}.*"):  # an old photo of another type
        if stale.suffix in (".png", ".jpg") and stale.name != picture.photo:
            stale.unlink()
    path = folder / f"{exercise.id}.toml"
    partial = path.with_name(path.name + ".part")
    partial.write_text(exercise_toml(exercise, picture), encoding="utf-8")
    partial.replace(path)
    return path


def delete_custom(exercise_id: str) -> None:
    folder = custom_dir()
    for path in folder.glob(f"{exercise_id}.*"):
        path.unlink()


def is_custom(exercise_id: str) -> bool:
    return (custom_dir() / f"{exercise_id}.toml").is_file()


def ensure_custom_pictures(context: Any) -> None:
    """Put the custom exercises' pictures into the app context once (illustrations for the
    screen and the handout, photos for the screen)."""
    if context.extras.get("custom_pictures_loaded"):
        return
    _exercises, pictures, _problems = load_custom()
    illustrations, photos = custom_pictures(pictures, context.illustrations)
    context.illustrations.update(illustrations)
    context.extras.setdefault("photos", {}).update(photos)
    context.extras["custom_pictures_loaded"] = True
