"""Props drawn to the figure's scale (cm): furniture, equipment and the floor.

Floor-standing props (chair, counter, table, wall, step, mat, bed) are placed by ``x`` on the
screen's horizontal axis and ``side`` (which side of ``x`` the prop lies on); their tops are
surfaces the figure can rest on, except a chair, counter, table or bed standing ``beside`` the
figure (drawn behind it: its hand may rest on it, its feet pass in front of it).
Hand-held props (dumbbells, walking poles), the weighted vest
and the resistance band follow the body.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from bonecoach.art.svg import INK, PROP_FILL, PROP_INK, PROP_SHADE, Canvas, Point, circle_points

LINE = 1.3  # prop outline width: thinner than the figure's, so the figure stands out

# kind -> {parameter: default}; a default of None means required.
PROP_PARAMS: dict[str, dict[str, Any]] = {
    "floor": {},
    "chair": {"x": None, "side": "left", "seat": 45.0, "arms": False, "beside": False},
    # facing (front view): the client faces it, so it is drawn in front of the figure, its
    # cabinet as an outline the legs show through
    "counter": {
        "x": None,
        "side": "right",
        "height": 92.0,
        "length": 60.0,
        "beside": False,
        "facing": False,
    },
    "table": {"x": None, "side": "right", "height": 75.0, "length": 80.0, "beside": False},
    "wall": {"x": None, "side": "right", "behind": False},  # behind: the wall at one's back
    "step": {"x": None, "side": "right", "height": 15.0, "depth": 35.0},
    "mat": {"x": None, "side": "right", "length": 190.0},
    # beside: seen from its long side, the client sitting on its near edge (the legs hang
    # in front of it, the feet on the floor; its top still counts as what the seat rests on)
    "bed": {"x": None, "side": "right", "height": 50.0, "length": 200.0, "beside": False},
    "pillow": {"x": None, "side": "right", "length": 40.0, "height": 11.0, "y": 0.0},
    "object": {"x": None, "size": 16.0, "y": 0.0},  # y: resting on a stool or seat
    # a rolled-up towel lying on the floor across the way (something soft to step over):
    # seen end on from the side, a roll of thickness `size`; from the front, a long soft roll
    "towel": {"x": None, "size": 10.0},
    "door": {"x": None, "side": "right"},
    "stairs": {"x": None, "side": "right", "steps": 3.0, "rise": 17.0, "going": 28.0},
    "car": {"x": None, "side": "left"},
    "bike": {"x": None},
    "rower": {"x": None, "seat": 0.0},  # seat: the sliding seat's place forward of x, on the rail
    "bar": {"at": None},
    "water": {"height": 110.0},
    "slope": {"x": None, "side": "right", "length": 220.0, "rise": 30.0},
    "band": {"from": None, "to": "hands"},
    "dumbbells": {"at": "hands"},
    "vest": {},
    "poles": {"at": "hands", "dx": 12.0},
    "barbell": {"at": "hands"},
    "club": {"at": "hands"},
    "ball": {"at": "right_hand", "size": 9.2, "squeeze": 0.0},  # squeeze 0..0.6: flattened
    "bag": {"at": "hands"},
    "rope": {"at": "hands"},
    "sock": {"at": "right_foot"},  # half pulled on: over the toes, its open top in the hands
}
HELD = {
    "dumbbells",
    "poles",
    "vest",
    "barbell",
    "club",
    "ball",
    "bag",
    "rope",
    "sock",
}  # drawn with the body, in depth order


@dataclass(frozen=True)
class Prop:
    kind: str
    params: Mapping[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.params[key]


def parse_prop(raw: object, is_point: Callable[[str], bool]) -> tuple[Prop | None, list[str]]:
    """A prop from its TOML table, or the problems that stop it being drawn."""
    if not isinstance(raw, dict):
        return None, ['a prop must be a table like { kind = "chair", x = -20 }']
    kind = raw.get("kind")
    if kind not in PROP_PARAMS:
        return None, [f"unknown prop kind {kind!r} (known: {', '.join(sorted(PROP_PARAMS))})"]
    spec = PROP_PARAMS[kind]
    problems = [f"prop {kind}: unknown key '{k}'" for k in sorted(set(raw) - set(spec) - {"kind"})]
    params: dict[str, Any] = {}
    for key, default in spec.items():
        value = raw.get(key, default)
        if value is None:
            problems.append(f"prop {kind}: missing '{key}'")
        elif key in ("beside", "arms") and not isinstance(value, bool):
            problems.append(f"prop {kind}: {key} must be true or false, not {value!r}")
        elif key == "side" and value not in ("left", "right"):
            problems.append(f"prop {kind}: side must be 'left' or 'right', not {value!r}")
        elif key in ("from", "to", "at"):
            if isinstance(value, list):
                if (
                    key == "to"
                    or (key == "at" and kind != "bar")
                    or len(value) != 2
                    or not all(_is_number(v) for v in value)
                ):
                    problems.append(f"prop {kind}: '{key}' must be a body point or [x, y]")
                value = tuple(float(v) for v in value) if not problems else value
            elif kind == "bar" or not (isinstance(value, str) and is_point(value)):
                problems.append(f"prop {kind}: '{key}' names no body point: {value!r}")
        elif isinstance(default, float) or key == "x":
            if not _is_number(value):
                problems.append(f"prop {kind}: '{key}' must be a number, not {value!r}")
            elif key == "squeeze" and not 0 <= value <= 0.6:
                problems.append(f"prop {kind}: squeeze must be from 0 to 0.6, not {value!r}")
            elif key == "seat" and not -25 <= value <= 100:
                problems.append(f"prop {kind}: seat must be from -25 to 100, not {value!r}")
            else:
                value = float(value)
        params[key] = value
    return (None, problems) if problems else (Prop(kind, params), [])


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _span(prop: Prop, length: float, view: str) -> tuple[float, float]:
    """Horizontal extent of a prop ``length`` deep that starts at x on its side."""
    x = prop["x"]
    if view == "front" and prop.kind == "chair":
        return x - 23.0, x + 23.0
    return (x - length, x) if prop["side"] == "left" else (x, x + length)


def surfaces(prop: Prop, view: str) -> list[tuple[float, float, float]]:
    """Tops the body can rest on: (x from, x to, height)."""
    if prop.params.get("beside"):
        return []
    return extent(prop, view)


def extent(prop: Prop, view: str) -> list[tuple[float, float, float]]:
    """The prop's tops: (x from, x to, height), whether or not the body can reach them."""
    k = prop.kind
    if k == "chair":
        return [(*_span(prop, 42.0, view), prop["seat"])]
    if k in ("counter", "table"):
        return [(*_span(prop, prop["length"], view), prop["height"])]
    if k == "step":
        return [(*_span(prop, prop["depth"], view), prop["height"])]
    if k == "mat":
        return [(*_span(prop, prop["length"], view), 1.5)]
    if k == "pillow":  # on the floor, or at height y (on a bed)
        return [(*_span(prop, prop["length"], view), prop["y"] + prop["height"])]
    if k == "stairs":
        x, going = prop["x"], prop["going"]
        sign = 1.0 if prop["side"] == "right" else -1.0
        tops = []
        for i in range(int(prop["steps"])):
            a, b = (
                x + sign * going * i,
                x + sign * going * (i + 1 if i + 1 < prop["steps"] else i + 3),
            )
            tops.append((min(a, b), max(a, b), prop["rise"] * (i + 1)))
        return tops
    if k == "car":
        return [(*_span(prop, 45.0, view), 52.0)]
    if k == "slope":  # rising away from x, in short flat pieces the feet can stand on
        x0, x1 = _span(prop, prop["length"], view)
        n = 40
        step = (x1 - x0) / n
        up = prop["rise"] / n
        return [
            (
                x0 + i * step,
                x0 + (i + 1) * step,
                up * ((i + 0.5) if prop["side"] == "right" else (n - i - 0.5)),
            )
            for i in range(n)
        ]
    if k == "bike":
        return [(prop["x"] - 14.0, prop["x"] + 2.0, 81.0)]
    if k == "rower":  # the sliding seat
        seat = prop["x"] + prop["seat"]
        return [(seat - 15.0, seat + 15.0, 24.0)]
    if k == "bed":
        return [(*_span(prop, prop["length"], view), prop["height"])]
    return []


