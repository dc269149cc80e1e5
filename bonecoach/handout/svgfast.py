"""A fast converter for the plain SVG that `bonecoach.art` draws; svglib for anything else.

The figure renderer's SVG is hundreds of paths of absolute lines and arcs (M, L, A, Z),
lines and circles with solid fills, strokes and dashes: no text, groups, transforms or
styles. svglib converts one such picture in 30-50 ms, so 12 exercises and the 4 safe moves
alone would take a handout past its 1-second budget. This turns exactly that subset into PDF
drawing operators (a few ms per picture) and returns None for anything outside it, so the
caller falls back to svglib and nothing is ever drawn wrongly.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors

_SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_TOKENS = re.compile(rf"[A-Za-z]|{_NUMBER}")
_PLAIN_NUMBER = r"-?(?:\d+\.?\d*|\.\d+)"  # no exponent: the same text is valid PDF
_SEGMENT = rf"[ML]\s*{_PLAIN_NUMBER}[\s,]+{_PLAIN_NUMBER}"
# The art's own form, one point per command, checked in one (C-speed) match.
_SIMPLE_PATH = re.compile(rf"\s*(?:(?:{_SEGMENT}|Z)\s*)+")
_PAINT = {"fill", "stroke", "stroke-width", "stroke-linejoin", "stroke-linecap", "stroke-dasharray"}
_ALLOWED = {
    "path": {"d"} | _PAINT,
    "line": {"x1", "y1", "x2", "y2"} | _PAINT,
    "circle": {"cx", "cy", "r"} | _PAINT,
}
_JOINS = {"miter": "0", "round": "1", "bevel": "2"}
_CAPS = {"butt": "0", "round": "1", "square": "2"}
_KAPPA = 0.5522847498  # Bezier control distance for a quarter circle


class _Unsupported(Exception):
    pass


@dataclass(frozen=True)
class PlainPicture:
    """A picture as PDF operators in its own (SVG, y-down) coordinates."""

    width: float
    height: float
    min_x: float
    min_y: float
    operators: str

    def draw_on(self, canvas: Any) -> None:
        """Draw at the canvas origin, ``width`` x ``height`` points, upright, clipped to the
        view box as an SVG viewer does (the art lets walls and floors run past the edge)."""
        canvas.saveState()
        canvas.transform(1, 0, 0, -1, -self.min_x, self.height + self.min_y)
        canvas.addLiteral(f"{self.min_x} {self.min_y} {self.width} {self.height} re W n")
        canvas.addLiteral(self.operators)
        canvas.restoreState()


def plain_svg_picture(svg: str) -> PlainPicture | None:
    """The picture, or None if the SVG uses anything beyond the plain subset."""
    try:
        return _convert(ET.fromstring(svg.encode("utf-8")))
    except (_Unsupported, ET.ParseError, ValueError, KeyError):
        return None


def _convert(root: ET.Element) -> PlainPicture:
    if root.tag != f"{_SVG}svg" or set(root.attrib) - {"version", "width", "height", "viewBox"}:
        raise _Unsupported("svg element")
    box = root.get("viewBox")
    if box is None:
        raise _Unsupported("no viewBox")
    min_x, min_y, width, height = (float(v) for v in box.replace(",", " ").split())
    if width <= 0 or height <= 0:
        raise _Unsupported("empty viewBox")
    out: list[str] = []
    for node in root:
        tag = node.tag.removeprefix(_SVG)
        if tag in ("title", "desc"):
            continue
        allowed = _ALLOWED.get(tag)
        if allowed is None or set(node.attrib) - allowed or len(node):
            raise _Unsupported(tag)
        out.append(_shape(tag, node))
    return PlainPicture(width, height, min_x, min_y, "\n".join(out))


def _shape(tag: str, node: ET.Element) -> str:
    get = node.get
    if tag == "path":
        geometry = _path(get("d", ""))
    elif tag == "line":
        x1, y1, x2, y2 = (_num(get(k, "0")) for k in ("x1", "y1", "x2", "y2"))
        geometry = f"{x1} {y1} m {x2} {y2} l"
    else:
        geometry = _circle(float(get("cx", "0")), float(get("cy", "0")), float(get("r", "0")))
    # SVG defaults: black fill, no stroke, width 1, mitre joins, butt caps; a line has no fill.
    fill = None if tag == "line" else _rgb(get("fill", "black"))
    stroke = _rgb(get("stroke", "none"))
    ops = []
    if fill:
        ops.append(f"{fill} rg")
    if stroke:
        ops.append(
            f"{stroke} RG {_num(get('stroke-width', '1'))} w "
            f"{_JOINS[get('stroke-linejoin', 'miter')]} j {_CAPS[get('stroke-linecap', 'butt')]} J"
        )
        dashes = get("stroke-dasharray", "none").strip()
        if dashes != "none":
            lengths = [_num(v) for v in dashes.replace(",", " ").split()]
            ops.append(f"[{' '.join(lengths)}] 0 d")
    paint = "B" if fill and stroke else "f" if fill else "S" if stroke else "n"
    return f"{' '.join(ops)} {geometry} {paint}".strip()


def _path(d: str) -> str:
    """ "M1,2 L3,4 A5,5 0 0 0 6,7 Z" -> PDF path operators (absolute M, L, A and Z only)."""
    if _SIMPLE_PATH.fullmatch(d) and d.lstrip().startswith("M"):
        spaced = d.replace(",", " ").replace("M", " M ").replace("L", " L ").replace("Z", " Z ")
        return _simple_path(spaced.split())
    tokens = _TOKENS.findall(d)
    if "".join(tokens).replace(" ", "") != re.sub(r"[\s,]+", "", d):
        raise _Unsupported("path syntax")  # something the tokens did not cover
    out: list[str] = []
    command: str | None = None
    numbers: list[float] = []
    start = current = (0.0, 0.0)
    arity = {"M": 2, "L": 2, "A": 7, "Z": 0}

    def emit() -> None:
        nonlocal command, start, current
        assert command is not None
        size = arity[command]
        if size == 0:
            if numbers:
                raise _Unsupported("numbers after Z")
            out.append("h")
            current = start
            return
        if not numbers or len(numbers) % size:
            raise _Unsupported(f"{command} needs {size} numbers")
        for i in range(0, len(numbers), size):
            group = numbers[i : i + size]
            if command == "M":
                out.append(f"{group[0]:.3f} {group[1]:.3f} m")
                start = current = (group[0], group[1])
                command = "L"  # further pairs after M are lines
            elif command == "L":
                out.append(f"{group[0]:.3f} {group[1]:.3f} l")
                current = (group[0], group[1])
            else:
                rx, ry, rotation, large, sweep, x, y = group
                out.append(_arc(current, rx, ry, rotation, large != 0, sweep != 0, (x, y)))
                current = (x, y)

    for token in tokens:
        if token in arity:
            if command is not None:
                emit()
            elif token != "M":
                raise _Unsupported("a path starts with M")
            command, numbers = token, []
        elif token.isalpha():
            raise _Unsupported(f"path command {token}")  # curves, relative: svglib's job
        else:
            if command is None:
                raise _Unsupported("numbers before a command")
            numbers.append(float(token))
    if command is None:
        raise _Unsupported("empty path")
    emit()
    return " ".join(out)


def _arc(
    p1: tuple[float, float],
    rx: float,
    ry: float,
    rotation: float,
    large: bool,
    sweep: bool,
    p2: tuple[float, float],
) -> str:
    """An SVG elliptical arc as PDF Bezier curves (SVG 1.1 implementation notes F.6.5)."""
    (x1, y1), (x2, y2) = p1, p2
    rx, ry = abs(rx), abs(ry)
    if rx == 0 or ry == 0 or (x1, y1) == (x2, y2):
        return f"{x2:.3f} {y2:.3f} l"
    phi = math.radians(rotation)
    cos_p, sin_p = math.cos(phi), math.sin(phi)
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    xp = cos_p * dx + sin_p * dy
    yp = -sin_p * dx + cos_p * dy
    scale = (xp * xp) / (rx * rx) + (yp * yp) / (ry * ry)
    if scale > 1:  # radii too small for the two points: grow them, as the spec says
        rx, ry = rx * math.sqrt(scale), ry * math.sqrt(scale)
    num = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp
    den = rx * rx * yp * yp + ry * ry * xp * xp
    coef = math.sqrt(max(0.0, num / den)) if den else 0.0
    if large == sweep:
        coef = -coef
    cxp, cyp = coef * rx * yp / ry, -coef * ry * xp / rx
    cx = cos_p * cxp - sin_p * cyp + (x1 + x2) / 2
    cy = sin_p * cxp + cos_p * cyp + (y1 + y2) / 2
    theta = math.atan2((yp - cyp) / ry, (xp - cxp) / rx)
    end = math.atan2((-yp - cyp) / ry, (-xp - cxp) / rx)
    delta = end - theta
    if sweep and delta < 0:
        delta += 2 * math.pi
    elif not sweep and delta > 0:
        delta -= 2 * math.pi
    pieces = max(1, math.ceil(abs(delta) / (math.pi / 2) - 1e-9))
    step = delta / pieces
    t = 4 / 3 * math.tan(step / 4)

    def point(ux: float, uy: float) -> str:
        x = cx + rx * ux * cos_p - ry * uy * sin_p
        y = cy + rx * ux * sin_p + ry * uy * cos_p
        return f"{x:.3f} {y:.3f}"

    out = []
    for i in range(pieces):
        a, b = theta + i * step, theta + (i + 1) * step
        ca, sa, cb, sb = math.cos(a), math.sin(a), math.cos(b), math.sin(b)
        last = f"{x2:.3f} {y2:.3f}" if i == pieces - 1 else point(cb, sb)
        out.append(f"{point(ca - t * sa, sa + t * ca)} {point(cb + t * sb, sb - t * cb)} {last} c")
    return " ".join(out)


def _simple_path(tokens: list[str]) -> str:
    """Tokens of a validated "M x y L x y ... Z" path, moved into PDF's postfix order."""
    out = []
    i, n = 0, len(tokens)
    while i < n:
        command = tokens[i]
        if command == "Z":
            out.append("h")
            i += 1
        else:
            out.append(f"{tokens[i + 1]} {tokens[i + 2]} {'m' if command == 'M' else 'l'}")
            i += 3
    return " ".join(out)


