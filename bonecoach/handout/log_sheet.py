"""The exercise log sheet the client fills in at home and brings to the next visit.

One row per exercise and a column per day for each week of the phase, with a tick box for
each day the exercise was done, then "How hard" and "Pain" (0-10) columns for the week, and
lines of notes for the therapist under the table. Portrait pages in standard print as in
large print, like the rest of the handout: a week's table down the page, two weeks on a page
where both tables fit whole, else one week a page (its rows shared out evenly over two pages
when they must be: never a page of two stray rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from bonecoach.handout.model import ExerciseBlock, HandoutDocument, PhaseSection
from bonecoach.handout.styles import BLACK, LIGHT_GREY, Paragraph, Styles, literal
from bonecoach.program.dosage_words import WEEKDAYS, suggested_days

REST_DAY = "#b8b8b8"  # a day the exercise is not done: shaded darker than the score columns
MIN_NAME = 45 * mm  # the exercise names' column, at least


def log_sheets(
    doc: HandoutDocument, phase: PhaseSection, styles: Styles, width: float, height: float
) -> list[Flowable]:
    """Tick boxes per exercise and day, then how hard and pain (0-10) for each week.

    The boxes stay big enough to tick with a pen: a portrait page holds one week across
    (a landscape one two), and two weeks' tables one under the other where both fit whole.
    """
    blocks = phase.blocks
    if not blocks:
        return []
    s = styles.scale
    first_day = doc.week_one  # the day the program's week 1 starts
    weeks = weeks_to_log(phase, first_day, doc.printed_on)
    across = weeks_across(styles, width)
    down = 2 if len(weeks) > across and _stacked_fit(phase, weeks, styles, width, height) else 1
    per_page = across * down
    out: list[Flowable] = []
    for first in range(0, len(weeks), per_page):
        chunk = weeks[first : first + per_page]
        span = f"week {chunk[0]}" if len(chunk) == 1 else f"weeks {chunk[0]} to {chunk[-1]}"
        page = _sheet_head(span, styles)
        if len(chunk) > across:  # two tables down the page, both whole, the notes under them
            tables: list[Flowable] = []
            for shown in (chunk[:across], chunk[across:]):
                if tables:
                    tables.append(Spacer(1, s.body * 0.8))
                tables.append(_log_table(phase, shown, styles, width, first_day=first_day))
            used = sum(_height(f, width, height) for f in [*page, *tables])
            line = note_line_gap(styles)
            label = _height(_notes_label(styles), width, height)
            spare = height - used - s.body * 0.8 - label - 3 * mm
            count = max(1, min(8, int(spare // line)))
            out += [*page, *tables, Spacer(1, s.body * 0.8), *_notes(styles, width, count)]
            if first + per_page < len(weeks):
                out.append(PageBreak())
            continue
        notes = _notes(styles, width, 1)
        fixed = sum(_height(f, width, height) for f in [*page, *notes]) + 3 * mm
        table = _fitted_log_table(phase, chunk, styles, width, height - fixed, first_day=first_day)
        gap = s.body * 0.8  # sets the notes apart from the table's last row, where room allows
        if _height(table, width, height) + fixed + gap <= height:
            # the page's spare room ruled for notes (one line left half a page empty)
            spare = height - _height(table, width, height) - fixed - gap
            line = note_line_gap(styles)
            count = max(1, min(8, 1 + int(spare // line) - 1))
            notes[-1] = _lines(styles, width, count, line)
            out += [*page, table, KeepTogether([Spacer(1, gap), *notes])]
        elif _height(table, width, height) + fixed <= height:
            out += [*page, table, KeepTogether(notes)]
        elif len(blocks) > 2:
            # Too long for one page even with lower rows: the rows are shared out evenly over
            # as few pages as hold them (each part under the table's heading again), so no
            # page carries two stray rows (a 13-exercise log made a page of two rows, 85%
            # empty); the notes go with the last part.
            parts = _balanced_parts(
                phase, chunk, styles, width, height - fixed, height, first_day=first_day
            )
            out += page
            for index, part in enumerate(parts):
                table_part = _log_table(
                    phase, chunk, styles, width, blocks=part, first_day=first_day
                )
                if index == len(parts) - 1:
                    # the rest of the last part's page ruled for notes (it had one line)
                    label = _height(_notes_label(styles), width, height)
                    spare = height - _height(table_part, width, height) - gap - label - 3 * mm
                    if index == 0:
                        spare -= fixed
                    line = note_line_gap(styles)
                    count = max(1, min(8, int(spare // line)))
                    last_notes = _notes(styles, width, count)
                    out.append(KeepTogether([table_part, Spacer(1, gap), *last_notes]))
                else:
                    out += [table_part, PageBreak()]
        else:
            out += [*page, KeepTogether([table, *notes])]
        if first + per_page < len(weeks):
            out.append(PageBreak())
    return out


def _sheet_head(span: str, styles: Styles) -> list[Flowable]:
    return [
        literal(f"Your exercise log, {span}", styles.group),
        literal(
            "Tick a box each day you do the exercise; a dark grey box is a rest day for it. "
            "At the end of the week write how hard it felt and any pain (0 = none, 10 = the "
            "most). Bring this sheet to your next visit.",
            styles.body,
        ),
    ]


def _notes_label(styles: Styles) -> Flowable:
    return literal("Notes for your therapist:", styles.body_bold)


def note_line_gap(styles: Styles) -> float:
    """Between two ruled note lines: room for an older hand's writing (at least 9 mm)."""
    return max(styles.scale.body * 1.6, 9 * mm)


