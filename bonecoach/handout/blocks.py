"""One exercise block: picture, name, dosage band, steps, good form, support, note, "Stop if".

Standard print: the name across the top, then the dosage band and the steps on the left with
a 5 cm tall picture on their right, the rest under it (`beside.PictureBeside`), or a wide
picture across the page above the steps; every line starts at the same left edge and runs
no further than the measure (60-70 characters). Never split across pages. Large print puts a
big picture on top and gives each exercise its own page. User and library text is escaped
before it becomes a Paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
)
from reportlab.platypus.doctemplate import FrameBreak
from reportlab.platypus.flowables import _listWrapOn

from bonecoach.handout.beside import Labelled, PictureBeside, Stack
from bonecoach.handout.model import ExerciseBlock
from bonecoach.handout.pictures import PictureCache
from bonecoach.handout.styles import BAND_GREY, BLACK, Paragraph, Styles, measure_of
from bonecoach.program.dosage_words import SEPARATOR

GUTTER = 6 * mm
# Standard print: a picture to the right of the steps is this tall, so that each person in a
# two-step picture is drawn about 5 cm high and reads at arm's length (#16: 27 mm a frame
# was too small to carry the instruction), ...
SIDE_HEIGHT = 50 * mm
# ... or down to this, as long as this much width is left on its left for the dosage band
# and the steps (about 36 characters a line; under the picture they run to the measure).
MIN_SIDE_HEIGHT = 44 * mm
TEXT_BESIDE = 66 * mm
# A picture wider than that (several steps in a row, lying down) goes above the steps,
# across up to the full text width and at most this tall.
ACROSS_HEIGHT = 50 * mm
# A block that ends its page: its picture as tall as the first of these that fits the page
# (large print's are 5-10 cm), with this much to spare.
GROWN_HEIGHTS = tuple(h * mm for h in (80, 75, 70, 65, 60, 55))
GROW_MARGIN = 3 * mm
# Large print: a picture may shrink to this height to keep an exercise on one page.
MIN_LARGE_PICTURE = 50 * mm


def stop_text(stop_if: str) -> str:
    """The library's line starts "Stop if ..."; custom text may not, so say it once."""
    text = stop_if.strip()
    return text if text.lower().startswith("stop") else f"Stop if {text[0].lower()}{text[1:]}"


def keep_parts_whole(text: str) -> str:
    """ "2 sets of 10 - rest 1 minute - every day": wrap only at the dashes, so no line
    starts with a stray "day" or "minute"."""
    # the dash stays at the end of its line: a line never starts "- every day"
    return "\u00a0- ".join(part.replace(" ", "\u00a0") for part in text.split(SEPARATOR))


class Boxed(Flowable):
    """Paragraphs in a box as wide as the space it lands in (beside or under the picture),
    never wider than their lines may run (their style's measure) and its padding.

    A Table would fix its width the first time it is measured; this re-measures each time.
    """

    def __init__(
        self,
        paragraphs: list[Paragraph],
        *,
        border: float = 0,
        background: Color | None = None,
        padding: float = 6,
        gap: float = 2,
    ) -> None:
        super().__init__()
        self.paragraphs = paragraphs
        self.border = border
        self.background = background
        self.padding = padding
        self.gap = gap
        self._heights: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        measure = measure_of(self.paragraphs)
        if measure is not None:
            availWidth = min(availWidth, measure + 2 * self.padding + self.border)
        inner = availWidth - 2 * self.padding - self.border
        self._heights = [p.wrap(inner, availHeight)[1] for p in self.paragraphs]
        self.width = availWidth
        self.height = (
            sum(self._heights)
            + self.gap * (len(self.paragraphs) - 1)
            + 2 * self.padding
            + self.border
        )
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        inset = self.border / 2
        if self.background is not None:
            canvas.setFillColor(self.background)
            canvas.rect(
                inset, inset, self.width - self.border, self.height - self.border, stroke=0, fill=1
            )
        if self.border:
            canvas.setStrokeColor(BLACK)
            canvas.setLineWidth(self.border)
            canvas.rect(
                inset, inset, self.width - self.border, self.height - self.border, stroke=1, fill=0
            )
        canvas.restoreState()
        y = self.height - self.padding - inset
        for paragraph, height in zip(self.paragraphs, self._heights, strict=True):
            y -= height
            paragraph.drawOn(canvas, self.padding + inset, y)
            y -= self.gap


