"""Rows keyed by a slug and saved with an optimistic version check (the clinic's custom
exercises and its templates): one change, and archiving, done the same way for both."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy import update
from sqlalchemy.orm import Session

from bonecoach.store.errors import NotFoundError, StaleSaveError


class VersionedRow(Protocol):
    id: Any
    version: Any
    archived: Any
    updated_at: Any
    updated_by: Any


Row = TypeVar("Row", bound=VersionedRow)


def update_versioned(
    session: Session,
    model: type[Row],
    key: str,
    expected_version: int,
    who: str,
    now: datetime,
    columns: dict[str, Any],
    *,
    kind: str,
    label: Callable[[Row], str],
) -> None:
    """Write ``columns`` to the row if it is still at ``expected_version`` (and count it up);
    NotFoundError naming ``kind``, or StaleSaveError naming ``label(row)`` with who saved
    the newer version, otherwise (nothing written)."""
    result = session.execute(
        update(model)
        .where(model.id == key, model.version == expected_version)
        .values(version=expected_version + 1, updated_at=now, updated_by=who, **columns)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        row = session.get(model, key)
        if row is None:
            raise NotFoundError(kind, key)
        raise StaleSaveError(
            label(row), expected_version, row.version, row.updated_by, row.updated_at
        )


def set_archived(
    session: Session,
    model: type[Row],
    key: str,
    archived: bool,
    expected_version: int | None,
    who: str,
    now: datetime,
    *,
    kind: str,
    label: Callable[[Row], str],
) -> tuple[Row, bool]:
    """Archive the row (or bring it back) on the version the therapist was shown (None: the
    current one). Returns (the row, whether anything was written: already in that state on
    that version, nothing is)."""
    row = session.get(model, key)
    if row is None:
        raise NotFoundError(kind, key)
    version = row.version if expected_version is None else expected_version
    if version == row.version and row.archived == archived:
        return row, False
    update_versioned(
        session, model, key, version, who, now, {"archived": archived}, kind=kind, label=label
    )
    session.refresh(row)
    return row, True
