"""Search and facet filtering of the library table, fast enough to refilter on every keystroke.

When the search text or a facet changes, ``LibraryFilter`` decides every row once, in list
comprehensions over the precomputed ``LibraryRow`` fields, and keeps the answers in a list;
``filterAcceptsRow`` then only reads that list. Each searched word's answer and the facets'
answer are cached, so a keystroke (or a backspace) searches only the newest word. No Qt
``data()`` calls and no domain calls happen while filtering. The proxy does not sort
(sorting re-runs on every refilter and costs more than the filter); the model keeps the
library's order, where ladders sit together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from bonecoach.ui.library.library_model import LibraryModel, LibraryRow, make_rows

if TYPE_CHECKING:
    from bonecoach.program.exercise import Exercise
    from bonecoach.program.screening import ScreeningResult

# Facets on single-valued row fields, then on multi-valued ones (a row matches when it has any
# of the chosen values).
SINGLE_FACETS = ("category", "position", "level", "verdict")
MULTI_FACETS = ("region", "equipment")
FACETS = ("category", "region", "position", "equipment", "level", "verdict")
_MULTI_FIELD = {"region": "regions", "equipment": "equipment"}
WORD_CACHE = 64  # searched words remembered (a 5,000-row answer is about 40 kB)


class LibraryFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._facets: dict[str, frozenset[str]] = {}
        self._hide_excluded = False
        self._accepted: list[bool] = []
        self._mask_key: tuple[object, ...] | None = None
        self._mask: list[bool] | None = None
        self._texts: list[str] = []
        self._texts_of = 0  # id() of the row list the texts were taken from
        self._word_masks: dict[str, list[bool]] = {}
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

    def _facet_key(self) -> tuple[object, ...]:
        chosen = tuple(sorted((f, tuple(sorted(v))) for f, v in self._facets.items() if v))
        return (self._hide_excluded, chosen)

    def _facet_mask(self, rows: Sequence[LibraryRow]) -> list[bool] | None:
        """Rows the facets and "hide excluded" keep (None: all), cached until they change."""
        key = (id(rows), len(rows), self._facet_key())
        if key == self._mask_key:
            return self._mask
        hide = self._hide_excluded
        single = [(f, v) for f, v in self._facets.items() if v and f in SINGLE_FACETS]
        multi = [(_MULTI_FIELD[f], v) for f, v in self._facets.items() if v and f in MULTI_FACETS]
        mask: list[bool] | None = None
        if hide or single or multi:
            mask = [
                not (hide and row.verdict == "excluded")
                and all(getattr(row, field) in values for field, values in single)
                and all(not values.isdisjoint(getattr(row, field)) for field, values in multi)
                for row in rows
            ]
        self._mask_key, self._mask = key, mask
        return mask

    def _word_mask(self, word: str) -> list[bool]:
        """Which rows contain ``word``; kept for the last few words, so typing on and
        backspacing ("band ro" -> "band r") only ever searches the newest word."""
        found = self._word_masks.get(word)
        if found is None:
            found = [word in t for t in self._texts]
            if len(self._word_masks) >= WORD_CACHE:
                self._word_masks.pop(next(iter(self._word_masks)))
            self._word_masks[word] = found
        return found

    def _decide(self, rows: Sequence[LibraryRow]) -> list[bool]:
        if id(rows) != self._texts_of or len(rows) != len(self._texts):
            self._texts = [r.search for r in rows]
            self._texts_of = id(rows)
            self._word_masks.clear()
        masks = [m for m in (self._facet_mask(rows),) if m is not None]
        masks += [self._word_mask(w) for w in self._words]
        if not masks:
            return [True] * len(rows)
        decided = masks[0]
        for mask in masks[1:]:
            decided = [a and b for a, b in zip(decided, mask, strict=True)]
        return list(decided) if decided is masks[0] else decided

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
        self._mask_key = None
        self._texts_of = 0
        self._word_masks.clear()

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
