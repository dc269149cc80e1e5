"""The clinic's custom exercises: validated by the domain model, saved with a version check,
archived rather than deleted (programs and exports keep referring to them)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bonecoach.program.exercise import Exercise
from bonecoach.program.library import Library, _describe_error, load_library
from bonecoach.program.picture import CustomPicture, PhotoError
from bonecoach.store.base import StoreBase
from bonecoach.store.errors import InvalidExercise, NotFoundError
from bonecoach.store.models import CustomExerciseRow, utcnow
from bonecoach.store.photos import checked_photo
from bonecoach.store.records import CustomExerciseRecord
from bonecoach.store.versioned_rows import set_archived, update_versioned

log = logging.getLogger(__name__)
ENTITY = "custom_exercise"
KIND = "custom exercise"  # as errors name it


def _label(row: CustomExerciseRow) -> str:
    return f"custom exercise '{row.id}'"


@functools.cache
def shipped_library() -> Library:
    """The library shipped with this BoneCoach (read once per process)."""
    from bonecoach.paths import resource

    return load_library(resource("library"))


def _field_problems(error: ValidationError, prefix: str = "") -> list[tuple[str, str]]:
    found = []
    for item in error.errors():
        field, problem = _describe_error(item)
        found.append((prefix + (field or "exercise"), problem))
    return found


def validate_exercise(exercise: Exercise | Mapping[str, Any]) -> Exercise:
    """Through the domain model again, whatever was handed in (a model built without
    validation, or raw JSON); InvalidExercise naming each field otherwise."""
    raw = exercise.model_dump(mode="json") if isinstance(exercise, Exercise) else dict(exercise)
    try:
        return Exercise.model_validate(raw)
    except ValidationError as exc:
        label = raw.get("id") if isinstance(raw.get("id"), str) else "(no id)"
        raise InvalidExercise(str(label), _field_problems(exc)) from None


def validate_picture(exercise_id: str, picture: CustomPicture | Mapping[str, Any]) -> CustomPicture:
    raw = picture.model_dump() if isinstance(picture, CustomPicture) else dict(picture)
    try:
        return CustomPicture.model_validate(raw)
    except ValidationError as exc:
        raise InvalidExercise(exercise_id, _field_problems(exc, "picture.")) from None


def record_of(row: CustomExerciseRow) -> CustomExerciseRecord:
    picture = CustomPicture(
        row.picture_kind,  # type: ignore[arg-type]
        start=row.pose_start or "stand",
        end=row.pose_end or "stand",
        photo=row.photo_type if row.photo is not None else "",
        same_as=row.same_as,
    )
    return CustomExerciseRecord(
        exercise=Exercise.model_validate(row.exercise),
        picture=picture,
        photo=row.photo,
        version=row.version,
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        archived=row.archived,
    )


def picture_columns(picture: CustomPicture, photo: bytes | None) -> dict[str, Any]:
    posed = picture.kind == "poses"
    return {
        "picture_kind": picture.kind,
        "pose_start": picture.start if posed else "",
        "pose_end": picture.end if posed else "",
        "same_as": picture.same_as if picture.kind == "same_as" else "",
        "photo": photo if picture.kind == "photo" else None,
        "photo_type": picture.photo if picture.kind == "photo" else "",
    }


def new_custom_row(
    exercise: Exercise, picture: CustomPicture, photo: bytes | None, who: str, now: datetime
) -> CustomExerciseRow:
    """A custom exercise's first stored version, added by ``who`` at ``now``."""
    return CustomExerciseRow(
        id=exercise.id,
        exercise=exercise.model_dump(mode="json"),
        created_at=now,
        created_by=who,
        updated_at=now,
        updated_by=who,
        version=1,
        archived=False,
        **picture_columns(picture, photo),
    )


def check_custom(
    session: Session,
    exercise: Exercise | Mapping[str, Any],
    picture: CustomPicture | Mapping[str, Any],
    photo: bytes | None,
    stored_photo: tuple[bytes, str] | None = None,
) -> tuple[Exercise, CustomPicture, bytes | None]:
    """(exercise, picture, photo bytes) ready to store, or InvalidExercise with every
    problem: the domain's rules, a free id, links and pictures that name real exercises."""
    checked = validate_exercise(exercise)
    chosen = validate_picture(checked.id, picture)
    shipped = shipped_library()
    problems: list[tuple[str, str]] = []
    if checked.id in shipped:
        problems.append(
            (
                "id",
                f"'{checked.id}' is a built-in exercise ({shipped[checked.id].name}); a custom "
                "exercise needs an id of its own (duplicate the built-in to change a copy)",
            )
        )
    custom_ids = set(session.scalars(select(CustomExerciseRow.id)))
    known = set(shipped) | custom_ids | {checked.id}
    for link in ("easier", "harder"):
        target = getattr(checked, link)
        if target is not None and target not in known:
            problems.append((link, f"no exercise with id '{target}' in the library"))
    if chosen.kind == "same_as" and (chosen.same_as == checked.id or chosen.same_as not in known):
        problems.append(
            ("picture.same_as", f"'{chosen.same_as}' is not another exercise in the library")
        )
    if photo is not None and chosen.kind != "photo":
        problems.append(("picture.photo", f"a photo was given for a '{chosen.kind}' picture"))
    if chosen.kind == "photo":
        if photo is not None:
            try:
                chosen = chosen.model_copy(update={"photo": checked_photo(photo)})
            except PhotoError as exc:
                problems.append(("picture.photo", str(exc)))
        elif stored_photo is not None:
            photo, media = stored_photo
            chosen = chosen.model_copy(update={"photo": media})
        else:
            problems.append(("picture.photo", "choose a photo file, or use a posed illustration"))
    if problems:
        raise InvalidExercise(checked.id, problems)
    return checked, chosen, photo


