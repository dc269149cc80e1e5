"""Time `screen_library` for one profile over the shipped library and two synthetic
5,000-exercise libraries: the shipped exercises repeated with new ids ("cycled"), and exercises
whose safety attributes are all drawn at random ("random", the worst case).

Run: uv run python scripts/measure_screening.py   (prints the median of many runs, in ms)
"""

from __future__ import annotations

import itertools
import os
import random
import statistics
import time
from collections.abc import Callable

from bonecoach.paths import resource
from bonecoach.program.exercise import Exercise
from bonecoach.program.library import load_library
from bonecoach.program.profile import parse_profile_json
from bonecoach.program.screening import screen_library
from bonecoach.program.vocabulary import (
    Category,
    Equipment,
    FallRisk,
    Impact,
    Load,
    Position,
    Precaution,
    SpinalFlexion,
    SpinalRotation,
)


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU time of ``fn`` in ms (CPU time is what this process
    itself spent: on a machine shared with other busy processes it is the steadier figure)."""
    fn()  # warm up
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def synthetic(library: list[Exercise], count: int) -> list[Exercise]:
    """``count`` exercises cycling through the real ones with fresh ids (same attribute mix)."""
    source = itertools.cycle(library)
    return [next(source).model_copy(update={"id": f"synthetic_{i}"}) for i in range(count)]


def randomised(library: list[Exercise], count: int, seed: int = 7) -> list[Exercise]:
    """``count`` exercises with every safety attribute drawn at random: the worst case for
    screening's memory of attribute combinations (far more diverse than a real library)."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        base = rng.choice(library)
        load = rng.choice(list(Load))
        fall_risk = rng.choice(list(FallRisk))
        out.append(
            base.model_copy(
                update={
                    "id": f"random_{i}",
                    "category": rng.choice(list(Category)),
                    "spinal_flexion": rng.choice(list(SpinalFlexion)),
                    "spinal_rotation": rng.choice(list(SpinalRotation)),
                    "impact": rng.choice(list(Impact)),
                    "fall_risk": fall_risk,
                    "load": load,
                    "supervised_only": load is Load.HEAVY or rng.random() < 0.1,
                    "position": rng.choice(list(Position)),
                    "equipment": tuple(rng.sample(list(Equipment), rng.randint(0, 2))),
                    "avoid_with": tuple(rng.sample(list(Precaution), rng.randint(0, 2))),
                    "support_variant": base.support_variant or "Hold a counter.",
                }
            )
        )
    return out


def main() -> None:
    profile = parse_profile_json(
        resource("examples", "profile-one-vertebral-fracture.json").read_text(encoding="utf-8")
    )
    shipped = load_library(resource("library")).exercises
    cycled = synthetic(shipped, 5000)
    scrambled = randomised(shipped, 5000)
    for label, exercises, runs in (
        ("shipped", shipped, 500),
        ("cycled", cycled, 50),
        ("random", scrambled, 50),
    ):
        on, on_cpu = median_ms(lambda ex=exercises: screen_library(profile, ex), runs)  # type: ignore[misc]
        off, off_cpu = median_ms(
            lambda ex=exercises: screen_library(profile, ex, check_equipment=False),  # type: ignore[misc]
            runs,
        )
        print(
            f"{label:<8} {len(exercises):>5} exercises, median of {runs}: "
            f"{on:.2f} ms wall, {on_cpu:.2f} ms CPU "
            f"(equipment filter off: {off:.2f} ms wall, {off_cpu:.2f} ms CPU)"
        )
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
