"""Screening: the verdict for one client and one exercise, with every reason and its source.

The strictest effect of the rules that catch an exercise wins: excluded > caution > allowed.
Every catching rule is reported, not just the strictest.

Missing equipment is not a safety verdict. It is always listed in ``unavailable``. With the
equipment filter on (the default, for a home program) it also counts as a caution: an
otherwise allowed exercise becomes ``caution`` with the equipment reason among its reasons and
the modification "provide the equipment or choose another exercise", so the therapist sees it
is not usable at home as it stands; an excluded exercise stays excluded. With the filter
switched off, verdict, reasons and modification ignore equipment.

Speed: `Screener` assesses the profile once, keeps only the rules that concern this client,
and remembers decisions per combination of the attributes the rules read (see its
docstring); scripts/measure_screening.py times it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from enum import StrEnum
from operator import attrgetter
from typing import NamedTuple

from bonecoach.program.exercise import Exercise
from bonecoach.program.profile import ClientProfile
from bonecoach.program.rules import RULES, ClientFacts, Effect, Rule


class Verdict(StrEnum):
    ALLOWED = "allowed"
    CAUTION = "caution"
    EXCLUDED = "excluded"


class Reason(NamedTuple):
    rule: str
    text: str
    source: str  # source keys, comma-separated, e.g. "TFTF15, SSS, BHOF"


class ScreeningResult(NamedTuple):
    # A NamedTuple rather than a frozen dataclass: as immutable, and about three times
    # quicker to build, which matters when a 5,000-exercise library is screened per frame.
    exercise_id: str
    name: str
    verdict: Verdict
    reasons: tuple[Reason, ...]
    modification: str | None
    unavailable: tuple[Reason, ...]

    @property
    def prescribable(self) -> bool:
        """False when no written override can put it in a program (education only)."""
        return all(r.rule not in NEVER_PRESCRIBED for r in self.reasons)

    def weighed(self) -> tuple[tuple[Reason, ...], tuple[Reason, ...], tuple[Reason, ...]]:
        """The reasons by weight: (those that exclude, in rule-table order, so the first is
        the deciding one; those that ask for caution; equipment the client lacks)."""
        missing = set(self.unavailable)
        excluding = tuple(r for r in self.reasons if _EFFECT.get(r.rule) is Effect.EXCLUDE)
        cautioning = tuple(
            r
            for r in self.reasons
            if r not in missing and _EFFECT.get(r.rule) is not Effect.EXCLUDE
        )
        return excluding, cautioning, self.unavailable

    @property
    def usable_at_home(self) -> bool:
        """Not excluded, not clinic-only, and the client has the equipment."""
        return (
            self.verdict is not Verdict.EXCLUDED
            and not self.unavailable
            and all(r.rule != CLINIC_ONLY_RULE for r in self.reasons)
        )


_EFFECT = {rule.id: rule.effect for rule in RULES}
# bound once: an enum member looked up on its class costs ~70 ns in Python 3.11
_ALLOWED, _CAUTION, _EXCLUDED = Verdict.ALLOWED, Verdict.CAUTION, Verdict.EXCLUDED
CLINIC_ONLY_RULE = "supervised_only"  # its exercises never go on a home handout
NEVER_PRESCRIBED = frozenset(r.id for r in RULES if not r.overridable)

EQUIPMENT_MODIFICATION = "Provide the equipment or choose another exercise."


class _Entry(NamedTuple):
    order: int  # position in the rule table: reasons are reported in table order
    rule: Rule
    excludes: bool
    reason: Reason | None  # None when the wording names the exercise's specifics
    source: str
    varies: bool  # its modification depends on the exercise


# attributes whose values combine in too many ways to share one remembered group
_LISTS = frozenset(
    {"avoid_with", "equipment", "regions", "sources", "steps", "tips", "all_demands"}
    | {"support_variant", "default_dosage.effort"}
)
_Hit = tuple[_Entry, Reason]
_Outcome = tuple[Verdict, tuple[Reason, ...], str | None]


def _order(hit: _Hit) -> int:
    return hit[0].order


class _Group(NamedTuple):
    """Rules that read the same exercise attributes, decided once per distinct value."""

    read: Callable[[Exercise], object]
    decided: dict[object, tuple[_Hit, ...]]
    entries: tuple[_Entry, ...]


def _reader(entries: Iterable[_Entry]) -> Callable[[Exercise], object] | None:
    """Reads every attribute the entries' rules read; None if one of them may read anything."""
    names: dict[str, None] = {}
    for entry in entries:
        reads = entry.rule.attributes_read
        if reads is None:
            return None
        names.update(dict.fromkeys(reads))
    return attrgetter(*names) if names else None


