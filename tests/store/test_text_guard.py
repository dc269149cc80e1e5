"""No write path stores a control character (#14): a NUL or terminal escape pasted into a name
or a note is refused naming the field, so the clinic's own backups always pass the restore's
check of every record, and the command line never prints one raw."""

from __future__ import annotations

import pytest

from bonecoach.store.store import Store
from bonecoach.store.text_guard import ControlCharacterError
from tests.store import factories


def test_a_name_with_a_terminal_escape_is_refused(store: Store) -> None:
    with pytest.raises(
        ControlCharacterError, match=r"name: contains a control character \(U\+001B"
    ):
        store.create_client("Ann\x1b[2J Lee")
    assert store.list_clients(include_archived=True) == []


def test_a_note_with_a_nul_is_refused_and_nothing_is_saved(store: Store) -> None:
    client = store.create_client("Ann Lee")
    log = factories.session_log().model_copy(update={"notes": "felt \x00 fine"})
    with pytest.raises(ControlCharacterError, match="U\\+0000"):
        store.save_session(client.id, log)
    assert store.sessions(client.id) == []


def test_a_control_character_inside_a_json_record_is_refused(store: Store) -> None:
    client = store.create_client("Ann Lee")
    profile = factories.profile(other_fracture_site=None)
    # a profile's stored JSON passes through the JSON encoder, not the statement's text
    from bonecoach.store.text_guard import checked_json

    with pytest.raises(ControlCharacterError, match=r"record\.note: .*U\+0007"):
        checked_json({"note": "bell\x07"})
    store.save_profile(client.id, profile, note="tab\tand\nnew lines are fine")
    assert store.latest_profile(client.id) is not None
