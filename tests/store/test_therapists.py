"""Therapists saved as a batch (the Settings dialog's Save): all changes in one transaction,
each with its audit entry, names unique, nothing written when one change is refused."""

from __future__ import annotations

import pytest

from bonecoach.store.errors import NotFoundError
from bonecoach.store.store import Store
from bonecoach.store.therapists import TherapistChange


def _state(store: Store) -> list[tuple[str, str, str, bool]]:
    return [
        (t.name, t.credentials, t.contact, t.active)
        for t in store.therapists(include_inactive=True)
    ]


def test_batch_adds_edits_and_deactivates_with_one_audit_entry_each(store: Store) -> None:
    pat = store.add_therapist("Pat Kim", "PT")
    sam = store.add_therapist("Sam Roe", "DPT", "sam@clinic.example")
    before = len(store.audit_entries())

    saved = store.save_therapists(
        [
            TherapistChange(None, "  Ana   Diaz ", " PT, DPT ", "555-0101"),
            TherapistChange(pat.id, name="Pat Kimura", contact="pat@clinic.example"),
            TherapistChange(sam.id, active=False),
        ],
        by="Clinic Admin",
    )

    assert [t.name for t in saved] == ["Ana Diaz", "Pat Kimura", "Sam Roe"]
    assert _state(store) == [
        ("Ana Diaz", "PT, DPT", "555-0101", True),
        ("Pat Kimura", "PT", "pat@clinic.example", True),
        ("Sam Roe", "DPT", "sam@clinic.example", False),
    ]
    entries = store.audit_entries()[: len(store.audit_entries()) - before]
    assert sorted((e.action, e.detail, e.who) for e in entries) == [
        ("add", "Ana Diaz", "Clinic Admin"),
        ("update", "Pat Kimura", "Clinic Admin"),
        ("update", "Sam Roe", "Clinic Admin"),
    ]
    assert {e.entity for e in entries} == {"therapist"}


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (TherapistChange(None, "   "), "name: a therapist needs a name"),
        (TherapistChange(None, "pat  KIM"), "name: there is already a therapist called"),
        (TherapistChange(None, "Lee Wu", contact="x" * 301), "contact: at most 300"),
        (TherapistChange(10_000, active=False), "No therapist with id 10000"),
    ],
)
def test_one_refused_change_leaves_everything_as_it_was(
    store: Store, bad: TherapistChange, message: str
) -> None:
    pat = store.add_therapist("Pat Kim", "PT")
    before, audit = _state(store), len(store.audit_entries())
    with pytest.raises((ValueError, NotFoundError), match=message):
        store.save_therapists(
            [
                TherapistChange(None, "Ana Diaz"),
                TherapistChange(pat.id, credentials="PT, DPT"),
                bad,
            ]
        )
    assert _state(store) == before
    assert len(store.audit_entries()) == audit


def test_names_may_be_swapped_but_not_shared(store: Store) -> None:
    pat = store.add_therapist("Pat Kim")
    sam = store.add_therapist("Sam Roe")
    store.save_therapists([TherapistChange(pat.id, "Sam Roe"), TherapistChange(sam.id, "Pat Kim")])
    assert {t.id: t.name for t in store.therapists()} == {pat.id: "Sam Roe", sam.id: "Pat Kim"}
    # an inactive therapist keeps their name: old handouts and the audit trail use it
    store.update_therapist(pat.id, active=False)
    with pytest.raises(ValueError, match="name: there is already a therapist called 'Sam Roe'"):
        store.add_therapist("sam roe")
