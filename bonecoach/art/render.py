"""One exercise's illustration: start, (middle,) end panels side by side, with arrows.

All panels of an exercise share one frame, so a figure that stands up from a chair is seen
rising in place; every exercise is drawn at the same scale (1 unit = 1 cm).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import partial

from bonecoach.art.figure import Shape, body_shapes, draw_shape, project
from bonecoach.art.poses import Arrow, Illustration, expand
from bonecoach.art.props import (
    CAR_WHEEL,
    HELD,
    Prop,
    bag,
    ball,
    band,
    barbell,
    car_wheel,
    club,
    draw_furniture,
    draw_in_front,
    dumbbell,
    dumbbell_end,
    extent,
    pole,
    rope,
    sock,
    water,
)
from bonecoach.art.scene import Placed, place
from bonecoach.art.skeleton import Node, Part
from bonecoach.art.svg import INK, PROP_FILL, PROP_INK, Canvas, Point

GAP = 30.0  # between panels, holding the "then" arrow
MARGIN = 8.0
MIN_ARROW = 26.0  # the shortest movement arrow drawn in a whole-body picture (cm)
PALM_FILL = "#5d6872"  # the palm side of a hand in a close-up
PALM_WIDTH = 2.6
PALM_GRIP = 4.0  # cm from the middle of the hand to a held dumbbell's handle, palm side
RIM = 2.0  # round a close-up's box: holds the half of the outline that lies outside the cut
VEST_FILL = "#7b858e"

Layer = tuple[float, Callable[[Canvas, Point], None]]


def _held_layers(
    prop: Prop, placed: Placed, view: str, shapes: list[Shape], closeup: bool = False
) -> list[Layer]:
    body = placed.body
    depth_of = {s.name: s.depth for s in shapes}
    if prop.kind == "vest":
        trunk = next(p for p in body.parts if p.name == "trunk")
        nodes = tuple(Node(n.point, n.depth + 2.2, n.width + 2.2, n.frame) for n in trunk.nodes[1:])
        from bonecoach.art.figure import part_shape

        vest = part_shape(view, Part("vest", None, nodes), 0.0)
        vest = Shape("vest", vest.depth, vest.capsules, False, VEST_FILL)
        return [(depth_of["trunk"] + 0.01, partial(_shape, vest))]
    if prop.kind == "sock":  # over the foot it is on, under the hands pulling it
        side = "left" if prop["at"].startswith("left") else "right"
        toe = project(view, body.points[f"{side}_toe"])
        hands = project(view, body.points["hand"])
        return [(depth_of[f"{side}_leg"] + 0.005, partial(_sock, toe, hands))]
    layers: list[Layer] = []
    names = ("hands",) if prop.kind == "barbell" else expand(prop["at"])
    for name in names:
        side = name.split("_")[0] if name != "hands" else "right"
        hand = project(view, body.points[f"{side}_hand"])
        wrist = project(view, body.points[f"{side}_wrist"])
        elbow = project(view, body.points[f"{side}_elbow"])
        depth = depth_of[f"{side}_arm"] + 0.01
        grip = ((hand[0] + wrist[0]) / 2, (hand[1] + wrist[1]) / 2)
        along = (wrist[0] - elbow[0], wrist[1] - elbow[1])
        if prop.kind == "dumbbells":
            palm = project(view, body.points[f"{side}_palm"])
            facing = (palm[0] - wrist[0], palm[1] - wrist[1])  # 1 cm toward the palm, side on
            if closeup and math.hypot(*facing) > 0.5:
                # a close-up sees the dumbbell end on, its handle in the palm, under the
                # fingers: above a palm-up hand, below a palm-down one
                size = math.hypot(*facing)
                centre = (
                    grip[0] + facing[0] / size * PALM_GRIP,
                    grip[1] + facing[1] / size * PALM_GRIP,
                )
                layers.append((depth - 0.02, partial(_offset, dumbbell_end, centre, (0.0, 0.0))))
                continue
            # the bar lies across the hand, so it tips when the wrist bends
            across = (hand[0] - wrist[0], hand[1] - wrist[1])
            # in a close-up the bar goes under the hand, so the fingers show over it
            layers.append((depth - (0.02 if closeup else 0.0), partial(_dumbbell, grip, across)))
        elif prop.kind == "club":
            layers.append((depth, partial(_offset, club, grip, along)))
        elif prop.kind == "ball":
            squeezed = partial(ball, size=prop["size"], squeeze=prop["squeeze"])
            # in the palm (a close-up shows the hand: the ball sits in it)
            at = hand if closeup else grip
            layers.append((depth + 0.01, partial(_offset, squeezed, at, along)))
        elif prop.kind == "bag":
            layers.append((depth, partial(_offset, bag, hand, along)))
        elif prop.kind == "rope":
            feet_x = project(view, body.points["foot"])[0]
            layers.append((depth, partial(_offset, rope, grip, (feet_x, 0.0))))
        elif prop.kind == "barbell":
            both = [project(view, body.points[f"{s}_hand"]) for s in ("left", "right")]
            mid = ((both[0][0] + both[1][0]) / 2, (both[0][1] + both[1][1]) / 2)
            if prop["at"] not in ("hands", "hand"):  # e.g. across the shoulders: "neck"
                mid = project(view, body.points[prop["at"]])
            top = max(depth_of["left_arm"], depth_of["right_arm"]) + 0.02
            end_on = (1.0, 0.0) if view == "side" else (0.0, 0.0)
            if prop["at"] not in ("hands", "hand"):  # across the back: behind the figure
                top = -1e9
            return [(top, partial(_offset, barbell, mid, end_on))]
        else:
            outward = -1.0 if view == "front" and side == "right" else 1.0
            tip = (hand[0] + outward * prop["dx"], 0.0)
            layers.append((depth, partial(_pole, hand, tip)))
    return layers


def _at(p: Point, offset: Point) -> Point:
    return (p[0] + offset[0], p[1] + offset[1])


def _dumbbell(grip: Point, along: Point, canvas: Canvas, offset: Point) -> None:
    dumbbell(canvas, _at(grip, offset), along)


def _offset(
    draw: Callable[[Canvas, Point, Point], None],
    at: Point,
    extra: Point,
    canvas: Canvas,
    offset: Point,
) -> None:
    """Draw a held prop at ``at`` moved into its panel; ``extra`` is passed on unmoved."""
    if draw is rope:  # the rope's extra is a floor point, which moves with the panel
        extra = _at(extra, offset)
    draw(canvas, _at(at, offset), extra)


def _sock(toe: Point, hands: Point, canvas: Canvas, offset: Point) -> None:
    sock(canvas, _at(toe, offset), _at(hands, offset))


def _pole(hand: Point, tip: Point, canvas: Canvas, offset: Point) -> None:
    pole(canvas, _at(hand, offset), _at(tip, offset))


def _shape(shape: Shape, canvas: Canvas, offset: Point) -> None:
    draw_shape(canvas, shape, offset)


def _band(points: list[Point], anchored: bool, canvas: Canvas, offset: Point) -> None:
    band(canvas, [_at(p, offset) for p in points], anchored)


# a band looped round both knees (or ankles): the joint above which it sits, how far above
# (cm) and half its width across the limb there
_LOOPS = {"knee": ("hip", 7.0, 7.5), "ankle": ("knee", 6.0, 5.5)}


def _band_lines(prop: Prop, placed: Placed, view: str) -> list[tuple[list[Point], bool]]:
    ends = [placed.point(view, n) for n in expand(prop["to"])]
    start = prop["from"]
    if isinstance(start, tuple):
        return [([start, end], True) for end in ends]
    loop = _loop(prop, placed, view)
    if loop:
        return [(loop, False)]
    starts = [placed.point(view, n) for n in expand(start)]
    if len(starts) == len(ends):  # feet to hands: left to left, right to right
        return [([a, b], False) for a, b in zip(starts, ends, strict=True)]
    return [([a, b], False) for a in starts for b in ends]


def _loop(prop: Prop, placed: Placed, view: str) -> list[Point]:
    """A band round both knees (or ankles) seen from the side, where its two ends fall on
    one point: drawn as the strip it makes across the near leg just above the joint, not as
    a dot."""
    names = {prop["from"], prop["to"]}
    joint = next((j for j in _LOOPS if names == {f"left_{j}", f"right_{j}"}), None)
    if joint is None:
        return []
    a, b = placed.point(view, f"left_{joint}"), placed.point(view, f"right_{joint}")
    parent, above, half = _LOOPS[joint]
    if math.dist(a, b) > 3.0:
        if view != "front":
            return []
        # seen from the front: the loop's front strand, across both legs from the outside of
        # one to the outside of the other (ending at the joint centres it read as a bar)
        gap = math.dist(a, b)
        ux, uy = (a[0] - b[0]) / gap, (a[1] - b[1]) / gap
        return [(a[0] + ux * half, a[1] + uy * half), (b[0] - ux * half, b[1] - uy * half)]
    up = placed.point(view, f"right_{parent}")
    p = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    length = math.dist(p, up) or 1.0
    ux, uy = (up[0] - p[0]) / length, (up[1] - p[1]) / length
    cx, cy = p[0] + ux * above, p[1] + uy * above
    return [(cx + uy * half, cy - ux * half), (cx - uy * half, cy + ux * half)]


def _palm(placed: Placed, view: str, side: str, canvas: Canvas, offset: Point) -> None:
    """The palm side of forearm and hand shaded: a dark band from the elbow to the curled
    fingers, along the top of the forearm when the palm is up, underneath when it is down."""
    elbow, wrist, fingers = (
        placed.point(view, f"{side}_{n}") for n in ("elbow", "wrist", "fingers")
    )
    palm = placed.point(view, f"{side}_palm")
    nx, ny = palm[0] - wrist[0], palm[1] - wrist[1]  # 1 cm long when seen side on
    band = [
        (elbow[0] + nx * 2.6, elbow[1] + ny * 2.6),
        (wrist[0] + nx * 1.8, wrist[1] + ny * 1.8),
        fingers,
    ]
    canvas.polyline([_at(p, offset) for p in band], PALM_FILL, PALM_WIDTH)


def _pedal(crank: Point, foot: Point, canvas: Canvas, offset: Point) -> None:
    """A crank arm from the bike's crank to the pedal under the foot, and the pedal."""
    pedal = (foot[0], foot[1] - 3.0)
    canvas.line(_at(crank, offset), _at(pedal, offset), PROP_INK, 3.0)
    canvas.line(_at((pedal[0] - 6, pedal[1]), offset), _at((pedal[0] + 6, pedal[1]), offset),
                PROP_INK, 4.0)  # fmt: skip