CAR_WHEEL = 28.0  # the car's front wheel radius (cm)


def car_wheel(prop: Prop) -> float:
    """Where the car's front wheel is (x of its centre): ahead of the door opening, clear of
    the legs of someone sitting down on the seat or swinging the legs in."""
    x0, x1, _ = extent(prop, "side")[0]
    return x0 + 125.0 if prop["side"] == "left" else x1 - 125.0


def _rect(
    canvas: Canvas, x0: float, y0: float, x1: float, y1: float, fill: str = PROP_FILL
) -> None:
    canvas.polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], fill, PROP_INK, LINE)


def in_front(prop: Prop, view: str) -> bool:
    """A counter the client faces, in a front view: drawn over the figure, not behind it."""
    return prop.kind == "counter" and view == "front" and bool(prop.params.get("facing"))


def draw_in_front(canvas: Canvas, prop: Prop, view: str, dx: float) -> None:
    """The counter the client faces, over the figure: the worktop solid, the cabinet an
    outline, so the feet and legs stay visible."""
    if not in_front(prop, view):
        return
    ((x0, x1, h),) = extent(prop, view)
    x0, x1 = x0 + dx, x1 + dx
    canvas.polygon([(x0, 0), (x1, 0), (x1, h - 4), (x0, h - 4)], "none", PROP_INK, LINE)
    _rect(canvas, x0 - 2, h - 4, x1 + 2, h, PROP_SHADE)


