"""Build the demo clients in resources/demo/ (client export files), deterministically.

    uv run python tools/build_demo_clients.py

Each client covers one guideline case; the program is a shipped template instantiated for the
client's newest profile (so screening swaps what is excluded); sessions are simulated from
the program's dosage with a seeded random generator; suggestions come from the real
progression rules, one accepted (a new program version) and the rest left pending.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from bonecoach.paths import resource
from bonecoach.program.library import load_library
from bonecoach.program.profile import ClientProfile
from bonecoach.program.programs import Program
from bonecoach.program.progression import Suggestion, SuggestionKind, apply_suggestion, suggest
from bonecoach.program.screening import screen_library
from bonecoach.program.sessions import ExerciseLog, RedFlag, SessionLog, SessionSetting
from bonecoach.program.templates import instantiate, load_templates
from bonecoach.store.client_file import (
    FORMAT,
    FORMAT_VERSION,
    ClientFile,
    ClientInfo,
    HandoutEntry,
    ProfileEntry,
    ProgramEntry,
    ProgramVersionEntry,
    SessionEntry,
    SuggestionEntry,
    VersionRef,
)
from bonecoach.store.exchange import write_document

THERAPIST = "Jordan Rivera, PT"
FORWARD = {SuggestionKind.PROGRESS_LOAD, SuggestionKind.STEP_UP, SuggestionKind.REDUCE_SUPPORT}
UTC = dt.UTC


@dataclass
class Spec:
    slug: str
    name: str
    born: dt.date
    clinic_id: str
    contact: str
    template: str
    start: dt.date  # program week 1
    weeks: int
    days: tuple[int, ...]  # weekdays (0 = Monday) the client logs
    profiles: list[tuple[dt.date, str, dict[str, object]]]
    red_flag_day: int | None = None  # session index with a reported red flag


HOME = ["chair", "counter", "wall", "mat"]

SPECS = [
    Spec(
        "01-margaret-chen",
        "Margaret Chen",
        dt.date(1959, 5, 14),
        "BC-1001",
        "555-0142 · margaret.chen@example.org",
        "bone_building_foundations",
        dt.date(2026, 8, 31),
        6,
        (0, 3),
        [
            (dt.date(2024, 6, 3), "First DXA after menopause", {"t_score_lowest": -2.3}),
            (dt.date(2026, 8, 24), "DXA repeated: osteoporosis at the hip", {}),
        ],
    ),
    Spec(
        "02-dorothy-okafor",
        "Dorothy Okafor",
        dt.date(1952, 1, 22),
        "BC-1002",
        "555-0177 (daughter Ada: 555-0178)",
        "after_vertebral_fracture",
        dt.date(2026, 9, 7),
        5,
        (1, 4),
        [
            (
                dt.date(2025, 11, 10),
                "Before the fracture",
                {
                    "vertebral_fractures": 0,
                    "vertebral_fracture_date": None,
                    "t_score_lowest": -2.6,
                    "back_pain": "none",
                    "tug_seconds": 10.4,
                },
            ),
            (
                dt.date(2026, 4, 2),
                "Seen after the T12 fracture",
                {
                    "vertebral_fracture_date": "2026-02-19",
                    "back_pain": "mild",
                },
            ),
            (dt.date(2026, 9, 1), "Pain settled; ready to load", {}),
        ],
    ),
    Spec(
        "03-helen-novak",
        "Helen Novak",
        dt.date(1944, 10, 3),
        "BC-1003",
        "555-0123",
        "posture_daily",
        dt.date(2026, 9, 14),
        4,
        (0, 2, 4),
        [
            (
                dt.date(2025, 9, 15),
                "Two vertebral fractures on X-ray",
                {
                    "vertebral_fractures": 2,
                    "vertebral_fracture_date": "2025-02-10",
                    "tug_seconds": 13.2,
                },
            ),
            (dt.date(2026, 9, 8), "Third fracture found; stooping more", {}),
        ],
        red_flag_day=7,
    ),
    Spec(
        "04-robert-alvarez",
        "Robert Alvarez",
        dt.date(1947, 3, 30),
        "BC-1004",
        "555-0190 · lives alone, key with neighbour",
        "falls_first",
        dt.date(2026, 9, 1),
        6,
        (1, 3, 5),
        [
            (
                dt.date(2026, 2, 16),
                "After the first fall",
                {"falls_past_year": 1, "tug_seconds": 12.6},
            ),
            (dt.date(2026, 8, 25), "Second fall in the garden", {}),
        ],
    ),
    Spec(
        "05-susan-patel",
        "Susan Patel",
        dt.date(1968, 7, 9),
        "BC-1005",
        "susan.patel@example.org",
        "bone_building_foundations",
        dt.date(2026, 9, 2),
        4,
        (0, 2, 5),
        [
            (dt.date(2024, 3, 11), "Baseline DXA at menopause", {"t_score_lowest": -0.4}),
            (dt.date(2026, 8, 26), "Normal DXA; wants to keep it that way", {}),
        ],
    ),
]

NEWEST_PROFILE: dict[str, dict[str, object]] = {
    "01-margaret-chen": {
        "sex": "female",
        "age": 67,
        "t_score_lowest": -2.7,
        "frax_major_percent": 17.0,
        "frax_hip_percent": 2.4,
        "chair_stands_30s": 13,
        "tandem_stance_10s": True,
        "tug_seconds": 8.1,
        "equipment": ["resistance_band", "dumbbells", *HOME, "step"],
    },
    "02-dorothy-okafor": {
        "sex": "female",
        "age": 74,
        "t_score_lowest": -3.1,
        "frax_major_percent": 28.0,
        "frax_hip_percent": 6.5,
        "vertebral_fractures": 1,
        "vertebral_fracture_date": "2026-02-19",
        "tug_seconds": 10.9,
        "chair_stands_30s": 11,
        "tandem_stance_10s": True,
        "new_to_strength_training": True,
        "equipment": ["resistance_band", *HOME],
        "precautions": ["knee_osteoarthritis"],
    },
    "03-helen-novak": {
        "sex": "female",
        "age": 82,
        "t_score_lowest": -3.6,
        "frax_major_percent": 38.0,
        "frax_hip_percent": 12.0,
        "vertebral_fractures": 3,
        "vertebral_fracture_date": "2026-02-10",
        "other_fragility_fractures": 1,
        "falls_past_year": 0,
        "tug_seconds": 13.8,
        "chair_stands_30s": 7,
        "tandem_stance_10s": False,
        "hyperkyphosis": True,
        "back_pain": "mild",
        "frail": True,
        "new_to_strength_training": True,
        "equipment": ["chair", "counter", "wall"],
    },
    "04-robert-alvarez": {
        "sex": "male",
        "age": 79,
        "t_score_lowest": -1.8,
        "frax_major_percent": 11.0,
        "frax_hip_percent": 3.2,
        "falls_past_year": 2,
        "tug_seconds": 14.4,
        "chair_stands_30s": 8,
        "tandem_stance_10s": False,
        "equipment": ["resistance_band", "chair", "counter", "wall"],
        "precautions": ["dizziness"],
    },
    "05-susan-patel": {
        "sex": "female",
        "age": 58,
        "t_score_lowest": -0.6,
        "frax_major_percent": 6.0,
        "frax_hip_percent": 0.5,
        "tug_seconds": 6.9,
        "chair_stands_30s": 16,
        "tandem_stance_10s": True,
        "equipment": ["resistance_band", "dumbbells", *HOME, "step", "weighted_vest"],
    },
}


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def simulate(program: Program, day: dt.date, n: int, rng: random.Random) -> SessionLog:
    """One session of the phase the day falls in: improving a little each time."""
    phase = program.phases[program.phase_for(day)]
    entries = []
    for item in phase.items:
        d = item.dosage
        if rng.random() < 0.08:
            entries.append(ExerciseLog(exercise_id=item.exercise_id, sets_done=0, notes="skipped"))
            continue
        sets = d.sets if rng.random() > 0.15 else max(1, d.sets - 1)
        common: dict[str, object] = {
            "exercise_id": item.exercise_id,
            "sets_done": sets,
            "load_kg": d.load_kg,
            "band_colour": d.band_colour,
            "hand_support": item.hand_support,
            "effort": max(3, min(9, d.effort + 1 - n // 2 + rng.choice((0, 0, 1)))),
        }
        # Soreness settles by the next morning: the usual, unremarkable course.
        common["pain_during"] = pain = rng.choice((0, 0, 0, 1, 1, 2))
        common["pain_next_morning"] = max(0, pain - rng.choice((0, 1)))
        if d.reps is not None:
            top = min(d.reps + 2, d.reps - 2 + n // 2)
            common["reps_per_set"] = tuple(
                max(1, top - (i == sets - 1) * rng.randint(0, 1)) for i in range(sets)
            )
        elif d.hold_seconds is not None:
            hold = min(d.hold_seconds, int(d.hold_seconds * (0.6 + 0.08 * n)))
            common["seconds_per_set"] = tuple(max(1, hold - rng.randint(0, 3)) for _ in range(sets))
        else:
            assert d.minutes is not None
            minutes = max(5, d.minutes - rng.randint(0, 8))
            common["seconds_per_set"] = tuple(minutes * 60 for _ in range(sets))
        entries.append(ExerciseLog.model_validate(common))
    setting = SessionSetting.CLINIC if n % 4 == 0 else SessionSetting.HOME
    notes = "Reviewed form in the clinic." if setting is SessionSetting.CLINIC else ""
    return SessionLog(date=day, setting=setting, entries=tuple(entries), notes=notes)


def build(spec: Spec, library, templates) -> ClientFile:  # type: ignore[no-untyped-def]
    rng = random.Random(spec.slug)
    newest = NEWEST_PROFILE[spec.slug]
    profiles = []
    for day, note, changes in spec.profiles:
        data = dict(newest) | changes
        data["age"] = newest["age"] - (spec.profiles[-1][0].year - day.year)  # type: ignore[operator]
        profiles.append(
            ProfileEntry(
                recorded_on=day,
                saved_at=at(day, 11),
                saved_by=THERAPIST,
                note=note,
                profile=ClientProfile.model_validate(data),
            )
        )
    profile = profiles[-1].profile
    excluded = {
        r.exercise_id for r in screen_library(profile, library.values()) if r.verdict == "excluded"
    }
    program, _ = instantiate(templates[spec.template], profile, library, start_date=spec.start)
    versions = [(program, at(spec.start - dt.timedelta(days=1), 15))]
    days = [
        spec.start + dt.timedelta(weeks=w, days=d) for w in range(spec.weeks) for d in spec.days
    ]
    sessions: list[SessionEntry] = []
    logs: list[SessionLog] = []
    suggestions: list[SuggestionEntry] = []
    accepted = False
    for n, day in enumerate(days):
        current, _ = versions[-1]
        log = simulate(current, day, n, rng)
        if spec.red_flag_day == n:
            log = log.model_copy(
                update={
                    "red_flags": (RedFlag.NEW_BACK_PAIN,),
                    "notes": "Sharp pain between the shoulder blades after carrying shopping.",
                }
            )
        logs.append(log)
        sessions.append(
            SessionEntry(
                saved_at=at(day, 17),
                saved_by=THERAPIST,
                program_version=VersionRef(program=0, version=len(versions)),
                log=log,
            )
        )
        if spec.red_flag_day == n:
            flags = [
                s
                for s in suggest(current, logs, library, excluded=excluded)
                if s.kind is SuggestionKind.RED_FLAG
            ]
            suggestions.extend(
                SuggestionEntry(
                    created_at=at(day, 17),
                    program_version=VersionRef(program=0, version=len(versions)),
                    suggestion=s,
                    outcome="dismissed",
                    decided_at=at(day + dt.timedelta(days=2), 9),
                    decided_by=THERAPIST,
                    outcome_reason="Reviewed by her GP: muscular strain from carrying; "
                    "no new fracture on X-ray.",
                )
                for s in flags
            )
        if not accepted and n >= len(days) // 2:
            found = [
                s
                for s in suggest(current, logs, library, excluded=excluded)
                if s.changes_program and s.kind in FORWARD
            ]
            if found:
                chosen: Suggestion = found[0]
                changed = apply_suggestion(current, chosen)
                versions.append((changed, at(day, 18)))
                suggestions.append(
                    SuggestionEntry(
                        created_at=at(day, 17),
                        program_version=VersionRef(program=0, version=len(versions) - 1),
                        suggestion=chosen,
                        outcome="accepted",
                        decided_at=at(day, 18),
                        decided_by=THERAPIST,
                        result_version=VersionRef(program=0, version=len(versions)),
                    )
                )
                accepted = True
    current, _ = versions[-1]
    last = days[-1]
    for s in suggest(
        current,
        logs,
        library,
        excluded=excluded,
        dismissed_red_flags={x.suggestion.key for x in suggestions},
    ):
        if s.kind not in (SuggestionKind.RED_FLAG, SuggestionKind.HOLD):
            suggestions.append(
                SuggestionEntry(
                    created_at=at(last, 17),
                    program_version=VersionRef(program=0, version=len(versions)),
                    suggestion=s,
                )
            )
    entries = tuple(
        ProgramVersionEntry(
            number=i + 1,
            saved_at=saved,
            saved_by=THERAPIST,
            program=p,
            handouts=(
                HandoutEntry(
                    printed_at=saved,
                    printed_by=THERAPIST,
                    paper="letter",
                    large_print=profile.age >= 75,
                ),
            ),
        )
        for i, (p, saved) in enumerate(versions)
    )
    return ClientFile(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        exported_at=at(last, 19),
        exported_by=THERAPIST,
        client=ClientInfo(
            name=spec.name, date_of_birth=spec.born, clinic_id=spec.clinic_id, contact=spec.contact
        ),
        profiles=tuple(profiles),
        programs=(ProgramEntry(created_at=versions[0][1], versions=entries),),
        sessions=tuple(sessions),
        suggestions=tuple(sorted(suggestions, key=lambda s: s.created_at)),
    )


def main() -> None:
    library = load_library(resource("library"))
    templates = {t.id: t for t in load_templates(resource("templates"), library)}
    out = Path(__file__).resolve().parent.parent / "resources" / "demo"
    out.mkdir(exist_ok=True)
    for old in out.glob("*.json"):
        old.unlink()
    for spec in SPECS:
        document = build(spec, library, templates)
        path = write_document(document, out / f"{spec.slug}.json")
        path.chmod(0o644)  # shipped data, not a client's record
        items = sum(len(ph.items) for ph in document.programs[0].versions[-1].program.phases)
        print(
            f"{path.name}: {len(document.profiles)} profiles, "
            f"{len(document.programs[0].versions)} program versions ({items} items), "
            f"{len(document.sessions)} sessions, {len(document.suggestions)} suggestions"
        )


if __name__ == "__main__":
    main()
