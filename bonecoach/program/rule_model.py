"""The pieces of the safety rule table: the prepared client, a rule and its effect.

The table itself is in rules.py (the guideline rules) and precaution_rules.py (what each
client precaution rules out, by the demands a movement makes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from bonecoach.program.assessment import Assessment, FallTest, assess
from bonecoach.program.exercise import Exercise
from bonecoach.program.profile import ClientProfile
from bonecoach.program.vocabulary import Equipment, Precaution, SourceKey


class Effect(StrEnum):
    EXCLUDE = "exclude"
    CAUTION = "caution"
    UNAVAILABLE = "unavailable"  # not a safety verdict: the home lacks the equipment


@dataclass(frozen=True, slots=True)
class ClientFacts:
    """A profile prepared once for screening many exercises, on one day."""

    profile: ClientProfile
    assessment: Assessment
    equipment: frozenset[Equipment]
    # the recorded precautions, plus a recent wrist or arm fracture worked out from its date
    precautions: frozenset[Precaution]
    fall_tests: str  # e.g. "falls in the past year, Timed Up and Go": what raised a flag

    @classmethod
    def prepare(
        cls, profile: ClientProfile, assessment: Assessment | None = None, on: date | None = None
    ) -> ClientFacts:
        assessment = assessment if assessment is not None else assess(profile, on)
        precautions = set(profile.precautions)
        if assessment.recent_wrist_or_arm_fracture:
            precautions.add(Precaution.WRIST_FRACTURE_RECENT)
        return cls(
            profile=profile,
            assessment=assessment,
            equipment=frozenset(profile.equipment),
            precautions=frozenset(precautions),
            fall_tests=", ".join(_TEST_WORDS[f.test] for f in assessment.fall_risk_flags),
        )

    @property
    def protective_case_words(self) -> str:
        """What put the client in the most protective case, e.g. '3 vertebral fractures,
        hyperkyphosis'."""
        return ", ".join(f.text.split(":")[0].rstrip(".") for f in self.assessment.case_reasons)


_TEST_WORDS = {
    FallTest.FALLS: "falls in the past year",
    FallTest.TUG: "Timed Up and Go",
    FallTest.CHAIR_STAND: "30-second chair stand",
    FallTest.TANDEM_STANCE: "tandem stance",
    FallTest.FRAILTY: "frailty",
    FallTest.NEUROPATHY: "peripheral neuropathy",
    FallTest.VISION: "visual impairment",
}


@dataclass(frozen=True, slots=True)
class AttributeIn:
    """Catches an exercise whose ``attribute`` has one of ``values``."""

    attribute: str
    values: frozenset[object]

    def __call__(self, exercise: Exercise, client: ClientFacts) -> bool:
        return getattr(exercise, self.attribute) in self.values


def attribute_in(attribute: str, *values: object) -> AttributeIn:
    if attribute not in Exercise.model_fields:
        raise ValueError(f"exercises have no attribute {attribute!r}")
    return AttributeIn(attribute, frozenset(values))


ClientTest = Callable[[ClientFacts], bool]
ExerciseTest = AttributeIn | Callable[[Exercise, ClientFacts], bool]
Wording = str | Callable[[Exercise, ClientFacts], str]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    condition: str  # client and exercise condition, in words, for the reviewer
    effect: Effect
    reason: str  # what the therapist reads (when ``detail`` is None)
    sources: tuple[SourceKey, ...]
    for_client: ClientTest
    catches: ExerciseTest
    modification: Wording | None = None  # cautions: what to print on the handout
    detail: Callable[[Exercise, ClientFacts], str] | None = None  # reason that names specifics
    # The exercise attributes that ``catches``, ``detail`` and ``modification`` read (for a
    # given client). Screening decides such a rule once per distinct combination of their
    # values, which keeps a 5,000-exercise library well under a frame. None: called for
    # every exercise.
    reads: tuple[str, ...] | None = None
    # False: a written override cannot put the exercise in a program (education only).
    overridable: bool = True

    @property
    def attributes_read(self) -> tuple[str, ...] | None:
        if isinstance(self.catches, AttributeIn) and self.detail is None:
            return (self.catches.attribute,)
        return self.reads

    @property
    def source(self) -> str:
        return ", ".join(s.value for s in self.sources)

    def reason_for(self, exercise: Exercise, client: ClientFacts) -> str:
        return self.detail(exercise, client) if self.detail is not None else self.reason

    def modification_for(self, exercise: Exercise, client: ClientFacts) -> str | None:
        if self.modification is None or isinstance(self.modification, str):
            return self.modification
        return self.modification(exercise, client)
