"""Screening: the verdict for one client and one exercise, with every reason and its source.

The strictest effect of the rules that catch an exercise wins: excluded > caution > allowed.
Every catching rule is reported, not just the strictest.

Missing equipment is not a safety verdict. It is always listed in ``unavailable``. With the
equipment filter on (the default, for a home program) it also counts as a caution: an
otherwise allowed exercise becomes ``caution`` with the equipment reason among its reasons and
the modification "provide the equipment or choose another exercise", so the therapist sees it
is not usable at home as it stands; an excluded exercise stays excluded. With the filter
switched off, verdict, reasons and modification ignore equipment.

Speed: the profile is assessed once and the rule table narrowed to the rules that concern
this client (`Screener`), so each exercise costs only a few attribute checks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from bonecoach.program.exercise import Exercise
from bonecoach.program.profile import ClientProfile
from bonecoach.program.rules import RULES, Client, Effect, Rule


class Verdict(StrEnum):
    ALLOWED = "allowed"
    CAUTION = "caution"
    EXCLUDED = "excluded"


@dataclass(frozen=True, slots=True)
class Reason:
    rule: str
    text: str
    source: str  # source keys, comma-separated, e.g. "TFTF15, SSS, BHOF"


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    exercise_id: str
    name: str
    verdict: Verdict
    reasons: tuple[Reason, ...]
    modification: str | None
    unavailable: tuple[Reason, ...]

    @property
    def usable_at_home(self) -> bool:
        """Safe for a home program and the client has the equipment."""
        return self.verdict is not Verdict.EXCLUDED and not self.unavailable


EQUIPMENT_MODIFICATION = "Provide the equipment or choose another exercise."


class Screener:
    """One client's profile prepared for screening many exercises quickly."""

    def __init__(self, profile: ClientProfile, *, check_equipment: bool = True) -> None:
        self.client = Client.prepare(profile)
        self.check_equipment = check_equipment
        active = [r for r in RULES if r.for_client(self.client)]
        self._safety: tuple[tuple[Rule, Reason | None], ...] = tuple(
            (r, self._static_reason(r)) for r in active if r.effect is not Effect.UNAVAILABLE
        )
        self._availability = tuple(r for r in active if r.effect is Effect.UNAVAILABLE)

    @staticmethod
    def _static_reason(r: Rule) -> Reason | None:
        return Reason(r.id, r.reason, r.source) if r.detail is None else None

    def _reason(self, r: Rule, static: Reason | None, exercise: Exercise) -> Reason:
        if static is not None:
            return static
        return Reason(r.id, r.reason_for(exercise, self.client), r.source)

    def screen(self, exercise: Exercise) -> ScreeningResult:
        client = self.client
        reasons: list[Reason] = []
        modifications: list[str] = []
        excluded = caution = False
        for r, static in self._safety:
            if not r.catches(exercise, client):
                continue
            reasons.append(self._reason(r, static, exercise))
            if r.effect is Effect.EXCLUDE:
                excluded = True
            else:
                caution = True
                text = r.modification_for(exercise, client)
                if text and text not in modifications:
                    modifications.append(text)
        unavailable = tuple(
            Reason(r.id, r.reason_for(exercise, client), r.source)
            for r in self._availability
            if r.catches(exercise, client)
        )
        if unavailable and self.check_equipment:
            reasons.extend(unavailable)
            caution = True
            modifications.append(EQUIPMENT_MODIFICATION)
        if excluded:
            verdict, modification = Verdict.EXCLUDED, None
        elif caution:
            verdict, modification = Verdict.CAUTION, " ".join(modifications) or None
        else:
            verdict, modification = Verdict.ALLOWED, None
        return ScreeningResult(
            exercise.id, exercise.name, verdict, tuple(reasons), modification, unavailable
        )

    def screen_all(self, exercises: Iterable[Exercise]) -> list[ScreeningResult]:
        return [self.screen(e) for e in exercises]


def screen(
    profile: ClientProfile, exercise: Exercise, *, check_equipment: bool = True
) -> ScreeningResult:
    return Screener(profile, check_equipment=check_equipment).screen(exercise)


def screen_library(
    profile: ClientProfile, exercises: Iterable[Exercise], *, check_equipment: bool = True
) -> list[ScreeningResult]:
    return Screener(profile, check_equipment=check_equipment).screen_all(exercises)


def result_to_json(result: ScreeningResult) -> dict[str, object]:
    """The `bonecoach screen --json` form of one result."""
    return {
        "id": result.exercise_id,
        "name": result.name,
        "verdict": result.verdict.value,
        "reasons": [{"rule": r.rule, "text": r.text, "source": r.source} for r in result.reasons],
        "modification": result.modification,
    }
