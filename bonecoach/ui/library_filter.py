"""Search and facet filtering of the library table, fast enough to refilter on every keystroke.

When the search text or a facet changes, ``LibraryFilter`` decides every row once in a plain
Python loop over the precomputed ``LibraryRow`` fields and keeps the answers in a list;
``filterAcceptsRow`` then only reads that list. No Qt ``data()`` calls and no domain calls
happen while filtering. The proxy does not sort (sorting re-runs on every refilter and
costs more than the filter); the model keeps the library's order, where ladders sit together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from bonecoach.ui.library_model import LibraryModel, LibraryRow, make_rows

if TYPE_CHECKING:
    from bonecoach.program.exercise import Exercise
    from bonecoach.program.screening import ScreeningResult

# Facets on single-valued row fields, then on multi-valued ones (a row matches when it has any
# of the chosen values).
SINGLE_FACETS = ("category", "position", "level", "verdict")
MULTI_FACETS = ("region", "equipment")
FACETS = ("category", "region", "position", "equipment", "level", "verdict")
_MULTI_FIELD = {"region": "regions", "equipment": "equipment"}


class LibraryFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._facets: dict[str, frozenset[str]] = {}
        self._hide_excluded = False
        self._accepted: list[bool] = []
        self.setDynamicSortFilter(False)

    # -- what to show ---------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words != self._words:
            self._words = words
            self.refilter()

    def set_facet(self, facet: str, values: Iterable[str] | None) -> None:
        """Keep rows whose ``facet`` is one of ``values``; None or empty means any."""
        if facet not in FACETS:
            raise ValueError(f"facet: unknown facet {facet!r} (expected one of {FACETS})")
        chosen = frozenset(values or ())
        if self._facets.get(facet, frozenset()) != chosen:
            self._facets[facet] = chosen
            self.refilter()

    def set_hide_excluded(self, hide: bool) -> None:
        if hide != self._hide_excluded:
            self._hide_excluded = hide
            self.refilter()

    @property
    def hide_excluded(self) -> bool:
        return self._hide_excluded

    # -- filtering ------------------------------------------------------------------------
    def _rows(self) -> list[LibraryRow]:
        model = self.sourceModel()
        return model.rows if isinstance(model, LibraryModel) else []

    def _decide(self, rows: Sequence[LibraryRow]) -> list[bool]:
        words = self._words
        hide = self._hide_excluded
        single = [(f, v) for f, v in self._facets.items() if v and f in SINGLE_FACETS]
        multi = [(_MULTI_FIELD[f], v) for f, v in self._facets.items() if v and f in MULTI_FACETS]
        if not (words or hide or single or multi):
            return [True] * len(rows)
        decided = []
        for row in rows:
            ok = not (hide and row.verdict == "excluded")
            if ok:
                for field, values in single:
                    if getattr(row, field) not in values:
                        ok = False
                        break
            if ok:
                for field, values in multi:
                    if values.isdisjoint(getattr(row, field)):
                        ok = False
                        break
            if ok and words:
                text = row.search
                ok = all(w in text for w in words)
            decided.append(ok)
        return decided

    def refilter(self) -> None:
        """Decide every row again and tell the views."""
        decided = self._decide(self._rows())
        if decided == self._accepted:  # e.g. one more letter of a word that already matched
            return
        self._accepted = decided
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.invalidateRowsFilter()

    def setSourceModel(self, model: Any) -> None:
        old = self.sourceModel()
        if isinstance(old, LibraryModel):
            old.modelAboutToBeReset.disconnect(self._forget)
            old.modelReset.disconnect(self._decide_all)
        if isinstance(model, LibraryModel):
            # Connected before the proxy's own reset handling, so decisions are ready in time.
            model.modelAboutToBeReset.connect(self._forget)
            model.modelReset.connect(self._decide_all)
        super().setSourceModel(model)
        self._decide_all()

    def _forget(self) -> None:
        self._accepted = []

    def _decide_all(self) -> None:
        self._accepted = self._decide(self._rows())

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        accepted = self._accepted
        if source_row >= len(accepted):  # a reset the proxy saw before we did
            self._decide_all()
            accepted = self._accepted
        return accepted[source_row]

    def visible_rows(self) -> list[LibraryRow]:
        """The rows now shown, in order (for tests and keyboard "add the first match")."""
        rows = self._rows()
        return [rows[i] for i, ok in enumerate(self._accepted) if ok]


def build_library_models(
    exercises: Iterable[Exercise],
    results: Mapping[str, ScreeningResult] | Sequence[ScreeningResult] | None = None,
    parent: Any = None,
) -> tuple[LibraryModel, LibraryFilter]:
    """A filled model and its filter from plain domain data (no store, no widgets)."""
    if results is not None and not isinstance(results, Mapping):
        results = {r.exercise_id: r for r in results}
    model = LibraryModel(parent)
    model.set_rows(make_rows(exercises, results))
    proxy = LibraryFilter(parent)
    proxy.setSourceModel(model)
    return model, proxy
