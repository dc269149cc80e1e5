"""The one way UI tests build the app's context: a real store in the test's data folder, the
shipped library, a synchronous task runner (a test passes a threaded one when it needs it)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def app_context(errors: Any, settings: Any, *, illustrations: bool) -> Iterator[Any]:
    """``errors``: the real ErrorReporter (window tests, dialogs patched) or a recorder;
    ``illustrations``: load the shipped pose data (the Program and Handout tabs draw)."""
    from bonecoach.app.clinic_library import ClinicLibrary
    from bonecoach.art import load_illustrations
    from bonecoach.paths import resource
    from bonecoach.program.library import load_library
    from bonecoach.store.store import Store
    from bonecoach.ui.core.context import AppContext
    from bonecoach.ui.core.tasks import TaskRunner

    store = Store.open(settings=settings, auto_backup=False, actor="Test Therapist")
    pictures = dict(load_illustrations()) if illustrations else {}
    try:
        yield AppContext(
            clinic_library=ClinicLibrary(load_library(resource("library")), pictures),
            store=store,
            settings=settings,
            tasks=TaskRunner(errors, synchronous=True),
            errors=errors,
            therapist_name="Test Therapist",
        )
    finally:
        store.close(auto_backup=False)
