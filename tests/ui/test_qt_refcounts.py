"""The Qt binding must not drop references to None/True/False on ordinary calls.

PySide6 6.12.0 does, once per void call; on Python 3.11 (mortal None) a therapist's session
then aborts with "deallocating None" after a few thousand keystrokes in the library search.
This pins the behaviour so an upgrade that brings the bug back fails here, not in a clinic.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSortFilterProxyModel, QStringListModel
from PySide6.QtWidgets import QWidget

CALLS = 500


def _none_and_bool_refs() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None, True and False are immortal from Python 3.12 (PEP 683): their counts "
    "never move, so this check could not fail, and the crash it guards against cannot happen",
)
def test_void_calls_keep_none_and_bool_references(qtbot: object) -> None:
    model = QStringListModel(["sit to stand", "wall push-up"])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    widget = QWidget()
    before = _none_and_bool_refs()
    for _ in range(CALLS):
        proxy.invalidate()  # what a library refilter does
        proxy.setDynamicSortFilter(False)
        widget.setEnabled(True)
        widget.update()
    after = _none_and_bool_refs()
    # A handful of references may come and go with caches; a leak loses one per call.
    assert [abs(a - b) < CALLS // 10 for a, b in zip(after, before, strict=True)] == [
        True,
        True,
        True,
    ], f"None/True/False references before {before}, after {after}"
