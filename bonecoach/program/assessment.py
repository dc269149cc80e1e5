"""What the profile means for exercise: bone status, guideline case, fracture and fall risk.

Every derived status carries the findings that produced it (plain sentence + source key), so
the therapist sees *why* the client is, say, in the most protective guideline case.
Thresholds are those of clinical-guidance.md §1.

Decisions worth knowing:
- No T-score recorded: the client is treated as having low bone mass (the people BoneCoach is
  for) until a scan result is entered; "normal" needs a measured T-score >= -1.0.
- A low-trauma (fragility) fracture means osteoporosis for exercise advice whatever the
  T-score (BHOF clinical diagnosis); "severe" is osteoporosis by T-score or FRAX plus such a
  fracture (WHO "established" osteoporosis).
- "Multiple low-trauma fractures" counts vertebral and other fragility fractures together.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bonecoach.program.profile import BackPain, ClientProfile, Sex
from bonecoach.program.vocabulary import SourceKey


class BoneStatus(StrEnum):
    NORMAL = "normal"
    LOW_BONE_MASS = "low_bone_mass"
    OSTEOPOROSIS = "osteoporosis"
    SEVERE = "severe"


class GuidelineCase(StrEnum):
    """The three cases of TFTF15, from least to most protective."""

    DENSITY_ONLY = "density_only"
    ONE_VERTEBRAL_FRACTURE = "one_vertebral_fracture"
    MULTIPLE_VF_KYPHOSIS_PAIN = "multiple_vf_kyphosis_pain"


class FallTest(StrEnum):
    FALLS = "falls"
    TUG = "tug"
    CHAIR_STAND = "chair_stand"
    TANDEM_STANCE = "tandem_stance"


@dataclass(frozen=True, slots=True)
class Finding:
    """One fact behind a derived status, in words a therapist would accept."""

    text: str
    source: SourceKey


@dataclass(frozen=True, slots=True)
class FallRiskFlag:
    test: FallTest
    text: str
    source: SourceKey = SourceKey.CDC


@dataclass(frozen=True, slots=True)
class Assessment:
    bone_status: BoneStatus
    bone_status_reasons: tuple[Finding, ...]
    density_measured_normal: bool
    guideline_case: GuidelineCase
    case_reasons: tuple[Finding, ...]
    high_fracture_risk: bool
    fracture_risk_reasons: tuple[Finding, ...]
    # one or more VFs, multiple low-trauma fractures, frailty, or the most protective case
    fracture_precautions: bool
    fracture_precaution_reasons: tuple[Finding, ...]
    # VF in the last 12 weeks or new unexplained back pain: gentle work only, pending review
    recent_spinal_event: bool
    recent_spinal_event_reasons: tuple[Finding, ...]
    fall_risk_flags: tuple[FallRiskFlag, ...]
    recommendations: tuple[Finding, ...]

    @property
    def low_bone_mass_or_worse(self) -> bool:
        return self.bone_status is not BoneStatus.NORMAL

    @property
    def osteoporosis_level(self) -> bool:
        return self.bone_status in (BoneStatus.OSTEOPOROSIS, BoneStatus.SEVERE)

    @property
    def has_fall_risk(self) -> bool:
        return bool(self.fall_risk_flags)

    @property
    def high_impact_cleared(self) -> bool:
        """Normal measured density, no fracture, no fall risk (BHOF): high impact allowed."""
        return (
            self.density_measured_normal
            and not self.high_fracture_risk
            and not self.fracture_precautions
            and not self.has_fall_risk
        )


RECENT_FRACTURE_WEEKS = 12
TUG_FALL_RISK_SECONDS = 12.0
FRAX_MAJOR_HIGH = 20.0
FRAX_HIP_HIGH = 3.0

# 30-second chair stand: a score below the norm is a fall-risk flag (CDC STEADI).
# (lowest age, highest age, norm); ages outside 60-94 have no norm.
CHAIR_STAND_NORMS: dict[Sex, tuple[tuple[int, int, int], ...]] = {
    Sex.FEMALE: ((60, 64, 12), (65, 69, 11), (70, 79, 10), (80, 84, 9), (85, 89, 8), (90, 94, 4)),
    Sex.MALE: ((60, 64, 14), (65, 74, 12), (75, 79, 11), (80, 84, 10), (85, 89, 8), (90, 94, 7)),
}


def chair_stand_norm(sex: Sex, age: int) -> int | None:
    """The fewest stands in 30 s that is not a fall-risk flag, or None when no norm exists."""
    for low, high, norm in CHAIR_STAND_NORMS[sex]:
        if low <= age <= high:
            return norm
    return None


def _bone_status(p: ClientProfile) -> tuple[BoneStatus, tuple[Finding, ...], bool]:
    found: list[Finding] = []
    t = p.t_score_lowest
    if t is None:
        status = BoneStatus.LOW_BONE_MASS
        found.append(
            Finding(
                "No T-score recorded: treated as low bone mass until a scan result is entered.",
                SourceKey.WHO,
            )
        )
    elif t >= -1.0:
        status = BoneStatus.NORMAL
        found.append(
            Finding(f"Lowest T-score {t:g} is in the normal range (>= -1.0).", SourceKey.WHO)
        )
    elif t > -2.5:
        status = BoneStatus.LOW_BONE_MASS
        found.append(
            Finding(f"Lowest T-score {t:g} means low bone mass (-1.0 to -2.5).", SourceKey.WHO)
        )
    else:
        status = BoneStatus.OSTEOPOROSIS
        found.append(Finding(f"Lowest T-score {t:g} means osteoporosis (<= -2.5).", SourceKey.WHO))

    frax = _frax_findings(p)
    if frax and status in (BoneStatus.NORMAL, BoneStatus.LOW_BONE_MASS):
        status = BoneStatus.OSTEOPOROSIS
    found.extend(frax)

    fractures = p.vertebral_fractures + p.other_fragility_fractures
    if fractures:
        what = _fracture_words(p)
        if status is BoneStatus.OSTEOPOROSIS:
            status = BoneStatus.SEVERE
            found.append(
                Finding(
                    f"Osteoporosis with {what}: severe (established) osteoporosis.", SourceKey.WHO
                )
            )
        else:
            status = BoneStatus.OSTEOPOROSIS
            found.append(
                Finding(
                    f"{what.capitalize()}: treated as osteoporosis whatever the T-score.",
                    SourceKey.BHOF,
                )
            )
    return status, tuple(found), t is not None and t >= -1.0


def _frax_findings(p: ClientProfile) -> list[Finding]:
    found: list[Finding] = []
    if p.frax_major_percent is not None and p.frax_major_percent >= FRAX_MAJOR_HIGH:
        found.append(
            Finding(
                f"FRAX major osteoporotic risk {p.frax_major_percent:g}% (>= 20%) is high: "
                "exercise advice as for osteoporosis.",
                SourceKey.BHOF,
            )
        )
    if p.frax_hip_percent is not None and p.frax_hip_percent >= FRAX_HIP_HIGH:
        found.append(
            Finding(
                f"FRAX hip fracture risk {p.frax_hip_percent:g}% (>= 3%) is high: "
                "exercise advice as for osteoporosis.",
                SourceKey.SSS,
            )
        )
    return found


def _fracture_words(p: ClientProfile) -> str:
    parts = []
    if p.vertebral_fractures:
        n = p.vertebral_fractures
        parts.append(f"{n} vertebral fracture{'s' if n > 1 else ''}")
    if p.other_fragility_fractures:
        n = p.other_fragility_fractures
        parts.append(f"{n} other low-trauma fracture{'s' if n > 1 else ''}")
    return " and ".join(parts)


def _guideline_case(p: ClientProfile) -> tuple[GuidelineCase, tuple[Finding, ...]]:
    protective: list[Finding] = []
    if p.vertebral_fractures >= 2:
        protective.append(
            Finding(f"{p.vertebral_fractures} vertebral fractures.", SourceKey.TFTF15)
        )
    if p.hyperkyphosis:
        protective.append(Finding("Hyperkyphosis: most protective case.", SourceKey.TFTF15))
    if p.back_pain is not BackPain.NONE:
        kind = "New unexplained" if p.back_pain is BackPain.NEW_UNEXPLAINED else "Mild"
        protective.append(Finding(f"{kind} back pain: most protective case.", SourceKey.TFTF15))
    if p.frail:
        protective.append(Finding("Frailty: most protective case.", SourceKey.SSS))
    if protective:
        return GuidelineCase.MULTIPLE_VF_KYPHOSIS_PAIN, tuple(protective)
    if p.vertebral_fractures == 1:
        return GuidelineCase.ONE_VERTEBRAL_FRACTURE, (
            Finding(
                "One vertebral fracture (raises the risk of another about 5-fold).", SourceKey.BHOF
            ),
        )
    return GuidelineCase.DENSITY_ONLY, (
        Finding("No vertebral fracture, hyperkyphosis, back pain or frailty.", SourceKey.TFTF15),
    )


def _fracture_precautions(p: ClientProfile, case: GuidelineCase) -> tuple[Finding, ...]:
    found: list[Finding] = []
    if p.vertebral_fractures:
        found.append(Finding("Vertebral fracture: no impact above brisk walking.", SourceKey.SSS))
    if p.vertebral_fractures + p.other_fragility_fractures >= 2:
        found.append(
            Finding("Multiple low-trauma fractures: no impact above brisk walking.", SourceKey.SSS)
        )
    if p.frail:
        found.append(Finding("Frailty: no impact above brisk walking.", SourceKey.SSS))
    if not found and case is GuidelineCase.MULTIPLE_VF_KYPHOSIS_PAIN:
        found.append(
            Finding(
                "Most protective guideline case (hyperkyphosis or back pain): "
                "no impact above brisk walking.",
                SourceKey.TFTF15,
            )
        )
    return tuple(found)


def _recent_spinal_event(p: ClientProfile) -> tuple[Finding, ...]:
    found: list[Finding] = []
    weeks = p.weeks_since_vertebral_fracture
    if p.vertebral_fractures and weeks is not None and weeks < RECENT_FRACTURE_WEEKS:
        found.append(
            Finding(
                f"Vertebral fracture {weeks} week{'s' if weeks != 1 else ''} ago (under 12): "
                "gentle lying and seated work and back-extensor holds only, until reviewed.",
                SourceKey.SSS,
            )
        )
    if p.back_pain is BackPain.NEW_UNEXPLAINED:
        found.append(
            Finding(
                "New unexplained back pain (possible vertebral fracture): gentle lying and "
                "seated work and back-extensor holds only, until reviewed.",
                SourceKey.SSS,
            )
        )
    return tuple(found)


def _fall_risk_flags(p: ClientProfile) -> tuple[FallRiskFlag, ...]:
    flags: list[FallRiskFlag] = []
    if p.falls_past_year:
        n = p.falls_past_year
        flags.append(
            FallRiskFlag(FallTest.FALLS, f"{n} fall{'s' if n > 1 else ''} in the past year.")
        )
    if p.tug_seconds is not None and p.tug_seconds >= TUG_FALL_RISK_SECONDS:
        flags.append(FallRiskFlag(FallTest.TUG, f"Timed Up and Go {p.tug_seconds:g} s (>= 12 s)."))
    if p.chair_stands_30s is not None:
        norm = chair_stand_norm(p.sex, p.age)
        if norm is not None and p.chair_stands_30s < norm:
            flags.append(
                FallRiskFlag(
                    FallTest.CHAIR_STAND,
                    f"30-second chair stand {p.chair_stands_30s} is below the norm of {norm} "
                    f"for a {p.sex.value} aged {p.age}.",
                )
            )
    if p.tandem_stance_10s is False:
        flags.append(FallRiskFlag(FallTest.TANDEM_STANCE, "Cannot hold a tandem stance for 10 s."))
    return tuple(flags)


def _recommendations(
    p: ClientProfile, case: GuidelineCase, fracture_precautions: bool
) -> tuple[Finding, ...]:
    found: list[Finding] = []
    if case is GuidelineCase.MULTIPLE_VF_KYPHOSIS_PAIN:
        found.append(
            Finding(
                "Prefer the least-loaded positions (lying on the back, then standing, then "
                "sitting) and daily back-extensor endurance work.",
                SourceKey.TFTF15,
            )
        )
    if fracture_precautions:
        found.append(
            Finding(
                "Physiotherapist supervision is recommended; resistance at the usual reps, "
                "form and alignment before load; aerobic work at moderate intensity only.",
                SourceKey.SSS,
            )
        )
    if p.new_to_strength_training:
        found.append(
            Finding("New to strength training: start at a lower intensity.", SourceKey.TFTF15)
        )
    if p.vertebral_fractures and p.weeks_since_vertebral_fracture is None:
        found.append(
            Finding(
                "Date of the vertebral fracture not recorded: treated as over 12 weeks ago; "
                "confirm it.",
                SourceKey.SSS,
            )
        )
    if p.chair_stands_30s is not None and chair_stand_norm(p.sex, p.age) is None:
        found.append(
            Finding(
                f"No 30-second chair stand norm at age {p.age} (norms cover 60-94): "
                "the score raised no flag.",
                SourceKey.CDC,
            )
        )
    return tuple(found)


def assess(profile: ClientProfile) -> Assessment:
    status, status_reasons, measured_normal = _bone_status(profile)
    case, case_reasons = _guideline_case(profile)
    precaution_reasons = _fracture_precautions(profile, case)
    recent = _recent_spinal_event(profile)
    high_risk = status in (BoneStatus.OSTEOPOROSIS, BoneStatus.SEVERE)
    return Assessment(
        bone_status=status,
        bone_status_reasons=status_reasons,
        density_measured_normal=measured_normal,
        guideline_case=case,
        case_reasons=case_reasons,
        high_fracture_risk=high_risk,
        fracture_risk_reasons=status_reasons if high_risk else (),
        fracture_precautions=bool(precaution_reasons),
        fracture_precaution_reasons=precaution_reasons,
        recent_spinal_event=bool(recent),
        recent_spinal_event_reasons=recent,
        fall_risk_flags=_fall_risk_flags(profile),
        recommendations=_recommendations(profile, case, bool(precaution_reasons)),
    )