def _notes(styles: Styles, width: float, count: int) -> list[Flowable]:
    return [_notes_label(styles), _lines(styles, width, count, note_line_gap(styles))]


def weeks_across(styles: Styles, width: float) -> int:
    """How many weeks fit side by side in ``width`` (at least one): 1 on a portrait page."""
    return max(1, min(2, int((width - MIN_NAME) // week_width(styles))))


def week_width(styles: Styles) -> float:
    """A week's columns: seven tick boxes, "How hard" and "Pain"."""
    box = styles.scale.tick_box
    return 7 * box + 2 * _score_width(styles)


def _score_width(styles: Styles) -> float:
    """ "How hard" and "Pain": room for a number written by hand (large print: a little
    narrower, for the names' column, which 18 pt type needs)."""
    box = styles.scale.tick_box
    return box * (1.5 if styles.scale.large else 2)


def _stacked_fit(
    phase: PhaseSection, weeks: list[int], styles: Styles, width: float, height: float
) -> bool:
    """Whether two weeks' tables (rows as tall as a tick box), one under the other, fit on a
    page with the sheet's heading and at least two lines of notes."""
    across = weeks_across(styles, width)
    flowables: list[Flowable] = [
        *_sheet_head("weeks 1 to 2", styles),
        _log_table(phase, weeks[:across], styles, width),
        Spacer(1, styles.scale.body * 0.8),
        _log_table(phase, weeks[across : 2 * across], styles, width),
        Spacer(1, styles.scale.body * 0.8),
        *_notes(styles, width, 2),
    ]
    return sum(_height(f, width, height) for f in flowables) + 3 * mm <= height


def _balanced_parts(
    phase: PhaseSection,
    weeks: list[int],
    styles: Styles,
    width: float,
    first_room: float,
    page_room: float,
    *,
    first_day: date | None = None,
) -> list[Sequence[ExerciseBlock]]:
    """The exercises split into the fewest near-equal runs whose tables fit their pages (the
    first under the sheet's heading, the last with room left for the notes)."""
    blocks = list(phase.blocks)
    notes_room = styles.scale.body * 4
    for count in range(2, len(blocks) + 1):
        size, extra = divmod(len(blocks), count)
        parts: list[Sequence[ExerciseBlock]] = []
        start = 0
        for index in range(count):
            end = start + size + (1 if index < extra else 0)
            parts.append(blocks[start:end])
            start = end
        rooms = [first_room] + [page_room] * (count - 1)
        rooms[-1] -= notes_room
        if all(
            _height(
                _log_table(phase, weeks, styles, width, blocks=part, first_day=first_day),
                width,
                room,
            )
            <= room
            for part, room in zip(parts, rooms, strict=True)
        ):
            return parts
    return [blocks]


def _fitted_log_table(
    phase: PhaseSection,
    weeks: list[int],
    styles: Styles,
    width: float,
    room: float,
    *,
    first_day: date | None = None,
) -> Table:
    """The log table with rows as tall as a tick box, or a little lower (never under 7 mm)
    when that keeps the notes on the page. Rows a long name made taller cannot give way, so
    the row height is found by halving, not by dividing the overflow among all rows."""
    table = _log_table(phase, weeks, styles, width, first_day=first_day)
    if _height(table, width, room) <= room:
        return table
    low, high = 7 * mm, styles.scale.tick_box
    best = _log_table(phase, weeks, styles, width, row_height=low, first_day=first_day)
    if _height(best, width, room) > room:
        return best  # even 7 mm rows do not leave room: the notes go over the page
    for _ in range(6):
        middle = (low + high) / 2
        candidate = _log_table(phase, weeks, styles, width, row_height=middle, first_day=first_day)
        if _height(candidate, width, room) <= room:
            low, best = middle, candidate
        else:
            high = middle
    return best


def _height(flowable: Flowable, width: float, height: float) -> float:
    _w, h = flowable.wrap(width, height)
    return float(h + flowable.getSpaceBefore() + flowable.getSpaceAfter())


def _log_table(
    phase: PhaseSection,
    weeks: list[int],
    styles: Styles,
    width: float,
    row_height: float | None = None,
    blocks: Sequence[ExerciseBlock] | None = None,
    *,
    first_day: date | None = None,
) -> Table:
    """The table with its two heading rows and a row for each of ``blocks`` (default: all
    the phase's exercises). The days an exercise is not scheduled are shaded, so a 2-day
    exercise shows two boxes to tick, not seven; with ``first_day`` (week 1's first day) each
    week's heading gives its dates."""
    s = styles.scale
    box = s.tick_box
    row_height = row_height or box
    score_w = _score_width(styles)
    per_week = week_width(styles)
    name_w = max(width - per_week * len(weeks), MIN_NAME)
    head1: list[object] = [Paragraph("Exercise", styles.table_bold)]
    head2: list[object] = [""]
    spans: list[tuple[str, tuple[int, int], tuple[int, int]]] = []
    col = 1
    for week in weeks:
        head1 += [Paragraph(_week_heading(week, first_day), styles.cell_center)] + [""] * 8
        spans.append(("SPAN", (col, 0), (col + 8, 0)))
        head2 += [Paragraph(label, styles.cell_center) for label in _day_labels(week, first_day)]
        head2 += [
            Paragraph("How hard 0-10", styles.cell_center),
            Paragraph("Pain 0-10", styles.cell_center),
        ]
        col += 9
    rows: list[list[object]] = [head1, head2]
    heights: list[float | None] = [None, None]
    shown = list(phase.blocks if blocks is None else blocks)
    for block in shown:
        label = Paragraph(f"{block.number}. {escape(block.name)}", styles.cell)
        _w, h = label.wrap(name_w - 12, 1000)
        heights.append(max(row_height, h + 5))  # a long name makes its row taller
        rows.append([label, *[""] * (9 * len(weeks))])
    widths = [name_w] + ([box] * 7 + [score_w, score_w]) * len(weeks)
    table = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=2)
    style: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.8, BLACK),
        ("BACKGROUND", (0, 0), (-1, 1), LIGHT_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (1, 0), (-1, -1), 1),
        ("RIGHTPADDING", (1, 0), (-1, -1), 1),
        *spans,
    ]
    col = 1
    for _ in weeks:  # a heavy line between weeks helps the eye find the right column
        style.append(("LINEBEFORE", (col, 0), (col, -1), 2.5, BLACK))
        style.append(("BACKGROUND", (col + 7, 2), (col + 8, -1), LIGHT_GREY))
        for row, block in enumerate(shown, start=2):  # not this day: nothing to tick
            days = _scheduled(phase, block)
            for column, weekday in enumerate(_column_weekdays(first_day)):
                if weekday not in days:
                    cell = (col + column, row)
                    style.append(("BACKGROUND", cell, cell, REST_DAY))
        col += 9
    table.setStyle(styles.table_style(style))
    return table


