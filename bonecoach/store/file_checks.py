"""What every file read from outside must pass before its fields are validated.

A client file (import), a clinic file (restore) and a profile file (``screen --profile``)
come from anywhere: another clinic, an old version, a hostile tester. These checks refuse,
naming the place and the problem, what a schema alone lets through: a file too big to read
in reasonable time, text that is not UTF-8, JSON nested deeper than any BoneCoach file or
with the same key twice (one value silently lost), control characters in text (a NUL or a
terminal escape printed raw to the screen), dates before 1900 or in the future (a record
of something that happened cannot be dated tomorrow; only a program's start or review may lie
ahead, and not by years), and numbers or timestamps read as dates (``0`` is 1 January 1970).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import stat
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

MAX_FILE_BYTES = 25 * 1024 * 1024  # a client with years of sessions is well under 1 MB
MAX_CLINIC_FILE_BYTES = 2 * 1024 * 1024 * 1024  # a whole clinic, photos included
MAX_DEPTH = 40  # BoneCoach's own files nest about 8 levels
EARLIEST = dt.date(1900, 1, 1)
# the only dates that may lie ahead: when a program starts, when it is reviewed
PLANNED_DATES = frozenset({"start_date", "review_on"})
PLANNED_AHEAD = dt.timedelta(days=2 * 366)
SLACK = dt.timedelta(days=1)  # a day's slack for time zones
_FIELD = re.compile(r"(\w+)(?:\[\d+\])*$")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# C0 controls except tab, newline and carriage return; DEL; the C1 controls; and the invisible
# characters that reorder or hide text (a name shown reversed, two names that look the same):
# bidi embeddings, overrides and isolates, zero-width space, line/paragraph separators, BOM,
# soft hyphen, word joiner and invisible operators, the Hangul and Mongolian fillers,
# interlinear annotation marks and tag characters. The joiners and direction marks that
# Arabic, Persian or Hindi text needs (U+200C-U+200F, U+061C) stay.
CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u034f\u115f\u1160\u180e\u200b"
    "\u2028-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0\ufff9-\ufffb"
    "\U000e0000-\U000e007f]"
)


def visible(text: str) -> bool:
    """Whether ``text`` shows anything: a name of only direction marks or spaces does not."""
    return any(unicodedata.category(c)[0] not in "CZ" for c in text)


class FileProblem(Exception):
    """The file cannot be taken; ``problems`` name where and what."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def read_text(path: Path, what: str = "file", limit: int = MAX_FILE_BYTES) -> str:
    try:
        status = path.stat()
    except OSError as exc:
        raise FileProblem([f"(file): cannot be read: {exc.strerror or exc}"]) from None
    if not stat.S_ISREG(status.st_mode):
        # a folder, a device (/dev/zero never ends) or a pipe (may never end): no size to check
        kind = "a folder" if stat.S_ISDIR(status.st_mode) else "not a regular file"
        raise FileProblem([f"(file): is {kind}; choose a BoneCoach {what}"])
    size = status.st_size
    if size > limit:
        raise FileProblem(
            [
                f"(file): {size / 1_048_576:.0f} MB is too big for a BoneCoach {what} "
                f"(the limit is {limit // 1_048_576} MB)"
            ]
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FileProblem([f"(file): cannot be read: {exc.strerror or exc}"]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileProblem(
            [
                f"(file): is not UTF-8 text (byte 0x{raw[exc.start]:02x} at position "
                f"{exc.start}); is it a BoneCoach {what}?"
            ]
        ) from None


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise FileProblem([f"{key}: given twice in the same object (which one is meant?)"])
        found[key] = value
    return found


def _depth(value: Any, limit: int) -> None:
    """Iterative, so a hostile file cannot exhaust Python's stack."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            raise FileProblem([f"(file): nested more than {limit} levels deep"])
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)


def _no_constant(name: str) -> Any:
    """NaN and Infinity are not JSON; Python's reader takes them, and a NaN pain score
    compares false with every limit."""
    raise FileProblem([f"(file): {name} is not a number a BoneCoach file holds"])


def decode_json(text: str) -> Any:
    """JSON with every key once, no deeper than MAX_DEPTH; FileProblem naming the place."""
    try:
        data = json.loads(text, object_pairs_hook=_no_repeated_keys, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise FileProblem(
            [f"(file): not valid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"]
        ) from None
    except RecursionError:
        raise FileProblem([f"(file): nested more than {MAX_DEPTH} levels deep"]) from None
    except ValueError:  # Python refuses to read an integer of more than 4300 digits
        raise FileProblem(["(file): holds a number thousands of digits long"]) from None
    _depth(data, MAX_DEPTH)
    return data


def _leaves(value: Any, where: str) -> Iterator[tuple[str, Any]]:
    stack: list[tuple[str, Any]] = [(where, value)]
    while stack:
        place, item = stack.pop()
        if isinstance(item, BaseModel):
            for name in type(item).model_fields:
                stack.append((f"{place}.{name}" if place else name, getattr(item, name)))
        elif isinstance(item, dict):
            for key, inner in item.items():
                yield (place or "(document)", key)
                stack.append((f"{place}.{key}" if place else str(key), inner))
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend((f"{place}[{i}]", inner) for i, inner in enumerate(item))
        else:
            yield place, item


def value_problems(value: Any, where: str = "", today: dt.date | None = None) -> list[str]:
    """Control characters in any text, and dates before 1900 or after ``today`` (default: the
    real today), anywhere in ``value`` (decoded JSON or a validated model), each named by its
    place."""
    today = today or dt.date.today()
    problems = []
    for place, leaf in _leaves(value, where):
        if isinstance(leaf, str):
            found = CONTROL.search(leaf)
            if found:
                code = f"U+{ord(found.group()):04X}"
                problems.append(f"{place}: contains a control character ({code}); remove it")
        elif isinstance(leaf, dt.date):
            problem = _date_problem(place, leaf, today)
            if problem:
                problems.append(f"{place}: {problem}")
    return sorted(set(problems))


def _date_problem(place: str, value: dt.date, today: dt.date) -> str | None:
    if isinstance(value, dt.datetime):
        # a moment is judged by its UTC day, as a restore judges it: a file written east of
        # Greenwich must not pass the import and fail the restore of the same record
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        day = value.date()
    else:
        day = value
    if day.year < EARLIEST.year:
        return f"{day.isoformat()} is before {EARLIEST.year}"
    found = _FIELD.search(place)
    if found is not None and found.group(1) in PLANNED_DATES:
        if day > today + PLANNED_AHEAD:
            return f"{day.isoformat()} is more than two years ahead"
    elif day > today + SLACK:
        return f"{day.isoformat()} is in the future (today is {today.isoformat()})"
    return None


def coerced_values(raw: Any, validated: Any, where: str = "") -> list[str]:
    """Places where validation turned the file's text into a number or a yes/no, or a
    number into a yes/no or back: ``raw`` is the decoded JSON, ``validated`` the model's
    dump. Where a migration reshaped the data the two no longer meet, and are not compared.
    """
    problems = []
    stack: list[tuple[str, Any, Any]] = [(where, raw, validated)]
    while stack:
        place, given, kept = stack.pop()
        if isinstance(given, dict) and isinstance(kept, dict):
            for key in given.keys() & kept.keys():
                stack.append((f"{place}.{key}" if place else key, given[key], kept[key]))
        elif isinstance(given, list) and isinstance(kept, (list, tuple)):
            if len(given) == len(kept):
                stack.extend(
                    (f"{place}[{i}]", g, k)
                    for i, (g, k) in enumerate(zip(given, kept, strict=True))
                )
        elif isinstance(kept, dt.date):
            problem = _date_text_problem(given, kept)
            if problem:
                problems.append(f"{place}: {problem}")
        elif isinstance(given, str) and _number_or_flag(kept):
            problems.append(f"{place}: {given!r} is text; write it without quotes")
        elif isinstance(given, float) and type(kept) is int:
            problems.append(f"{place}: {json.dumps(given)} should be a whole number")
        elif isinstance(given, bool) != isinstance(kept, bool) and _number_or_flag(kept):
            word = "true or false" if isinstance(kept, bool) else "a number"
            problems.append(f"{place}: {json.dumps(given)} should be {word}")
    return sorted(problems)


def _date_text_problem(given: Any, kept: dt.date) -> str | None:
    """A date must be written as one: a number (or text of digits) is a timestamp guess."""
    shown = json.dumps(given)
    if isinstance(kept, dt.datetime):
        if not isinstance(given, str) or not _ISO_DATE.match(given):
            return f"{shown} is not a date and time; write it as YYYY-MM-DDTHH:MM:SS+00:00"
    elif not isinstance(given, str) or not _ISO_DATE.fullmatch(given):
        return f"{shown} is not a date; write it as YYYY-MM-DD"
    return None


def _number_or_flag(value: Any) -> bool:
    from enum import Enum

    return isinstance(value, (int, float)) and not isinstance(value, Enum)
