"""Writing a file of health data so that a crash leaves the old file or the new one, whole.

The text goes to an owner-only (0600) temporary file beside the target, is synced to disk, and
then replaces the target in one rename.
"""

from __future__ import annotations

import os
from pathlib import Path


def write_private_text(path: Path, text: str) -> Path:
    tmp = path.with_name(path.name + ".partial")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    return path