def stop_box(text: str, styles: Styles) -> Boxed:
    return Boxed([Paragraph(escape(stop_text(text)), styles.stop)], border=2, padding=4.5)


def dosage_band(block: ExerciseBlock, styles: Styles, width: float | None = None) -> Boxed:
    """The dosage in bold, then the load and how hard it should feel.

    Given the band's ``width``, "How hard" goes on the dosage's line when it fits there
    (a line less per exercise in standard print).
    """
    padding = 4.5
    if width is not None:  # the band is no wider than its lines may run
        width = min(width, styles.measure + 2 * padding)
    lines = [f"<b>{escape(keep_parts_whole(block.dosage))}</b>"]
    if block.load_hint:
        lines.append(escape(block.load_hint))
    if block.effort:
        effort = escape(block.effort)
        lines.append(effort)
        # after the dosage, else after the load hint, on the same line when it fits there
        for i in range(len(lines) - 1) if width is not None else ():
            joined = f"{lines[i]}&nbsp;&nbsp;&nbsp;&nbsp; {effort}"
            paragraph = Paragraph(joined, styles.band_detail)
            assert width is not None  # the loop runs only then
            if len(paragraph.breakLines([width - 2 * padding]).lines) == 1:
                lines[i] = joined
                lines.pop()
                break
    return Boxed(
        [Paragraph(x, styles.band_detail) for x in lines],
        background=BAND_GREY,
        padding=padding,
        gap=1,
    )


@dataclass
class TextParts:
    """An exercise's words, in the order they are read."""

    band: list[Flowable]  # the dosage band and the space under it
    steps: list[Flowable]
    tips: list[Flowable]  # "Good form"
    support: list[Flowable]
    note: list[Flowable]
    stop: list[Flowable]  # the space above the "Stop if" box, and the box


def _in_order(parts: TextParts) -> list[Flowable]:
    return [*parts.band, *parts.steps, *parts.tips, *parts.support, *parts.note, *parts.stop]


def _text_parts(
    block: ExerciseBlock,
    styles: Styles,
    therapist: str,
    *,
    with_band: bool = True,
    labelled_tips: bool = True,
    band_width: float | None = None,
) -> TextParts:
    parts = TextParts([], [], [], [], [], [])
    if with_band:
        parts.band += [dosage_band(block, styles, band_width), Spacer(1, styles.scale.body * 0.4)]
    for i, step in enumerate(block.steps, start=1):
        parts.steps.append(Paragraph(escape(step), styles.step, bulletText=f"{i}."))
    if block.tips:
        tips = [Paragraph(escape(tip), styles.step, bulletText="•") for tip in block.tips]
        label = Paragraph("Good form", styles.label)
        if labelled_tips:  # the label beside the tips, a line less
            width = stringWidth("Good form", styles.family.bold, styles.scale.body) + GUTTER
            parts.tips.append(Labelled(label, tips, width))
        else:
            parts.tips += [label, *tips]
    # Support and note carry their label inline: one line less each, same reading order.
    if block.support:
        support = (
            "Your therapist wants you to use support:"
            if block.support_prescribed
            else "If you feel unsteady:"
        )
        parts.support.append(Paragraph(f"<b>{support}</b> {escape(block.support)}", styles.aside))
    if block.note:
        parts.note.append(
            Paragraph(f"<b>Note from {escape(therapist)}:</b> {escape(block.note)}", styles.aside)
        )
    parts.stop += [Spacer(1, styles.scale.body * 0.3), stop_box(block.stop_if, styles)]
    return parts


def _text_flowables(
    block: ExerciseBlock,
    styles: Styles,
    therapist: str,
    *,
    with_band: bool = True,
    labelled_tips: bool = False,
    band_width: float | None = None,
) -> list[Flowable]:
    return _in_order(
        _text_parts(
            block,
            styles,
            therapist,
            with_band=with_band,
            labelled_tips=labelled_tips,
            band_width=band_width,
        )
    )


def standard_block(
    block: ExerciseBlock,
    styles: Styles,
    pictures: PictureCache,
    frame_width: float,
    frame_height: float,
    therapist: str,
    lead: Sequence[Flowable] = (),
) -> Block:
    """The name across the top; the dosage band and the steps on the left with the picture
    on their right (or a wide picture above the steps, across the page); kept on one page.

    ``lead`` (headings above the block) stays on the block's page, never alone at the foot
    of the page before.

    Every line of the block starts at the same left edge: the steps beside the picture are
    shorter, those under it run to the measure (60-70 characters). The picture takes the
    room on the right that lines of that length leave free. A block that ends its page (the
    next one does not fit under it) may show its picture bigger: see `Block`.
    """

    def content(picture_height: float) -> list[Flowable]:
        return _standard_content(
            block, styles, pictures, frame_width, therapist, lead, picture_height
        )

    has_picture = pictures.aspect(block.exercise_id) is not None
    return Block(content(SIDE_HEIGHT), content if has_picture else None, page_room=frame_height)


