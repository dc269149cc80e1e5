"""What every screen needs, built once in app.py and passed down (no singletons)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bonecoach.program.library import Library
    from bonecoach.store.service import Store
    from bonecoach.store.settings import Settings
    from bonecoach.ui.change_hub import ChangeHub
    from bonecoach.ui.errors import ErrorReporter
    from bonecoach.ui.tasks import TaskRunner


@dataclass
class AppContext:
    library: Library
    illustrations: dict[str, Any]
    store: Store
    settings: Settings
    tasks: TaskRunner
    errors: ErrorReporter
    therapist_name: str | None = None
    extras: dict[str, Any] = field(default_factory=dict)  # caches screens share, e.g. thumbnails
    changes: ChangeHub = field(default_factory=lambda: _hub())  # what changed, for every screen


def _hub() -> ChangeHub:
    from bonecoach.ui.change_hub import ChangeHub

    return ChangeHub()
