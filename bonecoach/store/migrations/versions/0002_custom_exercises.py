"""custom exercises in the database (they were loose TOML files in the data folder)

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "custom_exercises",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("exercise", sa.JSON(), nullable=False),
        sa.Column("picture_kind", sa.String(length=16), nullable=False),
        sa.Column("pose_start", sa.String(length=64), nullable=False),
        sa.Column("pose_end", sa.String(length=64), nullable=False),
        sa.Column("same_as", sa.String(length=64), nullable=False),
        sa.Column("photo", sa.LargeBinary(), nullable=True),
        sa.Column("photo_type", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_exercises")),
    )


def downgrade() -> None:
    op.drop_table("custom_exercises")
