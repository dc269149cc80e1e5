"""Edit one program item: sets, reps or hold or minutes, load (kg or band), effort, rest,
days a week, notes, and whether the support variant is prescribed.

Every change is validated by the domain (``parse_dosage``); a problem is shown under the
boxes naming the field, and nothing is applied until it is fixed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from bonecoach.program.dosage import BandColour, Dosage, DosageError, parse_dosage
from bonecoach.program.dosage_words import dosage_text
from bonecoach.program.programs import NOTE_MAX, ProgramItem
from bonecoach.ui.widgets.plain import PlainLabel

MEASURES = (("Reps", "reps", 1, 100), ("Hold (s)", "hold_seconds", 1, 600),
            ("Minutes", "minutes", 1, 180))  # fmt: skip
# what the count of a dose is called, and each one of them, by measure
COUNT_WORDS = {"reps": ("Sets", "Each set"), "hold_seconds": ("Holds", "Each hold"),
               "minutes": ("Bouts", "Each bout")}  # fmt: skip
LOADS = (("Body weight", "body"), ("Kilograms", "kg"), ("Band", "band"))
LOAD_KG = (0.5, 300.0)


class RangeSpinBox(QSpinBox):
    """A number box that takes what is typed, in or out of range, and says when it is out.

    A plain QSpinBox refuses the keystroke that leaves its range: "500" typed into a 1-100
    box became 50, "99" sets became 9, without a word, and a dose the therapist never meant
    was printed. Here the box holds what was typed; ``problem()`` names it, and the editor
    applies nothing until it is corrected. The arrows stay within the range.
    """

    def __init__(self, low: int, high: int, name: str, suffix: str = "") -> None:
        super().__init__()
        self.allowed = (low, high)
        self.name = name
        self.setRange(0, max(9999, high * 10))  # room for any slip of the keyboard
        self.setValue(low)
        self.setAccessibleName(name)
        self.setKeyboardTracking(False)  # apply "12" once, not "1" then "12" (one undo step)
        self.unit = suffix
        self.setSuffix(suffix)

    def set_allowed(self, low: int, high: int) -> None:
        self.allowed = (low, high)
        self.setMaximum(max(9999, high * 10))

    def show_blank(self, blank: bool) -> None:
        """Show no number at all (a disabled panel with nothing selected), or the value."""
        self.setSuffix("" if blank else self.unit)
        self.setSpecialValueText(" " if blank else "")
        if blank:
            self.setValue(self.minimum())

    def stepBy(self, steps: int) -> None:
        low, high = self.allowed
        self.setValue(min(high, max(low, self.value() + steps * self.singleStep())))

    def problem(self) -> str | None:
        low, high = self.allowed
        if low <= self.value() <= high:
            return None
        return f"{self.value()} is outside {low} to {high}"


def _spin(low: int, high: int, name: str, suffix: str = "") -> RangeSpinBox:
    return RangeSpinBox(low, high, name, suffix)


class DosageEditor(QGroupBox):
    # dosage, notes, support prescribed: emitted when the therapist changed something valid
    item_edited = Signal(object, str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Dosage", parent)
        self._loading = False
        self.sets = _spin(1, 10, "Sets")
        self.measure = QComboBox()
        self.measure.setAccessibleName("Measure")
        for label, key, *_ in MEASURES:
            self.measure.addItem(label, key)
        self.amount = _spin(1, 100, "Amount per set")
        self.load_kind = QComboBox()
        self.load_kind.setAccessibleName("Load")
        for label, key in LOADS:
            self.load_kind.addItem(label, key)
        self.load_kg = QDoubleSpinBox()
        self.load_kg.setKeyboardTracking(False)
        self.load_kg.setRange(0, 9999)  # takes a slip ("500"); range_problems names it
        self.load_kg.setSingleStep(0.5)
        self.load_kg.setSuffix(" kg")
        self.load_kg.setAccessibleName("Load in kilograms")
        self.band = QComboBox()
        self.band.setAccessibleName("Band colour")
        for colour in BandColour:
            self.band.addItem(colour.value.capitalize(), colour.value)
        self.effort = _spin(0, 10, "Effort out of 10", " / 10")
        self.rest = _spin(0, 600, "Rest between sets in seconds", " s")
        self.rest.setSingleStep(15)
        self.days = _spin(1, 7, "Days per week", " a week")
        self.notes = QLineEdit()
        self.notes.setAccessibleName("Notes for the client")
        # no setMaxLength: it cut a pasted note at 600 characters without a word; a longer
        # note is refused at the field instead (see _changed)
        self.notes.setPlaceholderText("Printed under the exercise")
        self.support = QCheckBox("Prescribe the support variant (printed)")
        self.plain = PlainLabel()
        self.plain.setWordWrap(True)
        self.plain.setStyleSheet("color:#3c4043")
        self.problem = PlainLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#a3261c")
        # room for a two-line message kept whether or not there is one: the boxes above
        # never move as a message comes and goes (a click aimed at Reps landed elsewhere)
        self.problem.setMinimumHeight(2 * self.problem.fontMetrics().lineSpacing() + 2)
        # an unusual dose for this kind of exercise: applied, but worth a second look
        self.unusual = PlainLabel()
        self.unusual.setWordWrap(True)
        self.unusual.setAccessibleName("Unusual dose")
        self.unusual.setStyleSheet("color:#7a4b00; background:#fff3d6; padding:3px")
        self.unusual.hide()
        for message in (self.problem, self.unusual):  # wrap to the boxes' width, never widen
            message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        # Two columns of short boxes so the editor fits under the program at 1366x768.
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.measure, 1)
        amount_row.addWidget(self.amount)
        # the choice boxes are as narrow as six letters allow (wider when there is room):
        # sized to "Body weight" they made the tab wider than a 1366-px laptop screen
        for choice in (self.measure, self.load_kind, self.band):
            choice.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            choice.setMinimumContentsLength(6)
        load_row = QHBoxLayout()
        load_row.addWidget(self.load_kind, 1)
        load_row.addWidget(self.load_kg)
        load_row.addWidget(self.band)
        cells = (
            ("Sets", self.sets, 0, 0),
            ("Effort", self.effort, 0, 2),
            ("Each set", amount_row, 1, 0),
            ("Rest", self.rest, 1, 2),
            ("Load", load_row, 2, 0),
            ("Days", self.days, 2, 2),
        )
        self.labels: dict[str, PlainLabel] = {}
        for text, field, row, col in cells:
            label = PlainLabel(text)
            self.labels[text] = label
            grid.addWidget(label, row, col)
            if isinstance(field, QHBoxLayout):
                grid.addLayout(field, row, col + 1)
            else:
                label.setBuddy(field)
                grid.addWidget(field, row, col + 1)
        grid.addWidget(PlainLabel("Notes"), 3, 0)
        grid.addWidget(self.notes, 3, 1, 1, 3)
        grid.addWidget(self.support, 4, 0, 1, 4)
        grid.addWidget(self.plain, 5, 0, 1, 4)
        grid.addWidget(self.problem, 6, 0, 1, 4)
        grid.addWidget(self.unusual, 7, 0, 1, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)

        for box in (self.sets, self.amount, self.effort, self.rest, self.days):
            box.valueChanged.connect(self._changed)
        for combo in (self.measure, self.load_kind, self.band):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.load_kg.valueChanged.connect(self._changed)
        for combo in (self.measure, self.load_kind, self.band):
            combo.currentIndexChanged.connect(self._changed)
        self.notes.editingFinished.connect(self._changed)
        self.support.toggled.connect(self._changed)
        self.measure.currentIndexChanged.connect(self._name_counts)
        self.show_item(None)

    def _name_counts(self) -> None:
        """ "10 holds of 5 seconds", not "10 sets": the count is named after the measure."""
        key = self.measure.currentData()
        count, each = COUNT_WORDS.get(key, COUNT_WORDS["reps"])
        self.labels["Sets"].setText(count)
        self.labels["Each set"].setText(each)
        self.sets.setAccessibleName(count)

    def show_item(self, item: ProgramItem | None, has_support: bool = True) -> None:
        """Fill the boxes from ``item`` (None: empty and disabled)."""
        self._loading = True
        try:
            self.setEnabled(item is not None)
            if item is not None:
                d = item.dosage
                self.sets.setValue(d.sets)
                self.measure.setCurrentIndex([m[1] for m in MEASURES].index(d.measure))
                self.amount.setValue(int(getattr(d, d.measure)))
                kind = "kg" if d.load_kg is not None else "band" if d.band_colour else "body"
                self.load_kind.setCurrentIndex([k for _, k in LOADS].index(kind))
                if d.load_kg is not None:
                    self.load_kg.setValue(d.load_kg)
                if d.band_colour is not None:
                    self.band.setCurrentIndex(self.band.findData(d.band_colour.value))
                self.effort.setValue(d.effort)
                self.rest.setValue(d.rest_seconds)
                self.days.setValue(d.days_per_week)
                self.notes.setText(item.notes)
                self.support.setChecked(item.support_prescribed)
                self.support.setEnabled(has_support)
                words = dosage_text(d)
                if item.override is not None:  # kept with the item; shown wherever it is edited
                    words += f"\nOverride reason: {item.override.reason}"
                self.plain.setText(words)
            else:
                # empty, not the last item's numbers: a disabled panel still shows its values,
                # and another client's dose must never appear under this client
                self.notes.clear()
                self.support.setChecked(False)
                self.plain.setText("Select an exercise in the program to set its dose.")
            self.problem.clear()
            self._sync_boxes()
            if item is not None:
                self.range_problems()  # clears the marks of a previous item's slip
            for box in (self.sets, self.amount, self.effort, self.rest, self.days):
                box.show_blank(item is None)
            if item is None:
                self.load_kg.setVisible(False)
                self.band.setVisible(False)
        finally:
            self._loading = False

    def _sync_boxes(self) -> None:
        measure = MEASURES[max(0, self.measure.currentIndex())]
        self.amount.set_allowed(measure[2], measure[3])
        kind = self.load_kind.currentData()
        self.load_kg.setVisible(kind == "kg")
        self.band.setVisible(kind == "band")

    def range_problems(self) -> list[str]:
        """Each box holding a number outside its range, marked and named."""
        problems = []
        boxes = (self.sets, self.amount, self.effort, self.rest, self.days)
        for box in boxes:
            problem = box.problem()
            box.setProperty("invalid", problem is not None)
            box.setStyleSheet("QSpinBox { border: 2px solid #a3261c; }" if problem else "")
            if problem is not None:
                name = self.measure.currentText() if box is self.amount else box.name
                problems.append(f"{name}: {problem}")
        kg = self.load_kg.value()
        bad_load = self.load_kind.currentData() == "kg" and not LOAD_KG[0] <= kg <= LOAD_KG[1]
        self.load_kg.setStyleSheet(
            "QDoubleSpinBox { border: 2px solid #a3261c; }" if bad_load else ""
        )
        if bad_load:
            problems.append(f"Load: {kg:g} kg is outside {LOAD_KG[0]:g} to {LOAD_KG[1]:g}")
        return problems

    def show_unusual(self, warnings: list[str]) -> None:
        self.unusual.setText("Unusual dose: " + "; ".join(warnings) + "." if warnings else "")
        self.unusual.setVisible(bool(warnings))

    def raw(self) -> dict[str, Any]:
        """What the boxes say, as the fields of a Dosage."""
        kind = self.load_kind.currentData()
        return {
            "sets": self.sets.value(),
            str(self.measure.currentData()): self.amount.value(),
            "load_kg": self.load_kg.value() if kind == "kg" else None,
            "band_colour": self.band.currentData() if kind == "band" else None,
            "effort": self.effort.value(),
            "rest_seconds": self.rest.value(),
            "days_per_week": self.days.value(),
        }

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._loading = True
        try:
            self._sync_boxes()
        finally:
            self._loading = False
        out_of_range = self.range_problems()
        if out_of_range:
            self.problem.setText("\n".join(out_of_range) + "\nNothing was changed.")
            return
        try:
            dosage: Dosage = parse_dosage(self.raw())
        except DosageError as exc:
            self.problem.setText(
                "\n".join(f"{field}: {text}" for field, text in exc.problems.items())
            )
            return
        from bonecoach.app.clients import unprintable_problem

        if len(self.notes.text().strip()) > NOTE_MAX:
            self.problem.setText(
                f"Notes: {len(self.notes.text().strip())} characters; at most {NOTE_MAX} "
                "fit under the exercise on the handout. Shorten it.\nNothing was changed."
            )
            return
        unprintable = unprintable_problem(self.notes.text())
        if unprintable:
            self.problem.setText(f"Notes: {unprintable}.\nNothing was changed.")
            return
        self.problem.clear()
        self.plain.setText(dosage_text(dosage))
        self.item_edited.emit(dosage, self.notes.text().strip(), self.support.isChecked())
