"""Screening: 5,000 exercises for one profile."""

from __future__ import annotations

from bench.harness import Figure, median, ms, time_runs
from bench.synthetic import osteoporosis_profile, synthetic_library


def screening_figure(quick: bool) -> Figure:
    from bonecoach.program.screening import screen_library

    library = synthetic_library(5000)
    profile = osteoporosis_profile()
    samples = time_runs(lambda: screen_library(profile, library), runs=5 if quick else 15)
    value = median(samples)
    return Figure(
        "screen 5,000 exercises, one profile",
        ms(value),
        "<= 20 ms",
        value <= 0.020,
        f"min {ms(min(samples))}, max {ms(max(samples))} over {len(samples)} runs",
    )
