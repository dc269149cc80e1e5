"""fracture dates instead of week counts in stored profiles

A profile used to say how many weeks before the visit the latest vertebral fracture was
(`weeks_since_vertebral_fracture`); a number typed once never aged, so a fracture recorded as
6 weeks old stayed "recent" for ever. Each stored profile now gives the fracture's date,
counted back from the day the profile was recorded, and the two new keys for the most recent
other fracture (null: not recorded) and whether a fall caused an injury (false). The profile JSON is rewritten row by row; the logic is
copied here (not imported) so this step keeps doing what it did when it was written.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from alembic import op


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_WEEKS = "weeks_since_vertebral_fracture"
# the keys added in this release, with the value an older profile meant by leaving them out
_ADDED: dict[str, Any] = {
    "vertebral_fracture_date": None,
    "other_fracture_date": None,
    "other_fracture_site": None,
    "fall_with_injury": False,
}

profiles = sa.table(
    "profile_versions",
    sa.column("id", sa.Integer),
    sa.column("recorded_on", sa.Date),
    sa.column("profile", sa.JSON),
)


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _upgraded(profile: dict[str, Any], recorded_on: dt.date) -> dict[str, Any]:
    new: dict[str, Any] = {}
    for key, value in profile.items():
        if key != _WEEKS:
            new[key] = value
            continue
        fracture = None if value is None else recorded_on - dt.timedelta(weeks=int(value))
        new["vertebral_fracture_date"] = fracture.isoformat() if fracture else None
    for key, default in _ADDED.items():
        new.setdefault(key, default)
    return new


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.select(profiles.c.id, profiles.c.recorded_on, profiles.c.profile))
    for row_id, recorded_on, profile in rows.all():
        if not isinstance(profile, dict) or _WEEKS not in profile:
            continue
        bind.execute(
            profiles.update()
            .where(profiles.c.id == row_id)
            .values(profile=_upgraded(profile, _as_date(recorded_on)))
        )


def downgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.select(profiles.c.id, profiles.c.recorded_on, profiles.c.profile))
    for row_id, recorded_on, profile in rows.all():
        if not isinstance(profile, dict) or "vertebral_fracture_date" not in profile:
            continue
        old = {k: v for k, v in profile.items() if k not in _ADDED}
        fracture = profile.get("vertebral_fracture_date")
        weeks = None
        if fracture:
            weeks = max(0, (_as_date(recorded_on) - _as_date(fracture)).days // 7)
        old[_WEEKS] = weeks
        bind.execute(profiles.update().where(profiles.c.id == row_id).values(profile=old))
