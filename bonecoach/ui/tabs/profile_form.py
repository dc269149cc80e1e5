"""The profile form: every ClientProfile field, checked as the therapist types.

Numbers are typed into line edits (not spin boxes) so a wrong value can be shown as wrong:
the box turns red and the reason appears under it and in its tooltip. Validation is the
domain's own (``profile_from_mapping``), so the form and the stored JSON never disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QWidget,
)

from bonecoach.program.profile import (
    PROFILE_KEYS,
    ClientProfile,
    ProfileError,
    profile_from_mapping,
)
from bonecoach.program.vocabulary import Equipment, Precaution
from bonecoach.ui.widgets.field_feedback import FieldFeedback, choice_label
from bonecoach.ui.widgets.plain import PlainLabel


@dataclass(frozen=True)
class NumberField:
    key: str
    label: str
    whole: bool
    optional: bool
    hint: str


@dataclass(frozen=True)
class DateField:
    """A date typed as 2026-01-14 or 20260114; blank means not known."""

    key: str
    label: str
    hint: str = "YYYY-MM-DD; blank if not known"
    optional: bool = True


PERSON = (NumberField("age", "Age (years)", True, False, "18-110"),)
BONE: tuple[NumberField | DateField, ...] = (
    NumberField("t_score_lowest", "Lowest T-score", False, True, "e.g. -2.7; blank if no scan"),
    NumberField("frax_major_percent", "FRAX major (%)", False, True, "blank if not known"),
    NumberField("frax_hip_percent", "FRAX hip (%)", False, True, "blank if not known"),
    NumberField("vertebral_fractures", "Vertebral fractures", True, False, "number"),
    DateField("vertebral_fracture_date", "Date of latest VF"),
    NumberField("other_fragility_fractures", "Other low-trauma fractures", True, False, "number"),
    DateField("other_fracture_date", "Date of latest other"),
)
FALLS = (
    NumberField("falls_past_year", "Falls in past 12 months", True, False, "number"),
    NumberField("tug_seconds", "Timed Up and Go (s)", False, True, "blank if not tested"),
    NumberField("chair_stands_30s", "30-s chair stands", True, True, "blank if not tested"),
)
NUMBER_FIELDS: dict[str, NumberField | DateField] = {f.key: f for f in (*PERSON, *BONE, *FALLS)}
FRACTURE_SITES = (
    ("Not recorded", None),
    ("Hip or pelvis", "hip_or_pelvis"),
    ("Wrist or arm", "wrist_or_arm"),
    ("Elsewhere", "other"),
)
TANDEM = (("Not tested", None), ("Held 10 s", True), ("Could not hold 10 s", False))
BACK_PAIN = (("None", "none"), ("Mild", "mild"), ("New, unexplained", "new_unexplained"))
FLAGS = {
    "hyperkyphosis": "Hyperkyphosis",
    "frail": "Frail",
    "new_to_strength_training": "New to strength training",
    "cleared_for_supervised_high_intensity": "Cleared for supervised high-intensity training",
    "fall_with_injury": "A fall caused an injury",
}


# equipment a new profile starts with: a chair, a wall and a counter are in nearly every home
# (a template otherwise reported every wall exercise as lacking equipment)
HOME_BASICS = ("chair", "wall", "counter")

_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(text: str) -> tuple[str | None, str | None]:
    """(ISO date, problem) from 2026-01-14, 2026-1-14 or 20260114; blank is None."""
    text = text.strip()
    if not text:
        return None, None
    compact = _COMPACT_DATE.match(text)
    parts = compact.groups() if compact else text.replace("/", "-").split("-")
    try:
        year, month, day = (int(part) for part in parts)
        when = date(year, month, day)
    except ValueError:
        return None, "must be a date written as YYYY-MM-DD, e.g. 2026-01-14"
    if when > date.today():
        return None, "cannot be in the future"
    return when.isoformat(), None


def parse_number(text: str, field: NumberField | DateField) -> tuple[Any, str | None]:
    """(value, problem) from what was typed; blank is None for optional fields."""
    if isinstance(field, DateField):
        return parse_date(text)
    text = text.strip().replace(",", ".")
    if not text:
        return (None, None) if field.optional else (None, "required")
    try:
        return (int(text), None) if field.whole else (float(text), None)
    except ValueError:
        return None, "must be a whole number" if field.whole else "must be a number"


class ProfileForm(QWidget):
    """``changed`` fires on every edit; ``result()`` gives (profile or None, problems)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}
        self.feedback: dict[str, FieldFeedback] = {}
        self.labels: dict[str, str] = {}  # field key -> the label the therapist sees
        self.sex = QComboBox()
        self.sex.addItem("Female", "female")
        self.sex.addItem("Male", "male")
        self.tandem = QComboBox()
        for text, held in TANDEM:
            self.tandem.addItem(text, held)
        self.back_pain = QComboBox()
        for text, code in BACK_PAIN:
            self.back_pain.addItem(text, code)
        self.fracture_site = QComboBox()
        for text, code in FRACTURE_SITES:
            self.fracture_site.addItem(text, code)
        self.flags = {key: QCheckBox(text) for key, text in FLAGS.items()}
        self.equipment = {e.value: QCheckBox(choice_label(e.value)) for e in Equipment}
        self.precautions = {p.value: QCheckBox(choice_label(p.value)) for p in Precaution}

        person = self._number_group("Person", PERSON)
        self._add_row(person, "Sex", self.sex)
        for key in ("new_to_strength_training", "cleared_for_supervised_high_intensity"):
            person.layout().addRow(self.flags[key])  # type: ignore[union-attr]
        bone = self._number_group("Bone density and fractures", BONE)
        self._add_row(bone, "Where (latest other)", self.fracture_site)
        for key in ("hyperkyphosis", "frail"):
            bone.layout().addRow(self.flags[key])  # type: ignore[union-attr]
        self._add_row(bone, "Back pain", self.back_pain)
        falls = self._number_group("Falls and function", FALLS)
        self._add_row(falls, "Tandem stance", self.tandem)
        falls.layout().addRow(self.flags["fall_with_injury"])  # type: ignore[union-attr]

        # Two columns so the whole form fits a 1366x768 screen without scrolling far.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(person, 0, 0)
        layout.addWidget(bone, 1, 0, 2, 1)
        layout.addWidget(falls, 0, 1)
        layout.addWidget(self._check_group("Home equipment", self.equipment, 2), 1, 1)
        layout.addWidget(self._check_group("Precautions", self.precautions, 1), 2, 1)
        layout.setRowStretch(3, 1)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)

        for combo in (self.sex, self.tandem, self.back_pain, self.fracture_site):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for box in (*self.flags.values(), *self.equipment.values(), *self.precautions.values()):
            box.toggled.connect(lambda _c: self.changed.emit())

    # -- building ---------------------------------------------------------------------------
    def _number_group(self, title: str, fields: tuple[NumberField | DateField, ...]) -> QGroupBox:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for field in fields:
            edit = QLineEdit(placeholderText=field.hint)
            edit.setMinimumWidth(140)
            edit.setAccessibleName(field.label)
            edit.textEdited.connect(lambda _t: self.changed.emit())
            # the long form lists its problems in one place (ProfileTab), not under each
            # field: a message appearing there never moves the fields below
            feedback = FieldFeedback(edit, inline=False)
            self.labels[field.key] = field.label
            self.edits[field.key] = edit
            self.feedback[field.key] = feedback
            form.addRow(field.label, feedback)
        return group

    def _add_row(self, group: QGroupBox, label: str, widget: QWidget) -> None:
        widget.setAccessibleName(label)
        feedback = FieldFeedback(widget, inline=False)
        key = {
            "Sex": "sex",
            "Back pain": "back_pain",
            "Tandem stance": "tandem_stance_10s",
            "Where (latest other)": "other_fracture_site",
        }[label]
        self.labels[key] = label
        self.feedback[key] = feedback
        group.layout().addRow(label, feedback)  # type: ignore[union-attr]

    def _check_group(self, title: str, boxes: dict[str, QCheckBox], columns: int) -> QGroupBox:
        group = QGroupBox(title)
        grid = QGridLayout(group)
        for i, box in enumerate(boxes.values()):
            grid.addWidget(box, i // columns, i % columns)
        self.labels[title.split()[-1].lower()] = title
        self.feedback[title.split()[-1].lower()] = FieldFeedback(
            PlainLabel()
        )  # list-level problems
        grid.addWidget(self.feedback[title.split()[-1].lower()], grid.rowCount(), 0, 1, columns)
        return group

    def problem_lines(self, problems: dict[str, str]) -> list[str]:
        """Each problem with the label of its field, in the order of the page."""
        order = list(self.labels)
        keys = sorted(problems, key=lambda k: order.index(k) if k in order else len(order))
        return [f"{self.labels.get(k, k.replace('_', ' '))}: {problems[k]}" for k in keys]

    def tab_chain(self) -> list[QWidget]:
        """Tab follows the page: down the left column, then down the right one."""
        chain: list[QWidget] = [self.edits["age"], self.sex]
        chain += [self.flags["new_to_strength_training"]]
        chain += [self.flags["cleared_for_supervised_high_intensity"]]
        chain += [self.edits[f.key] for f in BONE] + [self.fracture_site]
        chain += [self.flags["hyperkyphosis"], self.flags["frail"], self.back_pain]
        chain += [self.edits[f.key] for f in FALLS] + [self.tandem, self.flags["fall_with_injury"]]
        chain += [*self.equipment.values(), *self.precautions.values()]
        return chain

    # -- values -----------------------------------------------------------------------------
    def raw_values(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The typed values as profile JSON keys, plus problems found while parsing."""
        data: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for key, field in NUMBER_FIELDS.items():
            value, problem = parse_number(self.edits[key].text(), field)
            data[key] = value
            if problem:
                problems[key] = problem
        data["sex"] = self.sex.currentData()
        data["tandem_stance_10s"] = self.tandem.currentData()
        data["back_pain"] = self.back_pain.currentData()
        data["other_fracture_site"] = self.fracture_site.currentData()
        for key, box in self.flags.items():
            data[key] = box.isChecked()
        data["equipment"] = [k for k, box in self.equipment.items() if box.isChecked()]
        data["precautions"] = [k for k, box in self.precautions.items() if box.isChecked()]
        return data, problems

    def result(self) -> tuple[ClientProfile | None, dict[str, str]]:
        """Validate; mark every bad field red with its reason; (profile, {}) when all is well."""
        data, problems = self.raw_values()
        profile = None
        # checked even while some text does not read as a number (left out meanwhile), so
        # every problem shows at once rather than one round of corrections after another
        unread = {key: None for key in problems}
        try:
            profile = profile_from_mapping({**data, **unread})
        except ProfileError as exc:
            for field, problem in exc.problems:
                problems.setdefault((field or "sex").split(".")[0], problem)
        if problems:
            profile = None
        for key, feedback in self.feedback.items():
            feedback.set_problem(problems.get(key))
        return profile, problems

    def set_profile(self, profile: ClientProfile | None) -> None:
        """Fill the form (None: blank, for a client without a profile yet)."""
        data = profile.model_dump(mode="json") if profile else {}
        for key, field in NUMBER_FIELDS.items():
            value = data.get(key)
            if isinstance(field, DateField):
                text = value or ""
            elif value is None and not field.optional and profile is None:
                text = "" if key == "age" else "0"
            elif value is None:
                text = ""
            else:
                text = f"{value:g}" if isinstance(value, float) else str(value)
            self.edits[key].setText(text)
        self._select(self.sex, data.get("sex", "female"))
        self._select(self.tandem, data.get("tandem_stance_10s"))
        self._select(self.back_pain, data.get("back_pain", "none"))
        self._select(self.fracture_site, data.get("other_fracture_site"))
        for key, box in self.flags.items():
            box.setChecked(bool(data.get(key, False)))
        if profile is None:  # nearly every home has these: ticked until the therapist says no
            data["equipment"] = list(HOME_BASICS)
        for group, chosen in ((self.equipment, "equipment"), (self.precautions, "precautions")):
            for key, box in group.items():
                box.setChecked(key in data.get(chosen, ()))
        self.result()

    @staticmethod
    def _select(combo: QComboBox, value: Any) -> None:
        for i in range(combo.count()):
            if combo.itemData(i) == value:
                combo.setCurrentIndex(i)
                return


assert set(NUMBER_FIELDS) | {"sex", "tandem_stance_10s", "back_pain", "other_fracture_site"} | {
    *FLAGS,
    "equipment",
    "precautions",
} == set(PROFILE_KEYS), "the form must offer every profile field"
