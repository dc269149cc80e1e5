"""Writing a file of health data so that a crash leaves the old file or the new one, whole.

The text goes to an owner-only (0600) temporary file of its own beside the target (two writers
never share one), is synced to disk, and then becomes the target in one step: a rename, or for
``replace=False`` a link that fails if another writer took the name first.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_private_text(path: Path, text: str, *, replace: bool = True) -> Path:
    """Write ``text`` to ``path``; ``replace=False``: FileExistsError if it exists."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return path


def _link_new(tmp: Path, path: Path) -> None:
    try:
        os.link(tmp, path)  # atomic, and refuses a name that exists
    except FileExistsError:
        raise
    except OSError:  # a share without hard links: check, then rename (a tiny race remains)
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(tmp, path)
