"""Noticing that another window or workstation restored a backup.

Every restore writes an audit entry (action ``restore``). A window remembers the newest
audit entry it has seen; when it looks again, a restore entry after it means the records on
screen may be gone or changed. A SQLite restore replaces the audit log with the backup's
(plus its restore entry), so the remembered entry may have vanished or changed: then the
newest restore entry is the one to report. Both checks read one or two rows by key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from bonecoach.store.models import AuditRow

if TYPE_CHECKING:
    from bonecoach.store.store import Store


@dataclass(frozen=True)
class AuditMark:
    """The newest audit entry a window has seen, with enough of it to tell it from another
    entry that took its id after a restore replaced the log (times are whole seconds)."""

    id: int
    at: datetime
    what: tuple[str, str, int | None, str, str]

    @classmethod
    def of(cls, row: AuditRow) -> AuditMark:
        return cls(row.id, row.at, (row.action, row.entity, row.entity_id, row.who, row.detail))


@dataclass(frozen=True)
class RestoreNotice:
    at: datetime
    who: str
    detail: str


def newest_mark(store: Store) -> AuditMark | None:
    with store._reading() as session:
        newest = session.scalar(select(func.max(AuditRow.id)))
        if newest is None:
            return None
        row = session.get(AuditRow, newest)
        return None if row is None else AuditMark.of(row)


def restore_since(
    store: Store, seen: AuditMark | None
) -> tuple[AuditMark | None, RestoreNotice | None]:
    """(the newest mark now, the latest restore after ``seen`` or None)."""
    with store._reading() as session:
        newest = session.scalar(select(func.max(AuditRow.id)))
        if newest is None:
            return None, None
        top = session.get(AuditRow, newest)
        mark = None if top is None else AuditMark.of(top)
        if seen is not None and mark == seen:
            return mark, None  # nothing new at all: the common case
        query = select(AuditRow).where(AuditRow.action == "restore")
        if seen is not None:
            remembered = session.get(AuditRow, seen.id)
            if remembered is not None and AuditMark.of(remembered) == seen:
                query = query.where(AuditRow.id > seen.id)  # the log goes on: only what is new
            # else the log itself was replaced by a restore: its newest restore entry
        row = session.scalars(query.order_by(AuditRow.id.desc()).limit(1)).first()
        if row is None:
            return mark, None
        return mark, RestoreNotice(row.at, row.who, row.detail)
