"""Fracture dates replace week counts: databases and files from the previous release still
open, and each stored week count becomes the date it meant on the day it was recorded.

tests/fixtures/release-0.1/ holds what the previous release (schema 0002, client file format
1) wrote: a SQLite database with two demo clients imported, and their export file.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import text

from bonecoach.store import database, models, sqlite_file
from bonecoach.store.backup import list_backups
from bonecoach.store.client_file import read_document
from bonecoach.store.exchange import import_client
from bonecoach.store.migrate import alembic_config
from bonecoach.store.store import Store

RELEASE = Path(__file__).resolve().parents[1] / "fixtures" / "release-0.1"
# Dorothy Okafor's profiles as the previous release stored them: (recorded on, weeks)
DOROTHY = [(date(2025, 11, 10), None), (date(2026, 4, 2), 6), (date(2026, 9, 1), 28)]


def _dorothy_dates(store: Store) -> list[tuple[date, date | None]]:
    [client] = [c for c in store.list_clients() if c.name == "Dorothy Okafor"]
    return [
        (p.recorded_on, p.profile.vertebral_fracture_date) for p in store.profile_history(client.id)
    ]


def test_a_database_of_the_previous_release_migrates_weeks_to_dates(tmp_path: Path) -> None:
    path = database.default_sqlite_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(RELEASE / "bonecoach.sqlite3", path)
    assert sqlite_file.check_file(path).revision == "0002"

    store = Store.open(backups=tmp_path / "backups", auto_backup=False)
    try:
        assert store.opened is not None and store.opened.migrated_from == "0002"
        assert sorted(_dorothy_dates(store)) == [
            (date(2025, 11, 10), None),
            (date(2026, 4, 2), date(2026, 2, 19)),  # 6 weeks before 2 April
            (date(2026, 9, 1), date(2026, 2, 17)),  # 28 weeks before 1 September
        ]
        [helen] = [c for c in store.list_clients() if c.name == "Helen Novak"]
        for version in store.profile_history(helen.id):
            assert version.profile.other_fracture_date is None
            assert version.profile.fall_with_injury is False
    finally:
        store.close(auto_backup=False)
    # the previous release's file was kept, unchanged, before the migration touched it
    [backup] = list_backups(tmp_path / "backups")
    assert backup.reason == "before-migration"
    assert sqlite_file.check_file(backup.path).revision == "0002"
    assert sqlite_file.check_file(path).revision == models.HEAD_REVISION


def test_the_migration_rewrites_profiles_on_postgresql_too(postgres_schema_url: str) -> None:
    engine = database.make_engine(postgres_schema_url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0002")
    old = Store(engine)
    client = old.create_client("Ann Lee")
    legacy = (
        '{"sex": "female", "age": 71, "t_score_lowest": -2.7, "frax_major_percent": null, '
        '"frax_hip_percent": null, "vertebral_fractures": 1, '
        '"weeks_since_vertebral_fracture": 10, "other_fragility_fractures": 0, '
        '"falls_past_year": 0, "tug_seconds": null, "chair_stands_30s": null, '
        '"tandem_stance_10s": null, "hyperkyphosis": false, "back_pain": "none", '
        '"frail": false, "new_to_strength_training": false, '
        '"cleared_for_supervised_high_intensity": false, "equipment": [], "precautions": []}'
    )
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO profile_versions (client_id, recorded_on, saved_at, saved_by, note, "
                "profile, t_score_lowest, falls_past_year, tug_seconds) VALUES (:c, :r, "
                "CURRENT_TIMESTAMP, '', '', CAST(:p AS JSON), -2.7, 0, NULL)"
            ),
            {"c": client.id, "r": date(2026, 3, 12), "p": legacy},
        )
    engine.dispose()
    store = Store.open(postgres_schema_url, auto_backup=False)
    try:
        [version] = store.profile_history(client.id)
        assert version.profile.vertebral_fracture_date == date(2026, 1, 1)  # 10 weeks before
        assert version.profile.other_fracture_site is None
    finally:
        store.close(auto_backup=False)


def test_an_export_file_of_the_previous_release_imports_with_dates(store: Store) -> None:
    document = read_document(RELEASE / "client-dorothy-okafor.json")
    assert document.format_version == 1
    import_client(store, document)
    assert sorted(_dorothy_dates(store)) == [
        (date(2025, 11, 10), None),
        (date(2026, 4, 2), date(2026, 2, 19)),
        (date(2026, 9, 1), date(2026, 2, 17)),
    ]
