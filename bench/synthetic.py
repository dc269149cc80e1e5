"""Synthetic data the benchmarks build for themselves (nothing is downloaded or committed)."""

from __future__ import annotations

from pathlib import Path

from bonecoach.paths import resource
from bonecoach.program.exercise import Exercise
from bonecoach.program.library import load_library
from bonecoach.program.profile import ClientProfile


def shipped_exercises() -> list[Exercise]:
    return load_library(resource("library")).exercises


def synthetic_library(size: int) -> list[Exercise]:
    """``size`` exercises cloned from the shipped ones under new ids (ladder links dropped)."""
    base = shipped_exercises()
    return [
        base[i % len(base)].model_copy(
            update={
                "id": f"{base[i % len(base)].id}_{i}",
                "name": f"{base[i % len(base)].name} {i}",
                "easier": None,
                "harder": None,
            }
        )
        for i in range(size)
    ]


def osteoporosis_profile() -> ClientProfile:
    """A client who exercises most rules: one vertebral fracture, a fall, some equipment."""
    return ClientProfile.model_validate(
        {
            "sex": "female",
            "age": 74,
            "t_score_lowest": -2.8,
            "frax_major_percent": 24.0,
            "frax_hip_percent": 4.1,
            "vertebral_fractures": 1,
            "vertebral_fracture_date": "2025-12-01",
            "other_fragility_fractures": 0,
            "falls_past_year": 1,
            "tug_seconds": 13.5,
            "chair_stands_30s": 8,
            "tandem_stance_10s": False,
            "hyperkyphosis": False,
            "back_pain": "mild",
            "frail": False,
            "new_to_strength_training": True,
            "cleared_for_supervised_high_intensity": False,
            "equipment": ["chair", "counter", "resistance_band"],
            "precautions": ["knee_osteoarthritis"],
        }
    )


def write_settings(home: Path) -> None:
    """Settings as a clinic that has been set up has them (so no first-run panel)."""
    from bonecoach.store.settings import SETTINGS_FILE, Settings, save_settings

    folder = home / "config"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    settings = Settings(clinic_name="Bench Clinic", default_therapist="Bench Therapist")
    save_settings(settings, folder / SETTINGS_FILE)


def write_custom_library(home: Path, size: int) -> None:
    """``size`` custom exercises in the database under ``home`` (bulk insert, as the
    library manager would have saved them one by one)."""
    from datetime import UTC, datetime

    from sqlalchemy import insert

    from bonecoach.store.models import CustomExerciseRow
    from bonecoach.store.store import Store

    now = datetime.now(UTC)
    rows = [
        {
            "id": f"custom_{e.id}",
            "exercise": e.model_copy(update={"id": f"custom_{e.id}"}).model_dump(mode="json"),
            "picture_kind": "same_as",
            "same_as": e.id.rsplit("_", 1)[0],
            "created_at": now,
            "updated_at": now,
            "created_by": "bench",
            "updated_by": "bench",
        }
        for e in synthetic_library(size)
    ]
    store = Store.open(
        f"sqlite:///{home / 'data' / 'bonecoach.sqlite3'}", backups=home / "b", auto_backup=False
    )
    try:
        with store.engine.begin() as connection:
            connection.execute(insert(CustomExerciseRow), rows)
    finally:
        store.close(auto_backup=False)
