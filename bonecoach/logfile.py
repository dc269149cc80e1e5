"""The BoneCoach log: owner-only, in the data folder, and never a reason to fail.

A log line may name a client or one of their files, so the file is 0600 like the database.
When it cannot be written (a read-only data folder, ``bonecoach.log`` made a folder, a full
disk), the line goes to standard error instead: reporting an error must never raise an error
of its own, or the app would stop answering while it tried to report the first one.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class SafeFileHandler(logging.FileHandler):
    """A file handler that falls back to standard error, once and for good, on any failure."""

    def __init__(self, path: Path, *, to_stderr: bool = True) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.failed = False
        self.to_stderr = to_stderr

    def emit(self, record: logging.LogRecord) -> None:
        if not self.failed:
            try:
                if self.stream is None:
                    self.stream = self._open()
                logging.StreamHandler.emit(self, record)
                return
            except Exception:  # any failure to write means: use stderr
                self.failed = True
                self.stream = None  # type: ignore[assignment]
        if not self.to_stderr:
            return
        with contextlib.suppress(Exception):  # nowhere left to write: drop the line
            sys.stderr.write(self.format(record) + "\n")

    def handleError(self, record: logging.LogRecord) -> None:  # logging's name
        self.failed = True


def setup_logging(path: Path | None = None, *, to_stderr: bool = True) -> SafeFileHandler:
    """Attach the log to the ``bonecoach`` logger (the data folder's ``bonecoach.log``).

    ``to_stderr=False``: a line the file cannot take is dropped (the command line keeps
    tracebacks, which may hold client data, off the terminal)."""
    unusable = False
    if path is None:
        from bonecoach.paths import data_dir

        try:
            path = data_dir() / "bonecoach.log"
        except OSError:  # the data folder cannot even be made: log to stderr
            path, unusable = Path("bonecoach.log"), True
    if not unusable:
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
            path.chmod(0o600)  # also a log made 0644 by an older version
        except OSError:
            unusable = True
    handler = SafeFileHandler(path, to_stderr=to_stderr)
    handler.failed = unusable
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger("bonecoach")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler
