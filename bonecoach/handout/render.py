"""Lay out a HandoutDocument as a PDF: `render_handout(doc, "out.pdf")`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from io import BytesIO
from itertools import pairwise, permutations
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
)

from bonecoach.handout import blocks as block_layout
from bonecoach.handout import log_sheet, pages
from bonecoach.handout.beside import FirstFit
from bonecoach.handout.fonts import family_for
from bonecoach.handout.frame import (
    LANDSCAPE,
    PORTRAIT,
    FrameText,
    HandoutDocTemplate,
    canvas_maker,
    page_size,
)
from bonecoach.handout.model import HandoutDocument, HandoutOptions, PhaseSection
from bonecoach.handout.pictures import PictureCache, SvgSource, art_source
from bonecoach.handout.styles import Paragraph, Styles, gap, scale_for

_DEFAULT = object()


def render_handout(
    doc: HandoutDocument,
    out: str | Path | BinaryIO,
    options: HandoutOptions | None = None,
    *,
    pictures: PictureCache | SvgSource | object | None = _DEFAULT,
    photos: Mapping[str, bytes] | None = None,
) -> None:
    """Write the handout PDF to a path or a binary stream.

    ``options`` overrides the document's own (paper, print size, log sheet). ``pictures``
    is a PictureCache to share between builds, a function from exercise id to SVG text, or
    None for no pictures; by default the real illustrations of `bonecoach.art`. ``photos``
    are custom exercises' photos (PNG or JPEG bytes) by exercise id, printed in place of an
    illustration (a PictureCache carries its own).
    """
    if options is not None:
        doc = replace(doc, options=options)
    opts = doc.options
    if isinstance(pictures, PictureCache):
        if photos:  # a cache converts once: its photos are given when it is made
            raise TypeError("give the photos to PictureCache(source, photos), not here")
        cache = pictures
    elif pictures is _DEFAULT:
        cache = PictureCache(art_source(), photos)
    else:
        cache = PictureCache(pictures, photos)  # type: ignore[arg-type]
    styles = Styles(scale_for(opts.large_print), family_for(_texts(doc)))
    ft = FrameText(
        clinic_name=doc.clinic.name,
        client_name=doc.client_name,
        date_line=_date_line(doc),
        phone=doc.clinic.phone,
        logo_path=doc.clinic.logo_path,
        scale=styles.scale,
        family=styles.family,
        title=doc.title,
    )
    target: str | BinaryIO = str(out) if isinstance(out, str | Path) else out
    kind = "supervised clinic sessions" if doc.clinic_sheet else "home exercise program"
    subject = f"{doc.program_name}: {kind}"
    template = HandoutDocTemplate(
        target,
        ft,
        opts.paper,
        first=_log_orientation(styles, opts.paper) if opts.log_sheet_only else PORTRAIT,
        title=doc.title,
        author=doc.clinic.name or "BoneCoach",
        subject=subject,
        creator="BoneCoach",
        keywords=["home exercise program", "bone health"],
    )
    story = _story(doc, styles, cache, template)
    template.build(story, canvasmaker=canvas_maker(ft))


def _texts(doc: HandoutDocument) -> list[str]:
    """Every piece of user or library text the document prints."""
    texts = [
        doc.client_name,
        doc.program_name,
        doc.therapist.name,
        doc.therapist.credentials,
        doc.clinic.name,
        doc.clinic.phone,
        doc.clinic.address,
        doc.next_appointment or "",
    ]
    for phase in doc.phases:
        texts += [phase.name, *(g.title for g in phase.groups)]
        for b in phase.blocks:
            texts += [b.name, b.dosage, b.stop_if, *b.steps, *b.tips]
            texts += [x for x in (b.effort, b.load_hint, b.support, b.note) if x]
    for move in doc.safe_moves:
        texts += [move.name, move.text]
    return texts


def render_handout_bytes(doc: HandoutDocument, **kwargs: object) -> bytes:
    buffer = BytesIO()
    render_handout(doc, buffer, **kwargs)  # type: ignore[arg-type]
    return buffer.getvalue()


def _date_line(doc: HandoutDocument) -> str:
    """ "Version 3, 1 March 2026": ties the printed sheet to a saved program version ("Version
    2 of 21 September" read as "2 of 21")."""
    when = doc.version_date or doc.start_date
    day = f"{when.day} {when:%B %Y}" if when else ""
    if doc.version_number is not None:
        return f"Version {doc.version_number}" + (f", {day}" if day else "")
    return day or doc.program_name


def _log_orientation(styles: Styles, paper: str) -> str:
    """Portrait, as the rest of the handout, when a week's table fits across the page
    (always, at our sizes: 16 cm of an 18 cm frame in large print); else landscape."""
    width = page_size(paper)[0] - 2 * styles.scale.margin
    fits = width >= log_sheet.MIN_NAME + log_sheet.week_width(styles)
    return PORTRAIT if fits else LANDSCAPE


def _log_sheets(
    doc: HandoutDocument, styles: Styles, template: HandoutDocTemplate, *, first_page: bool
) -> list[Flowable]:
    """Each phase's log sheet on new pages; ``first_page``: the first starts the document
    (the log sheet alone), so no page break before it."""
    orientation = _log_orientation(styles, doc.options.paper)
    lw, lh = template.frame_size(orientation)
    story: list[Flowable] = []
    for phase in doc.phases:
        if not phase.blocks:
            continue
        if story or not first_page:
            story += [NextPageTemplate(orientation), PageBreak()]
        story += log_sheet.log_sheets(doc, phase, styles, lw, lh)
    return story


def _story(
    doc: HandoutDocument, styles: Styles, cache: PictureCache, template: HandoutDocTemplate
) -> list[Flowable]:
    if doc.options.log_sheet_only:  # no blank page before it: the first page is its own
        return _log_sheets(doc, styles, template, first_page=True)
    width, height = template.frame_size(PORTRAIT)
    story: list[Flowable] = [NextPageTemplate(PORTRAIT)]
    story += pages.first_page(doc, styles, width)
    if doc.clinic_sheet:
        story.append(pages.clinic_only_notice(styles))
        for phase in doc.phases:
            if len(doc.phases) > 1:
                story.append(Paragraph(escape(phase.title), styles.section))
            story += _exercises(doc, phase, styles, cache, width, height)
        return story
    week = _week(doc.phases[0], styles, width, "Your week") if len(doc.phases) == 1 else []
    stop: list[Flowable] = [pages.stop_and_call(doc, styles, width)]
    why, effort, whose = pages.why_and_whose(doc, styles)
    head = story[1:]
    # standard print: the week at a glance first; large print: safety first
    order = (stop, week) if doc.options.large_print else (week, stop)
    boxes = [part for part in order if part]
    first, later = _opening(head, boxes, [[effort], [why], [whose]], stop, width, height, styles)
    # Page 1 holds what fits of them. A box that does not starts page 2; what "how hard"
    # means goes with the first exercise, where it is first read (large print: after the
    # boxes); why, and whose program it is, close the exercises.
    space = styles.scale.body * 0.6
    for part in first + [part for part in later if any(part is box for box in boxes)]:
        story += [gap(space), *part]
    effort_later = any(part == [effort] for part in later)
    if effort_later and doc.options.large_print:
        story += [gap(space), effort]
    # why, and whose program it is, when page 1 has no room for them: under what follows
    # page 1 when they fit there (large print), else under the last exercise, else at the
    # end of the closing pages; never on a page of their own
    closing = [p for part in later for p in part if p is why or p is whose]
    closing_at = FirstFit(closing)
    if closing and doc.options.large_print:
        story.append(closing_at.here(space=space))
    for index, phase in enumerate(doc.phases):
        if index > 0 or doc.options.large_print:
            story.append(PageBreak())
        else:  # straight on after the STOP box when the page has room
            story.append(CondPageBreak(height * 0.45))
        if len(doc.phases) > 1:
            story.append(Paragraph(escape(phase.title), styles.title))
            story += _week(phase, styles, width, heading="Your week")
            story.append(CondPageBreak(height * 0.45))
        explain = [effort] if effort_later and index == 0 and not doc.options.large_print else []
        story += _exercises(doc, phase, styles, cache, width, height, explain=explain)
    if closing:
        story.append(closing_at.here(space=styles.scale.body))

    # Standard print: "Looking after your bones" under the last exercise when it fits there
    # (a sheet of paper less). Else, and in large print, after "Moving safely every day"
    # (which starts a page), on the room its last page leaves when that is half a page.
    bones: list[Flowable] = []
    if doc.options.include_bone_health:
        kinds = {b.category for phase in doc.phases for b in phase.blocks}
        bones = [Spacer(1, styles.scale.body), *pages.bone_care_page(styles, kinds)]
    if bones and not doc.options.large_print:
        whole = _stack_height(bones, width, height) + styles.scale.body
        if whole <= height:
            story += [CondPageBreak(whole), *bones]
            bones = []
    if doc.options.include_safe_moves and doc.safe_moves:
        story.append(PageBreak())
        story += pages.safe_moves_page(doc.safe_moves, styles, cache, width)
    if bones:
        story += [CondPageBreak(height * 0.5), *bones]
    if closing:
        story.append(closing_at.here(last=True, space=styles.scale.body))

    if doc.options.include_log_sheet:
        story += _log_sheets(doc, styles, template, first_page=False)
    return story


def _opening(
    head: list[Flowable],
    boxes: list[list[Flowable]],
    text: list[list[Flowable]],
    stop: list[Flowable],
    width: float,
    height: float,
    styles: Styles,
) -> tuple[list[list[Flowable]], list[list[Flowable]]]:
    """What goes on page 1 after the title and facts, and what does not fit there: "Your
    week" and the STOP box (``boxes``) and the opening paragraphs (``text``: what "how hard"
    means, why, whose program it is), each whole, the STOP box there whenever it fits.

    Of the orders that put the STOP box on page 1 (if any does), and the week with it (if
    any does), the one that puts most there, the order given first. In large print (18 pt)
    title, facts and the STOP box are more than a page: the week goes on page 1, the STOP
    box starts page 2.
    """
    room = height - _stack_height(head, width, height) - 2 * mm  # measured, give or take
    space = styles.scale.body * 0.6
    heights = {id(part): _stack_height(part, width, height) + space for part in boxes + text}

    def split(order: list[list[Flowable]]) -> int:
        """How many of ``order`` fit on page 1 (the first that does not starts page 2)."""
        used = 0.0
        for count, part in enumerate(order):
            used += heights[id(part)]
            if used > room:
                return count
        return len(order)

    def score(order: list[list[Flowable]]) -> tuple[bool, int, float]:
        """The STOP box on page 1 where it can be, the week too, then as full a page 1 as
        can be."""
        placed = order[: split(order)]
        return (
            any(part is stop for part in placed),
            sum(any(part is box for part in placed) for box in boxes),
            sum(heights[id(p)] for p in placed),
        )

    parts = boxes + text
    # permutations() gives the order as given first: the first of the best wins
    candidates = [[parts[i] for i in order] for order in permutations(range(len(parts)))]
    best = max(candidates, key=score)
    return best[: split(best)], best[split(best) :]


def _week(phase: PhaseSection, styles: Styles, width: float, heading: str) -> list[Flowable]:
    table = pages.week_table(phase, styles, width)
    if table is None:
        return []
    return [KeepTogether([Paragraph(escape(heading), styles.section), table])]


def _exercises(
    doc: HandoutDocument,
    phase: PhaseSection,
    styles: Styles,
    cache: PictureCache,
    width: float,
    height: float,
    *,
    intro: bool = True,
    explain: Sequence[Flowable] = (),
) -> list[Flowable]:
    therapist = doc.therapist.name
    out: list[Flowable] = []
    if not phase.blocks:  # e.g. every exercise of this phase is done in the clinic
        # a clinic sheet is empty the other way round: every exercise is a home one
        empty = (
            "There are no clinic-only exercises in this part of your program. Your "
            "exercises are on your home program."
            if doc.clinic_sheet
            else "There are no home exercises in this part of your program. Your therapist "
            "will do your exercises with you in the clinic."
        )
        return [Paragraph("Your exercises", styles.section), Paragraph(empty, styles.body)]
    lead: list[Flowable] = []
    if intro and not doc.options.large_print:
        lead = [*_exercises_intro(styles), *explain]
    first = True
    for group in phase.groups:
        if doc.options.large_print:
            for i, block in enumerate(group.blocks):
                if not first:
                    out.append(PageBreak())
                first = False
                heading = None
                if i == 0 and group.title:
                    heading = Paragraph(escape(group.title), styles.group)
                out += block_layout.large_block(
                    block, styles, cache, width, height, therapist, heading=heading
                )
            continue
        for i, block in enumerate(group.blocks):
            if i == 0 and group.title:
                lead.append(Paragraph(escape(group.title), styles.group))
            out.append(
                block_layout.standard_block(
                    block, styles, cache, width, height, therapist, lead=lead
                )
            )
            lead = []
    # each block knows how much room the next needs: one that ends its page may grow
    standard = [f for f in out if isinstance(f, block_layout.Block)]
    for this, following in pairwise(standard):
        this.next_height = _stack_height(list(following._content), width, height)
    return out


def _exercises_intro(styles: Styles) -> list[Flowable]:
    return [
        Paragraph("Your exercises", styles.section),
        Paragraph("Do them in this order. The shaded band tells you how much to do.", styles.body),
    ]


def _stack_height(flowables: list[Flowable], width: float, height: float) -> float:
    """The height of flowables one under the other (KeepTogether measured by its parts)."""
    total = 0.0
    for f in flowables:
        if isinstance(f, KeepTogether):
            total += _stack_height(list(f._content), width, height)
        else:
            total += block_layout._height(f, width, height)
    return total