def _rowing_handle(hands: Point, machine: Point, canvas: Canvas, offset: Point) -> None:
    """The rower's handle in the hands, its cord back to the flywheel housing."""
    canvas.line(_at(hands, offset), _at(machine, offset), PROP_INK, 1.4)
    canvas.line(_at((hands[0], hands[1] - 6), offset), _at((hands[0], hands[1] + 6), offset),
                PROP_INK, 4.0)  # fmt: skip


def _machine_layers(prop: Prop, placed: Placed, view: str, shapes: Sequence[Shape]) -> list[Layer]:
    """Parts of a machine the body works: bike pedals under the feet, a rower's handle."""
    if view != "side" or prop.kind not in ("bike", "rower"):
        return []
    back = min(s.depth for s in shapes) - 0.01
    front = max(s.depth for s in shapes) + 0.01
    if prop.kind == "bike":  # each pedal just in front of its own leg, so it shows
        crank = (prop["x"] + 14, 30.0)
        legs = {s.name: s.depth for s in shapes}
        return [
            (
                legs.get(f"{side}_leg", back) + 0.005,
                partial(_pedal, crank, placed.point(view, f"{side}_foot")),
            )
            for side in ("left", "right")
        ]
    left, right = placed.point(view, "left_hand"), placed.point(view, "right_hand")
    hands = ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2)
    return [(front, partial(_rowing_handle, hands, (prop["x"] + 150, 32.0)))]