def draw_furniture(canvas: Canvas, prop: Prop, view: str, dx: float) -> None:
    """Draw a floor-standing prop behind the figure (shifted by dx for its panel)."""
    k = prop.kind
    if k in ("floor", "band") or k in HELD or in_front(prop, view):
        return
    tops = extent(prop, view)
    x0, x1 = (tops[0][0] + dx, tops[-1][1] + dx) if tops else (0.0, 0.0)
    if k == "chair":
        seat = prop["seat"]
        back = x0 if prop["side"] == "left" else x1
        if view == "front":
            _rect(canvas, x0 + 3, seat, x1 - 3, seat + 42, PROP_SHADE)  # backrest behind
        for leg in ((x0 + 1.5, x0 + 4.5), (x1 - 4.5, x1 - 1.5)):
            _rect(canvas, leg[0], 0, leg[1], seat - 3)
        _rect(canvas, x0, seat - 4, x1, seat)
        if view == "side":
            sign = 1.0 if back == x0 else -1.0
            post = [
                (back, seat - 4),
                (back + sign * 3.5, seat - 4),
                (back - sign * 1.5, seat + 42),
                (back - sign * 5, seat + 42),
            ]
            canvas.polygon(post, PROP_FILL, PROP_INK, LINE)
            _rect(
                canvas,
                min(back - sign * 5.5, back + sign * 1.0),
                seat + 22,
                max(back - sign * 5.5, back + sign * 1.0),
                seat + 42,
            )
            if prop["arms"]:  # armrests: a post at the front and a rest back to the backrest
                front = x1 if back == x0 else x0
                canvas.line((front - sign * 4, seat), (front - sign * 4, seat + 22), PROP_INK, 2.2)
                _rect(
                    canvas,
                    min(back, front - sign * 1),
                    seat + 20,
                    max(back, front - sign * 1),
                    seat + 24,
                )
    elif k == "counter":
        h = prop["height"]
        edge = x0 - 3 if prop["side"] == "right" else x0
        _rect(
            canvas,
            x0 + (2 if prop["side"] == "right" else 0),
            0,
            x1 - (0 if prop["side"] == "right" else 2),
            h - 4,
        )
        _rect(canvas, edge, h - 4, x1 + (0 if prop["side"] == "right" else 3), h, PROP_SHADE)
        for y in (h * 0.45, h * 0.1):
            canvas.line((x0 + 6, y), (x1 - 6, y), PROP_SHADE, LINE)
    elif k == "table":
        h = prop["height"]
        _rect(canvas, x0, h - 4, x1, h, PROP_SHADE)
        for leg in ((x0 + 3, x0 + 6.5), (x1 - 6.5, x1 - 3)):
            _rect(canvas, leg[0], 0, leg[1], h - 4)
    elif k == "wall" and prop["behind"]:  # front view: the wall the back leans on
        x = prop["x"] + dx
        _rect(canvas, x - 55, 0, x + 55, 190, PROP_SHADE)
        canvas.line((x - 55, 10), (x + 55, 10), PROP_INK, LINE)  # the skirting board
    elif k == "wall":
        x = prop["x"] + dx
        far = x + (14.0 if prop["side"] == "right" else -14.0)
        lo, hi = min(x, far), max(x, far)
        _rect(canvas, lo, 0, hi, 205, PROP_SHADE)
        for y in range(8, 200, 16):
            canvas.line((lo + 2, y), (hi - 2, y + 10), PROP_INK, 0.7)
    elif k == "step":
        h = prop["height"]
        _rect(canvas, x0, 0, x1, h)
        canvas.line((x0 + 2, h - 3), (x1 - 2, h - 3), PROP_SHADE, LINE)
    elif k == "mat":
        _rect(canvas, x0, 0, x1, 1.8, PROP_SHADE)
    elif k == "pillow":
        r, y = prop["height"] / 2, prop["y"]
        outline = circle_points((x0 + r, y + r), r, 90, 180)
        outline += circle_points((x1 - r, y + r), r, 270, 180)
        canvas.polygon(outline, PROP_FILL, PROP_INK, LINE)
    else:
        _draw_more(canvas, prop, view, dx, tops)


