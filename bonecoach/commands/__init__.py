"""Sub-commands of the `bonecoach` command line, one module per concept.

Every module in this package defines ``register(subparsers)``, which adds its parser(s) and
sets ``handler`` (a function taking the parsed args and returning an exit code). Modules are
found by listing the package, so adding a command means adding a module. They import their
heavy dependencies inside the handlers so that `bonecoach` starts fast.
"""

from __future__ import annotations

import pkgutil


def command_modules() -> list[str]:
    return sorted(f"{__name__}.{m.name}" for m in pkgutil.iter_modules(__path__))
