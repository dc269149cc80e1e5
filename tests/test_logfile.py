"""#14 point 7: the log never stops the app. When bonecoach.log cannot be written, each line
goes to standard error instead, and reporting an error never raises an error of its own."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bonecoach.logfile import SafeFileHandler, setup_logging


@pytest.fixture
def bonecoach_logger() -> Iterator[logging.Logger]:
    logger = logging.getLogger("bonecoach")
    before = list(logger.handlers)
    yield logger
    for handler in logger.handlers:
        if handler not in before:
            logger.removeHandler(handler)
            handler.close()


def test_a_log_that_is_a_folder_falls_back_to_stderr(
    tmp_path: Path, bonecoach_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "bonecoach.log"
    folder.mkdir()
    handler = setup_logging(folder)
    bonecoach_logger.error("BoneCoach cannot open its data: %s", "disk full")  # must not raise
    bonecoach_logger.info("second line")
    assert isinstance(handler, SafeFileHandler) and handler.failed
    err = capsys.readouterr().err
    assert "BoneCoach cannot open its data: disk full" in err and "second line" in err
    assert "Traceback" not in err


def test_a_data_folder_that_cannot_hold_files_falls_back_to_stderr(
    tmp_path: Path, bonecoach_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    # (a read-only folder, seen as root in CI, is still writable: a file in the way is not)
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    setup_logging(blocker / "bonecoach.log")
    bonecoach_logger.warning("saved nothing")
    assert "saved nothing" in capsys.readouterr().err


def test_a_writable_log_is_owner_only(tmp_path: Path, bonecoach_logger: logging.Logger) -> None:
    path = tmp_path / "bonecoach.log"
    setup_logging(path)
    bonecoach_logger.info("a line")
    assert "a line" in path.read_text(encoding="utf-8")
    assert path.stat().st_mode & 0o777 == 0o600
