"""Chart specs for the progress views, from the store's ProgressPoint rows and session logs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from bonecoach.ui.tabs.charts import ChartSpec, Series


def exercise_progress(points: Sequence[Any], exercise_id: str, name: str) -> ChartSpec:
    """Load in kg when logged in kg; otherwise the work done (total reps or seconds)."""
    mine = sorted((p for p in points if p.exercise_id == exercise_id), key=lambda p: p.date)
    loads = [(p.date, p.load_kg) for p in mine if p.load_kg]
    series = []
    if loads:
        series.append(Series("Load (kg)", points=loads))
        volume = [(p.date, p.volume_kg) for p in mine if p.volume_kg is not None]
        series.append(Series("Volume (kg × reps)", points=volume, right_axis=True))
        left, right = "kg", "kg × reps"
    else:
        reps = [(p.date, float(p.total_reps)) for p in mine if p.total_reps]
        secs = [(p.date, float(p.total_seconds)) for p in mine if p.total_seconds]
        if reps:
            series.append(Series("Total reps", points=reps))
        if secs:
            series.append(Series("Total seconds", points=secs, right_axis=bool(reps)))
        left, right = ("reps" if reps else "seconds"), "seconds"
    return ChartSpec(f"{name}: load and volume", series, left_label=left, right_label=right)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_adherence(
    logs: Sequence[Any], planned_days: int, today: date | None = None, weeks: int = 8
) -> ChartSpec:
    """Days with a logged session per week (last ``weeks`` weeks), against the days planned."""
    if not logs:
        return ChartSpec("Sessions per week", [])
    days_by_week: dict[date, set[date]] = defaultdict(set)
    for log in logs:
        if any(e.sets_done > 0 for e in log.entries):
            days_by_week[_monday(log.date)].add(log.date)
    last = _monday(today or max(log.date for log in logs))
    first = max(_monday(min(log.date for log in logs)), last - timedelta(weeks=weeks - 1))
    mondays = []
    week = first
    while week <= last:
        mondays.append(week)
        week += timedelta(weeks=1)
    return ChartSpec(
        "Sessions per week",
        [
            Series("Days logged", values=[float(len(days_by_week[m])) for m in mondays]),
            Series("Days planned", values=[float(planned_days)] * len(mondays)),
        ],
        left_label="days",
        categories=[m.strftime("%d %b") for m in mondays],
    )


def pain_trend(logs: Sequence[Any]) -> ChartSpec:
    """Highest pain during and next morning per session (0-10)."""
    during, morning = [], []
    for log in sorted(logs, key=lambda log: log.date):
        if not log.entries:
            continue
        during.append((log.date, float(max(e.pain_during for e in log.entries))))
        next_am = [e.pain_next_morning for e in log.entries if e.pain_next_morning is not None]
        if next_am:
            morning.append((log.date, float(max(next_am))))
    return ChartSpec(
        "Pain (highest per session)",
        [Series("During", points=during), Series("Next morning", points=morning)],
        left_label="pain 0-10",
        left_range=(0, 10),
    )


def planned_days(program: Any) -> int:
    """The most days a week any exercise of the program asks for (0 without a program)."""
    if program is None:
        return 0
    return max((item.dosage.days_per_week for _p, _i, item in program.items()), default=0)