def _standard_content(
    block: ExerciseBlock,
    styles: Styles,
    pictures: PictureCache,
    frame_width: float,
    therapist: str,
    lead: Sequence[Flowable],
    picture_height: float,
) -> list[Flowable]:
    """A standard-print block with its picture ``picture_height`` tall: SIDE_HEIGHT (or a
    little lower, to leave the steps their room), or taller for a block that ends its page
    (on the right while the steps keep their room, else above them)."""
    name = Paragraph(f"{block.number}. {escape(block.name)}", styles.name)
    text = _text_flowables(block, styles, therapist, with_band=False, labelled_tips=True)
    end = Spacer(1, styles.scale.body * 0.7)
    gap = Spacer(1, styles.scale.body * 0.4)
    aspect = pictures.aspect(block.exercise_id)
    if aspect is None:
        band = dosage_band(block, styles, frame_width)
        return [*lead, name, band, gap, *text, end]
    width = picture_height * aspect
    beside = frame_width - GUTTER - width
    if beside < TEXT_BESIDE and picture_height <= SIDE_HEIGHT:  # lower, for the steps' room
        width = frame_width - GUTTER - TEXT_BESIDE
        beside = TEXT_BESIDE
    if beside < TEXT_BESIDE or width / aspect < MIN_SIDE_HEIGHT:  # across, above the steps
        width = min(frame_width, max(ACROSS_HEIGHT, picture_height) * aspect)
        picture = pictures.flowable(block.exercise_id, width)
        assert picture is not None
        picture.hAlign = "LEFT"
        band = dosage_band(block, styles, frame_width)
        return [*lead, name, band, gap, picture, gap, *text, end]
    picture = pictures.flowable(block.exercise_id, width)
    assert picture is not None
    band = dosage_band(block, styles, beside)
    body = PictureBeside(
        picture,
        _whole_items([band, gap, *text]),
        gutter=GUTTER,
        gap_under=styles.scale.body * 0.3,
        overhang=styles.scale.body * 0.7,
    )
    return [*lead, name, body, end]


class Block(KeepTogether):
    """A standard-print exercise block, never split across pages. When the block after it
    will not fit under it anyway (``next_height``, set by whoever lays them out), its
    picture grows into the room its page has left: up to GROWN_HEIGHT tall, on the right of
    the steps while they keep their room, else above them.

    Clear print's blocks take half a page to three quarters, so most end their page: the
    room under them was left empty, and a bigger picture shows the movement better. The
    block is measured where it lands, so the room is the page's own, not an estimate.
    """

    def __init__(
        self,
        content: list[Flowable],
        grown: Callable[[float], list[Flowable]] | None = None,
        *,
        page_room: float,
    ) -> None:
        super().__init__(content)
        self.grown = grown
        self.page_room = page_room  # the frame's height: what a whole page holds
        self.next_height: float | None = None  # None: nothing after it to make room for

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if self.grown is None or self.next_height is None:
            return list(super().split(aW, aH))
        natural = _content_height(self._content, aW, self.canv)
        frame = getattr(self, "_frame", None)
        if natural > aH and not getattr(frame, "_atTop", True) and natural <= self.page_room:
            # to the next page whole, and measured again there, where its room is known
            return [FrameBreak(), self._again()]
        # it fits here, and the next block clearly will not fit under it
        if natural <= aH and aH - natural < self.next_height - GROW_MARGIN:
            for tall in GROWN_HEIGHTS:
                content = self.grown(tall)
                h = _content_height(content, aW, self.canv)
                if natural + GROW_MARGIN < h <= aH - GROW_MARGIN:
                    return content
        return list(super().split(aW, aH))

    def _again(self) -> Block:
        again = Block(list(self._content), self.grown, page_room=self.page_room)
        again.next_height = self.next_height
        return again


def _content_height(flowables: list[Flowable], width: float, canv: object) -> float:
    _w, h = _listWrapOn(flowables, width, canv)
    return float(h)


