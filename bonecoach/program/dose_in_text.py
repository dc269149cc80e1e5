"""The prescribed dose is the one answer to "how many": numbers in an exercise's generic
steps and tips are fitted to it before they are printed.

The library's text is written for the default dose ("hold for 3 to 5 seconds", "take ten
steps"); a therapist's prescription may differ, and a client reading "Hold 8 seconds" in
the dose band and "hold for 3 to 5 seconds" in the steps cannot tell which to follow.
So, for the text printed beside a dose:

- a hold's seconds in the steps and tips become the prescribed hold ("hold for 8 seconds");
- a count of repetitions ("repeat 10 times") becomes the prescribed count: the repetitions
  of a counted exercise, the sets of a hold or a timed exercise;
- counts of steps, jumps or hops inside a timed or counted exercise are marked "about"
  (they describe the pattern, not the dose);
- a tempo ("lower over three seconds", "pause for two seconds at the top") in an exercise
  counted in repetitions is the movement's speed, not a dose, and is kept; so is a rhythm
  ("every two or three steps").

In an exercise measured in minutes the prescribed time is the whole of the work: a
warm-up or a cool-down is a part of it, worded without a number ("for the first few
minutes"), and that part is sized to the prescription ("the first minute or two" of a
10-minute ride, "the first few moments" of a 3-minute one); a number of minutes that is
not the prescribed time contradicts it (5 minutes to warm up in a 10-minute ride; "three
10-minute walks" beside "15 minutes"). A tip that offers to split the time into shorter
walks is printed only where the split still leaves bouts of 10 minutes or more and the
dose is not already in several bouts (clinical-guidance.md §4, TFTF15); a tip that says
"little and often" (or "short bouts") only where the dose is in several bouts. The steps
of timed work say to keep going for the time set (ten steps to the right and back take
seconds, not the prescribed 2 minutes), and where they describe a warm-up or a cool-down,
that it is part of the time set.

``conflicts`` names what would still contradict the dose in one text, ``steps_conflicts``
what the steps as a whole leave unsaid: tests/program/test_dose_in_text.py uses them over
the whole library at several prescriptions, and the handout tests over the shipped notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bonecoach.program.dosage import Dosage

_NUMBER = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty"
    r"|forty|fifty)"
)
_RANGE = rf"{_NUMBER}(?:\s*(?:to|-|–|or)\s*{_NUMBER})?"
# a word that may stand between a count and what it counts: "ten small steps"
_ADJECTIVE = r"(?:small|big|good|slow|quick|easy|short|long|full|gentle|brisk|careful)"
_SECONDS = re.compile(rf"\b(?P<n>{_RANGE})(?P<unit>\s+seconds?)\b", re.IGNORECASE)
_COUNTS = re.compile(
    rf"(?P<before>\b(?:about|around|roughly|up to|at least|every)\s+)?\b(?P<n>{_RANGE})"
    rf"(?P<unit>\s+(?:more\s+)?(?:{_ADJECTIVE}\s+)?(?:steps|jumps|hops)\b)",
    re.IGNORECASE,
)
# a count of repetitions is the dose itself ("repeat 10 times"), whatever qualifies it; a
# frequency ("three times a week") is not, nor is a relative count ("2 more times")
_DOSE_COUNTS = re.compile(
    rf"(?P<before>\b(?:about|around|roughly|up to|at least|every)\s+)?\b(?P<n>{_RANGE})"
    rf"(?P<unit>\s+(?:{_ADJECTIVE}\s+)?(?:reps|repetitions|times))\b"
    r"(?!\s+(?:a|per|each|every)\s+(?:day|week))",
    re.IGNORECASE,
)
# a number of minutes: "5 minutes", "about 5 minutes", "10-minute walks", "half an hour"
_MINUTES = re.compile(
    rf"(?P<before>\b(?:about|around|roughly|up to|at least|over|under)\s+)?"
    rf"\b(?P<n>{_RANGE})(?P<unit>(?:\s+|-)(?:minutes?|mins?))\b",
    re.IGNORECASE,
)
_HOURS = re.compile(r"\b(?P<n>half an|an|one|a quarter of an) hour\b", re.IGNORECASE)
_HOUR_MINUTES = {"half an": 30, "an": 60, "one": 60, "a quarter of an": 15}
# a part of the prescribed time, in words sized to it
_FEW_MINUTES = re.compile(r"\bfew minutes\b", re.IGNORECASE)
_MINUTE_OR_TWO = re.compile(
    r"(?P<add>\badd(?:ing)?\s+(?:a|another)\s+)?\bminute or two\b", re.IGNORECASE
)
_FEW_MINUTES_FROM = 15  # "the first few minutes" is a small part of 15 minutes or more
_MINUTE_OR_TWO_FROM = 5  # "the first minute or two" of 5 to 14 minutes; below, "moments"
# splitting the time: allowed only into bouts of 10 minutes or more (TFTF15, CDC)
_MAY_SPLIT = re.compile(r"\bcan be split\b|\bsplit (?:it|them|the time|up)\b", re.IGNORECASE)
_LITTLE_AND_OFTEN = re.compile(r"\blittle and often\b|\bshort bouts\b", re.IGNORECASE)
SHORTEST_BOUT_MINUTES = 10
# the steps of timed work: keep going for the prescribed time; a warm-up is part of it
_KEEP_GOING = re.compile(
    r"\b(?:keep|carry on|continue|repeat)\b[^.]*\bfor the time set\b", re.IGNORECASE
)
_WARM_UP_OR_COOL_DOWN = re.compile(
    r"\bwarm(?:s|ing)? up\b|\bcool(?:s|ing)? (?:down|off)\b|\bslow(?:s|ing)? down\b"
    r"|\bease off\b|\bfinish with\b",
    re.IGNORECASE,
)
_PART_OF_THE_TIME = re.compile(
    r"\bpart of the time set\b|\btime set,? which includes\b", re.IGNORECASE
)
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50,
}  # fmt: skip


def _values(text: str) -> list[int]:
    found = re.findall(_NUMBER, text, re.IGNORECASE)
    return [int(n) if n.isdigit() else _WORDS[n.lower()] for n in found]


def _prescribed_count(dose: Dosage) -> int:
    """What "N times" means beside this dose: the repetitions, else the sets."""
    return dose.reps if dose.reps is not None else dose.sets


def _minute_part(minutes: int) -> str:
    """A warm-up's or cool-down's share of ``minutes``, in words: "few minutes", "minute or
    two", "few moments"."""
    if minutes >= _FEW_MINUTES_FROM:
        return "few minutes"
    if minutes >= _MINUTE_OR_TWO_FROM:
        return "minute or two"
    return "few moments"