def _panel_layers(
    placed: Placed, view: str, props: Sequence[Prop], closeup: bool = False
) -> list[Layer]:
    shapes = body_shapes(view, placed.body)
    layers: list[Layer] = [(s.depth, partial(_shape, s)) for s in shapes]
    if closeup:  # the near palm shaded: which way the palm faces is the point
        near = max((s for s in shapes if s.name.endswith("_arm")), key=lambda s: s.depth)
        side = near.name.removesuffix("_arm")
        layers.append((near.depth + 0.005, partial(_palm, placed, view, side)))
    for prop in props:
        if prop.kind in HELD:
            layers.extend(_held_layers(prop, placed, view, shapes, closeup))
        layers.extend(_machine_layers(prop, placed, view, shapes))
    layers.sort(key=lambda layer: round(layer[0], 3))  # stable: equal depths keep body order
    for prop in props:
        if prop.kind == "band":
            for points, anchored in _band_lines(prop, placed, view):
                layers.append((1e9, partial(_band, points, anchored)))
    return layers


def _bounds(panels: list[tuple[Placed, list[Prop]]], view: str) -> tuple[float, float, float]:
    """Left, right and top of the shared frame (the floor is at 0)."""
    xs: list[float] = []
    top = 0.0
    for placed, _ in panels:
        for shape in body_shapes(view, placed.body):
            low, high, peak = shape.extent()
            xs.extend((low, high))
            top = max(top, peak)
        for name in ("left_hand", "right_hand"):
            xs.append(placed.point(view, name)[0])
    left, right = min(xs) - MARGIN, max(xs) + MARGIN
    for _, props in panels:
        for prop in props:
            if prop.kind == "band" and isinstance(prop["from"], tuple):
                left, right = min(left, prop["from"][0] - 6), max(right, prop["from"][0] + 6)
                top = max(top, prop["from"][1] + 6)
            if prop.kind == "bar":
                left, right = min(left, prop["at"][0] - 6), max(right, prop["at"][0] + 6)
                top = max(top, prop["at"][1] + 10)
            if prop.kind == "barbell" and view == "front":
                left, right = left - 60, right + 60
            if prop.kind == "club":  # the club reaches about 90 cm past the hands
                left, right, top = left - 40, right + 40, top + 40
            if prop.kind == "poles":
                right = max(right, max(xs) - MARGIN + abs(prop["dx"]))
            spans = extent(prop, view)
            if spans:
                x0, x1 = spans[0][0], spans[-1][1]
                left = min(left, max(x0 - 4, left - 25))
                right = max(right, min(x1 + 4, right + 25))
                top = max([top] + [h + 6 for _, _, h in spans])
            if prop.kind == "chair":
                top = max(top, prop["seat"] + 46)
            if prop.kind == "car":  # the roof, and the front wheel whole
                top = max(top, 145)
                wheel = car_wheel(prop)
                left, right = min(left, wheel - CAR_WHEEL - 2), max(right, wheel + CAR_WHEEL + 2)
            if prop.kind == "bike":  # the flywheel in front of the rider
                right = max(right, prop["x"] + 86)
            if prop.kind == "rower":  # the foot stretcher and the flywheel housing
                right = max(right, prop["x"] + 189)
            if prop.kind == "wall":
                x = prop["x"]
                left, right = min(left, x - 16), max(right, x + 16)
    return left, right, top + MARGIN