def _draw_more(
    canvas: Canvas, prop: Prop, view: str, dx: float, tops: list[tuple[float, float, float]]
) -> None:
    k = prop.kind
    x0, x1 = (tops[0][0] + dx, tops[-1][1] + dx) if tops else (0.0, 0.0)
    if k == "slope":
        rise = prop["rise"]
        low, high = (x0, x1) if prop["side"] == "right" else (x1, x0)
        canvas.polygon([(low, 0), (high, rise), (high, 0)], PROP_SHADE, PROP_INK, LINE)
    elif k == "object":
        x, size, y = prop["x"] + dx, prop["size"], prop["y"]
        _rect(canvas, x - size * 0.6, y, x + size * 0.6, y + size, PROP_SHADE)
    elif k == "towel":
        towel(canvas, prop["x"] + dx, prop["size"], view)
    elif k == "door":
        x = prop["x"] + dx
        sign = 1.0 if prop["side"] == "right" else -1.0
        _rect(canvas, min(x, x + sign * 7), 0, max(x, x + sign * 7), 205, PROP_SHADE)
        _rect(canvas, min(x, x - sign * 70), 198, max(x, x - sign * 70), 205, PROP_SHADE)
    elif k == "stairs":
        for a, b, h in tops:
            _rect(canvas, a + dx, 0, b + dx, h)
        sign = 1.0 if prop["side"] == "right" else -1.0
        first, last = tops[0], tops[-1]
        start = (prop["x"] + dx - sign * 20, 90.0)
        end = (prop["x"] + dx + sign * prop["going"] * (prop["steps"] - 0.5), 90.0 + last[2])
        canvas.line(start, end, PROP_INK, 2.6)
        for post in (start, end):
            canvas.line(
                post, (post[0], post[1] - 90 + (first[2] if post is end else 0)), PROP_INK, 1.4
            )
    elif k == "car":
        seat = tops[0][2]
        back = x0 if prop["side"] == "left" else x1
        sign = 1.0 if back == x0 else -1.0
        _rect(canvas, x0, seat - 12, x1, seat)
        rest = [
            (back, seat),
            (back + sign * 12, seat),
            (back + sign * 2, seat + 62),
            (back - sign * 8, seat + 60),
        ]
        canvas.polygon(rest, PROP_FILL, PROP_INK, LINE)
        roof = [
            (back - sign * 40, seat + 70),
            (back + sign * 5, seat + 88),
            (back + sign * 95, seat + 85),
        ]
        canvas.polyline(roof, PROP_INK, 3.0)
        sill = [(back - sign * 40, 28), (back + sign * 95, 28)]
        canvas.polyline(sill, PROP_INK, 3.0)
        canvas.circle((car_wheel(prop) + dx, 30), CAR_WHEEL, PROP_SHADE, PROP_INK, LINE)
    elif k == "bike":  # a stationary exercise bike, the rider facing right
        x = prop["x"] + dx
        crank = (x + 14, 30.0)
        canvas.circle((x + 58, 30), 24, PROP_SHADE, PROP_INK, LINE)
        for p, q in (
            ((x - 2, 78), crank),
            (crank, (x + 58, 30)),
            (crank, (x + 48, 98)),
            ((x - 12, 2), (x + 80, 2)),
            ((x + 58, 30), (x + 38, 2)),
            ((x + 58, 30), (x + 80, 2)),
            ((x + 14, 30), (x - 4, 2)),
        ):
            canvas.line(p, q, PROP_INK, 3.2)
        canvas.line((x + 44, 98), (x + 58, 100), PROP_INK, 3.6)
        _rect(canvas, x - 13, 76, x + 13, 81, PROP_SHADE)
        canvas.circle(crank, 6, PROP_FILL, PROP_INK, LINE)
    elif k == "rower":
        x = prop["x"] + dx
        _rect(canvas, x - 40, 10, x + 150, 15, PROP_SHADE)
        seat = x + prop["seat"]  # slides along the rail; the foot stretcher stays put
        _rect(canvas, seat - 15, 15, seat + 15, 24)
        _rect(canvas, x + 150, 0, x + 185, 45, PROP_SHADE)
        canvas.line((x + 115, 12), (x + 128, 40), PROP_INK, 3.0)
        canvas.line((x - 40, 0), (x - 40, 10), PROP_INK, 2.0)
    elif k == "bar":
        bx, by = prop["at"]
        canvas.polyline([(bx + dx, by), (bx + dx - 30, by), (bx + dx - 30, by + 25)], PROP_INK, 2.4)
        canvas.circle((bx + dx, by), 3.0, PROP_SHADE, INK, 1.4)

    elif k == "bed":
        h = prop["height"]
        head = x1 if prop["side"] == "right" else x0
        _rect(
            canvas,
            min(head, head + (4 if head == x0 else -4)) - 0,
            0,
            max(head, head + (4 if head == x0 else -4)),
            h + 35,
        )
        for leg in ((x0 + 2, x0 + 6), (x1 - 6, x1 - 2)):
            _rect(canvas, leg[0], 0, leg[1], h - 14)
        _rect(canvas, x0, h - 16, x1, h - 12, PROP_SHADE)
        _rect(canvas, x0, h - 12, x1, h)


