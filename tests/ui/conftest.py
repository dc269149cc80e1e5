"""Fixtures every UI test may use, registered here once (they were star-imported into each
test module): ``dialogs`` and ``shell_context`` for the window and its dialogs, ``context``
and ``client_id`` for the Program, Handout and library-manager tests."""

from __future__ import annotations

from tests.ui.program_fixtures import client_id, context, shown_tab
from tests.ui.shell_fixtures import dialogs, shell_context

__all__ = ["client_id", "context", "dialogs", "shell_context", "shown_tab"]
