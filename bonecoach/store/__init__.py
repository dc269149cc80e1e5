"""Persistence: SQLAlchemy models, Alembic migrations, backups, import and export."""
