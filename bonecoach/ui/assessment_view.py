"""The derived status in words: bone status, guideline case, fall-risk flags, each with why."""

from __future__ import annotations

from html import escape
from typing import Any

BONE_STATUS = {
    "normal": "Normal bone density",
    "low_bone_mass": "Low bone mass",
    "osteoporosis": "Osteoporosis",
    "severe": "Severe (established) osteoporosis",
}
GUIDELINE_CASE = {
    "density_only": "Case 1: low bone density only",
    "one_vertebral_fracture": "Case 2: one vertebral fracture",
    "multiple_vf_kyphosis_pain": (
        "Case 3: several fractures, hyperkyphosis or pain (most protective)"
    ),
}
RED = "#b3261e"
AMBER = "#8a5300"


def _reasons(findings: Any) -> str:
    items = "".join(
        f"<li>{escape(f.text)} <span style='color:#555'>[{escape(str(f.source))}]</span></li>"
        for f in findings
    )
    return f"<ul style='margin-top:2px; margin-bottom:6px'>{items}</ul>" if items else ""


def assessment_html(assessment: Any) -> str:
    """Rich text for a QLabel; every piece of text is escaped."""
    parts: list[str] = []
    if assessment.recent_spinal_event:
        parts.append(
            f"<p style='color:{RED}'><b>Review before exercising: gentle lying and seated work "
            "only.</b></p>" + _reasons(assessment.recent_spinal_event_reasons)
        )
    status = BONE_STATUS.get(str(assessment.bone_status), str(assessment.bone_status))
    parts.append(f"<p><b>Bone status:</b> {escape(status)}</p>")
    parts.append(_reasons(assessment.bone_status_reasons))
    case = GUIDELINE_CASE.get(str(assessment.guideline_case), str(assessment.guideline_case))
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
