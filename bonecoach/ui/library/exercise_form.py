"""The form of one exercise in the library manager: every field of the domain ``Exercise``.

Safety attributes start unset ("Choose…") on a new exercise so the therapist must decide
each one; ``raw()`` leaves unset ones out, and the domain model then names them as missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from bonecoach.program.exercise import Exercise
from bonecoach.program.vocabulary import (
    Category,
    Equipment,
    FallRisk,
    Impact,
    Load,
    Position,
    Precaution,
    Region,
    SourceKey,
    SpinalFlexion,
    SpinalRotation,
)
from bonecoach.ui.library.library_model import words

CHOOSE = "Choose…"
SINGLE: tuple[tuple[str, str, type[StrEnum]], ...] = (
    ("category", "Category", Category),
    ("spinal_flexion", "Spinal flexion", SpinalFlexion),
    ("spinal_rotation", "Spinal rotation", SpinalRotation),
    ("impact", "Impact", Impact),
    ("fall_risk", "Fall risk without support", FallRisk),
    ("load", "Load intensity", Load),
    ("position", "Position", Position),
)
MULTI: tuple[tuple[str, str, type[StrEnum]], ...] = (
    ("regions", "Body regions loaded", Region),
    ("equipment", "Equipment", Equipment),
    ("avoid_with", "Unsuitable with", Precaution),
    ("sources", "Sources", SourceKey),
)
DOSE = (("sets", 1, 10), ("amount", 1, 600), ("rest_seconds", 0, 600),
        ("days_per_week", 1, 7), ("effort", 0, 10))  # fmt: skip


def _checklist(values: Iterable[StrEnum], name: str) -> QListWidget:
    box = QListWidget()
    box.setAccessibleName(name)
    for value in values:
        item = QListWidgetItem(words(value.value))
        item.setData(Qt.ItemDataRole.UserRole, value.value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        box.addItem(item)
    box.setMaximumHeight(96)
    return box


def id_from_name(name: str) -> str:
    """'Towel squeeze (seated)' -> 'towel_squeeze_seated': the id rule, from the name."""
    import re
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")
    return slug[:64].rstrip("_")


class ExerciseForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def add(name: str, label: str, widget: QWidget) -> None:
            widget.setAccessibleName(label)
            self.fields[name] = widget
            form.addRow(label, widget)

        add("name", "Name", QLineEdit())
        add("id", "Id (made from the name)", QLineEdit())
        # a new exercise's id follows its name until the therapist types one of their own
        self.fields["id"].setToolTip("Lower-case letters, digits and _; programs refer to it")
        self.fields["name"].textEdited.connect(self._name_typed)  # type: ignore[attr-defined]
        self.fields["id"].textEdited.connect(self._id_typed)  # type: ignore[attr-defined]
        self._id_follows_name = False
        add("summary", "Summary", QLineEdit())
        for name, label, enum in SINGLE:
            combo = QComboBox()
            combo.addItem(CHOOSE, None)
            for value in enum:
                combo.addItem(words(value.value), value.value)
            add(name, label, combo)
        add("supervised_only", "Supervised only", QCheckBox("Only in supervised sessions"))
        level = QSpinBox()
        level.setRange(1, 4)
        add("level", "Level (1-4)", level)
        for name, label, enum in MULTI:
            add(name, label, _checklist(enum, label))
        for name, label in (("steps", "Steps (one per line)"), ("tips", "Tips (one per line)")):
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setFixedHeight(84)
            add(name, label, text)
        add("stop_if", "Stop if", QLineEdit())
        add("support_variant", "Support variant", QLineEdit())
        measure = QComboBox()
        for label, key in (("Reps", "reps"), ("Hold (s)", "hold_seconds"), ("Minutes", "minutes")):
            measure.addItem(label, key)
        add("measure", "Starting dose: measure", measure)
        for name, low, high in DOSE:
            spin = QSpinBox()
            spin.setRange(low, high)
            add(f"dose_{name}", f"Starting dose: {words(name)}", spin)

    def follow_name(self, follow: bool) -> None:
        """New and duplicated exercises: the id is made from the name as it is typed."""
        self._id_follows_name = follow

    def _id_typed(self, _text: str) -> None:
        self._id_follows_name = False  # the therapist's own id stays

    def _name_typed(self, text: str) -> None:
        box = self.fields["id"]
        if self._id_follows_name and box.isEnabled():
            box.setText(id_from_name(text))  # type: ignore[attr-defined]

    # -- reading and writing --------------------------------------------------------------
    def raw(self) -> dict[str, Any]:
        """The form as the fields of an Exercise; unset choices and empty texts are left out."""
        f = self.fields
        data: dict[str, Any] = {}
        for name in ("id", "name", "summary", "stop_if", "support_variant"):
            text = f[name].text().strip()  # type: ignore[attr-defined]
            if text:
                data[name] = text
        for name, _label, _enum in SINGLE:
            value = f[name].currentData()  # type: ignore[attr-defined]
            if value is not None:
                data[name] = value
        data["supervised_only"] = f["supervised_only"].isChecked()  # type: ignore[attr-defined]
        data["level"] = f["level"].value()  # type: ignore[attr-defined]
        for name, _label, _enum in MULTI:
            box: QListWidget = f[name]  # type: ignore[assignment]
            data[name] = [
                box.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(box.count())
                if box.item(i).checkState() == Qt.CheckState.Checked
            ]
        for name in ("steps", "tips"):
            lines = f[name].toPlainText().splitlines()  # type: ignore[attr-defined]
            data[name] = [line.strip() for line in lines if line.strip()]
        dose = {n: f[f"dose_{n}"].value() for n, *_ in DOSE}  # type: ignore[attr-defined]
        dose[f["measure"].currentData()] = dose.pop("amount")  # type: ignore[attr-defined]
        data["default_dosage"] = dose
        return data

    def show_exercise(self, exercise: Exercise | None) -> None:
        """Fill from ``exercise`` (None: a blank new exercise with every choice unset)."""
        f = self.fields
        data = {} if exercise is None else exercise.model_dump(mode="json")
        for name in ("id", "name", "summary", "stop_if", "support_variant"):
            f[name].setText(data.get(name) or "")  # type: ignore[attr-defined]
        for name, _label, _enum in SINGLE:
            combo: QComboBox = f[name]  # type: ignore[assignment]
            combo.setCurrentIndex(max(0, combo.findData(data.get(name))))
        f["supervised_only"].setChecked(bool(data.get("supervised_only")))  # type: ignore[attr-defined]
        f["level"].setValue(int(data.get("level", 1)))  # type: ignore[attr-defined]
        for name, _label, _enum in MULTI:
            chosen = set(data.get(name, ()))
            box: QListWidget = f[name]  # type: ignore[assignment]
            for i in range(box.count()):
                item = box.item(i)
                checked = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        for name in ("steps", "tips"):
            f[name].setPlainText("\n".join(data.get(name, ())))  # type: ignore[attr-defined]
        dose = data.get("default_dosage") or {"sets": 1, "reps": 10, "rest_seconds": 60,
                                              "days_per_week": 3, "effort": 5}  # fmt: skip
        measure = next((m for m in ("reps", "hold_seconds", "minutes") if dose.get(m)), "reps")
        f["measure"].setCurrentIndex(f["measure"].findData(measure))  # type: ignore[attr-defined]
        for name, *_ in DOSE:
            value = dose.get(measure if name == "amount" else name, 1)
            f[f"dose_{name}"].setValue(int(value))  # type: ignore[attr-defined]

    def set_editable(self, editable: bool) -> None:
        for widget in self.fields.values():
            widget.setEnabled(editable)

    def mark_problems(self, fields: Iterable[str]) -> None:
        """Outline the fields named in validation errors (and clear the others)."""
        bad = {name.split(".")[0] for name in fields}
        if "default_dosage" in bad:
            bad |= {f"dose_{n}" for n, *_ in DOSE} | {"measure"}
        for name, widget in self.fields.items():
            widget.setStyleSheet("border: 2px solid #a3261c;" if name in bad else "")