def _circle(cx: float, cy: float, r: float) -> str:
    k = r * _KAPPA
    return (
        f"{cx + r:g} {cy:g} m "
        f"{cx + r:g} {cy + k:g} {cx + k:g} {cy + r:g} {cx:g} {cy + r:g} c "
        f"{cx - k:g} {cy + r:g} {cx - r:g} {cy + k:g} {cx - r:g} {cy:g} c "
        f"{cx - r:g} {cy - k:g} {cx - k:g} {cy - r:g} {cx:g} {cy - r:g} c "
        f"{cx + k:g} {cy - r:g} {cx + r:g} {cy - k:g} {cx + r:g} {cy:g} c h"
    )


def _num(value: str) -> str:
    if not re.fullmatch(_NUMBER, value.strip()):
        raise _Unsupported(f"number {value!r}")
    return value.strip()


_RGB_CACHE: dict[str, str | None] = {}


def _rgb(value: str) -> str | None:
    """ "#4a5259" -> "0.29 0.322 0.349"; "none" -> None."""
    if value in _RGB_CACHE:
        return _RGB_CACHE[value]
    text = value.strip()
    colour: colors.Color | None
    if text == "none":
        colour = None
    elif text.startswith("#") and len(text) in (4, 7):
        colour = colors.HexColor(text if len(text) == 7 else "#" + "".join(c * 2 for c in text[1:]))
    elif text.isalpha() and isinstance(getattr(colors, text, None), colors.Color):
        colour = getattr(colors, text)
    else:
        raise _Unsupported(f"colour {value!r}")
    rgb = None if colour is None else " ".join(f"{c:.4g}" for c in colour.rgb())
    _RGB_CACHE[value] = rgb
    return rgb