class Screener:
    """One client's profile prepared for screening many exercises quickly.

    The rules that concern this client are chosen once. Rules that read only a few named
    attributes (``Rule.attributes_read``) are grouped by those attributes, and each group is
    decided once per distinct value and remembered (the attributes are small vocabularies);
    the rest are called for every exercise. Verdict, reasons and modification are remembered
    per set of reasons when no caution's modification depends on the exercise.
    `screen_naively` is the plain walk of the table that this must always agree with.
    """

    def __init__(
        self, profile: ClientProfile, *, check_equipment: bool = True, on: date | None = None
    ) -> None:
        self.client = ClientFacts.prepare(profile, on=on)
        self.check_equipment = check_equipment
        grouped: dict[tuple[str, ...], list[_Entry]] = {}
        called: list[_Entry] = []
        unavailable: list[_Entry] = []
        for order, r in enumerate(RULES):
            if not r.for_client(self.client):
                continue
            static = Reason(r.id, r.reason, r.source) if r.detail is None else None
            varies = callable(r.modification)
            entry = _Entry(order, r, r.effect is Effect.EXCLUDE, static, r.source, varies)
            reads = r.attributes_read
            if r.effect is Effect.UNAVAILABLE:
                unavailable.append(entry)
            elif reads is None:
                called.append(entry)
            else:
                grouped.setdefault(reads, []).append(entry)
        # Rules on the small enum and yes/no attributes share one group keyed by all those
        # attributes together (few combinations occur in a real library); rules on lists
        # (precautions) keep their own, as lists combine in too many ways.
        scalar = [key for key in grouped if not _LISTS.intersection(key)]
        if len(scalar) > 1:
            names = tuple(dict.fromkeys(name for key in scalar for name in key))
            merged = [e for key in scalar for e in grouped.pop(key)]
            grouped[names] = sorted(merged, key=lambda e: e.order)
        self._groups = tuple(
            _Group(attrgetter(*reads), {}, tuple(entries)) for reads, entries in grouped.items()
        )
        self._called = tuple(called)
        self._unavailable = tuple(unavailable)
        self._missing: dict[object, tuple[Reason, ...]] = {}
        self._read_missing = _reader(unavailable)
        self._outcomes: dict[tuple[tuple[Reason, ...], tuple[Reason, ...]], _Outcome] = {}

    def _reason(self, entry: _Entry, exercise: Exercise) -> Reason:
        if entry.reason is not None:
            return entry.reason
        return Reason(entry.rule.id, entry.rule.reason_for(exercise, self.client), entry.source)

    def _caught(self, entries: tuple[_Entry, ...], exercise: Exercise) -> tuple[_Hit, ...]:
        client = self.client
        return tuple(
            (e, self._reason(e, exercise)) for e in entries if e.rule.catches(exercise, client)
        )

    def _unavailable_for(self, exercise: Exercise) -> tuple[Reason, ...]:
        if not self._unavailable:
            return ()
        if self._read_missing is None:  # a rule that may read anything: ask every time
            return tuple(reason for _, reason in self._caught(self._unavailable, exercise))
        key = self._read_missing(exercise)
        missing = self._missing.get(key)
        if missing is None:
            caught = self._caught(self._unavailable, exercise)
            missing = self._missing[key] = tuple(reason for _, reason in caught)
        return missing

    def _outcome(
        self, hits: list[_Hit], unavailable: tuple[Reason, ...], exercise: Exercise
    ) -> _Outcome:
        """The strictest effect wins; every reason is kept; cautions' changes are joined."""
        client = self.client
        reasons: list[Reason] = []
        modifications: list[str] = []
        excluded = caution = False
        for entry, reason in hits:
            reasons.append(reason)
            if entry.excludes:
                excluded = True
            else:
                caution = True
                change = entry.rule.modification_for(exercise, client)
                if change and change not in modifications:
                    modifications.append(change)
        if unavailable and self.check_equipment:
            reasons.extend(unavailable)
            caution = True
            modifications.append(EQUIPMENT_MODIFICATION)
        if excluded:
            return _EXCLUDED, tuple(reasons), None
        if caution:
            return _CAUTION, tuple(reasons), " ".join(modifications) if modifications else None
        return _ALLOWED, (), None

    def screen(self, exercise: Exercise) -> ScreeningResult:
        client = self.client
        hits: list[_Hit] = []
        for read, decided, entries in self._groups:
            key = read(exercise)
            found = decided.get(key)
            if found is None:
                found = decided[key] = self._caught(entries, exercise)
            if found:
                hits += found
        for entry in self._called:
            if entry.rule.catches(exercise, client):
                hits.append((entry, self._reason(entry, exercise)))
        unavailable = self._unavailable_for(exercise)
        if not hits and not unavailable:
            return ScreeningResult(exercise.id, exercise.name, _ALLOWED, (), None, ())
        if len(hits) > 1:
            hits.sort(key=_order)
        for entry, _ in hits:
            if entry.varies:  # a caution whose change names this exercise's own variant
                outcome = self._outcome(hits, unavailable, exercise)
                break
        else:
            key = (tuple([reason for _, reason in hits]), unavailable)
            remembered = self._outcomes.get(key)
            if remembered is None:
                remembered = self._outcomes[key] = self._outcome(hits, unavailable, exercise)
            outcome = remembered
        verdict, reasons, modification = outcome
        return ScreeningResult(
            exercise.id, exercise.name, verdict, reasons, modification, unavailable
        )

    def screen_all(self, exercises: Iterable[Exercise]) -> list[ScreeningResult]:
        screen = self.screen
        return [screen(e) for e in exercises]