def _arrow(canvas: Canvas, a: Point, b: Point, bend: float) -> None:
    """A curved movement arrow from a to b with a white halo so it reads over the figure."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    dist = math.hypot(dx, dy)
    ctrl = ((a[0] + b[0]) / 2 - dy * bend, (a[1] + b[1]) / 2 + dx * bend)

    def at(t: float) -> Point:
        u = 1 - t
        return (
            u * u * a[0] + 2 * u * t * ctrl[0] + t * t * b[0],
            u * u * a[1] + 2 * u * t * ctrl[1] + t * t * b[1],
        )

    head = min(7.0, dist * 0.4)
    points = [at(0.08 + 0.84 * i / 16) for i in range(17)]
    tip, before = points[-1], points[-2]
    tx, ty = tip[0] - before[0], tip[1] - before[1]
    size = math.hypot(tx, ty) or 1.0
    ux, uy = tx / size, ty / size
    base = (tip[0] - ux * head, tip[1] - uy * head)
    triangle = [
        (tip[0] + ux * 2, tip[1] + uy * 2),
        (base[0] - uy * head * 0.6, base[1] + ux * head * 0.6),
        (base[0] + uy * head * 0.6, base[1] - ux * head * 0.6),
    ]
    shaft = [*points[:-1], base]
    canvas.polyline(shaft, "#ffffff", 5.0)
    canvas.polyline(shaft, INK, 2.0)
    canvas.polygon(triangle, INK, "#ffffff", 1.2)


def _gaze(canvas: Canvas, placed: Placed, view: str, offset: Point) -> None:
    """A dashed line of sight from the face, for exercises about where the head turns."""
    front = project(view, placed.body.head_front)
    size = math.hypot(*front)
    if size < 0.3:
        return
    head = _at(placed.point(view, "head"), offset)
    ux, uy = front[0] / size, front[1] / size
    start = (head[0] + ux * 14, head[1] + uy * 14)
    end = (head[0] + ux * 46, head[1] + uy * 46)
    canvas.polyline([start, end], INK, 1.6, dash="4,3")


def _then_arrow(canvas: Canvas, x: float, y: float) -> None:
    """The block arrow between panels: 'then'."""
    shape = [(-10, 3.5), (2, 3.5), (2, 9), (12, 0), (2, -9), (2, -3.5), (-10, -3.5)]
    canvas.polygon([(x + px, y + py) for px, py in shape], PROP_FILL, PROP_INK, 1.4)


def _zoom_box(
    ill: Illustration,
    panels: list[tuple[Placed, list[Prop]]],
    frame: tuple[float, float, float, float],
) -> tuple[float, float, float, float]:
    """The close-up box (left, bottom, right, top): round the zoom point in every panel,
    never larger than the whole frame."""
    assert ill.zoom is not None
    left, bottom, right, top = frame
    points = [placed.point(ill.view, n) for placed, _ in panels for n in expand(ill.zoom.around)]
    m = ill.zoom.margin
    return (
        max(left, min(x for x, _ in points) - m),
        max(bottom, min(y for _, y in points) - ill.zoom.below),
        min(right, max(x for x, _ in points) + m),
        min(top, max(y for _, y in points) + m),
    )


def illustration_svg(ill: Illustration, title: str) -> str:
    if not ill.poses:
        problems = "; ".join(ill.problems) or "no poses"
        raise ValueError(f"exercise '{ill.exercise_id}' has no pose that can be drawn: {problems}")
    view = ill.view
    panels: list[tuple[Placed, list[Prop]]] = []
    for _, pose in ill.poses:
        props = [*ill.props, *pose.props]
        panels.append((place(pose, view, props), props))
    left, right, top = _bounds(panels, view)
    bottom = -6.0
    box = None
    magnified = 1.0
    if ill.zoom is not None:
        box = _zoom_box(ill, panels, (left, bottom, right, top))
        # the document asks to be shown bigger by as much as the box is smaller than the
        # whole scene (its width and height attributes; the view box stays in cm)
        magnified = min(3.0, max(1.0, (top - bottom) / (box[3] - box[1] + 2 * RIM)))
        # the canvas keeps a rim round the box so the cut outlines stay inside the view box
        left, bottom, right, top = box[0] - RIM, box[1] - RIM, box[2] + RIM, box[3] + RIM
    # a close-up of the hands shades the palm and puts a held ball or dumbbell in the fist
    hands_closeup = ill.zoom is not None and ill.zoom.around.endswith(("hand", "hands", "wrist"))
    # a close-up already shows a small movement big: its arrows keep their own length
    shortest = MIN_ARROW if box is None else 0.0
    width = right - left
    total = len(panels) * width + (len(panels) - 1) * GAP
    canvas = Canvas(left, bottom, total, top - bottom)
    for i, (placed, props) in enumerate(panels):
        shift = i * (width + GAP)
        offset = (shift, 0.0)
        if box is not None:
            canvas.clip_box = (box[0] + shift, box[1], box[2] + shift, box[3])
        else:
            canvas.clip_x = (left + shift, right + shift)
        for prop in props:
            draw_furniture(canvas, prop, view, shift)
        canvas.clip_x = None
        canvas.polygon(
            [
                (left + shift, 0),
                (right + shift, 0),
                (right + shift, -6.0),
                (left + shift, -6.0),
            ],
            "#e9eaea",
        )
        canvas.line((left + shift, 0), (right + shift, 0), PROP_INK, 1.4)
        for _, draw in _panel_layers(placed, view, props, hands_closeup):
            draw(canvas, offset)
        for prop in props:
            draw_in_front(canvas, prop, view, shift)
        if placed.pose.gaze:
            _gaze(canvas, placed, view, offset)
        for prop in props:
            if prop.kind == "water":
                water(canvas, left + shift, right + shift, prop["height"])
        if i:
            previous = panels[i - 1][0]
            for arrow in ill.arrows:
                _movement(canvas, arrow, previous, placed, view, offset, shortest)
        canvas.clip_box = None
        if box is not None:  # a close-up is framed, so the cut body reads as a detail
            x0, y0, x1, y1 = box[0] + shift, box[1], box[2] + shift, box[3]
            for rim in (
                [(x0 - RIM, y0 - RIM), (x1 + RIM, y0 - RIM), (x1 + RIM, y0), (x0 - RIM, y0)],
                [(x0 - RIM, y1), (x1 + RIM, y1), (x1 + RIM, y1 + RIM), (x0 - RIM, y1 + RIM)],
                [(x0 - RIM, y0), (x0, y0), (x0, y1), (x0 - RIM, y1)],
                [(x1, y0), (x1 + RIM, y0), (x1 + RIM, y1), (x1, y1)],
            ):
                canvas.polygon(rim, "#ffffff")
            canvas.polyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)], PROP_INK, 1.2)
        if i:
            _then_arrow(canvas, left + shift - GAP / 2, (top + bottom) / 2)
    return canvas.document(title, scale=2.0 * magnified)


def _movement(
    canvas: Canvas,
    arrow: Arrow,
    before: Placed,
    after: Placed,
    view: str,
    offset: Point,
    shortest: float,
) -> None:
    a = before.point(view, arrow.part)
    b = after.point(view, arrow.part)
    if math.hypot(b[0] - a[0], b[1] - a[1]) < 4.0:
        return  # the part hardly moves: an arrow would be a blot
    shift = (offset[0] + arrow.dx, offset[1] + arrow.dy)
    a, b = _at_least(_at(a, shift), _at(b, shift), shortest)
    _arrow(canvas, a, b, arrow.bend)


def _at_least(a: Point, b: Point, length: float) -> tuple[Point, Point]:
    """The arrow a -> b stretched about its middle to ``length`` when shorter: a small move
    (a head tipping 5 cm) still needs an arrow long enough to read at 5 cm wide."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    dist = math.hypot(dx, dy)
    if dist >= length:
        return a, b
    grow = (length - dist) / 2 / dist
    return (a[0] - dx * grow, a[1] - dy * grow), (b[0] + dx * grow, b[1] + dy * grow)