TOWEL_FILL = "#c5d3de"  # a soft coloured towel, so it shows against a cabinet behind
TOWEL_LENGTH = 50.0  # cm across, seen from the front


def towel(canvas: Canvas, x: float, size: float, view: str) -> None:
    """A rolled-up towel on the floor, soft and round: from the side its end, with the roll's
    spiral; from the front a long roll with rounded ends and the fold lines of the cloth."""
    r = size / 2
    if view == "side":
        canvas.circle((x, r), r, TOWEL_FILL, PROP_INK, LINE)
        spiral = [
            (
                x + r * (0.15 + 0.7 * i / 24) * math.cos(math.radians(90 + 30 * i)),
                r + r * (0.15 + 0.7 * i / 24) * math.sin(math.radians(90 + 30 * i)),
            )
            for i in range(25)
        ]
        canvas.polyline(spiral, PROP_INK, 0.8)
        return
    x0, x1 = x - TOWEL_LENGTH / 2, x + TOWEL_LENGTH / 2
    outline = circle_points((x0 + r, r), r, 90, 180) + circle_points((x1 - r, r), r, 270, 180)
    canvas.polygon(outline, TOWEL_FILL, PROP_INK, LINE)
    for fold in (0.3, 0.5, 0.7):
        fx = x0 + TOWEL_LENGTH * fold
        canvas.line((fx, size * 0.15), (fx + 2.0, size * 0.85), PROP_INK, 0.7)


