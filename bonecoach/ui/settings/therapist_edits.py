"""The therapists as edited in the Settings dialog, kept apart from the stored ones until the
dialog is saved (Cancel must leave the database as it was). No Qt here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bonecoach.store.therapists import TherapistChange, name_key, therapist_name

if TYPE_CHECKING:
    from collections.abc import Iterable

    from bonecoach.store.records import TherapistRecord


@dataclass
class EditedTherapist:
    """One therapist as the dialog shows it; ``stored`` is None for one added in the dialog."""

    stored: TherapistRecord | None
    name: str
    credentials: str = ""
    contact: str = ""
    active: bool = True

    @classmethod
    def of(cls, record: TherapistRecord) -> EditedTherapist:
        return cls(record, record.name, record.credentials, record.contact, record.active)

    @property
    def is_new(self) -> bool:
        return self.stored is None

    def change(self) -> TherapistChange | None:
        """What to save for this therapist (only the fields that differ), or None."""
        if self.stored is None:
            return TherapistChange(None, self.name, self.credentials, self.contact, self.active)
        old = self.stored
        changed = {
            field: getattr(self, field)
            for field in ("name", "credentials", "contact", "active")
            if getattr(self, field) != getattr(old, field)
        }
        return TherapistChange(old.id, **changed) if changed else None

    def label(self) -> str:
        text = self.name + (f", {self.credentials}" if self.credentials else "")
        if not self.active:
            text += " (inactive)"
        if self.is_new:
            text += " (new, not saved yet)"
        elif self.change() is not None:
            text += " (changed, not saved yet)"
        return text


class TherapistEdits:
    """The list being edited: add, change, (de)activate or drop; ``changes()`` for the store."""

    def __init__(self, stored: Iterable[TherapistRecord]) -> None:
        self.rows = [EditedTherapist.of(r) for r in stored]

    def problem(self, name: str, editing: EditedTherapist | None = None) -> str | None:
        """Why ``name`` cannot be given to a new therapist (or to ``editing``), or None."""
        try:
            cleaned = therapist_name(name)
        except ValueError as exc:
            return str(exc).replace("name: ", "Name: ", 1)
        for row in self.rows:
            if row is not editing and name_key(row.name) == name_key(cleaned):
                state = "" if row.active else " (inactive)"
                return f"Name: '{row.name}'{state} is already in the list"
        return None

    def add(self, name: str, credentials: str, contact: str) -> EditedTherapist:
        problem = self.problem(name)
        if problem:
            raise ValueError(problem)
        row = EditedTherapist(None, therapist_name(name), credentials.strip(), contact.strip())
        self.rows.append(row)
        return row

    def edit(self, row: EditedTherapist, name: str, credentials: str, contact: str) -> None:
        problem = self.problem(name, row)
        if problem:
            raise ValueError(problem)
        row.name, row.credentials, row.contact = (
            therapist_name(name),
            credentials.strip(),
            contact.strip(),
        )

    def remove_or_toggle(self, row: EditedTherapist) -> None:
        """One added in this dialog goes away; a stored one is (de)activated, never deleted
        (handouts and the audit trail name them)."""
        if row.is_new:
            self.rows.remove(row)
        else:
            row.active = not row.active

    def changes(self) -> list[TherapistChange]:
        return [c for row in self.rows if (c := row.change()) is not None]

    def active_names(self) -> list[str]:
        return sorted((r.name for r in self.rows if r.active), key=str.casefold)
