"""What an error means, in words a therapist or clinic IT can act on: one explanation shared
by the app's dialogs and the command line.

The explanation never carries SQL or its parameters (which would show a client's name, birth
date or phone) and never a traceback: those go to the BoneCoach log only.
"""

from __future__ import annotations

import errno
import sqlite3
import traceback
from dataclasses import dataclass

LOCKED = (
    "Another window or workstation is saving right now, so this was not saved yet. "
    "Nothing was lost: try again in a moment."
)


@dataclass(frozen=True)
class Explained:
    text: str  # what the user reads
    detail: str = ""  # a traceback for the log, when the error was not one we expected


def explain(error: BaseException | str) -> Explained:
    if isinstance(error, str):
        return Explained(error)
    from pydantic import ValidationError  # here: only a failure pays for the imports

    from bonecoach.store.errors import StaleSaveError

    if isinstance(error, StaleSaveError):
        return Explained(
            f"{error}\n\nAnother workstation saved this record while you were editing it."
        )
    if isinstance(error, ValidationError):  # pydantic: fields, no values
        lines = []
        for item in error.errors():
            field = ".".join(str(p) for p in item.get("loc", ())) or "value"
            lines.append(f"{field}: {str(item.get('msg', '')).removeprefix('Value error, ')}")
        return Explained("Some values are not valid:\n" + "\n".join(lines))
    if _from_database(error):
        return _database(error)
    if isinstance(error, RecursionError):
        return Explained("The file is nested far too deeply to be a BoneCoach file.")
    if isinstance(error, MemoryError):
        return Explained("There was not enough memory for this (is the file far too large?).")
    if isinstance(error, OSError):
        return Explained(_file_problem(error))
    message = str(error).strip() or type(error).__name__
    if _ours(error) or isinstance(error, ValueError):
        return Explained(message)  # the store's and the domain's refusals: already readable
    detail = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return Explained(message.splitlines()[0][:300], detail)


def _ours(error: BaseException) -> bool:
    from bonecoach.store.errors import StoreError

    return isinstance(error, StoreError)


def _from_database(error: BaseException) -> bool:
    module = type(error).__module__
    return isinstance(error, sqlite3.Error) or module.startswith(("sqlalchemy", "psycopg"))


def _database(error: BaseException) -> Explained:
    original = getattr(error, "orig", None) or error
    words = str(original).lower()
    if any(w in words for w in ("database is locked", "database is busy", "lock timeout")):
        return Explained(LOCKED)
    if "could not serialize" in words or "deadlock detected" in words:
        return Explained(LOCKED)
    detail = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    if "unable to open database file" in words:
        return Explained("The database file could not be opened (is its path a folder?).", detail)
    if "disk is full" in words or "disk i/o error" in words:
        return Explained("The disk is full or failing: nothing was saved.", detail)
    if "readonly" in words or "read-only" in words:
        return Explained("The database is read-only here: nothing was saved.", detail)
    if "connection" in words or "server" in words:
        return Explained("The database server could not be reached: nothing was saved.", detail)
    return Explained(
        f"The database refused this ({type(original).__name__}): nothing was saved. "
        "The details were written to the BoneCoach log.",
        detail,
    )


def _file_problem(error: OSError) -> str:
    where = error.filename if error.filename is not None else None
    what = str(where) if where is not None else "a file"
    if error.errno == errno.ENOSPC:
        return f"{what}: the disk is full; it was not written."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{what}: no permission to write or read there (a read-only folder?)."
    if isinstance(error, IsADirectoryError):
        return f"{what} is a folder, not a file."
    if isinstance(error, NotADirectoryError):
        return f"{what}: part of this path is a file, not a folder."
    if isinstance(error, FileNotFoundError) and where is not None:
        return f"{what} was not found."
    if where is None:
        return str(error).strip() or type(error).__name__
    return f"{what}: {error.strerror or type(error).__name__}."
