"""The errors the store raises, each with a message a therapist or clinic IT can act on."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


class StoreError(Exception):
    """Base class: something about stored data the user must know about."""


class StaleSaveError(StoreError):
    """A save based on an old version: someone else saved a newer one first; nothing written."""

    def __init__(
        self, what: str, your_version: int | None, current_version: int, by: str, at: datetime
    ) -> None:
        self.what = what
        self.your_version = your_version
        self.current_version = current_version
        self.saved_by = by
        self.saved_at = at
        who = by or "someone"
        when = at.strftime("%Y-%m-%d %H:%M UTC")
        base = "a new one" if your_version is None else f"version {your_version}"
        super().__init__(
            f"Not saved: {what} was changed by {who} at {when} (now version {current_version}) "
            f"after you opened {base}. Nothing was overwritten; reload to see their changes, "
            "then make yours again."
        )


class NotFoundError(StoreError):
    def __init__(self, what: str, key: object) -> None:
        super().__init__(f"No {what} with id {key}")
        self.what = what
        self.key = key


class DuplicateClientError(StoreError):
    """An import or a new client matches one already stored (clinic id, or name + birth date)."""

    def __init__(self, message: str, existing_id: int) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class DatabaseProblem(StoreError):
    """The database cannot be used safely; it has not been written to.

    ``newest_backup`` is the newest backup that passed the check, to offer for restoring.
    """

    def __init__(self, message: str, path: Path | None, newest_backup: Path | None) -> None:
        self.path = path
        self.newest_backup = newest_backup
        hint = (
            f" The newest good backup is {newest_backup}; restore it with "
            f"`bonecoach restore {newest_backup}`."
            if newest_backup is not None
            else " No good backup was found."
        )
        super().__init__(message + hint)
        self.problem = message


class BackupError(StoreError):
    """A backup could not be made, or a file offered for restore is not a usable backup."""


class ImportProblem(StoreError):
    """An import file was rejected whole; ``problems`` name each field path and problem."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        listed = "\n".join(f"  {p}" for p in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{source} was not imported (nothing was changed):\n{listed}{more}")


class InvalidExercise(StoreError, ValueError):
    """A custom exercise (or its picture) that cannot be saved; ``problems`` are
    (field, problem) pairs, the field named as in the library files."""

    def __init__(self, exercise_id: str, problems: list[tuple[str, str]]) -> None:
        self.exercise_id = exercise_id
        self.problems = problems
        listed = "; ".join(f"{field}: {problem}" for field, problem in problems)
        super().__init__(f"Custom exercise '{exercise_id}' not saved: {listed}")


class InvalidTemplate(StoreError, ValueError):
    """A clinic template that cannot be saved; ``problems`` are (field, problem) pairs."""

    def __init__(self, template_id: str, problems: list[tuple[str, str]]) -> None:
        self.template_id = template_id
        self.problems = problems
        listed = "; ".join(f"{field}: {problem}" for field, problem in problems)
        super().__init__(f"Template '{template_id}' not saved: {listed}")
