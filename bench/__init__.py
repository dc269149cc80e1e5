"""BoneCoach benchmarks: what a therapist waits for, against baselines measured in the same run.

Run with ``uv run python -m bench`` (``--quick`` for a run under a minute).
"""