def _whole_items(text: list[Flowable]) -> list[Flowable]:
    """The text as items that go wholly beside or under the picture: a label stays with
    the line after it, a spacer becomes room above the next item."""
    items: list[Flowable] = []
    space = 0.0
    pending_label: Paragraph | None = None
    for flowable in text:
        if isinstance(flowable, Spacer):
            space += flowable.height
            continue
        if isinstance(flowable, Paragraph) and flowable.style.name == "label":
            pending_label = flowable
            continue
        if pending_label is not None:
            flowable = Stack([pending_label, flowable])
            pending_label = None
        if space:
            flowable.spaceBefore = space + flowable.getSpaceBefore()
            space = 0.0
        items.append(flowable)
    if pending_label is not None:
        items.append(pending_label)
    return items


def large_block(
    block: ExerciseBlock,
    styles: Styles,
    pictures: PictureCache,
    frame_width: float,
    frame_height: float,
    therapist: str,
    heading: Flowable | None = None,
) -> list[Flowable]:
    """Name, a big picture on top, text below: one page per exercise.

    The picture is about 12 cm wide; when the text needs the room it gets smaller (down to
    5 cm tall, so that each person in it stays readable). An exercise whose text is too
    long for that (18 pt type) keeps what it cannot be done safely without on its page: the
    dosage band, the steps, the support, the therapist's note and the "Stop if" box. Its
    "Good form" tips (and, where even that is too long, the note, then the support) go on
    over a second page headed "(continued)".
    """
    name = Paragraph(f"{block.number}. {escape(block.name)}", styles.name)
    top: list[Flowable] = [heading, name] if heading is not None else [name]
    gap = styles.scale.body * 0.6
    aspect = pictures.aspect(block.exercise_id) or 1.0
    # About 12 cm wide; a wide picture (lying down) may take the page's width, 6.5 cm tall.
    width = min(frame_width, max(styles.scale.picture_width, 65 * mm * aspect))
    # a picture flatter than the least it may shrink to needs only its own height
    least = min(MIN_LARGE_PICTURE, width / aspect)

    def room(flowables: Sequence[Flowable]) -> float:
        """The height left for the picture above these."""
        used = sum(_height(f, frame_width, frame_height) for f in [*top, *flowables])
        return frame_height - used - gap - 4 * mm

    parts = _text_parts(block, styles, therapist, band_width=frame_width)
    moved: list[Flowable] = []  # to the "(continued)" page, in reading order
    first = [*parts.band, *parts.steps, *parts.tips, *parts.support, *parts.note, *parts.stop]
    # the tips first, then the note, then the support go over, as few as need to
    for going in (parts.tips, parts.note, parts.support):
        if room(first) >= least or not going:
            continue
        first = [f for f in first if all(f is not g for g in going)]
        moved += going
    stop_box_last = KeepTogether(parts.stop)  # the "Stop if" box with its space above
    first = [f for f in first if all(f is not g for g in parts.stop)] + [stop_box_last]
    fits = room(first) >= least
    picture = pictures.flowable(
        block.exercise_id,
        width,
        max_height=room(first) if fits else styles.scale.picture_width * 0.6,
    )
    out: list[Flowable] = list(top)
    if picture is not None:
        out += [picture, Spacer(1, gap)]
    if picture is None and not moved:
        return [*out, *_in_order(parts)]
    more = Paragraph(f"{block.number}. {escape(block.name)} (continued)", styles.name)
    if fits or picture is None:
        return [*out, *first, PageBreak(), more, *moved] if moved else [*out, *first]
    # Even the steps are longer than a page: fill it, then carry on over the next.
    text = _in_order(parts)
    used = sum(_height(f, frame_width, frame_height) for f in out)
    filled: list[Flowable] = []
    rest = list(text)
    for flowable in text:
        h = _height(flowable, frame_width, frame_height)
        if used + h > frame_height - 2 * mm:
            break
        filled.append(flowable)
        rest.pop(0)
        used += h
    if not rest:
        return [*out, *filled]
    return [*out, *filled, PageBreak(), more, *rest]


def _height(flowable: Flowable, width: float, height: float) -> float:
    """The height ``flowable`` takes in a frame, its space before and after too (a
    KeepTogether, which would ask for a page to itself, by its parts)."""
    if isinstance(flowable, KeepTogether):
        return sum(_height(f, width, height) for f in flowable._content)
    _w, h = flowable.wrap(width, height)
    return float(h + flowable.getSpaceBefore() + flowable.getSpaceAfter())
