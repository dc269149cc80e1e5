"""A picture to the right of the text beside it, the text going on under it: whole items
only, never a broken line, and every line starting at the same left edge.

reportlab's ImageAndFlowables splits paragraphs where the picture ends, which left a lone
"seat." under a picture and a "Good form" label beside it with its tips below. Here each
item (a step, a tip, the "Stop if" box) goes wholly beside the picture or wholly under it,
so the steps sit next to the picture they explain and the lines under it run to the measure.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from bonecoach.handout.styles import measure_of

# Narrower than this beside the picture, and everything goes under it.
MIN_BESIDE = 40 * mm


def _outer_height(flowable: Flowable, width: float, first: bool) -> float:
    _w, h = flowable.wrap(width, 10_000)
    before = 0.0 if first else float(flowable.getSpaceBefore())
    return float(h) + before + float(flowable.getSpaceAfter())


class Stack(Flowable):
    """Flowables one under the other, moved as one (e.g. "Good form" with its first tip)."""

    def __init__(self, flowables: Sequence[Flowable]) -> None:
        super().__init__()
        self.flowables = list(flowables)
        self._heights: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self._heights = [
            _outer_height(f, availWidth, first=i == 0) for i, f in enumerate(self.flowables)
        ]
        self.height = sum(self._heights)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self.flowables[0].getSpaceBefore()) if self.flowables else 0.0

    def draw(self) -> None:
        y = self.height
        for i, (flowable, height) in enumerate(zip(self.flowables, self._heights, strict=True)):
            before = 0.0 if i == 0 else float(flowable.getSpaceBefore())
            _w, h = flowable.wrapOn(self.canv, self.width, height)
            flowable.drawOn(self.canv, 0, y - before - h)
            y -= height


class PictureBeside(Flowable):
    """``picture`` on the right; ``items`` on the left, beside it while they fit its height
    (give or take ``overhang``), then under it. Never split: a KeepTogether around it moves
    it whole to the next page.

    Every item starts at the same left edge: beside the picture its lines are shorter, under
    it they run to their measure. Text wrapped round a picture on the left started its lines
    in two places, which the RNIB advises against: a reader's eye goes back to one edge.
    """

    def __init__(
        self,
        picture: Flowable,
        items: Sequence[Flowable],
        *,
        gutter: float,
        gap_under: float,
        overhang: float,
    ) -> None:
        super().__init__()
        self.picture = picture
        self.items = list(items)
        self.gutter = gutter
        self.gap_under = gap_under
        self.overhang = overhang
        # (item, beside the picture?, y of its top, width) from the block's top, by wrap
        self._placed: list[tuple[Flowable, bool, float, float]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        pic_w, pic_h = self.picture.wrap(availWidth, availHeight)
        beside_w = availWidth - pic_w - self.gutter
        placed: list[tuple[Flowable, bool, float, float]] = []
        y = 0.0
        rest = list(self.items)
        while rest and beside_w >= MIN_BESIDE:
            h = _outer_height(rest[0], beside_w, first=not placed)
            if y + h > pic_h + self.overhang:
                break
            before = 0.0 if not placed else float(rest[0].getSpaceBefore())
            placed.append((rest.pop(0), True, y + before, beside_w))
            y += h
        for i, item in enumerate(rest):
            top = y + (float(item.getSpaceBefore()) if placed else 0.0)
            if i == 0:  # clear of the picture's foot
                top = max(top, pic_h + self.gap_under)
            placed.append((item, False, top, availWidth))
            y = top + _outer_height(item, availWidth, first=True)
        self._placed = placed
        self.width = availWidth
        self.height = max(y, pic_h)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Only for a block longer than a page (KeepTogether has already moved it to a
        fresh one): the picture with what is beside it, then the rest line by line."""
        self.wrap(availWidth, availHeight)
        if self.height <= availHeight:
            return [self]
        beside = [item for item, by, _top, _width in self._placed if by]
        under = [item for item, by, _top, _width in self._placed if not by]
        head = PictureBeside(
            self.picture, beside, gutter=self.gutter, gap_under=0, overhang=self.overhang
        )
        _w, head_height = head.wrap(availWidth, availHeight)
        if head_height > availHeight or not under:
            return []
        return [head, Spacer(1, self.gap_under), *under]

    def draw(self) -> None:
        canvas = self.canv
        pic_w, pic_h = self.picture.wrap(self.width, self.height)
        self.picture.drawOn(canvas, self.width - pic_w, self.height - pic_h)
        for item, _beside, top, width in self._placed:
            _w, h = item.wrapOn(canvas, width, self.height)
            item.drawOn(canvas, 0, self.height - top - h)


class Labelled(Stack):
    """A bold label on the left and its lines beside it ("Good form" and the tips): one
    line less than a label above them."""

    def __init__(self, label: Flowable, flowables: Sequence[Flowable], label_width: float) -> None:
        super().__init__(flowables)
        self.label = label
        self.label_width = label_width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # label and lines together no wider than the lines may run (the column's measure)
        measure = measure_of(self.flowables)
        if measure is not None:
            availWidth = min(availWidth, measure)
        _w, lines = super().wrap(availWidth - self.label_width, availHeight)
        _w, label = self.label.wrap(self.label_width, availHeight)
        self.width = availWidth
        self.height = max(lines, float(label))
        self._label_height = float(label)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self.label.getSpaceBefore())

    def draw(self) -> None:
        self.label.wrapOn(self.canv, self.label_width, self.height)
        self.label.drawOn(self.canv, 0, self.height - self._label_height)
        y = self.height
        for i, (flowable, height) in enumerate(zip(self.flowables, self._heights, strict=True)):
            before = 0.0 if i == 0 else float(flowable.getSpaceBefore())
            _w, h = flowable.wrapOn(self.canv, self.width - self.label_width, height)
            flowable.drawOn(self.canv, self.label_width, y - before - h)
            y -= height


class FirstFit:
    """Flowables printed at the first of several places in the story where they fit whole
    on the page; at the last place whatever the room. ``here()`` makes each place.

    Paragraphs that do not fit on page 1 ("why these exercises", whose program it is)
    followed page 1 on a page of their own when the first exercise did not fit under them.
    """

    def __init__(self, flowables: Sequence[Flowable]) -> None:
        self.stack = Stack(flowables)
        self.place: _Place | None = None  # where it went

    def here(self, *, last: bool = False, space: float = 0.0) -> Flowable:
        return _Place(self, last=last, space=space)


class _Place(Flowable):
    """One of a FirstFit's places: its flowables (``space`` below what comes before) when
    they go here, else nothing at all, not even space."""

    _ZEROSIZE = True  # asked even on a full page, where it takes no room

    def __init__(self, owner: FirstFit, *, last: bool, space: float) -> None:
        super().__init__()
        self.owner = owner
        self.last = last
        self.space = space

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.owner.place is not None and self.owner.place is not self:
            return availWidth, 0
        _w, h = self.owner.stack.wrap(availWidth, availHeight)
        if self.last or self.space + h <= availHeight:
            self.owner.place = self
            return availWidth, self.space + h
        return availWidth, 0

    def draw(self) -> None:
        if self.owner.place is self:
            self.owner.stack.drawOn(self.canv, 0, 0)
