"""The prescribed dose is the one answer to "how many": numbers in an exercise's generic
steps and tips are fitted to it before they are printed.

The library's text is written for the default dose ("hold for 3 to 5 seconds", "take ten
steps"); a therapist's prescription may differ, and a client reading "Hold 8 seconds" in
the dose band and "hold for 3 to 5 seconds" in the steps cannot tell which to follow.
So, for the text printed beside a dose:

- a hold's seconds in the steps and tips become the prescribed hold ("hold for 8 seconds");
- counts of steps, jumps, hops, times or minutes inside a timed or counted exercise are
  marked "about" (they describe the pattern, not the dose);
- a tempo ("lower over three seconds", "pause for two seconds at the top") in an exercise
  counted in repetitions is the movement's speed, not a dose, and is kept; so is a rhythm
  ("every two or three steps").

``conflicts`` names what would still contradict the dose: the library check and the
handout tests use it over the whole library.
"""

from __future__ import annotations

import re

from bonecoach.program.dosage import Dosage

_NUMBER = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty"
    r"|forty|fifty)"
)
_RANGE = rf"{_NUMBER}(?:\s*(?:to|-|–|or)\s*{_NUMBER})?"
_SECONDS = re.compile(rf"\b(?P<n>{_RANGE})(?P<unit>\s+seconds?)\b", re.IGNORECASE)
_COUNTS = re.compile(
    rf"(?P<before>\b(?:about|around|roughly|up to|at least|every)\s+)?\b(?P<n>{_RANGE})"
    r"(?P<unit>\s+(?:more\s+)?(?:steps|jumps|hops|times|minutes?|reps|repetitions)\b)",
    re.IGNORECASE,
)
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50,
}  # fmt: skip


def _values(text: str) -> list[int]:
    found = re.findall(_NUMBER, text, re.IGNORECASE)
    return [int(n) if n.isdigit() else _WORDS[n.lower()] for n in found]


def fit_to_dose(text: str, dose: Dosage) -> str:
    """``text`` (a step or a tip) with its numbers fitted to ``dose`` (see the module)."""
    if dose.hold_seconds:
        hold = dose.hold_seconds
        text = _SECONDS.sub(lambda m: f"{hold}{' second' if hold == 1 else ' seconds'}", text)
    if dose.hold_seconds or dose.minutes or dose.reps:

        def about(match: re.Match[str]) -> str:
            if match.group("before"):
                return match.group(0)
            return f"about {match.group('n')}{match.group('unit')}"

        text = _COUNTS.sub(about, text)
    return text


def conflicts(text: str, dose: Dosage) -> list[str]:
    """The numbers in ``text`` that contradict ``dose`` as it would be printed: a hold's
    seconds other than the prescribed hold, or an unqualified count."""
    problems = []
    if dose.hold_seconds:
        for m in _SECONDS.finditer(text):
            if _values(m.group("n")) != [dose.hold_seconds]:
                problems.append(m.group(0))
    for m in _COUNTS.finditer(text):
        if not m.group("before"):
            problems.append(m.group(0).strip())
    return problems