def weeks_to_log(phase: PhaseSection, week_one: date | None, printed_on: date | None) -> list[int]:
    """The phase's weeks from the one the handout is printed in: a reprint in week 3 gave
    the client sheets for weeks 1 and 2, already over. All of them when the dates are not
    known, or when the whole phase is over (an old version printed again)."""
    weeks = list(phase.weeks)
    if week_one is None or printed_on is None:
        return weeks
    current = [w for w in weeks if week_one + timedelta(weeks=w, days=-1) >= printed_on]
    return current or weeks


def _column_weekdays(first_day: date | None) -> list[int]:
    """The weekday (0 = Monday) of each of a week's seven columns: a program whose week 1
    starts on a Wednesday has weeks from Wednesday to Tuesday, and its columns say so (Mon
    to Sun over "2-8 Sep" put every tick under the wrong day)."""
    start = 0 if first_day is None else first_day.weekday()
    return [(start + k) % 7 for k in range(7)]


def _day_labels(week: int, first_day: date | None) -> list[str]:
    """Each column's day name, and its date when the dates are known ("Wed<br/>2")."""
    if first_day is None:
        return list(WEEKDAYS)
    first = first_day + timedelta(weeks=week - 1)
    return [
        f"{WEEKDAYS[(first + timedelta(days=k)).weekday()]}<br/>{(first + timedelta(days=k)).day}"
        for k in range(7)
    ]


def _scheduled(phase: PhaseSection, block: ExerciseBlock) -> tuple[int, ...]:
    """The weekdays (0 = Monday) the exercise is done: the days "Your week" gives its kind,
    the first of them when it is done on fewer days."""
    for row in phase.week:
        if row.category == block.category and row.days:
            return tuple(row.days[: block.days_per_week])
    return suggested_days(block.days_per_week)


def _week_heading(week: int, start: date | None) -> str:
    """ "Week 9" or "Week 9: 2-8 Mar" (the dates a client can match with a calendar)."""
    if start is None:
        return f"Week {week}"
    first = start + timedelta(weeks=week - 1)
    last = first + timedelta(days=6)
    if first.month == last.month:
        return f"Week {week}: {first.day}-{last.day} {last:%b}"
    return f"Week {week}: {first.day} {first:%b}-{last.day} {last:%b}"


def _lines(styles: Styles, width: float, count: int, gap: float) -> Flowable:
    table = Table([[""]] * count, colWidths=[width], rowHeights=[gap] * count)
    table.setStyle(styles.table_style([("LINEBELOW", (0, 0), (-1, -1), 0.8, BLACK)]))
    return table
