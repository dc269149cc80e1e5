"""What every screen needs, built once in app.py and passed down (no singletons): the
workspace the operations work on, plus the app's task runner, error reporter and change hub."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bonecoach.app.workspace import Workspace

if TYPE_CHECKING:
    from bonecoach.ui.core.change_hub import ChangeHub
    from bonecoach.ui.core.errors import ErrorReporter
    from bonecoach.ui.core.tasks import TaskRunner
    from bonecoach.ui.library.thumbnails import ThumbnailCache


@dataclass(kw_only=True)
class AppContext(Workspace):
    tasks: TaskRunner
    errors: ErrorReporter
    changes: ChangeHub = field(default_factory=lambda: _hub())  # what changed, for every screen
    thumbnails: ThumbnailCache | None = None  # made when first needed (the Program tab, manager)


def _hub() -> ChangeHub:
    from bonecoach.ui.core.change_hub import ChangeHub

    return ChangeHub()
