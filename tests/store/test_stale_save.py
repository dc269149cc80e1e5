"""Two workstations editing the same client: the later save on an old version is refused."""

from __future__ import annotations

import pytest

from bonecoach.store.errors import StaleSaveError
from bonecoach.store.store import Store
from tests.store import factories


@pytest.fixture
def second_workstation(store: Store, store_url: str | None) -> Store:
    other = Store.open(store_url, actor="Sam Other", auto_backup=False)
    yield other  # type: ignore[misc]
    other.close(auto_backup=False)


def test_stale_program_save_is_refused_and_names_who(
    store: Store, second_workstation: Store
) -> None:
    client = store.create_client("Ann Lee")
    loaded_here = store.save_program(client.id, factories.program())
    loaded_there = second_workstation.latest_program(client.id)
    assert loaded_there == loaded_here

    theirs = second_workstation.save_program(
        client.id, factories.program(reps=12), program_id=loaded_there.program_id, based_on=1
    )
    with pytest.raises(StaleSaveError) as caught:
        store.save_program(
            client.id, factories.program(reps=8), program_id=loaded_here.program_id, based_on=1
        )
    message = str(caught.value)
    assert (
        "Sam Other" in message and "version 2" in message and "Nothing was overwritten" in message
    )
    assert theirs.saved_at.strftime("%Y-%m-%d %H:%M") in message
    assert caught.value.current_version == 2 and caught.value.your_version == 1
    # nothing overwritten, nothing added
    versions = store.program_versions(loaded_here.program_id)
    assert [v.number for v in versions] == [1, 2]
    assert versions[-1].program == factories.program(reps=12)
    # after reloading, the save goes through as version 3
    latest = store.latest_program(client.id)
    assert latest is not None
    third = store.save_program(
        client.id, factories.program(reps=8), program_id=latest.program_id, based_on=latest.number
    )
    assert third.number == 3


def test_stale_client_update_is_refused(store: Store, second_workstation: Store) -> None:
    client = store.create_client("Ann Lee", contact="555-0101")
    second_workstation.update_client(client.id, client.version, contact="555-0202")
    with pytest.raises(StaleSaveError, match="Sam Other") as caught:
        store.update_client(client.id, client.version, name="Ann Leigh")
    assert caught.value.current_version == 2
    kept = store.get_client(client.id)
    assert (kept.name, kept.contact, kept.version) == ("Ann Lee", "555-0202", 2)
    assert [e.action for e in store.audit_entries(client.id)] == ["update", "create"]


def test_stale_profile_save_is_refused(store: Store, second_workstation: Store) -> None:
    client = store.create_client("Ann Lee")
    first = store.save_profile(client.id, factories.profile(), based_on=None)
    theirs = second_workstation.save_profile(
        client.id, factories.profile(falls_past_year=4), based_on=first.id
    )
    with pytest.raises(StaleSaveError, match="Sam Other") as caught:
        store.save_profile(client.id, factories.profile(tug_seconds=20.0), based_on=first.id)
    assert (caught.value.your_version, caught.value.current_version) == (1, 2)
    assert store.profile_history(client.id) == [first, theirs]
    with pytest.raises(StaleSaveError):
        store.save_profile(client.id, factories.profile(), based_on=None)
    assert store.save_profile(client.id, factories.profile(), based_on=theirs.id).id > theirs.id
