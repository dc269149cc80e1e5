"""Two workstations at once, as real separate processes on the same database (#14 points 2
and 3): every acknowledged save is counted afterwards from what each process printed.

Profile saves: each workstation reads the newest version and saves on it. A save on a base
version another save already built on must be refused (StaleSaveError), so the accepted
saves form one chain: no two share a base. Imports: the same client file imported on several
workstations at once is stored once; the others are told it is a duplicate.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bonecoach.store.client_file import document_json
from bonecoach.store.exchange import export_client
from bonecoach.store.store import Store
from tests.store import factories

ROOT = Path(__file__).resolve().parents[2]
WORKSTATIONS = 3


def _url(store_url: str | None, tmp_path: Path) -> str:
    return store_url or f"sqlite:///{tmp_path / 'shared' / 'bonecoach.sqlite3'}"


def _start(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store.workstation", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(processes: list[subprocess.Popen[str]]) -> list[str]:
    lines: list[str] = []
    for process in processes:
        out, err = process.communicate(timeout=240)
        assert process.returncode == 0, err[-2000:]
        lines += out.split("\n")
    return [line for line in lines if line]


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_concurrent_profile_saves_never_share_a_base_version(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    store_url = None if backend == "sqlite" else request.getfixturevalue("postgres_schema_url")
    url = _url(store_url, tmp_path)
    (tmp_path / "shared").mkdir()
    with Store.open(url, auto_backup=False) as store:
        client_id = store.create_client("Ann Lee").id
    go = tmp_path / "go"
    saves = 40
    workers = [_start("profile", url, str(client_id), str(saves), str(go)) for _ in range(3)]
    go.touch()
    lines = _finish(workers)

    accepted = [line.split() for line in lines if line.startswith("saved")]
    refused = [line for line in lines if line == "stale"]
    assert len(accepted) + len(refused) == 3 * saves, lines[:5]
    bases = [words[3] for words in accepted]
    shared = {base for base in bases if bases.count(base) > 1}
    assert not shared, f"{len(bases) - len(set(bases))} saves accepted on a base already used"
    with Store.open(url, auto_backup=False) as store:
        stored = [r.id for r in store.profile_history(client_id)]
    # one chain: each accepted save was based on the version stored just before it
    chain = dict(zip(stored[1:], stored[:-1], strict=True))
    assert len(stored) == len(accepted)
    for _, saved, _, base in accepted:
        assert chain.get(int(saved)) == (None if base == "None" else int(base))
    print(f"{backend}: {len(accepted)} saves accepted, {len(refused)} refused as stale")


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
@pytest.mark.parametrize("clinic_id", [None, "RC-0042"])
def test_the_same_file_imported_at_once_is_stored_once(
    backend: str, clinic_id: str | None, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    store_url = None if backend == "sqlite" else request.getfixturevalue("postgres_schema_url")
    url = _url(store_url, tmp_path)
    (tmp_path / "shared").mkdir()
    with Store.open(f"sqlite:///{tmp_path / 'source.sqlite3'}", auto_backup=False) as source:
        client = factories.full_client(source)
        document = json.loads(document_json(export_client(source, client)))
    Store.open(url, auto_backup=False).close(auto_backup=False)  # created and migrated

    rounds, outcomes = 4, []
    for n in range(rounds):
        # each round a client of its own, the same file given to every workstation
        document["client"]["name"] = f"Ann Lee {n}"
        document["client"]["clinic_id"] = clinic_id and f"{clinic_id}-{n}"
        file = tmp_path / f"client-{n}.json"
        file.write_text(json.dumps(document), encoding="utf-8")
        go = tmp_path / f"go-{n}"
        workers = [_start("import", url, str(file), str(go)) for _ in range(WORKSTATIONS)]
        go.touch()
        outcomes.append(sorted(line.split()[0] for line in _finish(workers)))
        assert outcomes[-1] == ["duplicate"] * (WORKSTATIONS - 1) + ["imported"], outcomes[-1]
        with Store.open(url, auto_backup=False) as store:
            names = [c.name for c in store.list_clients(include_archived=True)]
        assert sorted(names) == [f"Ann Lee {i}" for i in range(n + 1)]
    print(f"{backend}, clinic id {clinic_id}: {outcomes}")