def fit_to_dose(text: str, dose: Dosage) -> str:
    """``text`` (a step or a tip) with its numbers fitted to ``dose`` (see the module)."""
    if dose.hold_seconds:
        hold = dose.hold_seconds
        text = _SECONDS.sub(lambda m: f"{hold}{' second' if hold == 1 else ' seconds'}", text)
    count = _prescribed_count(dose)

    def prescribed(match: re.Match[str]) -> str:
        if (match.group("before") or "").strip().lower() == "every":
            return match.group(0)  # a rhythm
        unit = match.group("unit")
        if count == 1 and unit.strip().lower() == "times":
            return "once"
        if count == 1:
            unit = unit.rstrip("s")
        return f"{count}{unit}"

    text = _DOSE_COUNTS.sub(prescribed, text)

    def about(match: re.Match[str]) -> str:
        if match.group("before"):
            return match.group(0)
        return f"about {match.group('n')}{match.group('unit')}"

    text = _COUNTS.sub(about, text)
    if dose.minutes:
        # "a few minutes" -> "a minute or two"; "the first few minutes" -> "the first few
        # moments"
        text = _FEW_MINUTES.sub(_minute_part(dose.minutes), text)
        if dose.minutes < _MINUTE_OR_TWO_FROM:
            text = _MINUTE_OR_TWO.sub(
                lambda m: m.group(0) if m.group("add") else "moment or two", text
            )
    elif dose.hold_seconds or dose.reps:
        text = _MINUTES.sub(about, text)
    return text


def fit_tips(tips: Iterable[str], dose: Dosage) -> tuple[str, ...]:
    """The tips to print beside ``dose``, fitted to it: a tip the dose rules out (splitting
    a time too short to split, "little and often" beside one bout) is left out."""
    return tuple(fit_to_dose(t, dose) for t in tips if not _split_conflicts(t, dose))


def _split_conflicts(text: str, dose: Dosage) -> list[str]:
    if not dose.minutes:
        return []
    problems = []
    may_split = _MAY_SPLIT.search(text)
    if may_split and (dose.sets > 1 or dose.minutes < 2 * SHORTEST_BOUT_MINUTES):
        problems.append(may_split.group(0))
    little = _LITTLE_AND_OFTEN.search(text)
    if little and dose.sets == 1:
        problems.append(little.group(0))
    return problems


def conflicts(text: str, dose: Dosage) -> list[str]:
    """The numbers in ``text`` that contradict ``dose`` as it would be printed: a hold's
    seconds other than the prescribed hold, a count of repetitions other than the
    prescribed one, an unqualified count of steps, and in timed work a number of minutes
    other than the prescribed time, a part of it too big for it, or a split it cannot
    take."""
    problems = []
    if dose.hold_seconds:
        for m in _SECONDS.finditer(text):
            if _values(m.group("n")) != [dose.hold_seconds]:
                problems.append(m.group(0))
    count = _prescribed_count(dose)
    for m in _DOSE_COUNTS.finditer(text):
        if (m.group("before") or "").strip().lower() == "every":
            continue
        if _values(m.group("n")) != [count]:
            problems.append(m.group(0).strip())
    for m in _COUNTS.finditer(text):
        if not m.group("before"):
            problems.append(m.group(0).strip())
    if dose.minutes:
        for m in _MINUTES.finditer(text):
            if _values(m.group("n")) != [dose.minutes]:
                problems.append(m.group(0).strip())
        for m in _HOURS.finditer(text):
            if _HOUR_MINUTES[m.group("n").lower()] != dose.minutes:
                problems.append(m.group(0))
        if dose.minutes < _FEW_MINUTES_FROM:
            problems += [m.group(0) for m in _FEW_MINUTES.finditer(text)]
        if dose.minutes < _MINUTE_OR_TWO_FROM:
            problems += [m.group(0) for m in _MINUTE_OR_TWO.finditer(text) if not m["add"]]
        problems += _split_conflicts(text, dose)
    else:
        for m in _MINUTES.finditer(text):
            if not m.group("before"):
                problems.append(m.group(0).strip())
    return problems


def steps_conflicts(steps: Iterable[str], dose: Dosage) -> list[str]:
    """What the steps of an exercise, taken together, leave unsaid about ``dose``: timed
    work that never says to keep going for the time set, or that describes a warm-up or a
    cool-down without saying it is part of the time set."""
    if not dose.minutes:
        return []
    text = " ".join(steps)
    problems = []
    if not _KEEP_GOING.search(text):
        problems.append("the steps never say to keep going for the time set")
    warm = _WARM_UP_OR_COOL_DOWN.search(text)
    if warm and not _PART_OF_THE_TIME.search(text):
        problems.append(f"'{warm.group(0)}' is not said to be part of the time set")
    return problems
