"""Library search and facet filtering in the Program tab's table, per keystroke."""

from __future__ import annotations

import time

from bench.harness import Figure, median, ms, p95
from bench.synthetic import osteoporosis_profile, synthetic_library

# What a therapist types, one keystroke at a time (with a backspace run in the middle).
QUERIES = ("sit to stand", "band row", "balance counter", "wall", "hip hinge", "calf raise")


def keystroke_figure(quick: bool) -> Figure:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from bonecoach.program.screening import screen_library
    from bonecoach.ui.library.library_browser import LibraryBrowser
    from bonecoach.ui.library.library_model import LibraryModel, make_rows

    app = QApplication.instance() or QApplication([])
    exercises = synthetic_library(5000)
    results = {r.exercise_id: r for r in screen_library(osteoporosis_profile(), exercises)}
    model = LibraryModel()
    model.set_rows(make_rows(exercises, results))
    # The Program tab's real library panel, shown: search box -> filter -> table repaint.
    browser = LibraryBrowser(model)
    browser.resize(700, 800)
    browser.show()
    app.processEvents()

    samples = []
    rounds = 1 if quick else 3
    for _ in range(rounds):
        for query in QUERIES:
            typed = [query[:i] for i in range(1, len(query) + 1)]
            erased = [query[:i] for i in range(len(query) - 1, -1, -1)]
            for text in typed + erased:
                started = time.perf_counter()
                browser.search.setText(text)
                app.processEvents()
                samples.append(time.perf_counter() - started)
        for facet in ("category", "verdict", "level", "equipment"):
            combo = browser.facets[facet]
            for index in (1, 0):
                started = time.perf_counter()
                combo.setCurrentIndex(index)
                app.processEvents()
                samples.append(time.perf_counter() - started)
    browser.close()
    return Figure(
        "library search/filter keystroke, 5,000 exercises",
        f"p95 {ms(p95(samples))} (median {ms(median(samples))})",
        "p95 <= 16 ms",
        p95(samples) <= 0.016,
        f"{len(samples)} keystrokes and facet changes, shown library panel, repaint included",
    )
