"""Small, valid exercise tables for library tests; each test breaks one thing."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def exercise_table(exercise_id: str, **changes: Any) -> dict[str, Any]:
    table: dict[str, Any] = {
        "id": exercise_id,
        "name": exercise_id.replace("_", " ").capitalize(),
        "summary": "A plain one-line summary.",
        "category": "resistance",
        "spinal_flexion": "none",
        "spinal_rotation": "none",
        "impact": "none",
        "fall_risk": "low",
        "load": "bodyweight",
        "supervised_only": False,
        "position": "seated",
        "avoid_with": [],
        "regions": ["legs"],
        "equipment": ["chair"],
        "level": 1,
        "easier": None,
        "harder": None,
        "steps": ["Sit tall.", "Do the move.", "Come back slowly."],
        "tips": ["Breathe out on the effort.", "Keep your back straight."],
        "stop_if": "Stop if you feel sharp pain.",
        "support_variant": None,
        "default_dosage": {
            "sets": 2,
            "reps": 10,
            "rest_seconds": 60,
            "days_per_week": 3,
            "effort": 6,
        },
        "sources": ["TFTF15"],
    }
    table.update(changes)
    return table


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"no TOML form for {value!r}")


def write_library_file(path: Path, *tables: dict[str, Any]) -> Path:
    """Write ``tables`` as [[exercise]] entries (None values are left out, as TOML has no null)."""
    chunks = []
    for table in tables:
        lines = ["[[exercise]]"]
        lines += [f"{k} = {_toml_value(v)}" for k, v in table.items() if v is not None]
        chunks.append("\n".join(lines))
    path.write_text("\n\n".join(chunks) + "\n", encoding="utf-8")
    return path
