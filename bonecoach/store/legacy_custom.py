"""Moving the old ``custom_library`` folder into the database, once.

BoneCoach 0.1 kept custom exercises as TOML files in ``data_dir()/custom_library/`` (an
``[[exercise]]`` table and a ``[picture]`` table per file, photos beside them). Those were
outside the database: not in backups, not on the clinic's server, not in client exports. At
start every file is saved into the database, then the folder is renamed
``custom_library.imported-<date>`` (never deleted), so nothing a clinic made is lost and the
import does not run again. A file that cannot be imported is named in the result and the log;
it stays in the renamed folder, listed with its problem in NOT-IMPORTED.txt there.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bonecoach.program.picture import CustomPicture
from bonecoach.store.errors import InvalidExercise, NotFoundError

if TYPE_CHECKING:
    from bonecoach.store.store import Store

log = logging.getLogger(__name__)
FOLDER = "custom_library"
NOTE = "NOT-IMPORTED.txt"


@dataclass
class LegacyImport:
    folder: Path
    moved_to: Path | None = None
    imported: list[str] = field(default_factory=list)  # exercise ids now in the database
    already: list[str] = field(default_factory=list)  # the same exercise was stored already
    problems: list[str] = field(default_factory=list)  # "file: problem", left in the folder


def legacy_folder() -> Path:
    from bonecoach.paths import data_dir

    return data_dir() / FOLDER


def import_legacy_folder(store: Store, folder: Path | None = None) -> LegacyImport | None:
    """Import the old folder's exercises and rename it; None when there is no such folder.

    A database error stops the import before the folder is renamed, so the next start tries
    again (exercises already imported are then recognised, not duplicated).
    """
    folder = legacy_folder() if folder is None else folder
    if not folder.is_dir():
        return None
    result = LegacyImport(folder)
    files = sorted(folder.glob("*.toml"))
    if not any(folder.iterdir()):
        folder.rmdir()  # the old version made the folder even when it stayed empty
        return result
    who = store.actor or "custom_library folder"
    for path in files:
        try:
            _import_file(store, path, who, result)
        except InvalidExercise as exc:
            listed = "; ".join(f"{f}: {p}" for f, p in exc.problems)
            result.problems.append(f"{path.name}: {listed}")
        except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
            # unreadable TOML, no [[exercise]] table, a [picture] table that is not one
            result.problems.append(f"{path.name}: cannot be read: {exc}")
    result.moved_to = _rename(folder)
    if result.problems:  # said where the files are, for whoever looks in the folder later
        note = result.moved_to / NOTE
        note.write_text(
            "These custom exercise files were not moved into BoneCoach's database:\n\n"
            + "\n".join(result.problems)
            + "\n\nFix them in BoneCoach's library manager (or fix the file and put it in a "
            "new custom_library folder, which the next start imports).\n",
            encoding="utf-8",
        )
    store.record_audit(
        "import",
        "custom_library_folder",
        detail=f"{len(result.imported)} imported, {len(result.problems)} not, kept in "
        f"{result.moved_to}",
        by=who,
    )
    for problem in result.problems:
        log.warning("custom exercise file not imported (kept in %s): %s", result.moved_to, problem)
    return result


def _import_file(store: Store, path: Path, who: str, result: LegacyImport) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    raw: dict[str, Any] = data["exercise"][0]
    table = dict(data.get("picture", {"kind": "none"}))
    photo = None
    if table.get("kind") == "photo":
        name = str(table.get("photo", ""))
        photo_path = path.parent / name
        if not name or not photo_path.is_file():
            raise InvalidExercise(str(raw.get("id")), [("picture.photo", f"{name!r} not found")])
        photo = photo_path.read_bytes()
    table.pop("photo", None)  # a file name then; the media type is read from the bytes
    picture = CustomPicture.model_validate(table)
    exercise_id = str(raw.get("id"))
    try:
        stored = store.custom_exercise(exercise_id)
    except NotFoundError:
        stored = None
    if stored is not None:
        if stored.exercise.model_dump(mode="json") == _validated_json(raw):
            result.already.append(exercise_id)
            return
        raise InvalidExercise(exercise_id, [("id", "a different custom exercise has this id")])
    store.save_custom_exercise(raw, picture, photo, by=who)
    result.imported.append(exercise_id)


def _validated_json(raw: dict[str, Any]) -> dict[str, Any] | None:
    from pydantic import ValidationError

    from bonecoach.program.exercise import Exercise

    try:
        return Exercise.model_validate(raw).model_dump(mode="json")
    except ValidationError:
        return None


def _rename(folder: Path) -> Path:
    target = folder.with_name(f"{folder.name}.imported-{date.today():%Y-%m-%d}")
    number = 2
    while target.exists():
        target = folder.with_name(f"{folder.name}.imported-{date.today():%Y-%m-%d}-{number}")
        number += 1
    folder.rename(target)
    return target
