"""Dosage in the plain words a client reads: "2 sets of 10 - rest 1 minute - 3 days a week".

Domain words, not PDF layout: the program editor shows the same words the handout prints.
Works with the program's ``Dosage`` and with the library's ``DefaultDosage``: optional fields
(load_kg, band_colour) are read with ``getattr``.
"""

from __future__ import annotations

from typing import Any, Protocol

SEPARATOR = " - "

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Which weekdays (0 = Monday) to suggest for n days a week: spread out, rest days between
# strength days where possible (TFTF15: resistance on non-consecutive days).
_SPREAD: dict[int, tuple[int, ...]] = {
    1: (0,),
    2: (0, 3),
    3: (0, 2, 4),
    4: (0, 1, 3, 4),
    5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 5),
    7: (0, 1, 2, 3, 4, 5, 6),
}


class DosageLike(Protocol):
    """What the wording reads from a dose (read-only: the domain's Dosage is frozen)."""

    @property
    def sets(self) -> int: ...
    @property
    def reps(self) -> int | None: ...
    @property
    def hold_seconds(self) -> int | None: ...
    @property
    def minutes(self) -> int | None: ...
    @property
    def rest_seconds(self) -> int: ...
    @property
    def days_per_week(self) -> int: ...
    @property
    def effort(self) -> int: ...


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def duration_text(seconds: int) -> str:
    """30 -> "30 seconds", 60 -> "1 minute", 90 -> "1 and a half minutes",
    150 -> "2 minutes 30 seconds"."""
    if seconds < 60:
        return _plural(seconds, "second")
    minutes, rest = divmod(seconds, 60)
    if rest == 0:
        return _plural(minutes, "minute")
    if rest == 30:
        return f"{minutes} and a half minutes"
    return f"{_plural(minutes, 'minute')} {_plural(rest, 'second')}"


def days_text(days_per_week: int) -> str:
    """7 -> "every day", 1 -> "1 day a week", 3 -> "3 days a week"."""
    if days_per_week >= 7:
        return "every day"
    return f"{_plural(days_per_week, 'day')} a week"


SIDES = {"each_side": "each side", "in_total": "in total"}


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def _single_set(reps: int, sides: str | None) -> str:
    """One set of repetitions in the words of a task done a few times: "3 times", "8 times
    each side", "2 times, once each side" ("1 set of 2" read like gym jargon beside putting
    on socks and shoes, #16 review)."""
    if sides == "each_side":
        return f"{_times(reps)} each side"
    if sides == "in_total":
        if reps % 2 == 0:
            half = reps // 2
            return f"{_times(reps)}, {'once' if half == 1 else half} each side"
        return f"{_times(reps)} in total"
    return _times(reps)


def amount_text(dosage: DosageLike, sides: str | None = None) -> str:
    """The work of one session: "2 sets of 10", "8 times", "hold 10 seconds, 3 times",
    "20 minutes"; ``sides`` (a one-sided exercise's Sides value) adds "each side" or "in
    total" (one set of an even count in total says how many on each side)."""
    sets = dosage.sets
    side_value = str(sides) if sides is not None else None
    if dosage.reps is not None and sets == 1:
        return _single_set(dosage.reps, side_value)
    if dosage.reps is not None:
        text = f"{_plural(sets, 'set')} of {dosage.reps}"
    elif dosage.hold_seconds is not None:
        hold = f"hold {duration_text(dosage.hold_seconds)}"
        text = hold if sets == 1 else f"{hold}, {sets} times"
    elif dosage.minutes is not None:
        length = _plural(dosage.minutes, "minute")
        text = length if sets == 1 else f"{length}, {sets} times"
    else:
        raise ValueError("dosage: give one of reps, hold_seconds or minutes")
    side = SIDES.get(side_value) if side_value is not None else None
    return f"{text} {side}" if side else text


def load_text(dosage: Any) -> str | None:
    """The prescribed resistance: "with 2 kg", "with the red band"; None for body weight."""
    load_kg = getattr(dosage, "load_kg", None)
    band = getattr(dosage, "band_colour", None)
    if load_kg:
        kg = f"{load_kg:g}" if isinstance(load_kg, float) else str(load_kg)
        return f"with {kg} kg"
    if band:
        return f"with the {str(band).strip().lower()} band"
    return None


def dosage_text(dosage: DosageLike, *, separator: str = SEPARATOR, sides: str | None = None) -> str:
    """The dosage line: "2 sets of 10 with 2 kg - rest 1 minute - 3 days a week";
    "2 sets of 8 each side ..." for one-sided work (``sides``)."""
    amount = amount_text(dosage, sides)
    load = load_text(dosage)
    parts = [f"{amount} {load}" if load else amount]
    if dosage.rest_seconds > 0 and dosage.sets > 1:  # rest is between sets
        parts.append(f"rest {duration_text(dosage.rest_seconds)}")
    parts.append(days_text(dosage.days_per_week))
    text = separator.join(parts)
    return text[0].upper() + text[1:]


def load_hint(
    dosage: DosageLike, *, uses_band: bool = False, uses_weight: bool = False
) -> str | None:
    """How heavy to go, only where the dose does not say it: weighted or band work with no
    load or band prescribed. Worded to match the effort asked ("could do 4-5 more"): a
    "weight you can lift only 10-12 times" beside "2 sets of 10 with 1 kg" and "How hard: 5
    out of 10" gave the client three answers (#16). None for body-weight work, holds, timed
    work, and wherever a load or band is prescribed.
    """
    if dosage.reps is None:
        return None
    if getattr(dosage, "band_colour", None) or getattr(dosage, "load_kg", None):
        return None  # the dose line names it
    if not (uses_band or uses_weight):
        return None
    spare = max(1, 10 - dosage.effort)  # effort 10: nothing left; 5: about 5 more
    more = f"{spare - 1}-{spare}" if spare > 1 else "1"
    thing, verb = ("band", "pull") if uses_band else ("weight", "lift")
    when = "at the end of each set" if dosage.sets > 1 else "at the end"
    return f"Choose a {thing} you could {verb} {more} more times {when}"


_EFFORT_WORDS = (
    (2, "very easy"),
    (4, "easy"),
    (6, "moderate"),
    (8, "hard"),
    (10, "very hard"),
)


def effort_text(effort: int) -> str:
    """ "How hard: 6 out of 10 (moderate)"."""
    if not 0 <= effort <= 10:
        raise ValueError(f"effort: must be 0 to 10, got {effort}")
    words = next(w for limit, w in _EFFORT_WORDS if effort <= limit)
    return f"How hard: {effort} out of 10 ({words})"


def suggested_days(days_per_week: int) -> tuple[int, ...]:
    """Weekday indexes (0 = Monday) to do something ``days_per_week`` times a week."""
    return _SPREAD[max(1, min(7, days_per_week))]
