"""Writing a file of health data so that a crash leaves the old file or the new one, whole.

The text goes to an owner-only (0600) temporary file of its own beside the target (two writers
never share one), is synced to disk, and then becomes the target in one step: a rename, or for
``replace=False`` a link that fails if another writer took the name first.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: part files are then only removed by age
    fcntl = None  # type: ignore[assignment]

PART_SUFFIX = ".partial"
# A part file no writer holds and untouched this long was left by a killed writer.
ABANDONED_AFTER_SECONDS = 10.0


def claim(fd: int) -> None:
    """Mark a part file as being written (an advisory lock that dies with the process), so
    the clean-up at the next start never removes one another process is still writing."""
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def remove_abandoned_parts(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the ``*.partial`` files a killed backup, restore or export left in ``folder``:
    they are whole copies of client data. A part file still being written is left alone."""
    removed: list[Path] = []
    now = time.time() if now is None else now
    try:
        candidates = [p for p in folder.iterdir() if p.name.endswith(PART_SUFFIX)]
    except OSError:
        return removed
    for part in candidates:
        try:
            if now - part.stat().st_mtime < ABANDONED_AFTER_SECONDS:
                continue  # just created: its writer may not have claimed it yet
            fd = os.open(part, os.O_RDONLY)
        except OSError:
            continue
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held: a live writer
            part.unlink()
            removed.append(part)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


def make_folders(path: Path) -> Path:
    """Create ``path`` and any missing parents owner-only (0700). A folder that already exists
    keeps its mode: a shared folder, or the home folder, is the clinic's, not BoneCoach's."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another writer made it meanwhile
            folder.mkdir(mode=0o700)
            with contextlib.suppress(OSError):  # umask or a share may ignore the mode
                folder.chmod(0o700)
    return path


def write_private_text(path: Path, text: str, *, replace: bool = True) -> Path:
    """Write ``text`` to ``path``; ``replace=False``: FileExistsError if it exists."""
    return write_private_bytes(path, text.encode("utf-8"), replace=replace)


def output_problem(path: Path, *, replace: bool) -> str | None:
    """Why ``path`` cannot take a new file, or None: its folder must exist, and only a regular
    file is ever written over (with ``replace``); a folder, a device or a pipe never is."""
    if not path.parent.is_dir():
        return f"folder {path.parent} does not exist"
    if path.is_symlink() or (path.exists() and not path.is_file()):
        return f"{path} exists and is not a regular file; choose a file name"
    if path.exists() and not replace:
        return f"{path} already exists; add --replace to write over it"
    return None


def write_private_bytes(path: Path, data: bytes, *, replace: bool = True) -> Path:
    """Write ``data`` to ``path`` owner-only; a failure (a full disk) leaves no part file.
    Never replaces a folder, device, pipe or link: renaming over one would swap it out."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise IsADirectoryError(f"{path} exists and is not a regular file")
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    tmp = Path(name)
    try:
        claim(fd)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
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
