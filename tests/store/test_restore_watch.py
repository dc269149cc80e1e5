"""A window notices a restore made by another workstation (both databases): the clinic
export restore on either, which gives restored clients new ids."""

from __future__ import annotations

from pathlib import Path

from bonecoach.store.exchange import export_all_to_file
from bonecoach.store.restore_watch import newest_mark, restore_since
from bonecoach.store.server_backup import restore_clinic_export
from bonecoach.store.store import Store


def test_a_restore_by_another_workstation_is_noticed_once(
    store: Store, store_url: str | None, tmp_path: Path
) -> None:
    store.create_client("Ann Lee")
    backup = export_all_to_file(store.engine, tmp_path / "clinic.json")
    seen = newest_mark(store)
    seen, notice = restore_since(store, seen)
    assert notice is None  # nothing since
    store.create_client("Bert Olsen")
    seen, notice = restore_since(store, seen)
    assert notice is None  # a save is not a restore

    other = Store.open(store_url, auto_backup=False, actor="Sam Other") if store_url else store
    try:
        restore_clinic_export(other, backup, tmp_path / "backups")
    finally:
        if other is not store:
            other.close(auto_backup=False)
    seen, notice = restore_since(store, seen)
    assert notice is not None and "clinic.json" in notice.detail
    assert notice.who == ("Sam Other" if store_url else store.actor)
    assert restore_since(store, seen)[1] is None  # told once
