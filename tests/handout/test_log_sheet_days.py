"""The log sheet a pen can use (#16, point 13): a 2- or 3-day exercise shows only its days
to tick (the rest shaded as rest days), and each week's heading gives its dates."""

from __future__ import annotations

import datetime as dt

from bonecoach.app.demo_handout import demo_handout
from bonecoach.handout.log_sheet import _scheduled, _week_heading

from .conftest import collapse, pdf_text


def test_each_exercise_is_ticked_on_the_days_your_week_gives_its_kind() -> None:
    doc = demo_handout(client="Chen")
    phase = doc.phases[0]
    for block in phase.blocks:
        days = _scheduled(phase, block)
        assert len(days) == min(7, block.days_per_week), block.name
        row = next(r for r in phase.week if r.category == block.category)
        assert set(days) <= set(row.days)  # never a day "Your week" does not give it
    three = next(b for b in phase.blocks if b.days_per_week == 3)
    assert len(_scheduled(phase, three)) == 3


def test_the_weeks_carry_their_dates_and_the_instructions_say_what_grey_means() -> None:
    assert _week_heading(1, dt.date(2026, 8, 31)) == "Week 1: 31 Aug-6 Sep"
    assert _week_heading(2, dt.date(2026, 8, 31)) == "Week 2: 7-13 Sep"
    assert _week_heading(9, None) == "Week 9"
    text = pdf_text(demo_handout(client="Chen"))
    assert "Week 1: 31 Aug-6 Sep" in text and "dark grey box is a rest day" in text


def test_a_week_starting_on_a_wednesday_has_its_columns_from_wednesday() -> None:
    """Susan Patel's program starts on Wednesday 2 September: her log's columns ran Mon to
    Sun over "2-8 Sep", so every tick went under the wrong day."""
    from bonecoach.handout.log_sheet import _column_weekdays, _day_labels

    wednesday = dt.date(2026, 9, 2)
    assert _day_labels(1, wednesday) == [
        "Wed<br/>2", "Thu<br/>3", "Fri<br/>4", "Sat<br/>5", "Sun<br/>6", "Mon<br/>7", "Tue<br/>8",
    ]  # fmt: skip
    assert _day_labels(2, wednesday)[0] == "Wed<br/>9"
    assert _column_weekdays(wednesday) == [2, 3, 4, 5, 6, 0, 1]
    doc = demo_handout(client="Patel")
    assert doc.start_date is not None and doc.start_date.weekday() == 2
    text = collapse(pdf_text(doc))
    assert "Week 1: 2-8 Sep" in text
    log = text[text.index("Week 1: 2-8 Sep") :]
    assert log.index("Wed 2") < log.index("Thu 3") < log.index("Tue 8"), log[:400]
