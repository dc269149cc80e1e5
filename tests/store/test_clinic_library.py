"""The app's clinic library follows the store after changes made elsewhere: the same rule
as opening (review of #18: an archived custom exercise stayed in the app's library after a
reload, while a fresh start dropped it)."""

from __future__ import annotations

from typing import Any

from bonecoach.app.clinic_library import open_clinic_library
from bonecoach.app.library import CustomPicture, archive_custom, save_custom
from bonecoach.paths import resource
from bonecoach.program.library import load_library


def _custom(library: Any, new_id: str, name: str) -> Any:
    return library["bridge"].model_copy(update={"id": new_id, "name": name, "easier": None,
                                                "harder": None})  # fmt: skip


def test_a_reload_drops_an_archived_custom_exercise_as_a_fresh_start_would(store: Any) -> None:
    shipped = load_library(resource("library"))
    save_custom(store, _custom(shipped, "towel_bridge", "Towel bridge"),
                CustomPicture("same_as", same_as="bridge"))  # fmt: skip
    clinic = open_clinic_library(store)
    assert "towel_bridge" in clinic.library
    archive_custom(store, "towel_bridge")
    clinic.apply(clinic.update_from(store))
    assert "towel_bridge" not in clinic.library
    assert set(clinic.library) == set(open_clinic_library(store).library)


def test_a_reload_brings_in_a_custom_exercise_saved_elsewhere_with_its_picture(
    store: Any,
) -> None:
    clinic = open_clinic_library(store)
    shipped = load_library(resource("library"))
    save_custom(store, _custom(shipped, "chair_bridge", "Chair bridge"),
                CustomPicture("same_as", same_as="bridge"))  # fmt: skip
    clinic.apply(clinic.update_from(store))
    assert clinic.library["chair_bridge"].name == "Chair bridge"
    assert "chair_bridge" in clinic.illustrations
    assert set(clinic.library) == set(open_clinic_library(store).library)
