"""Make the handout's Atkinson Hyperlegible regular and bold with a plain (unslashed) zero.

    uv run --with fonttools python tools/plain_zero_font.py

Atkinson Hyperlegible slashes its zero to tell it from the letter O. On a handout the zeros
are in numbers ("10", "30 seconds", "2026", "555-0100"), where an older reader is more likely
to misread a slashed zero as an 8 or a crossed-out digit than to take it for an O. This keeps
the outer oval of the zero, replaces the two halves of the slashed counter by one oval
counter of the same size, and writes `resources/fonts/AtkinsonHyperlegible-*-PlainZero.ttf`
(SIL OFL 1.1, which this font carries without a Reserved Font Name, allows modified versions;
the name table says it is modified). Italic files are left as they are: nothing essential
in a handout is italic.
"""

from __future__ import annotations

from pathlib import Path

from fontTools.pens.recordingPen import RecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
NOTE = "Modified for BoneCoach: plain (unslashed) zero."


def _contours(recording: list[tuple[str, tuple]]) -> list[list[tuple[str, tuple]]]:
    out: list[list[tuple[str, tuple]]] = [[]]
    for op, args in recording:
        out[-1].append((op, args))
        if op in ("closePath", "endPath"):
            out.append([])
    return [c for c in out if c]


def _points(contour: list[tuple[str, tuple]]) -> list[tuple[float, float]]:
    return [p for _op, args in contour for p in args]


def _oval(pen: TTGlyphPen, box: tuple[float, float, float, float], k: float) -> None:
    """A counter-clockwise oval (a counter, in TrueType) of quadratic quarters in ``box``;
    ``k`` sets how square its shoulders are, as measured on the zero's outer contour."""
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = (x1 - x0) / 2 * k, (y1 - y0) / 2 * k
    pen.moveTo((cx, y0))
    pen.qCurveTo((cx + dx, y0), (x1, cy - dy), (x1, cy))
    pen.qCurveTo((x1, cy + dy), (cx + dx, y1), (cx, y1))
    pen.qCurveTo((cx - dx, y1), (x0, cy + dy), (x0, cy))
    pen.qCurveTo((x0, cy - dy), (cx - dx, y0), (cx, y0))
    pen.closePath()


def plain_zero(source: Path, target: Path) -> None:
    font = TTFont(source)
    glyphs = font.getGlyphSet()
    recording = RecordingPen()
    glyphs["zero"].draw(recording)
    outer, *inner = _contours(recording.value)
    if len(inner) != 2:
        raise SystemExit(f"{source.name}: expected a zero with a split counter, got {inner!r}")
    pen = TTGlyphPen(glyphs)
    recording = RecordingPen()
    recording.value = outer
    recording.replay(pen)
    xs, ys = zip(*(p for c in inner for p in _points(c)), strict=True)
    # how far along each side the outer contour's first curve puts its control point
    (bx, _by), (ox, _oy) = _points(outer)[0], _points(outer)[1]
    left = min(x for x, _y in _points(outer))
    k = (bx - ox) / (bx - left) if bx != left else 0.5
    _oval(pen, (min(xs), min(ys), max(xs), max(ys)), k)
    glyph = pen.glyph()
    font["glyf"]["zero"] = glyph
    glyph.recalcBounds(font["glyf"])
    for record in font["name"].names:
        if record.nameID == 5:  # version string
            record.string = f"{record.toUnicode()}; {NOTE}"
    font["name"].setName(NOTE, 10, 3, 1, 0x409)  # description
    font.save(target)
    print(f"wrote {target}")


def main() -> None:
    for style in ("Regular", "Bold"):
        source = FONTS / f"AtkinsonHyperlegible-{style}.ttf"
        plain_zero(source, FONTS / f"AtkinsonHyperlegible-{style}-PlainZero.ttf")


if __name__ == "__main__":
    main()
