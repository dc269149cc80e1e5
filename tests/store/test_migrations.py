"""The Alembic chain: empty database to head, and the models match the migrations."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from bonecoach.store import database, models, sqlite_file
from bonecoach.store.backup import list_backups
from bonecoach.store.migrate import MIGRATIONS, current_revision
from bonecoach.store.models import Base
from bonecoach.store.store import Store


def test_head_constant_matches_the_chain() -> None:
    script = ScriptDirectory(str(MIGRATIONS))
    assert script.get_current_head() == models.HEAD_REVISION
    assert {r.revision for r in script.walk_revisions()} == models.KNOWN_REVISIONS


def test_empty_database_migrates_to_head_and_matches_the_models(store: Store) -> None:
    with store.engine.connect() as connection:
        assert current_revision(connection) == models.HEAD_REVISION
        tables = set(inspect(connection).get_table_names())
        assert set(Base.metadata.tables) <= tables
        # `alembic check`: autogenerate finds nothing to add, drop or alter
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_existing_database_is_backed_up_before_migrating(tmp_path: Path) -> None:
    from alembic import command

    from bonecoach.store.migrate import alembic_config

    # A database made by the BoneCoach before custom exercises moved in (revision 0001).
    path = database.default_sqlite_path()
    engine = database.make_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
    Store(engine).create_client("Ann Lee")
    engine.dispose()
    folder = tmp_path / "backups"
    reopened = Store.open(backups=folder, auto_backup=False)
    reopened.close(auto_backup=False)
    assert reopened.opened is not None and reopened.opened.migrated_from == "0001"
    [backup] = list_backups(folder)
    assert backup.reason == "before-migration"
    assert sqlite_file.check_file(backup.path).revision == "0001"
    assert sqlite_file.check_file(path).revision == models.HEAD_REVISION
