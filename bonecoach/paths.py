"""Where BoneCoach finds its shipped resources and keeps the user's data and settings.

Data and settings live in the platformdirs user folders. Setting ``BONECOACH_HOME`` puts
both under one folder instead (``$BONECOACH_HOME/data`` and ``$BONECOACH_HOME/config``),
which tests, portable installs and clinic IT use.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

APP_NAME = "BoneCoach"
HOME_ENV = "BONECOACH_HOME"

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The shipped resources: inside the package when installed from a wheel, else the repo's."""
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        if (candidate / "library").is_dir():
            return candidate
    raise FileNotFoundError(
        f"BoneCoach resources not found next to {_PACKAGE_DIR}; the installation is incomplete"
    )


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def _private_dir(path: Path) -> Path:
    """Create ``path`` (owner-only: it holds health data) and return it."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):  # a network share may ignore modes; the folder works
        path.chmod(0o700)
    return path


def data_dir() -> Path:
    home = os.environ.get(HOME_ENV)
    if home:
        return _private_dir(Path(home).expanduser() / "data")
    from platformdirs import user_data_dir

    return _private_dir(Path(user_data_dir(APP_NAME, appauthor=False)))


def config_dir() -> Path:
    home = os.environ.get(HOME_ENV)
    if home:
        return _private_dir(Path(home).expanduser() / "config")
    from platformdirs import user_config_dir

    return _private_dir(Path(user_config_dir(APP_NAME, appauthor=False)))
