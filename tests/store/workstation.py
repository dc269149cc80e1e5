"""A second workstation for the storage tests: a separate Python process doing what a
therapist's app does, printing one line per acknowledged result.

    python -m tests.store.workstation profile URL CLIENT_ID SAVES GO_FILE
    python -m tests.store.workstation import URL FILE GO_FILE
    python -m tests.store.workstation sessions URL CLIENT_ID STOP_FILE

Each waits for GO_FILE to exist, so several start their work at the same moment. A line is
printed (and flushed) only after the store call returned: the parent counts acknowledged
saves from these lines.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path
from types import SimpleNamespace


def _wait_for(go: Path) -> None:
    deadline = time.monotonic() + 60
    while not go.exists():
        if time.monotonic() > deadline:
            raise SystemExit("the start signal never came")
        time.sleep(0.001)


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def profile_saves(url: str, client_id: int, saves: int, go: Path) -> None:
    """The Profile tab's save: read the newest version, then save on it (the UI action)."""
    from bonecoach.app.profiles import save_profile
    from bonecoach.store.errors import StaleSaveError
    from bonecoach.store.store import Store
    from tests.store import factories

    store = Store.open(url, auto_backup=False, actor="workstation")
    context = SimpleNamespace(store=store, therapist_name="workstation")
    profile = factories.profile()
    _wait_for(go)
    for _ in range(saves):
        newest = store.latest_profile(client_id)
        base = None if newest is None else newest.id
        try:
            saved = save_profile(context, client_id, profile, date.today(), "", base)  # type: ignore[arg-type]
        except StaleSaveError:
            _say("stale")
            continue
        _say(f"saved {saved.id} on {base}")
    store.close(auto_backup=False)


def import_file(url: str, file: Path, go: Path) -> None:
    from bonecoach.store.client_file import read_document
    from bonecoach.store.errors import DuplicateClientError
    from bonecoach.store.exchange import import_client
    from bonecoach.store.store import Store

    store = Store.open(url, auto_backup=False, actor="workstation")
    document = read_document(file)
    _wait_for(go)
    try:
        record = import_client(store, document)
    except DuplicateClientError as exc:
        _say(f"duplicate of {exc.existing_id}")
    except Exception as exc:  # the parent shows what else happened
        _say(f"error {type(exc).__name__}: {exc}".replace("\n", " "))
    else:
        _say(f"imported {record.id}")
    store.close(auto_backup=False)


def session_saves(url: str, client_id: int, stop: Path) -> None:
    """Saves session logs until STOP_FILE exists; a save refused while a restore holds the
    database is retried, as the therapist would."""
    from bonecoach.store.store import Store
    from tests.store import factories

    store = Store.open(url, auto_backup=False, actor="workstation")
    log = factories.session_log()
    _say("ready")
    number = 0
    while not stop.exists():
        number += 1
        # ids are reused after a restore: each save carries its own token to be found by
        token = f"token-{number}"
        try:
            store.save_session(client_id, log.model_copy(update={"notes": token}))
        except Exception as exc:
            _say(f"refused {type(exc).__name__}")
            time.sleep(0.01)
            # a clinic-export restore (PostgreSQL) gives the client a new id: find it again
            client_id = next((c.id for c in store.list_clients()), client_id)
            continue
        _say(f"saved {token}")
    store.close(auto_backup=False)


def main(argv: list[str]) -> None:
    command, url, *rest = argv
    if command == "profile":
        profile_saves(url, int(rest[0]), int(rest[1]), Path(rest[2]))
    elif command == "import":
        import_file(url, Path(rest[0]), Path(rest[1]))
    elif command == "sessions":
        session_saves(url, int(rest[0]), Path(rest[1]))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
