"""The pages around the exercises: first page, "Stop and call", safe moves, bones."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Spacer,
    Table,
)

from bonecoach.handout.model import HandoutDocument, PhaseSection, SafeMove
from bonecoach.handout.pictures import PictureCache
from bonecoach.handout.styles import BAND_GREY, BLACK, LIGHT_GREY, Paragraph, Styles, literal
from bonecoach.program.dosage_words import WEEKDAYS

# The words beside a safe move's picture need this much width.
MOVE_TEXT_WIDTH = 70 * mm

# Red flags of clinical-guidance.md §5 [IOF, general exercise-safety guidance], in plain words.
RED_FLAGS = (
    "New or sudden back pain with no clear cause, a new stoop, or getting shorter",
    "Sharp pain in a bone, or pain in one spot that does not go away",
    "Pain or pressure in your chest, jaw or arm",
    "Very short of breath, dizzy, a cold sweat, or a racing or uneven heartbeat",
    "Sudden weakness or numbness",
    "New weakness or numbness in your legs, or you cannot control your bladder or bowel",
)
# a fall is news for the therapist even when nothing hurts: the program may need to change
AFTER_A_FALL = "After any fall, even without an injury, tell your therapist before you go on."
EMERGENCY = (
    "Chest pain or pressure, sudden weakness or numbness, or losing control of your bladder "
    "or bowel: call emergency services now."
)


def emergency_line(number: str) -> str:
    """The emergency rule, naming the number when the clinic has set it (#16)."""
    if not number.strip():
        return EMERGENCY
    return EMERGENCY.replace(
        "call emergency services", f"call {number.strip()} (emergency services)"
    )


PAIN_RULE = "Pain is a signal to stop. Muscle tiredness is expected."
WHY = (
    "Why these exercises? Stronger muscles and bones and better balance mean fewer falls "
    "and fewer broken bones. Strength and balance improve within a few weeks; bone takes a "
    "year or more."
)
# a program of posture and back-extensor work only promises what that work does
WHY_POSTURE = (
    "Why these exercises? Strong back muscles and an upright posture take strain off your "
    "spine and lower the risk of a break in the bones of your back. Back muscles get "
    "stronger within a few weeks."
)

# clinical-guidance.md §6 lifestyle [BHOF, SSS, TFTF14]
BONE_CARE = (
    (
        "Calcium",
        "Eat calcium-rich foods every day: milk, yogurt, cheese, fortified plant milks, "
        "canned fish eaten with its soft bones (sardines, salmon), green vegetables. Ask "
        "your doctor whether you need a supplement.",
    ),
    (
        "Vitamin D",
        "Vitamin D helps your body use calcium. Spend a little time outdoors in daylight and "
        "ask your doctor whether you should take vitamin D tablets, especially in winter.",
    ),
    ("No smoking", "Smoking weakens bones. It is never too late to stop; ask for help."),
    (
        "Limit alcohol",
        "Keep alcohol low: more than 2 drinks a day weakens bones and makes falls more likely.",
    ),
    (
        "Protein",
        "Eat some protein at every meal (fish, eggs, dairy, beans, meat): muscles need it to "
        "get stronger, and strong muscles protect your bones.",
    ),
    (
        "Your bone medicine",
        "If your doctor prescribed medicine for your bones, keep taking it as prescribed: "
        "exercise works with it, not instead of it.",
    ),
    (
        "A safer home",
        "Take up loose rugs, keep floors clear, light the way to the bathroom at night, and "
        "keep what you use often within easy reach, between waist and shoulder height.",
    ),
    (
        "Coughing, sneezing and reaching",
        "Sit or stand tall when you cough or sneeze, with a hand on your back or a table for "
        "support; bend at the hips and knees, not the back, to reach low; never twist to "
        "reach behind you.",
    ),
    (
        "What to expect, and when",
        "{you_should_feel} Bone changes slowly: a "
        "bone density scan shows a change only after a year or more, so keep going. Walking "
        "is good for you, but it does not replace {your_exercises}.",
    ),
)

# Large print has no room above its one-exercise pages for "Your exercises" and this line,
# so it opens the "how hard" paragraph on page 1 instead (it was missing altogether).
IN_ORDER = "Do the exercises in the order they are numbered; the shaded band under each name "
IN_ORDER += "tells you how much to do. "
EFFORT_SCALE = (
    "How hard, 0 to 10: 0 is no effort at all and 10 the hardest you could possibly work. "
    "5 out of 10 feels moderate: you could do about 5 more."
)
DAY_PAD = 3  # points each side of a day's word in the week table

# where the clinic phone is not set: a line the therapist fills in by hand
WRITE_IN = "_______________"


def _date(d: object) -> str:
    if d is None:
        return ""
    return f"{d.day} {d:%B %Y}"  # type: ignore[attr-defined]


def stop_and_call(doc: HandoutDocument, styles: Styles, width: float) -> Flowable:
    """The red flags, boxed with a heavy border and a black STOP label: no colour needed."""
    s = styles.scale
    # as wide as the word needs in this font (DejaVu is wider: "STO/P" otherwise) + padding
    label_w = max(s.stop_label * 3.4, stringWidth("STOP", styles.family.bold, s.stop_label) + 20)
    # no number set: a line to write it in, never a "call your therapist" with no number
    phone = doc.clinic.phone or f"your therapist on {WRITE_IN}"
    intro = f"Stop exercising and call {phone} or your doctor if you have:"
    text: list[Flowable] = [Paragraph(escape(intro), styles.body_bold)]
    text += [Paragraph(escape(flag), styles.step, bulletText="•") for flag in RED_FLAGS]
    text.append(Spacer(1, s.body * 0.3))
    text.append(Paragraph(escape(emergency_line(doc.clinic.emergency)), styles.body_bold))
    text.append(Paragraph(escape(AFTER_A_FALL), styles.body_bold))
    text.append(Paragraph(escape(PAIN_RULE), styles.body_bold))
    padding = 8
    # the words no wider than body lines may run: the box ends where they do
    words_w = min(width - label_w, styles.measure + 2 * padding)
    box = Table(
        [[Paragraph("STOP", styles.stop_label), text]],
        colWidths=[label_w, words_w],
        hAlign="LEFT",
    )
    box.setStyle(
        styles.table_style(
            [
                ("BOX", (0, 0), (-1, -1), 3, BLACK),
                ("BACKGROUND", (0, 0), (0, 0), BLACK),
                ("VALIGN", (0, 0), (0, 0), "MIDDLE"),
                ("VALIGN", (1, 0), (1, 0), "TOP"),
                ("ALIGN", (0, 0), (0, 0), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return KeepTogether([box])


def week_table(phase: PhaseSection, styles: Styles, width: float) -> Flowable | None:
    """ "Your week": days across, one row per kind of exercise, shaded where there is work."""
    if not phase.week:
        return None
    # Day columns as wide as their widest word (Wed, Yes) in this print size plus a little
    # padding, never narrower: a fixed 60% split broke "Mon" into "Mo/n" in large print.
    # The label column takes the rest (it wraps between words).
    font, size = styles.family.bold, styles.cell_mark.fontSize
    word_w = max(stringWidth(word, font, size) for word in (*WEEKDAYS, "Yes"))
    day_w = max((width * 0.6) / 7, word_w + 2 * DAY_PAD + 2)
    label_w = width - 7 * day_w
    head: list[object] = [
        Paragraph("What to do", styles.cell_bold),
        *(Paragraph(d, styles.cell_mark) for d in WEEKDAYS),
    ]
    rows: list[list[object]] = [head]
    shade: list[tuple[str, tuple[int, int], tuple[int, int], object]] = []
    for r, row in enumerate(phase.week, start=1):
        label = f"<b>{escape(row.label)}</b>"
        if row.detail:
            label += f": {escape(row.detail)}"
        cells: list[object] = [Paragraph(label, styles.cell)]
        for day in range(7):
            if day in row.days:
                cells.append(Paragraph("Yes", styles.cell_mark))
                shade.append(("BACKGROUND", (day + 1, r), (day + 1, r), BAND_GREY))
            else:
                cells.append("")
        rows.append(cells)
    table = Table(rows, colWidths=[label_w] + [day_w] * 7, repeatRows=1)
    table.setStyle(
        styles.table_style(
            [
                ("GRID", (0, 0), (-1, -1), 0.8, BLACK),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT_GREY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (1, 0), (-1, -1), DAY_PAD),
                ("RIGHTPADDING", (1, 0), (-1, -1), DAY_PAD),
                *shade,
            ]
        )
    )
    return table


def first_page(doc: HandoutDocument, styles: Styles, width: float) -> list[Flowable]:
    """Title and the facts: who it is for, who made it, when to start and review.

    Standard print sets the facts in two pairs of columns (who on the left, when on the
    right, the clinic across under them): three lines less on page 1, which then has room
    for "Your week" and the STOP box in type the RNIB's way. Large print keeps one column.
    """
    out: list[Flowable] = [literal(doc.program_name, styles.title)]
    who: list[tuple[str, str]] = [("For", doc.client_name)]
    who.append(("Your\u00a0therapist", doc.therapist.signature))
    # a line of its own: a phone number never wraps in two; none set: a line to write it in
    who.append(("Phone", doc.clinic.phone or WRITE_IN))
    when: list[tuple[str, str]] = []
    if doc.start_date:
        when.append(("Start on", _date(doc.start_date)))
    if doc.review_date:
        when.append(("Review on", _date(doc.review_date)))
    if doc.next_appointment:
        when.append(("Next appointment", doc.next_appointment))
    clinic = ", ".join(x for x in (doc.clinic.name, doc.clinic.address) if x)
    below = [("Clinic", clinic)] if clinic else []

    def cells(pair: tuple[str, str] | None) -> list[object]:
        if pair is None:
            return ["", ""]
        key, value = pair
        return [
            Paragraph(escape(key), styles.body_bold),
            Paragraph(escape(value), styles.body_tight),
        ]

    spans: list[tuple[object, ...]] = []
    if styles.scale.large or not when:
        label_w = width * 0.3
        rows = [cells(pair) for pair in [who[0], who[1], *below, who[2], *when]]
        widths = [label_w, width - label_w]
    else:
        # the widest right-hand label ("Next appointment") sets its column
        right_label = max(stringWidth(k, styles.family.bold, styles.scale.body) for k, _ in when)
        widths = [width * 0.17, width * 0.43, right_label + 6, 0.0]
        widths[3] = width - sum(widths)
        rows = []
        for i in range(max(len(who), len(when))):
            left = who[i] if i < len(who) else None
            right = when[i] if i < len(when) else None
            rows.append(cells(left) + cells(right))
        for pair in below:  # the clinic's name and address across the page
            rows.append([*cells(pair), "", ""])
            spans.append(("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)))
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        styles.table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                *spans,
            ]
        )
    )
    return [*out, table, Spacer(1, styles.scale.body * 0.5)]


def clinic_only_notice(styles: Styles) -> Flowable:
    """The clinic sheet's warning: these exercises are never done at home."""
    from bonecoach.handout.blocks import Boxed

    return Boxed(
        [
            Paragraph("For supervised sessions in the clinic only", styles.section),
            literal(
                "These exercises are done only with your therapist. Do not do them at home. "
                "Your home exercises are on your home program.",
                styles.body_bold,
            ),
        ],
        border=3,
        padding=8,
    )


def why_and_whose(doc: HandoutDocument, styles: Styles) -> tuple[Flowable, Flowable, Flowable]:
    """Why these exercises, what "how hard" means, and that they were prescribed for this
    person only."""
    kinds = {b.category for phase in doc.phases for b in phase.blocks}
    return (
        literal(WHY if kinds & {"resistance", "balance", "impact"} else WHY_POSTURE, styles.body),
        # the scale is read on every exercise; it was explained only on the log sheet
        literal((IN_ORDER if doc.options.large_print else "") + EFFORT_SCALE, styles.body),
        literal(
            f"This program was made for you by {doc.therapist.name}. Please do not share it: "
            "exercises that are safe for you may not be safe for someone else.",
            styles.body,
        ),
    )


def safe_moves_page(
    moves: tuple[SafeMove, ...], styles: Styles, pictures: PictureCache, width: float
) -> list[Flowable]:
    """ "Moving safely every day": each everyday move with a picture as big as an
    exercise's (#16: the figures were too small to show the move)."""
    if not moves:
        return []
    out: list[Flowable] = [
        literal("Moving safely every day", styles.section),
        literal(
            "Protect your back all day long, not only when you exercise. Avoid bending "
            "forward with a rounded back and twisting, especially when you lift or carry.",
            styles.body,
        ),
    ]
    for move in moves:
        text = [Paragraph(escape(move.name), styles.name), literal(move.text, styles.body_tight)]
        row = _move_row(move, text, styles, pictures, width)
        gap = styles.scale.body
        rule = HRFlowable(
            width="100%", thickness=0.5, color=BLACK, spaceBefore=gap * 0.6, spaceAfter=gap * 0.8
        )
        out.append(KeepTogether([row, rule]))
    return out


def _move_row(
    move: SafeMove,
    text: list[Flowable],
    styles: Styles,
    pictures: PictureCache,
    width: float,
) -> Flowable:
    """The picture as tall as an exercise's, on the right of the words; a picture too wide
    for that (a few steps in a row), and every picture in large print, above the words,
    across up to the page's width. The words always start at the same left edge."""
    from bonecoach.handout.beside import PictureBeside, Stack
    from bonecoach.handout.blocks import GUTTER, MIN_SIDE_HEIGHT

    aspect = pictures.aspect(move.exercise_id)
    if aspect is None:  # (not a KeepTogether: one inside another forces a page break)
        return Stack(text)
    tall = styles.scale.move_picture_height
    pic_w = min(tall * aspect, width - GUTTER - MOVE_TEXT_WIDTH)
    above = styles.scale.large or pic_w / aspect < MIN_SIDE_HEIGHT
    if above:
        pic_w = min(width, tall * aspect)
    picture = pictures.flowable(move.exercise_id, pic_w)
    assert picture is not None
    gap = styles.scale.body * 0.4
    if above:
        name, *words = text
        return Stack([name, picture, Spacer(1, gap), *words])
    return PictureBeside(picture, text, gutter=GUTTER, gap_under=gap, overhang=1000)


def your_exercises(categories: set[str]) -> str:
    """The program's own work in words, for sentences that point back to it: a posture-only
    program was told about "your strength and balance exercises" (#16, point 14)."""
    named = [word for kind, word in (("resistance", "strength"), ("balance", "balance"))
             if kind in categories]  # fmt: skip
    if named:
        return f"your {' and '.join(named)} exercises"
    return "the exercises in this program"


def first_changes(categories: set[str] | None) -> str:
    """What the client should notice first, from what the program holds: a posture-only
    program was promised "stronger and steadier" and "better balance"."""
    kinds = categories if categories is not None else {"resistance", "balance"}
    felt = [word for kind, word in (("resistance", "stronger"), ("balance", "steadier"))
            if kind in kinds]  # fmt: skip
    if felt:
        return f"You should feel {' and '.join(felt)} within 4 to 8 weeks."
    return "Sitting and standing tall should feel easier within 4 to 8 weeks."


def bone_care_page(styles: Styles, categories: set[str] | None = None) -> list[Flowable]:
    """ "Looking after your bones": each topic kept whole, the heading with the first."""
    heading = literal("Looking after your bones", styles.section)
    words = your_exercises(categories if categories is not None else {"resistance", "balance"})
    out: list[Flowable] = []
    for title, text in BONE_CARE:
        text = text.replace("{your_exercises}", words).replace(
            "{you_should_feel}", first_changes(categories)
        )
        topic = [literal(title, styles.label), literal(text, styles.body)]
        out.append(KeepTogether([heading, *topic] if not out else topic))
    return out
