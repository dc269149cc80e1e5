"""What the profile means for exercise: bone status, guideline case, fracture and fall risk.

Every derived status carries the findings that produced it (plain sentence + source key), so
the therapist sees *why* the client is, say, in the most protective guideline case.
Thresholds are those of clinical-guidance.md §1. The assessment is made for a day (``on``):
how long ago a fracture was is worked out on that day, never frozen in the record.

Decisions worth knowing:
- No T-score recorded: the client is treated as having low bone mass (the people BoneCoach is
  for) until a scan result is entered; "normal" needs a measured T-score >= -1.0.
- Under 50 a T-score does not diagnose osteoporosis (ISCD: the Z-score is used); a low one is
  treated as low bone mass for exercise advice, and the assessment says so.
- A low-trauma (fragility) fracture, or a high FRAX risk, means the client is *managed as*
  osteoporosis for exercise advice whatever the T-score (BHOF); the printed status says that
  rather than calling the bone density osteoporosis. "Severe" is osteoporosis by T-score or
  FRAX plus such a fracture (WHO "established" osteoporosis).
- High fracture risk is yes, no or not known: "no" needs both FRAX figures recorded and below
  BHOF's thresholds (and no osteoporosis or fracture); without FRAX it is not known.
- The most protective guideline case (TFTF15's third) is several vertebral fractures,
  hyperkyphosis or frailty, or back pain together with a vertebral fracture. Mild back pain
  alone is a prompt to assess and a caution, not that case.
- Frailty, peripheral neuropathy and visual impairment raise fall-risk flags (SSS frail
  group; STEADI risk factors) beside the four tests.
- "Multiple low-trauma fractures" counts vertebral and other fragility fractures together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from bonecoach.program.profile import BackPain, ClientProfile, FractureSite, Sex, weeks_since
from bonecoach.program.vocabulary import Precaution, SourceKey


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


# What to print for a case (the CLI and the app both show these words, never the key).
CASE_NAMES = {
    GuidelineCase.DENSITY_ONLY: "Case 1: no vertebral fracture",
    GuidelineCase.ONE_VERTEBRAL_FRACTURE: "Case 2: one vertebral fracture",
    GuidelineCase.MULTIPLE_VF_KYPHOSIS_PAIN: (
        "Case 3 (most protective): several vertebral fractures, hyperkyphosis, frailty, "
        "or back pain with a fracture"
    ),
}


class FallTest(StrEnum):
    FALLS = "falls"
    TUG = "tug"
    CHAIR_STAND = "chair_stand"
    TANDEM_STANCE = "tandem_stance"
    FRAILTY = "frailty"
    NEUROPATHY = "neuropathy"
    VISION = "vision"


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
    on: date  # the day the assessment was made for
    bone_status: BoneStatus  # how exercise advice manages the client
    bone_status_label: str  # what to print, e.g. "High fracture risk: managed as osteoporosis"
    bone_status_reasons: tuple[Finding, ...]
    density_measured_normal: bool
    guideline_case: GuidelineCase
    case_reasons: tuple[Finding, ...]
    high_fracture_risk: bool | None  # None: not known (no FRAX recorded)
    fracture_risk_reasons: tuple[Finding, ...]
    # one or more VFs, multiple low-trauma fractures, frailty, or the most protective case
    fracture_precautions: bool
    fracture_precaution_reasons: tuple[Finding, ...]
    fracture_precaution_trigger: str  # e.g. "One vertebral fracture" (what fired, in words)
    # VF in the last 12 weeks or new unexplained back pain: gentle work only, pending review
    recent_spinal_event: bool
    recent_spinal_event_reasons: tuple[Finding, ...]
    recent_fracture_until: date | None  # the day the "recent vertebral fracture" window ends
    # a hip or pelvic fracture in the last 12 weeks: weight bearing as the fracture team allows
    recent_hip_or_pelvic_fracture: bool
    recent_wrist_or_arm_fracture: bool
    recent_other_fracture_reasons: tuple[Finding, ...]
    fall_risk_flags: tuple[FallRiskFlag, ...]
    recommendations: tuple[Finding, ...]
    referrals: tuple[Finding, ...]  # send the client to someone else before or beside exercise
    back_pain: bool  # any back pain: spinal load and impact are a caution

    @property
    def low_bone_mass_or_worse(self) -> bool:
        return self.bone_status is not BoneStatus.NORMAL

    @property
    def osteoporosis_level(self) -> bool:
        return self.bone_status in (BoneStatus.OSTEOPOROSIS, BoneStatus.SEVERE)

    @property
    def most_protective(self) -> bool:
        return self.guideline_case is GuidelineCase.MULTIPLE_VF_KYPHOSIS_PAIN

    @property
    def has_fall_risk(self) -> bool:
        return bool(self.fall_risk_flags)

    @property
    def high_impact_cleared(self) -> bool:
        """Normal measured density, no fracture, no fall risk (BHOF): high impact allowed."""
        return (
            self.density_measured_normal
            and self.high_fracture_risk is not True
            and not self.fracture_precautions
            and not self.has_fall_risk
        )


RECENT_FRACTURE_WEEKS = 12
TUG_FALL_RISK_SECONDS = 12.0
TUG_VERY_SLOW_SECONDS = 20.0  # needs a walking aid to walk safely for exercise
RECURRENT_FALLS = 2
FRAX_MAJOR_HIGH = 20.0
FRAX_HIP_HIGH = 3.0
T_SCORE_DIAGNOSIS_AGE = 50  # ISCD: below this age a T-score does not diagnose osteoporosis

# 30-second chair stand: a score below the norm is a fall-risk flag (CDC STEADI). (lowest
# age, highest age, norm); the oldest band's norm holds for every older age too.
CHAIR_STAND_NORMS: dict[Sex, tuple[tuple[int, int, int], ...]] = {
    Sex.FEMALE: ((60, 64, 12), (65, 69, 11), (70, 79, 10), (80, 84, 9), (85, 89, 8), (90, 110, 4)),
    Sex.MALE: ((60, 64, 14), (65, 74, 12), (75, 79, 11), (80, 84, 10), (85, 89, 8), (90, 110, 7)),
}


def chair_stand_norm(sex: Sex, age: int) -> int | None:
    """The fewest stands in 30 s that is not a fall-risk flag, or None when no norm exists."""
    for low, high, norm in CHAIR_STAND_NORMS[sex]:
        if low <= age <= high:
            return norm
    return None


def _t_score_finding(p: ClientProfile) -> tuple[BoneStatus, Finding]:
    t = p.t_score_lowest
    if t is None:
        return BoneStatus.LOW_BONE_MASS, Finding(
            "No T-score recorded: treated as low bone mass until a scan result is entered.",
            SourceKey.WHO,
        )
    if t >= -1.0:
        return BoneStatus.NORMAL, Finding(
            f"Lowest T-score {t:g} is in the normal range (>= -1.0).", SourceKey.WHO
        )
    if p.age < T_SCORE_DIAGNOSIS_AGE:
        return BoneStatus.LOW_BONE_MASS, Finding(
            f"Lowest T-score {t:g} at age {p.age}: under 50 a T-score does not diagnose "
            "osteoporosis (use the Z-score); treated as low bone mass for exercise advice.",
            SourceKey.ISCD,
        )
    if t > -2.5:
        return BoneStatus.LOW_BONE_MASS, Finding(
            f"Lowest T-score {t:g} means low bone mass (-1.0 to -2.5).", SourceKey.WHO
        )
    return BoneStatus.OSTEOPOROSIS, Finding(
        f"Lowest T-score {t:g} means osteoporosis (<= -2.5).", SourceKey.WHO
    )


_DENSITY_WORDS = {
    BoneStatus.NORMAL: "Normal bone density",
    BoneStatus.LOW_BONE_MASS: "Low bone mass",
    BoneStatus.OSTEOPOROSIS: "Osteoporosis",
    BoneStatus.SEVERE: "Severe (established) osteoporosis",
}


def _bone_status(p: ClientProfile) -> tuple[BoneStatus, str, tuple[Finding, ...], bool]:
    density, first = _t_score_finding(p)
    found = [first]
    status = density
    label = _DENSITY_WORDS[density]
    if density is BoneStatus.LOW_BONE_MASS and p.t_score_lowest is None:
        label = "Not measured (treated as low bone mass)"

    frax = _frax_findings(p)
    found.extend(frax)
    if frax and status in (BoneStatus.NORMAL, BoneStatus.LOW_BONE_MASS):
        status = BoneStatus.OSTEOPOROSIS
        label = f"{label}; high fracture risk (FRAX): managed as osteoporosis"

    fractures = p.vertebral_fractures + p.other_fragility_fractures
    if fractures:
        what = _fracture_words(p)
        if status is BoneStatus.OSTEOPOROSIS:
            status = BoneStatus.SEVERE
            found.append(
                Finding(
                    f"Osteoporosis or high risk with {what}: severe (established) osteoporosis.",
                    SourceKey.WHO,
                )
            )
            label = f"{label}; with {what}: managed as severe osteoporosis"
        else:
            status = BoneStatus.OSTEOPOROSIS
            found.append(
                Finding(
                    f"{what.capitalize()}: managed as osteoporosis whatever the T-score.",
                    SourceKey.BHOF,
                )
            )
            label = f"{label}; {what}: managed as osteoporosis"
    measured_normal = p.t_score_lowest is not None and p.t_score_lowest >= -1.0
    return status, label, tuple(found), measured_normal


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
                SourceKey.BHOF,
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


def _high_fracture_risk(
    p: ClientProfile, status: BoneStatus, status_reasons: tuple[Finding, ...]
) -> tuple[bool | None, tuple[Finding, ...]]:
    if status in (BoneStatus.OSTEOPOROSIS, BoneStatus.SEVERE):
        return True, status_reasons
    if p.frax_major_percent is not None and p.frax_hip_percent is not None:
        return False, (
            Finding(
                f"FRAX {p.frax_major_percent:g}% major and {p.frax_hip_percent:g}% hip are "
                "below the high-risk thresholds (20% and 3%).",
                SourceKey.BHOF,
            ),
        )
    return None, (Finding("No FRAX recorded: fracture risk not known.", SourceKey.BHOF),)


def _guideline_case(p: ClientProfile) -> tuple[GuidelineCase, tuple[Finding, ...]]:
    protective: list[Finding] = []
    if p.vertebral_fractures >= 2:
        protective.append(
            Finding(f"{p.vertebral_fractures} vertebral fractures.", SourceKey.TFTF15)
        )
    if p.hyperkyphosis:
        protective.append(Finding("Hyperkyphosis: most protective case.", SourceKey.TFTF15))
    if p.back_pain is not BackPain.NONE and p.vertebral_fractures:
        kind = "New unexplained" if p.back_pain is BackPain.NEW_UNEXPLAINED else "Mild"
        protective.append(
            Finding(
                f"{kind} back pain with a vertebral fracture: most protective case.",
                SourceKey.TFTF15,
            )
        )
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
        Finding("No vertebral fracture, hyperkyphosis or frailty.", SourceKey.TFTF15),
    )


def _fracture_precautions(p: ClientProfile, case: GuidelineCase) -> tuple[tuple[Finding, ...], str]:
    """The findings, and the trigger in a few words for reasons to name what fired."""
    found: list[Finding] = []
    triggers: list[str] = []
    if p.vertebral_fractures:
        n = p.vertebral_fractures
        what = "One vertebral fracture" if n == 1 else f"{n} vertebral fractures"
        found.append(Finding(f"{what}: no impact above brisk walking.", SourceKey.SSS))
        triggers.append(what)
    # several vertebral fractures alone are named above; this is vertebral plus other ones
    if p.other_fragility_fractures and p.vertebral_fractures + p.other_fragility_fractures >= 2:
        found.append(
            Finding("Several low-trauma fractures: no impact above brisk walking.", SourceKey.SSS)
        )
        triggers.append("Several low-trauma fractures")
    if p.frail:
        found.append(Finding("Frailty: no impact above brisk walking.", SourceKey.SSS))
        triggers.append("Frailty")
    if not found and case is GuidelineCase.MULTIPLE_VF_KYPHOSIS_PAIN:
        found.append(
            Finding(
                "Most protective guideline case (hyperkyphosis): no impact above brisk walking.",
                SourceKey.TFTF15,
            )
        )
        triggers.append("Hyperkyphosis")
    return tuple(found), _joined(triggers)


def _joined(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    rest = [part[0].lower() + part[1:] for part in parts[1:]]
    return ", ".join([parts[0], *rest[:-1]]) + f" and {rest[-1]}"


def fracture_age_weeks(p: ClientProfile, on: date) -> int | None:
    """Whole weeks since the most recent vertebral fracture on ``on``; None if not dated."""
    if not p.vertebral_fractures or p.vertebral_fracture_date is None:
        return None
    return weeks_since(p.vertebral_fracture_date, on)


def _recent_spinal_event(p: ClientProfile, on: date) -> tuple[tuple[Finding, ...], date | None]:
    found: list[Finding] = []
    until = None
    weeks = fracture_age_weeks(p, on)
    if weeks is not None and weeks < RECENT_FRACTURE_WEEKS:
        assert p.vertebral_fracture_date is not None
        until = p.vertebral_fracture_date + timedelta(weeks=RECENT_FRACTURE_WEEKS)
        found.append(
            Finding(
                f"Vertebral fracture on {p.vertebral_fracture_date.isoformat()}, {weeks} "
                f"week{'s' if weeks != 1 else ''} ago (under 12): gentle, low-effort work, "
                "walking as pain allows and safe-movement practice only, until "
                f"{until.isoformat()} and a review.",
                SourceKey.SSS,
            )
        )
    if p.back_pain is BackPain.NEW_UNEXPLAINED:
        found.append(
            Finding(
                "New unexplained back pain (possible vertebral fracture): gentle, low-effort "
                "work, walking as pain allows and safe-movement practice only, until reviewed.",
                SourceKey.SSS,
            )
        )
    return tuple(found), until


def _recent_other_fracture(p: ClientProfile, on: date, site: FractureSite) -> tuple[Finding, ...]:
    if p.other_fracture_site is not site or p.other_fracture_date is None:
        return ()
    weeks = weeks_since(p.other_fracture_date, on)
    if weeks >= RECENT_FRACTURE_WEEKS:
        return ()
    where = "hip or pelvic" if site is FractureSite.HIP_OR_PELVIS else "wrist or arm"
    advice = (
        "weight bearing and exercise as the fracture team allows; no impact, load or floor "
        "work until they clear it"
        if site is FractureSite.HIP_OR_PELVIS
        else "no gripping weights or leaning on the hands until it has healed"
    )
    return (
        Finding(
            f"{where.capitalize()} fracture {weeks} week{'s' if weeks != 1 else ''} ago "
            f"(under 12): {advice}.",
            SourceKey.SSS,
        ),
    )


def _fall_risk_flags(p: ClientProfile) -> tuple[FallRiskFlag, ...]:
    flags: list[FallRiskFlag] = []
    if p.falls_past_year:
        n = p.falls_past_year
        injury = " (one caused an injury)" if p.fall_with_injury else ""
        flags.append(
            FallRiskFlag(
                FallTest.FALLS, f"{n} fall{'s' if n > 1 else ''} in the past year{injury}."
            )
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
    if p.frail:
        flags.append(FallRiskFlag(FallTest.FRAILTY, "Frailty: falls come first.", SourceKey.SSS))
    if Precaution.PERIPHERAL_NEUROPATHY in p.precautions:
        flags.append(
            FallRiskFlag(FallTest.NEUROPATHY, "Peripheral neuropathy: reduced feeling in the feet.")
        )
    if Precaution.VISUAL_IMPAIRMENT in p.precautions:
        flags.append(FallRiskFlag(FallTest.VISION, "Visual impairment."))
    return tuple(flags)


def _recommendations(
    p: ClientProfile,
    case: GuidelineCase,
    fracture_precautions: bool,
    high_risk: bool | None,
    status: BoneStatus,
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
    if high_risk and not p.new_to_strength_training:
        found.append(
            Finding(
                "High fracture risk: start each new exercise at a lower intensity and raise "
                "the load once the technique is secure.",
                SourceKey.TFTF15,
            )
        )
    if p.vertebral_fractures and p.vertebral_fracture_date is None:
        found.append(
            Finding(
                "Date of the vertebral fracture not recorded: treated as over 12 weeks ago; "
                "confirm it.",
                SourceKey.SSS,
            )
        )
    if p.other_fragility_fractures and p.other_fracture_date is None:
        found.append(
            Finding(
                "Date and site of the latest other fracture not recorded: a recent hip or "
                "pelvic fracture changes weight bearing; record it.",
                SourceKey.SSS,
            )
        )
    low_range = p.t_score_lowest is not None and -2.5 < p.t_score_lowest < -1.0
    if low_range and (p.frax_major_percent is None or p.frax_hip_percent is None):
        found.append(
            Finding(
                "Record FRAX: with low bone mass, a 10-year risk of 20% or more (major) or 3% "
                "or more (hip) means managing the client as for osteoporosis.",
                SourceKey.BHOF,
            )
        )
    if p.back_pain is BackPain.MILD and case is not GuidelineCase.MULTIPLE_VF_KYPHOSIS_PAIN:
        found.append(
            Finding(
                "Mild back pain: assess it (onset, where, what eases it); keep spinal loading "
                "and impact gentle and stop anything that makes it worse.",
                SourceKey.TFTF15,
            )
        )
    if Precaution.UNCONTROLLED_HYPERTENSION in p.precautions:
        found.append(
            Finding(
                "Uncontrolled blood pressure: medical clearance before starting; no breath "
                "holding, sustained holds short, effort moderate.",
                SourceKey.ACSM,
            )
        )
    if Precaution.ANTICOAGULATION in p.precautions:
        found.append(
            Finding(
                "On blood thinners: a fall or knock can bleed seriously; keep support within "
                "reach and report any fall or head knock.",
                SourceKey.PROFILE,
            )
        )
    if p.tug_seconds is not None and p.tug_seconds >= TUG_VERY_SLOW_SECONDS:
        found.append(
            Finding(
                f"Timed Up and Go {p.tug_seconds:g} s (very slow): check the walking aid; walk "
                "with it on even ground.",
                SourceKey.CDC,
            )
        )
    if (
        p.chair_stands_30s is not None
        and chair_stand_norm(p.sex, p.age) is None
        and status is not BoneStatus.NORMAL
    ):
        found.append(
            Finding(
                f"No 30-second chair stand norm at age {p.age} (norms start at 60): "
                "the score raised no flag.",
                SourceKey.CDC,
            )
        )
    return tuple(found)


def _referrals(p: ClientProfile) -> tuple[Finding, ...]:
    found: list[Finding] = []
    if p.back_pain is BackPain.NEW_UNEXPLAINED:
        found.append(
            Finding(
                "New unexplained back pain: refer for medical review (and imaging if the doctor "
                "advises) to rule out a new vertebral fracture.",
                SourceKey.SSS,
            )
        )
    if p.falls_past_year >= RECURRENT_FALLS or p.fall_with_injury:
        why = (
            f"{p.falls_past_year} falls in the past year"
            if p.falls_past_year >= RECURRENT_FALLS
            else "a fall with injury"
        )
        found.append(
            Finding(
                f"{why.capitalize()}: refer for a multifactorial falls assessment (medicines, "
                "vision, feet, home hazards, blood pressure).",
                SourceKey.CDC,
            )
        )
    return tuple(found)


def assess(profile: ClientProfile, on: date | None = None) -> Assessment:
    """The profile's meaning for exercise on ``on`` (default: today)."""
    on = on if on is not None else date.today()
    status, label, status_reasons, measured_normal = _bone_status(profile)
    case, case_reasons = _guideline_case(profile)
    precaution_reasons, trigger = _fracture_precautions(profile, case)
    recent, until = _recent_spinal_event(profile, on)
    hip = _recent_other_fracture(profile, on, FractureSite.HIP_OR_PELVIS)
    wrist = _recent_other_fracture(profile, on, FractureSite.WRIST_OR_ARM)
    high_risk, risk_reasons = _high_fracture_risk(profile, status, status_reasons)
    return Assessment(
        on=on,
        bone_status=status,
        bone_status_label=label,
        bone_status_reasons=status_reasons,
        density_measured_normal=measured_normal,
        guideline_case=case,
        case_reasons=case_reasons,
        high_fracture_risk=high_risk,
        fracture_risk_reasons=risk_reasons,
        fracture_precautions=bool(precaution_reasons),
        fracture_precaution_reasons=precaution_reasons,
        fracture_precaution_trigger=trigger,
        recent_spinal_event=bool(recent),
        recent_spinal_event_reasons=recent,
        recent_fracture_until=until,
        recent_hip_or_pelvic_fracture=bool(hip),
        recent_wrist_or_arm_fracture=bool(wrist),
        recent_other_fracture_reasons=hip + wrist,
        fall_risk_flags=_fall_risk_flags(profile),
        recommendations=_recommendations(
            profile, case, bool(precaution_reasons), high_risk, status
        ),
        referrals=_referrals(profile),
        back_pain=profile.back_pain is not BackPain.NONE,
    )