def screen_naively(
    profile: ClientProfile,
    exercise: Exercise,
    *,
    check_equipment: bool = True,
    on: date | None = None,
) -> ScreeningResult:
    """The reference: walk the whole rule table for this one exercise, nothing remembered."""
    client = ClientFacts.prepare(profile, on=on)
    reasons: list[Reason] = []
    unavailable: list[Reason] = []
    modifications: list[str] = []
    effects: set[Effect] = set()
    for r in RULES:
        if not (r.for_client(client) and r.catches(exercise, client)):
            continue
        reason = Reason(r.id, r.reason_for(exercise, client), r.source)
        if r.effect is Effect.UNAVAILABLE:
            unavailable.append(reason)
            continue
        reasons.append(reason)
        effects.add(r.effect)
        change = r.modification_for(exercise, client) if r.effect is Effect.CAUTION else None
        if change and change not in modifications:
            modifications.append(change)
    if unavailable and check_equipment:
        reasons += unavailable
        effects.add(Effect.CAUTION)
        modifications.append(EQUIPMENT_MODIFICATION)
    if Effect.EXCLUDE in effects:
        verdict, modification = Verdict.EXCLUDED, None
    elif Effect.CAUTION in effects:
        verdict, modification = Verdict.CAUTION, " ".join(modifications) or None
    else:
        verdict, modification = Verdict.ALLOWED, None
    return ScreeningResult(
        exercise.id, exercise.name, verdict, tuple(reasons), modification, tuple(unavailable)
    )


def screen(
    profile: ClientProfile,
    exercise: Exercise,
    *,
    check_equipment: bool = True,
    on: date | None = None,
) -> ScreeningResult:
    return Screener(profile, check_equipment=check_equipment, on=on).screen(exercise)


def screen_library(
    profile: ClientProfile,
    exercises: Iterable[Exercise],
    *,
    check_equipment: bool = True,
    on: date | None = None,
) -> list[ScreeningResult]:
    """Every exercise's verdict for the client on ``on`` (default: today)."""
    return Screener(profile, check_equipment=check_equipment, on=on).screen_all(exercises)


def result_to_json(result: ScreeningResult) -> dict[str, object]:
    """The `bonecoach screen --json` form of one result."""
    return {
        "id": result.exercise_id,
        "name": result.name,
        "verdict": result.verdict.value,
        "reasons": [{"rule": r.rule, "text": r.text, "source": r.source} for r in result.reasons],
        "modification": result.modification,
    }
