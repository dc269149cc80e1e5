"""The pose format: what one illustration file says about one exercise.

An illustration file (``resources/illustrations/*.toml``) holds one table per exercise id::

    [sit_to_stand]
    view = "side"                      # or "front"; default side
    props = [{ kind = "chair", x = 0 }]
    arrow = { part = "pelvis", bend = 0.3 }   # or a list of them

    [sit_to_stand.start]
    base = "sit_chair"                 # a named base pose (see presets.BASES)
    x = -20                            # where the base's anchor point goes (cm)
    spine = 0                          # whole-body joints
    shoulder = 90                      # a side joint alone sets both sides
    left = { knee = 60 }               # ... or one side only
    flat = true                        # soles level (the base decides when not given)
    plant = ["left"]                   # solve that knee so the foot reaches the floor/prop
    lift = 10                          # in the air (a jump), cm above where it would rest
    gaze = true                        # a dashed line of sight from the face

    [sit_to_stand.end]
    base = "stand"

``start`` and ``end`` are required, ``middle`` optional. Angles are degrees (see skeleton).
A variant can start from another exercise's table with ``like = "other_id"`` and give only
what differs (pose tables merge key by key); tables whose name starts with "_" are such
shared starting points only, not exercises.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bonecoach.art.presets import BASES
from bonecoach.art.props import Prop, parse_prop
from bonecoach.art.skeleton import BODY_LIMITS, SIDE_LIMITS, SIDES

PHASES = ("start", "middle", "end")
EXERCISE_KEYS = {"view", "props", "arrow", "zoom", "limit", *PHASES}
ARROW_KEYS = {"part", "bend", "dx", "dy"}
ZOOM_KEYS = {"around", "margin", "below"}

_SIDE_POINTS = ("hip", "knee", "ankle", "heel", "toe", "foot", "shoulder", "elbow", "wrist", "hand")
POINTS = {"pelvis", "waist", "chest", "neck", "head"} | {
    f"{prefix}{p}" for p in _SIDE_POINTS for prefix in ("", "left_", "right_")
}
PAIRS = {"hands": ("left_hand", "right_hand"), "feet": ("left_foot", "right_foot")}


def is_point(name: str) -> bool:
    return name in POINTS or name in PAIRS


def expand(name: str) -> tuple[str, ...]:
    """Body point names a prop target means: 'hands' is both hands."""
    return PAIRS.get(name, (name,))


@dataclass(frozen=True)
class Pose:
    base: str
    body: dict[str, float]
    sides: dict[str, dict[str, float]]
    anchor: str
    x: float
    props: tuple[Prop, ...] = ()
    flat: tuple[str, ...] = ()  # sides whose sole is kept level (ankle computed)
    plant: tuple[str, ...] = ()  # sides whose knee is solved so the foot reaches the floor
    lift: float = 0.0  # cm off the ground: the airborne moment of a jump or hop
    gaze: bool = False  # draw a dashed line of sight from the face
    # what bears the weight (base's unless the pose says): one point of each group rests
    rests: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Arrow:
    part: str
    bend: float = 0.25
    dx: float = 0.0
    dy: float = 0.0


@dataclass(frozen=True)
class Zoom:
    """A close-up: every panel shows only the box round ``around`` (in all panels) plus
    ``margin`` cm (``below`` cm underneath), for small movements such as a wrist curl, or to
    cut the legs of a bed from a lying exercise."""

    around: str
    margin: float = 25.0
    below: float = 25.0


@dataclass(frozen=True)
class Illustration:
    exercise_id: str
    file: str
    view: str
    props: tuple[Prop, ...]
    arrows: tuple[Arrow, ...]
    poses: tuple[tuple[str, Pose], ...]  # (phase, pose) in order start, middle, end
    problems: tuple[str, ...] = field(default=())
    zoom: Zoom | None = None
    # how far a body point may move between any two panels (cm), where the steps limit it
    # ("a few centimetres"): limit = { head = 10 }
    limits: tuple[tuple[str, float], ...] = ()


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _props(raw: object, problems: list[str], where: str) -> tuple[Prop, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append(f"{where}'props' must be a list of tables")
        return ()
    props = []
    for item in raw:
        prop, trouble = parse_prop(item, is_point)
        problems.extend(f"{where}{t}" for t in trouble)
        if prop is not None:
            props.append(prop)
    return tuple(props)


def parse_pose(raw: object, phase: str, problems: list[str]) -> Pose | None:
    where = f"{phase}: "
    if not isinstance(raw, dict):
        problems.append(f"{where}must be a table")
        return None
    base_name = raw.get("base", "stand")
    base = BASES.get(base_name) if isinstance(base_name, str) else None
    if base is None:
        problems.append(f"{where}unknown base pose {base_name!r} (known: {', '.join(BASES)})")
        return None
    body = {name: 0.0 for name in BODY_LIMITS} | base.body
    sides = {s: {n: 0.0 for n in SIDE_LIMITS} | base.both for s in SIDES}
    sides["left"] |= base.left
    sides["right"] |= base.right
    anchor = base.anchor
    x = 0.0
    lift = 0.0
    side_values: dict[str, dict[str, float]] = {"left": {}, "right": {}}
    for key, value in raw.items():
        if key in ("base", "props", "rests"):
            continue
        if key == "gaze":
            if not isinstance(value, bool):
                problems.append(f"{where}'gaze' must be true or false")
            continue
        if key in ("flat", "plant"):
            if value is True or value is False:
                continue
            if not (isinstance(value, list) and set(value) <= set(SIDES)):
                problems.append(f"{where}'{key}' must be true, false or a list of sides")
            continue
        if key == "anchor":
            if isinstance(value, str) and value in POINTS:
                anchor = value
            else:
                problems.append(f"{where}anchor {value!r} is not a body point")
        elif key in SIDES:
            if not isinstance(value, dict):
                problems.append(f"{where}'{key}' must be a table of joint angles")
                continue
            for joint, angle in value.items():
                if joint not in SIDE_LIMITS:
                    problems.append(f"{where}{key}: unknown joint '{joint}'")
                elif not _number(angle):
                    problems.append(f"{where}{key} {joint} must be a number")
                else:
                    side_values[key][joint] = float(angle)
        elif not _number(value):
            problems.append(f"{where}'{key}' must be a number")
        elif key == "x":
            x = float(value)
        elif key == "lift":
            lift = float(value)
        elif key in BODY_LIMITS:
            body[key] = float(value)
        elif key in SIDE_LIMITS:
            for s in SIDES:
                sides[s][key] = float(value)
        else:
            problems.append(f"{where}unknown key '{key}'")
    for s in SIDES:
        sides[s] |= side_values[s]
    props = _props(raw.get("props"), problems, where)
    given_ankle = {s for s in SIDES if "ankle" in raw or "ankle" in side_values[s]}
    flat = tuple(s for s in _sides(raw.get("flat", base.flat)) if s not in given_ankle)
    plant = _sides(raw.get("plant", base.plant))
    gaze = raw.get("gaze") is True
    rests = _rests(raw.get("rests"), base.rests, problems, where)
    return Pose(base_name, body, sides, anchor, x, props, flat, plant, lift, gaze, rests)


def _rests(
    value: object, default: tuple[tuple[str, ...], ...], problems: list[str], where: str
) -> tuple[tuple[str, ...], ...]:
    """``rests = ["right_knee", "hands"]``: each item a body point that must rest on the
    floor or a prop ("hands", "feet": either one); [] when nothing does (a hang)."""
    if value is None:
        return default
    if not isinstance(value, list) or not all(isinstance(v, str) and is_point(v) for v in value):
        problems.append(f"{where}'rests' must be a list of body points")
        return default
    return tuple(expand(v) for v in value)


def _sides(value: object) -> tuple[str, ...]:
    if value is True:
        return SIDES
    if isinstance(value, list):
        return tuple(s for s in SIDES if s in value)
    return ()


def _arrows(raw: object, problems: list[str]) -> tuple[Arrow, ...]:
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    arrows = []
    for item in items:
        if not isinstance(item, dict):
            problems.append('arrow must be a table like { part = "hand" }')
            continue
        unknown = sorted(set(item) - ARROW_KEYS)
        problems.extend(f"arrow: unknown key '{k}'" for k in unknown)
        part = item.get("part")
        if not (isinstance(part, str) and part in POINTS):
            problems.append(f"arrow: part {part!r} is not a body point")
            continue
        numbers = {k: item[k] for k in ("bend", "dx", "dy") if k in item}
        if not all(_number(v) for v in numbers.values()):
            problems.append("arrow: bend, dx and dy must be numbers")
            continue
        arrows.append(Arrow(part, **{k: float(v) for k, v in numbers.items()}))
    return tuple(arrows)


def _zoom(raw: object, problems: list[str]) -> Zoom | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        problems.append('zoom must be a table like { around = "right_hand", margin = 25 }')
        return None
    problems.extend(f"zoom: unknown key '{k}'" for k in sorted(set(raw) - ZOOM_KEYS))
    around = raw.get("around")
    if not (isinstance(around, str) and around in POINTS):
        problems.append(f"zoom: around {around!r} is not a body point")
        return None
    sizes: dict[str, float] = {}
    for key in ("margin", "below"):
        value = raw.get(key, sizes.get("margin", 25.0))
        if not (_number(value) and 10 <= float(value) <= 150):
            problems.append(f"zoom: {key} must be a number of cm from 10 to 150, not {value!r}")
            return None
        sizes[key] = float(value)
    return Zoom(around, sizes["margin"], sizes["below"])


def _limits(raw: object, problems: list[str]) -> tuple[tuple[str, float], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and k in POINTS and _number(v) and float(v) > 0 for k, v in raw.items()
    ):
        problems.append("limit must be a table of body points and cm, like { head = 10 }")
        return ()
    return tuple((k, float(v)) for k, v in raw.items())


def parse_illustration(exercise_id: str, file: str, raw: Mapping[str, Any]) -> Illustration:
    """One exercise's table; problems are kept on the result, never raised."""
    problems: list[str] = [f"unknown key '{k}'" for k in sorted(set(raw) - EXERCISE_KEYS)]
    view = raw.get("view", "side")
    if view not in ("side", "front"):
        problems.append(f"view must be 'side' or 'front', not {view!r}")
        view = "side"
    props = _props(raw.get("props"), problems, "")
    arrows = _arrows(raw.get("arrow"), problems)
    zoom = _zoom(raw.get("zoom"), problems)
    poses = []
    for phase in PHASES:
        if phase not in raw:
            if phase != "middle":
                problems.append(f"no {phase} pose")
            continue
        pose = parse_pose(raw[phase], phase, problems)
        if pose is not None:
            poses.append((phase, pose))
    limits = _limits(raw.get("limit"), problems)
    return Illustration(
        exercise_id, file, view, props, arrows, tuple(poses), tuple(problems), zoom, limits
    )