class CustomExerciseRecords(StoreBase):
    def custom_exercises(self, *, include_archived: bool = False) -> list[CustomExerciseRecord]:
        """The clinic's custom exercises by id (a stored one that no longer passes the
        domain's checks is left out and logged, rather than stopping the app)."""
        query = select(CustomExerciseRow).order_by(CustomExerciseRow.id)
        if not include_archived:
            query = query.where(CustomExerciseRow.archived.is_(False))
        found = []
        with self._reading() as session:
            for row in session.scalars(query):
                try:
                    found.append(record_of(row))
                except ValidationError as exc:  # one line, not pydantic's page per field
                    first = exc.errors()[0]
                    where = ".".join(str(part) for part in first["loc"]) or "exercise"
                    log.warning(
                        "custom exercise %s left out: %s: %s (%d problem(s))",
                        row.id,
                        where,
                        first["msg"],
                        exc.error_count(),
                    )
        return found

    def full_library(self, *, include_archived: bool = False) -> Library:
        """The shipped library plus the custom exercises (archived ones too if asked: an
        old program's printout still finds them)."""
        shipped = shipped_library()
        # Custom ids that clash with shipped ones are refused on save; should a newer
        # BoneCoach ship one later, the shipped exercise wins.
        extra = [
            r.exercise
            for r in self.custom_exercises(include_archived=include_archived)
            if r.id not in shipped
        ]
        return Library([*shipped.values(), *extra]) if extra else shipped

    def custom_exercise(self, exercise_id: str) -> CustomExerciseRecord:
        with self._reading() as session:
            row = session.get(CustomExerciseRow, exercise_id)
            if row is None:
                raise NotFoundError(KIND, exercise_id)
            return record_of(row)

    def save_custom_exercise(
        self,
        exercise: Exercise | Mapping[str, Any],
        picture: CustomPicture | Mapping[str, Any],
        photo: bytes | None = None,
        expected_version: int | None = None,
        *,
        by: str | None = None,
    ) -> CustomExerciseRecord:
        """Add a custom exercise (``expected_version`` None) or change one if nobody saved it
        since ``expected_version`` was read (StaleSaveError otherwise; nothing is written).

        A kept photo stays when ``photo`` is None and the picture is still a photo.
        """
        who, now = self._who(by), utcnow()
        try:
            with self._writing() as session:
                exercise_id = validate_exercise(exercise).id
                row = session.get(CustomExerciseRow, exercise_id)
                stored = None
                if row is not None and row.photo is not None:
                    stored = (row.photo, row.photo_type)
                checked, chosen, data = check_custom(session, exercise, picture, photo, stored)
                if expected_version is None:
                    if row is not None:
                        raise self._taken(row)
                    session.add(new_custom_row(checked, chosen, data, who, now))
                    session.flush()
                    action = "create"
                else:
                    columns = {
                        "exercise": checked.model_dump(mode="json"),
                        **picture_columns(chosen, data),
                    }
                    update_versioned(
                        session, CustomExerciseRow, checked.id, expected_version, who, now,
                        columns, kind=KIND, label=_label,
                    )  # fmt: skip
                    action = "update"
                self._audit(
                    session, who, action, ENTITY, None, None, f"{checked.id}: {checked.name}"
                )
                saved = session.get(CustomExerciseRow, checked.id)
                assert saved is not None
                session.refresh(saved)
                return record_of(saved)
        except IntegrityError:  # another workstation added the same id at the same moment
            raise self._taken(None, str(validate_exercise(exercise).id)) from None

    def archive_custom_exercise(
        self,
        exercise_id: str,
        archived: bool = True,
        *,
        expected_version: int | None = None,
        by: str | None = None,
    ) -> CustomExerciseRecord:
        """Take a custom exercise out of the library (or bring it back). It stays stored:
        programs, session logs and exports that name it still find it.

        ``expected_version``: the version the therapist was shown; if someone saved a newer
        one since, StaleSaveError and nothing changes. Already in that state: nothing written.
        """
        who, now = self._who(by), utcnow()
        with self._writing() as session:
            row, written = set_archived(
                session, CustomExerciseRow, exercise_id, archived, expected_version, who, now,
                kind=KIND, label=_label,
            )  # fmt: skip
            if written:
                action = "archive" if archived else "unarchive"
                self._audit(session, who, action, ENTITY, None, None, exercise_id)
            return record_of(row)

    def restore_custom_exercise(
        self, exercise_id: str, *, expected_version: int | None = None, by: str | None = None
    ) -> CustomExerciseRecord:
        """Bring an archived custom exercise back into the library (see archive)."""
        return self.archive_custom_exercise(
            exercise_id, False, expected_version=expected_version, by=by
        )

    @staticmethod
    def _taken(row: CustomExerciseRow | None, exercise_id: str = "") -> InvalidExercise:
        if row is None:
            return InvalidExercise(exercise_id, [("id", "already used by a custom exercise")])
        state = " (archived)" if row.archived else ""
        return InvalidExercise(
            row.id,
            [
                (
                    "id",
                    f"already used by the custom exercise '{row.exercise.get('name', row.id)}'"
                    f"{state}, saved by {row.updated_by or 'someone'}; choose another id",
                )
            ],
        )
