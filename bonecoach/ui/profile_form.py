"""The profile form: every ClientProfile field, checked as the therapist types.

Numbers are typed into line edits (not spin boxes) so a wrong value can be shown as wrong:
the box turns red and the reason appears under it and in its tooltip. Validation is the
domain's own (``profile_from_mapping``), so the form and the stored JSON never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
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
from bonecoach.ui.widgets import FieldFeedback, choice_label


@dataclass(frozen=True)
class NumberField:
    key: str
    label: str
    whole: bool
    optional: bool
    hint: str


PERSON = (NumberField("age", "Age (years)", True, False, "18-110"),)
BONE = (
    NumberField("t_score_lowest", "Lowest T-score", False, True, "e.g. -2.7; blank if no scan"),
    NumberField("frax_major_percent", "FRAX major (%)", False, True, "blank if not known"),
    NumberField("frax_hip_percent", "FRAX hip (%)", False, True, "blank if not known"),
    NumberField("vertebral_fractures", "Vertebral fractures", True, False, "number"),
    NumberField(
        "weeks_since_vertebral_fracture", "Weeks since latest VF", True, True, "blank if none"
    ),
    NumberField("other_fragility_fractures", "Other low-trauma fractures", True, False, "number"),
)
FALLS = (
    NumberField("falls_past_year", "Falls in past 12 months", True, False, "number"),
    NumberField("tug_seconds", "Timed Up and Go (s)", False, True, "blank if not tested"),
    NumberField("chair_stands_30s", "30-s chair stands", True, True, "blank if not tested"),
)
NUMBER_FIELDS = {f.key: f for f in (*PERSON, *BONE, *FALLS)}
TANDEM = (("Not tested", None), ("Held 10 s", True), ("Could not hold 10 s", False))
BACK_PAIN = (("None", "none"), ("Mild", "mild"), ("New, unexplained", "new_unexplained"))
FLAGS = {
    "hyperkyphosis": "Hyperkyphosis",
    "frail": "Frail",
    "new_to_strength_training": "New to strength training",
    "cleared_for_supervised_high_intensity": "Cleared for supervised high-intensity training",
}


def parse_number(text: str, field: NumberField) -> tuple[Any, str | None]:
    """(value, problem) from what was typed; blank is None for optional fields."""
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
        self.sex = QComboBox()
        self.sex.addItem("Female", "female")
        self.sex.addItem("Male", "male")
        self.tandem = QComboBox()
        for text, held in TANDEM:
            self.tandem.addItem(text, held)
        self.back_pain = QComboBox()
        for text, code in BACK_PAIN:
            self.back_pain.addItem(text, code)
        self.flags = {key: QCheckBox(text) for key, text in FLAGS.items()}
        self.equipment = {e.value: QCheckBox(choice_label(e.value)) for e in Equipment}
        self.precautions = {p.value: QCheckBox(choice_label(p.value)) for p in Precaution}

        person = self._number_group("Person", PERSON)
        self._add_row(person, "Sex", self.sex)
        for key in ("new_to_strength_training", "cleared_for_supervised_high_intensity"):
            person.layout().addRow(self.flags[key])  # type: ignore[union-attr]
        bone = self._number_group("Bone density and fractures", BONE)
        for key in ("hyperkyphosis", "frail"):
            bone.layout().addRow(self.flags[key])  # type: ignore[union-attr]
        self._add_row(bone, "Back pain", self.back_pain)
        falls = self._number_group("Falls and function", FALLS)
        self._add_row(falls, "Tandem stance", self.tandem)

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

        for combo in (self.sex, self.tandem, self.back_pain):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for box in (*self.flags.values(), *self.equipment.values(), *self.precautions.values()):
            box.toggled.connect(lambda _c: self.changed.emit())

    # -- building ---------------------------------------------------------------------------
    def _number_group(self, title: str, fields: tuple[NumberField, ...]) -> QGroupBox:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for field in fields:
            edit = QLineEdit(placeholderText=field.hint)
            edit.setMinimumWidth(140)
            edit.setAccessibleName(field.label)
            edit.textEdited.connect(lambda _t: self.changed.emit())
            feedback = FieldFeedback(edit)
            self.edits[field.key] = edit
            self.feedback[field.key] = feedback
            form.addRow(field.label, feedback)
        return group

    def _add_row(self, group: QGroupBox, label: str, widget: QWidget) -> None:
        widget.setAccessibleName(label)
        feedback = FieldFeedback(widget)
        key = {"Sex": "sex", "Back pain": "back_pain", "Tandem stance": "tandem_stance_10s"}[label]
        self.feedback[key] = feedback
        group.layout().addRow(label, feedback)  # type: ignore[union-attr]

    def _check_group(self, title: str, boxes: dict[str, QCheckBox], columns: int) -> QGroupBox:
        group = QGroupBox(title)
        grid = QGridLayout(group)
        for i, box in enumerate(boxes.values()):
            grid.addWidget(box, i // columns, i % columns)
        self.feedback[title.split()[-1].lower()] = FieldFeedback(QLabel())  # list-level problems
        grid.addWidget(self.feedback[title.split()[-1].lower()], grid.rowCount(), 0, 1, columns)
        return group

    def tab_chain(self) -> list[QWidget]:
        """Tab follows the page: down the left column, then down the right one."""
        chain: list[QWidget] = [self.edits["age"], self.sex]
        chain += [self.flags["new_to_strength_training"]]
        chain += [self.flags["cleared_for_supervised_high_intensity"]]
        chain += [self.edits[f.key] for f in BONE]
        chain += [self.flags["hyperkyphosis"], self.flags["frail"], self.back_pain]
        chain += [self.edits[f.key] for f in FALLS] + [self.tandem]
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
        for key, box in self.flags.items():
            data[key] = box.isChecked()
        data["equipment"] = [k for k, box in self.equipment.items() if box.isChecked()]
        data["precautions"] = [k for k, box in self.precautions.items() if box.isChecked()]
        return data, problems

    def result(self) -> tuple[ClientProfile | None, dict[str, str]]:
        """Validate; mark every bad field red with its reason; (profile, {}) when all is well."""
        data, problems = self.raw_values()
        profile = None
        if not problems:
            try:
                profile = profile_from_mapping(data)
            except ProfileError as exc:
                for field, problem in exc.problems:
                    problems.setdefault((field or "sex").split(".")[0], problem)
        for key, feedback in self.feedback.items():
            feedback.set_problem(problems.get(key))
        return profile, problems

    def set_profile(self, profile: ClientProfile | None) -> None:
        """Fill the form (None: blank, for a client without a profile yet)."""
        data = profile.model_dump(mode="json") if profile else {}
        for key, field in NUMBER_FIELDS.items():
            value = data.get(key)
            if value is None and not field.optional and profile is None:
                text = "" if key == "age" else "0"
            elif value is None:
                text = ""
            else:
                text = f"{value:g}" if isinstance(value, float) else str(value)
            self.edits[key].setText(text)
        self._select(self.sex, data.get("sex", "female"))
        self._select(self.tandem, data.get("tandem_stance_10s"))
        self._select(self.back_pain, data.get("back_pain", "none"))
        for key, box in self.flags.items():
            box.setChecked(bool(data.get(key, False)))
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


assert set(NUMBER_FIELDS) | {"sex", "tandem_stance_10s", "back_pain", *FLAGS} | {
    "equipment",
    "precautions",
} == set(PROFILE_KEYS), "the form must offer every profile field"
