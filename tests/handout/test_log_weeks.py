"""The log sheet's weeks are the program's weeks on the calendar: a later phase's weeks carry
their own dates (week 5 was dated as if it began on the phase's first day plus four weeks),
and a handout printed in week 3 gives sheets from week 3 (not weeks already over)."""

from __future__ import annotations

import datetime as dt

from bonecoach.handout.build import build_handout_document
from bonecoach.handout.log_sheet import weeks_to_log
from bonecoach.program.library import Library
from bonecoach.program.programs import Phase

from .conftest import CLINIC, THERAPIST, collapse, make_program, pdf_text

MONDAY = dt.date(2026, 3, 2)


def _two_phases(library: Library) -> object:
    one = make_program(library, ("sit_to_stand", "wall_push_up", "tandem_stand"))
    items = one.phases[0].items
    return one.model_copy(
        update={
            "phases": (
                Phase(name="Getting started", start_week=1, end_week=4, items=items),
                Phase(name="Building up", start_week=5, end_week=8, items=items),
            ),
            "start_date": MONDAY,
        }
    )


def _document(library: Library, today: dt.date, phase: object = "current") -> object:
    return build_handout_document(
        "Ann Lee", _two_phases(library), library, therapist=THERAPIST, clinic=CLINIC,
        today=today, phases=phase,  # type: ignore[arg-type]
    )  # fmt: skip


def test_a_later_phase_logs_its_weeks_on_their_own_dates(library: Library) -> None:
    doc = _document(library, MONDAY + dt.timedelta(weeks=4))  # the first day of week 5
    assert doc.week_one == MONDAY  # type: ignore[attr-defined]
    text = collapse(pdf_text(doc))
    assert "Week 5: 30 Mar-5 Apr" in text, text[-1500:]
    assert "Week 5: 27 Apr" not in text


def test_a_handout_printed_in_week_3_logs_from_week_3(library: Library) -> None:
    doc = _document(library, MONDAY + dt.timedelta(weeks=2, days=3))  # Thursday of week 3
    [phase] = doc.phases  # type: ignore[attr-defined]
    assert weeks_to_log(phase, MONDAY, doc.printed_on) == [3, 4]  # type: ignore[attr-defined]
    text = collapse(pdf_text(doc))
    assert "Week 3: 16-22 Mar" in text and "Week 4: 23-29 Mar" in text
    assert "Week 1: 2-8 Mar" not in text and "Week 2: 9-15 Mar" not in text
    # before the start, or a phase wholly over (an old version printed again): every week
    assert weeks_to_log(phase, MONDAY, MONDAY - dt.timedelta(days=5)) == [1, 2, 3, 4]
    assert weeks_to_log(phase, MONDAY, MONDAY + dt.timedelta(weeks=30)) == [1, 2, 3, 4]
    assert weeks_to_log(phase, None, MONDAY) == [1, 2, 3, 4]


def test_every_print_size_says_what_the_order_and_the_shaded_band_mean() -> None:
    """Large print left out "Do them in this order. The shaded band tells you how much to
    do." (the reader was never told what the grey band is)."""
    import dataclasses

    from bonecoach.app.demo_handout import demo_handout

    for client in ("Chen", "Okafor", "Novak"):
        for large in (False, True):
            doc = demo_handout(client=client)
            doc = dataclasses.replace(
                doc, options=dataclasses.replace(doc.options, large_print=large)
            )
            text = collapse(pdf_text(doc))
            assert "shaded band" in text and "how much to do" in text, (client, large)


def test_a_posture_only_program_is_not_promised_strength_or_balance() -> None:
    """Helen Novak's program is posture and back-extensor work only: she was told she
    would feel "stronger and steadier" thanks to "better balance"."""
    from bonecoach.app.demo_handout import demo_handout

    helen = collapse(pdf_text(demo_handout(client="Novak")))
    assert "steadier" not in helen and "better balance" not in helen
    assert "Strong back muscles and an upright posture" in helen
    assert "Sitting and standing tall should feel easier within 4 to 8 weeks" in helen
    margaret = collapse(pdf_text(demo_handout(client="Chen")))
    assert "You should feel stronger and steadier within 4 to 8 weeks" in margaret
    assert "better balance mean fewer falls" in margaret


def test_a_week_split_over_two_pages_still_gets_ruled_lines_for_notes() -> None:
    """Large print shares a week's rows over two pages: the last had one note line, and
    the lines were 6.8 mm apart in standard print (tight for an older hand)."""
    import dataclasses

    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Table

    from bonecoach.app.demo_handout import demo_handout
    from bonecoach.handout.log_sheet import log_sheets, note_line_gap
    from bonecoach.handout.styles import LARGE, STANDARD, Styles

    assert note_line_gap(Styles(STANDARD)) >= 9 * mm
    assert note_line_gap(Styles(LARGE)) >= 9 * mm
    doc = demo_handout(client="Chen")
    doc = dataclasses.replace(doc, options=dataclasses.replace(doc.options, large_print=True))
    flowables = log_sheets(doc, doc.phases[0], Styles(LARGE), 178 * mm, 230 * mm)
    ruled = [
        f._content[-1]
        for f in flowables
        if isinstance(f, KeepTogether) and isinstance(f._content[-1], Table)
    ]
    assert ruled, "no notes under a week's last part"
    assert all(len(t._cellvalues) >= 3 for t in ruled), [len(t._cellvalues) for t in ruled]
