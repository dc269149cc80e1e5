"""The `store` fixture: every storage test runs on SQLite, and on PostgreSQL when
BONECOACH_TEST_POSTGRES_URL is set (.ci/start-postgres), each test in a fresh schema."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from bonecoach.store.store import Store

POSTGRES_URL = os.environ.get("BONECOACH_TEST_POSTGRES_URL")

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgres",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(not POSTGRES_URL, reason="BONECOACH_TEST_POSTGRES_URL not set"),
        ],
    ),
]


def _psycopg_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@pytest.fixture
def postgres_schema_url() -> Iterator[str]:
    """A URL whose connections use a new, empty schema (dropped afterwards); the test is
    skipped when no PostgreSQL server is given."""
    import psycopg

    if not POSTGRES_URL:
        pytest.skip("BONECOACH_TEST_POSTGRES_URL not set")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_psycopg_url(POSTGRES_URL), autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in POSTGRES_URL else "?"
    yield f"{POSTGRES_URL}{separator}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(_psycopg_url(POSTGRES_URL), autocommit=True) as admin:
        # A connection a failed test left open must not hang the run: give up after 10 s.
        admin.execute("SET lock_timeout = '10s'")
        with contextlib.suppress(psycopg.errors.LockNotAvailable):
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest) -> str | None:
    """None: the default SQLite file in the (per-test) data folder."""
    if request.param == "sqlite":
        return None
    return str(request.getfixturevalue("postgres_schema_url"))


@pytest.fixture
def store(store_url: str | None) -> Iterator[Store]:
    opened = Store.open(store_url, actor="Pat Physio")
    yield opened
    opened.close(auto_backup=False)
