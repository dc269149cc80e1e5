"""Alembic migrations, run programmatically by `bonecoach.store.migrate` (no alembic.ini)."""