def dumbbell(canvas: Canvas, hand: Point, along: Point) -> None:
    """A dumbbell held at ``hand``, its bar across the forearm direction ``along``."""
    size = math.hypot(*along) or 1.0
    ux, uy = along[0] / size, along[1] / size
    px, py = -uy, ux  # across the forearm
    cx, cy = hand[0] + ux * 1.0, hand[1] + uy * 1.0
    canvas.line((cx - px * 9, cy - py * 9), (cx + px * 9, cy + py * 9), INK, 2.4)
    for s in (-1.0, 1.0):
        mx, my = cx + px * s * 8.5, cy + py * s * 8.5
        corners = [
            (mx + a * px * 2.2 + b * ux * 5.0, my + a * py * 2.2 + b * uy * 5.0)
            for a, b in ((-1, -1), (1, -1), (1, 1), (-1, 1))
        ]
        canvas.polygon(corners, "#59636b", INK, 1.0)


def dumbbell_end(canvas: Canvas, centre: Point, _unused: Point) -> None:
    """A dumbbell seen end on (its handle pointing at the viewer): a weight plate round the
    handle's end."""
    canvas.circle(centre, 5.5, "#59636b", INK, 1.0)
    canvas.circle(centre, 1.6, PROP_FILL, INK, 0.8)


def pole(canvas: Canvas, hand: Point, tip: Point) -> None:
    canvas.line(hand, tip, INK, 1.6)
    dx, dy = tip[0] - hand[0], tip[1] - hand[1]
    size = math.hypot(dx, dy) or 1.0
    ux, uy = dx / size, dy / size
    grip = [
        (hand[0] - ux * 3 + uy * 1.6, hand[1] - uy * 3 - ux * 1.6),
        (hand[0] + ux * 9 + uy * 1.6, hand[1] + uy * 9 - ux * 1.6),
        (hand[0] + ux * 9 - uy * 1.6, hand[1] + uy * 9 + ux * 1.6),
        (hand[0] - ux * 3 - uy * 1.6, hand[1] - uy * 3 + ux * 1.6),
    ]
    canvas.polygon(grip, "#59636b", INK, 0.8)


def band(canvas: Canvas, points: list[Point], anchored: bool) -> None:
    """A resistance band: a dark strip with a light core, and a knob where it is fixed."""
    canvas.polyline(points, INK, 3.2)
    canvas.polyline(points, "#c9d1d8", 1.2)
    if anchored:
        canvas.circle(points[0], 2.6, PROP_SHADE, INK, 1.2)


def water(canvas: Canvas, left: float, right: float, height: float) -> None:
    """The water surface: a wavy line across the panel, drawn over the figure."""
    waves = [
        (left + i * 5.0, height + (1.5 if i % 2 else -1.5))
        for i in range(int((right - left) / 5) + 1)
    ]
    canvas.polyline(waves, "#ffffff", 4.0)
    canvas.polyline(waves, PROP_INK, 1.6)


def barbell(canvas: Canvas, hands: Point, across: Point) -> None:
    """A barbell held in both hands; ``across`` is (1, 0) when seen end-on (side view)."""
    if across[0] > 0:  # seen end-on: a weight plate
        canvas.circle(hands, 22.0, "#59636b", INK, 1.4)
        canvas.circle(hands, 4.0, PROP_SHADE, INK, 1.0)
        return
    canvas.line((hands[0] - 100, hands[1]), (hands[0] + 100, hands[1]), INK, 2.6)
    for s in (-1, 1):
        _rect(
            canvas,
            hands[0] + s * 78 - 4,
            hands[1] - 22,
            hands[0] + s * 78 + 4,
            hands[1] + 22,
            "#59636b",
        )


