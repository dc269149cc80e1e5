"""The derived status in words: bone status, guideline case, fall-risk flags, each with why."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from bonecoach.program.assessment import CASE_NAMES, Assessment, FallRiskFlag, Finding

RED = "#b3261e"
AMBER = "#8a5300"


def _reasons(findings: Iterable[Finding | FallRiskFlag]) -> str:
    items = "".join(
        f"<li>{escape(f.text)} <span style='color:#555'>[{escape(str(f.source))}]</span></li>"
        for f in findings
    )
    return f"<ul style='margin-top:2px; margin-bottom:6px'>{items}</ul>" if items else ""


def high_risk_words(assessment: Assessment) -> str:
    """Yes, no or not known: never "no" when no FRAX was recorded."""
    return {True: "yes", False: "no", None: "not known"}[assessment.high_fracture_risk]


def assessment_html(assessment: Assessment) -> str:
    """Rich text for a QLabel; every piece of text is escaped."""
    parts: list[str] = []
    if assessment.recent_spinal_event:
        parts.append(
            f"<p style='color:{RED}'><b>Review before exercising: gentle, low-effort work, "
            "walking as pain allows and safe-movement practice only.</b></p>"
            + _reasons(assessment.recent_spinal_event_reasons)
        )
    if assessment.referrals:
        parts.append(f"<p style='color:{RED}'><b>Refer</b></p>")
        parts.append(_reasons(assessment.referrals))
    if assessment.recent_other_fracture_reasons:
        parts.append(f"<p style='color:{RED}'><b>Recent fracture</b></p>")
        parts.append(_reasons(assessment.recent_other_fracture_reasons))
    parts.append(f"<p><b>Bone status:</b> {escape(assessment.bone_status_label)}</p>")
    parts.append(_reasons(assessment.bone_status_reasons))
    parts.append(f"<p><b>High fracture risk:</b> {high_risk_words(assessment)}</p>")
    if assessment.high_fracture_risk is not True:
        parts.append(_reasons(assessment.fracture_risk_reasons))
    case = CASE_NAMES[assessment.guideline_case]
    parts.append(f"<p><b>Guideline case:</b> {escape(case)}</p>")
    parts.append(_reasons(assessment.case_reasons))
    if assessment.fall_risk_flags:
        n = len(assessment.fall_risk_flags)
        parts.append(
            f"<p style='color:{AMBER}'><b>Fall risk: {n} flag{'s' if n > 1 else ''}</b></p>"
        )
        parts.append(_reasons(assessment.fall_risk_flags))
    else:
        parts.append("<p><b>Fall risk:</b> no flags from the tests recorded</p>")
    if assessment.fracture_precautions:
        parts.append("<p><b>Fracture precautions</b></p>")
        parts.append(_reasons(assessment.fracture_precaution_reasons))
    if assessment.recommendations:
        parts.append("<p><b>Recommendations</b></p>")
        parts.append(_reasons(assessment.recommendations))
    return "".join(parts)
