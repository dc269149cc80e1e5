"""No control character reaches the database, whichever path writes it.

A NUL or a terminal escape pasted into a note or a name would be printed raw by the command
line, and the clinic's own backups would then fail the restore's check of every record. The
import boundary refuses such files (file_checks); this guards every other write, at the one
place all of them pass: each statement's parameters, and the JSON columns as they are encoded.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from bonecoach.store.file_checks import CONTROL


class ControlCharacterError(ValueError):
    """Text to be saved holds a control character; ``field`` names where."""

    def __init__(self, field: str, character: str) -> None:
        self.field = field
        super().__init__(
            f"{field}: contains a control character (U+{ord(character):04X}); remove it"
        )


def _check(field: str, value: Any) -> None:
    stack: list[tuple[str, Any]] = [(field, value)]
    while stack:
        place, item = stack.pop()
        if isinstance(item, str):
            found = CONTROL.search(item)
            if found:
                raise ControlCharacterError(place, found.group())
        elif isinstance(item, Mapping):
            stack.extend((f"{place}.{key}", inner) for key, inner in item.items())
        elif isinstance(item, (list, tuple)):
            stack.extend((place, inner) for inner in item)


def refuse_control_characters(
    _connection: Any,
    _cursor: Any,
    _statement: str,
    parameters: Any,
    context: Any,
    executemany: bool,
) -> None:
    """``before_cursor_execute``: every text parameter of every statement."""
    rows = parameters if executemany else [parameters]
    # SQLite's parameters are positional: the compiled statement knows their column names
    names = getattr(getattr(context, "compiled", None), "positiontup", None) or []
    for row in rows or ():
        if isinstance(row, Mapping):
            for key, value in row.items():
                _check(str(key), value)
        elif isinstance(row, Sequence) and not isinstance(row, (str, bytes)):
            for index, value in enumerate(row):
                _check(str(names[index]) if index < len(names) else "text", value)


def checked_json(value: Any) -> str:
    """The JSON columns' encoder: JSON would escape a control character as \\u001b, hiding it
    from the statement check, so the value is checked before encoding."""
    _check("record", value)
    return json.dumps(value)
