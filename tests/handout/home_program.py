"""The sample home program's exercise ids, shared by the handout tests and the handout bench
(``bench/figures_handout.py``) so both lay out and time the same twelve exercises.

Plain data only (no pytest import): the bench imports it outside a test run.
"""

from __future__ import annotations

HOME_IDS = (
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
SUPERVISED_IDS = ("deadlift_heavy", "step_drop_landing")
