"""A fast converter for the plain SVG that `bonecoach.art` draws; svglib for anything else.

The figure renderer's SVG is hundreds of straight-edged paths (M, L, Z), lines and circles
with solid fills and strokes: no text, groups, transforms or styles. svglib converts one such
picture in 30-50 ms, so 12 exercises and the 4 safe moves alone would take a handout past
its 1-second budget. This turns exactly that subset into PDF drawing operators (a few ms per
picture) and returns None for anything outside it, so the caller falls back to svglib and
nothing is ever drawn wrongly.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors

_SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_PATH_TOKEN = re.compile(rf"([MLZ])|({_NUMBER})|[\s,]+|(.)")
_PLAIN_NUMBER = r"-?(?:\d+\.?\d*|\.\d+)"  # no exponent: the same text is valid PDF
_SEGMENT = rf"[ML]\s*{_PLAIN_NUMBER}[\s,]+{_PLAIN_NUMBER}"
# The art's own form, one point per command, checked in one (C-speed) match.
_SIMPLE_PATH = re.compile(rf"\s*(?:(?:{_SEGMENT}|Z)\s*)+")
_PAINT = {"fill", "stroke", "stroke-width", "stroke-linejoin", "stroke-linecap"}
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
    paint = "B" if fill and stroke else "f" if fill else "S" if stroke else "n"
    return f"{' '.join(ops)} {geometry} {paint}".strip()


def _path(d: str) -> str:
    """ "M1,2 L3,4 Z" -> "1 2 m 3 4 l h" (absolute straight segments only)."""
    if _SIMPLE_PATH.fullmatch(d) and d.lstrip().startswith("M"):
        spaced = d.replace(",", " ").replace("M", " M ").replace("L", " L ").replace("Z", " Z ")
        return _simple_path(spaced.split())
    out: list[str] = []
    command: str | None = None
    pending: str | None = None  # x waiting for its y
    for match in _PATH_TOKEN.finditer(d):
        letter, number, other = match.groups()
        if other is not None:
            raise _Unsupported("path command")  # curves, arcs, relative: leave it to svglib
        if letter is not None:
            if pending is not None:
                raise _Unsupported("odd coordinates")
            command = letter
            if letter == "Z":
                out.append("h")
            continue
        if number is None:
            continue
        if command not in ("M", "L"):
            raise _Unsupported("numbers without M or L")
        if "e" in number or "E" in number:  # PDF has no exponent notation
            number = f"{float(number):.6f}"
        if pending is None:
            pending = number
            continue
        out.append(f"{pending} {number} {'m' if command == 'M' else 'l'}")
        pending = None
        command = "L" if command == "M" else command  # more pairs after M are lines
    if pending is not None or not out:
        raise _Unsupported("incomplete path")
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
