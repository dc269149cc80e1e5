"""Handout: a 12-exercise program with its real illustrations, built to a PDF in memory.

Run alone: ``uv run python -m bench.figures_handout`` (prints the figure).
Each timed build starts from scratch (new picture cache: the SVGs are converted again), as
when a therapist presses Print; the pose files and fonts are loaded once per process, as in
the app.
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO

try:
    from bench.harness import Figure, median, ms, print_table, time_runs
except ImportError:  # run alone without the shared harness: the same few helpers
    import statistics
    import time
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Figure:  # type: ignore[no-redef]
        name: str
        measured: str
        target: str
        passed: bool
        detail: str = ""

    def time_runs(fn, runs, warmup=1):  # type: ignore[no-untyped-def,no-redef]
        for _ in range(warmup):
            fn()
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - start)
        return samples

    median = statistics.median  # type: ignore[assignment]

    def ms(seconds: float) -> str:  # type: ignore[misc]
        return f"{seconds * 1000:.1f} ms"

    def print_table(figures):  # type: ignore[no-untyped-def,no-redef]
        for f in figures:
            print(f"{f.name}: {f.measured} (target {f.target}) {'pass' if f.passed else 'FAIL'}")
            print(f"  {f.detail}")


TWELVE = (
    "sit_to_stand",
    "calf_raise",
    "seated_band_row",
    "wall_push_up",
    "dumbbell_biceps_curl",
    "heel_drops",
    "semi_tandem_stand",
    "tandem_walk",
    "supine_towel_press",
    "chin_tuck",
    "brisk_walking",
    "bridge",
)


def handout_figure(quick: bool, *, large_print: bool = False) -> Figure:
    from bonecoach.handout.build import build_handout_document
    from bonecoach.handout.model import Clinic, HandoutOptions, Therapist
    from bonecoach.handout.pictures import PictureCache, art_source
    from bonecoach.handout.render import render_handout
    from bonecoach.handout.sources import shipped_library
    from bonecoach.program.dosage import Dosage
    from bonecoach.program.programs import Phase, Program, ProgramItem

    library = shipped_library()
    items = tuple(
        ProgramItem(exercise_id=i, dosage=Dosage.from_default(library[i].default_dosage))
        for i in TWELVE
    )
    program = Program(
        name="Benchmark program",
        phases=(Phase(name="Weeks 1-4", start_week=1, end_week=4, items=items),),
        start_date=dt.date(2026, 3, 2),
    )
    doc = build_handout_document(
        "Benchmark Client",
        program,
        library,
        therapist=Therapist("Dana Ortiz", "PT"),
        clinic=Clinic("Benchmark Clinic", "555-0100"),
        options=HandoutOptions(large_print=large_print),
        today=dt.date(2026, 3, 2),
    )
    source = art_source()
    probe = PictureCache(source)
    pictured = sum(probe.drawing(i) is not None for i in TWELVE)

    def build() -> int:
        buffer = BytesIO()
        render_handout(doc, buffer, pictures=PictureCache(source))
        return len(buffer.getvalue())

    samples = time_runs(build, runs=5 if quick else 11)
    value = median(samples)
    kind = "large print" if large_print else "standard print"
    return Figure(
        f"handout PDF, 12 exercises, {kind}",
        ms(value),
        "< 1 s",
        value < 1.0 and pictured == len(TWELVE),
        f"{pictured}/{len(TWELVE)} exercises with illustrations; "
        f"min {ms(min(samples))}, max {ms(max(samples))} over {len(samples)} runs",
    )


if __name__ == "__main__":
    print_table([handout_figure(quick=True), handout_figure(quick=True, large_print=True)])
