"""Domain objects <-> table rows.

Fields the tables have columns for go to columns (queried, indexed, readable in SQL); any other
field of a domain object goes to the row's ``extra`` JSON, so a field added to the domain later
is still stored faithfully. Reading back validates through the domain models.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bonecoach.program.profile import ClientProfile, upgrade_profile_mapping
from bonecoach.program.programs import Program
from bonecoach.program.progression import Suggestion
from bonecoach.program.sessions import SessionLog

DOSAGE_COLUMNS = (
    "sets",
    "reps",
    "hold_seconds",
    "minutes",
    "load_kg",
    "band_colour",
    "effort",
    "rest_seconds",
    "days_per_week",
)
ENTRY_COLUMNS = (
    "exercise_id",
    "sets_done",
    "load_kg",
    "band_colour",
    "effort",
    "pain_during",
    "pain_next_morning",
    "notes",
)
PER_SET = {"reps_per_set": "reps", "seconds_per_set": "seconds"}


def profile_columns(profile: ClientProfile) -> dict[str, Any]:
    return {
        "profile": profile.model_dump(mode="json"),
        "t_score_lowest": profile.t_score_lowest,
        "falls_past_year": profile.falls_past_year,
        "tug_seconds": profile.tug_seconds,
    }


def profile_from_json(data: dict[str, Any], recorded_on: date) -> ClientProfile:
    """A stored profile; one written before fracture dates (read by the before-migration
    export of a server database) is read as the dates its week count meant."""
    return ClientProfile.model_validate(upgrade_profile_mapping(data, recorded_on))


# Programs ---------------------------------------------------------------------------------


def program_rows(
    program: Program,
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """(version columns, phase rows, item rows) for one program version."""
    data = program.model_dump(mode="json")
    phases = data.pop("phases")
    version = {"name": data.pop("name"), "extra": data}
    phase_rows, item_rows = [], []
    for p, phase in enumerate(phases):
        items = phase.pop("items")
        phase_rows.append(
            {
                "position": p,
                "name": phase.pop("name"),
                "start_week": phase.pop("start_week"),
                "end_week": phase.pop("end_week"),
                "extra": phase,
            }
        )
        for i, item in enumerate(items):
            dosage = item.pop("dosage")
            override = item.pop("override")
            row: dict[str, Any] = {name: dosage.pop(name, None) for name in DOSAGE_COLUMNS}
            row.update(
                phase=p,
                position=i,
                exercise_id=item.pop("exercise_id"),
                notes=item.pop("notes", ""),
                override_reason=None if override is None else override.pop("reason"),
            )
            extra = dict(item)
            if dosage:
                extra["dosage"] = dosage
            if override:
                extra["override"] = override
            row["extra"] = extra
            item_rows.append(row)
    return version, phase_rows, item_rows


def program_from_rows(
    version: dict[str, Any], phases: list[dict[str, Any]], items: list[dict[str, Any]]
) -> Program:
    by_phase: dict[int, list[dict[str, Any]]] = {}
    for row in sorted(items, key=lambda r: (r["phase"], r["position"])):
        extra = dict(row["extra"])
        dosage = {name: row[name] for name in DOSAGE_COLUMNS} | extra.pop("dosage", {})
        override = None
        if row["override_reason"] is not None:
            override = {"reason": row["override_reason"]} | extra.pop("override", {})
        by_phase.setdefault(row["phase"], []).append(
            {
                "exercise_id": row["exercise_id"],
                "notes": row["notes"],
                "dosage": dosage,
                "override": override,
                **extra,
            }
        )
    data = dict(version["extra"])
    data["name"] = version["name"]
    data["phases"] = [
        {
            "name": ph["name"],
            "start_week": ph["start_week"],
            "end_week": ph["end_week"],
            "items": by_phase.get(ph["position"], []),
            **ph["extra"],
        }
        for ph in sorted(phases, key=lambda r: r["position"])
    ]
    return Program.model_validate(data)


# Session logs -----------------------------------------------------------------------------


def session_rows(
    log: SessionLog,
) -> tuple[dict[str, Any], list[tuple[dict[str, Any], list[dict[str, Any]]]]]:
    """(session columns, [(entry columns, set rows)])."""
    data = log.model_dump(mode="json")
    entries = data.pop("entries")
    session = {
        "session_date": log.date,
        "setting": data.pop("setting"),
        "notes": data.pop("notes"),
    }
    data.pop("date")
    session["extra"] = data
    out = []
    for position, entry in enumerate(entries):
        row: dict[str, Any] = {name: entry.pop(name) for name in ENTRY_COLUMNS}
        row["position"] = position
        sets: list[dict[str, Any]] = []
        for key, column in PER_SET.items():
            values = entry.get(key)
            if values:  # None and [] stay in extra as given
                del entry[key]
                sets = [
                    {"number": n, "reps": None, "seconds": None} | {column: v}
                    for n, v in enumerate(values, start=1)
                ]
        row["extra"] = entry
        out.append((row, sets))
    return session, out


# A withdrawn (corrected or deleted) session keeps its row: who, when, why and what replaced
# it are kept under this key of its extra column (no session field has this name).
WITHDRAWN = "withdrawn"


def session_from_rows(
    session: dict[str, Any], entries: list[tuple[dict[str, Any], list[dict[str, Any]]]]
) -> SessionLog:
    logged = []
    for row, sets in sorted(entries, key=lambda e: e[0]["position"]):
        entry = {name: row[name] for name in ENTRY_COLUMNS} | row["extra"]
        if sets:
            ordered = sorted(sets, key=lambda s: s["number"])
            if ordered[0]["reps"] is not None:
                entry["reps_per_set"] = [s["reps"] for s in ordered]
            else:
                entry["seconds_per_set"] = [s["seconds"] for s in ordered]
        logged.append(entry)
    extra = {k: v for k, v in session["extra"].items() if k != WITHDRAWN}
    data = {
        "date": session["session_date"],
        "setting": session["setting"],
        "notes": session["notes"],
        "entries": logged,
        **extra,
    }
    return SessionLog.model_validate(data)


# Suggestions ------------------------------------------------------------------------------


def suggestion_columns(suggestion: Suggestion) -> dict[str, Any]:
    return {
        "key": suggestion.key,
        "kind": str(suggestion.kind),
        "exercise_id": suggestion.exercise_id,
        "rule": suggestion.rule,
        "suggestion": suggestion.model_dump(mode="json"),
    }


def suggestion_from_json(data: dict[str, Any]) -> Suggestion:
    return Suggestion.model_validate(data)