def club(canvas: Canvas, hand: Point, along: Point) -> None:
    size = math.hypot(*along) or 1.0
    ux, uy = along[0] / size, along[1] / size
    end = (hand[0] + ux * 85, hand[1] + uy * 85)
    canvas.line(hand, end, INK, 1.6)
    canvas.line(end, (end[0] + 9, end[1] - 1), INK, 3.4)


def ball(
    canvas: Canvas, hand: Point, along: Point, size: float = 9.2, squeeze: float = 0.0
) -> None:
    """A soft ball in the hand; ``squeeze`` flattens it across the forearm (held tight)."""
    if squeeze <= 0:
        canvas.circle(hand, size / 2, "#59636b", INK, 1.0)
        return
    length = math.hypot(*along) or 1.0
    ux, uy = along[0] / length, along[1] / length  # along the forearm
    a, b = size / 2 * (1 + squeeze * 0.6), size / 2 * (1 - squeeze)  # across, along
    points = [
        (
            hand[0] - uy * a * math.cos(t) + ux * b * math.sin(t),
            hand[1] + ux * a * math.cos(t) + uy * b * math.sin(t),
        )
        for t in (2 * math.pi * i / 24 for i in range(24))
    ]
    canvas.polygon(points, "#59636b", INK, 1.0)


def bag(canvas: Canvas, hand: Point, _along: Point) -> None:
    x, y = hand
    canvas.polyline([(x - 6, y - 10), (x, y + 1), (x + 6, y - 10)], INK, 1.2)
    canvas.polygon(
        [(x - 11, y - 10), (x + 11, y - 10), (x + 12, y - 36), (x - 12, y - 36)],
        PROP_SHADE,
        INK,
        1.2,
    )


def sock(canvas: Canvas, toe: Point, hands: Point) -> None:
    """A sock being pulled on: over the toes, its open top stretched to the hands."""
    from bonecoach.art.clip import capsule_polygon

    dx, dy = hands[0] - toe[0], hands[1] - toe[1]
    size = math.hypot(dx, dy) or 1.0
    ux, uy = dx / size, dy / size
    tip = (toe[0] + ux * 1.0, toe[1] + uy * 1.0)  # just round the toes
    canvas.polygon(capsule_polygon(tip, 3.6, hands, 4.4), SOCK_FILL, INK, 1.2)
    cuff = (hands[0] - ux * 3.0, hands[1] - uy * 3.0)
    canvas.line(
        (cuff[0] - uy * 4.0, cuff[1] + ux * 4.0), (cuff[0] + uy * 4.0, cuff[1] - ux * 4.0), INK, 1.0
    )


SOCK_FILL = "#59636b"


def rope(canvas: Canvas, hand: Point, feet: Point) -> None:
    """A skipping rope from the hands, round under the feet: a smooth loop (a rope curves; a
    polygon of straight pieces reads as a frame), leaving the hands in a point."""
    x, y = hand
    feet_x = feet[0]
    loop = [
        (x, y),
        (x + 20, y - 30),
        (feet_x + 22, 8),
        (feet_x, 0.8),
        (feet_x - 22, 8),
        (x - 20, y - 30),
        (x, y),
    ]
    canvas.polyline(smooth(loop), INK, 1.2)


def smooth(points: list[Point], steps: int = 10) -> list[Point]:
    """A Catmull-Rom curve through ``points`` (ends held), as a polyline of short pieces."""
    padded = [points[0], *points, points[-1]]
    out = [points[0]]
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1], padded[i], padded[i + 1], padded[i + 2]
        for k in range(1, steps + 1):
            t = k / steps
            t2, t3 = t * t, t * t * t
            out.append(
                tuple(  # type: ignore[arg-type]
                    0.5
                    * (
                        2 * b
                        + (c - a) * t
                        + (2 * a - 5 * b + 4 * c - d) * t2
                        + (3 * b - a - 3 * c + d) * t3
                    )
                    for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
                )
            )
    return out
