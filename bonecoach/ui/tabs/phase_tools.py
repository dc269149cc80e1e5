"""Phase edits for the program editor: copy the previous phase's exercises forward, add a
phase after the current one, rename or remove it. Each is one domain call on the immutable
Program (``set_phases``), so every edit is undoable and re-validated (week order, names)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QToolButton, QWidget

from bonecoach.program import programs as program_rules
from bonecoach.program.programs import Phase, Program
from bonecoach.ui.tabs.program_draft import ProgramDraft
from bonecoach.ui.widgets.plain import as_written


def copy_previous(program: Program, index: int) -> Program:
    """Phase ``index`` gets the previous phase's items it does not hold yet (progress them
    afterwards); raises ValueError for the first phase."""
    if index <= 0:
        raise ValueError("phase: the first phase has no previous phase to copy from")
    target = program.phases[index]
    have = {i.exercise_id for i in target.items}
    extra = tuple(i for i in program.phases[index - 1].items if i.exercise_id not in have)
    phases = list(program.phases)
    phases[index] = target.model_copy(update={"items": target.items + extra})
    return program_rules.set_phases(program, phases)


def add_after(program: Program, index: int, weeks: int = 4) -> Program:
    """A new empty phase after ``index``; later phases move back by ``weeks``."""
    phases = list(program.phases)
    start = phases[index].end_week + 1
    new = Phase(name=f"Weeks {start}-{start + weeks - 1}", start_week=start,
                end_week=start + weeks - 1)  # fmt: skip
    shifted = [
        p.model_copy(update={"start_week": p.start_week + weeks, "end_week": p.end_week + weeks})
        for p in phases[index + 1 :]
    ]
    return program_rules.set_phases(program, [*phases[: index + 1], new, *shifted])


def rename_phase(program: Program, index: int, name: str) -> Program:
    phases = list(program.phases)
    phases[index] = Phase.model_validate({**phases[index].model_dump(), "name": name})
    return program_rules.set_phases(program, phases)


def remove_phase(program: Program, index: int) -> Program:
    phases = [p for i, p in enumerate(program.phases) if i != index]
    return program_rules.set_phases(program, phases)


class PhaseButton(QToolButton):
    """ "Phase ▾": the phase edits as a menu (keyboard: focus it and press Space)."""

    def __init__(
        self,
        document: ProgramDraft,
        current: Callable[[], int],
        report: Callable[[str, object], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document, self.current, self.report = document, current, report
        self.setText("Phases")
        self.setAccessibleName("Phase actions")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        menu.addAction("Copy exercises from the previous phase", self.copy_previous)
        menu.addAction("Add a phase after this one", self.add_after)
        menu.addAction("Rename this phase…", self.rename)
        menu.addAction("Remove this phase", self.remove)
        self.setMenu(menu)

    def _apply(self, edit: Callable[[Program, int], Program]) -> None:
        program = self.document.program
        if program is None:
            return
        try:
            self.document.apply(edit(program, self.current()))
        except ValueError as exc:
            self.report("Phase not changed", exc)

    def copy_previous(self) -> None:
        self._apply(copy_previous)

    def add_after(self) -> None:
        self._apply(add_after)

    def rename(self) -> None:
        program = self.document.program
        if program is None:
            return
        old = program.phases[self.current()].name
        name, ok = QInputDialog.getText(self, "Rename phase", "Phase name:", text=old)
        if ok and name.strip():
            self._apply(lambda p, i: rename_phase(p, i, name.strip()))

    def remove(self) -> None:
        program = self.document.program
        if program is None:
            return
        phase = program.phases[self.current()]
        if phase.items:
            answer = QMessageBox.question(
                self, "Remove phase?", as_written(f"Remove “{phase.name}” and its "
                f"{len(phase.items)} exercises? (Ctrl+Z undoes it.)")
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._apply(remove_phase)
