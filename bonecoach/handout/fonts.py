"""The handout's one font family, embedded so every printer shows the same letters.

Atkinson Hyperlegible was drawn for readers with low vision (distinct I/l/1, open shapes),
which is who reads a handout. It is registered once per process as a reportlab family so
that ``<b>`` in a Paragraph maps to the bold file, not to a standard (non-embedded) font.
"""

from __future__ import annotations

from threading import Lock

REGULAR = "BoneCoachSans"
BOLD = "BoneCoachSans-Bold"
ITALIC = "BoneCoachSans-Italic"
BOLD_ITALIC = "BoneCoachSans-BoldItalic"

_FILES = {
    REGULAR: "AtkinsonHyperlegible-Regular.ttf",
    BOLD: "AtkinsonHyperlegible-Bold.ttf",
    ITALIC: "AtkinsonHyperlegible-Italic.ttf",
    BOLD_ITALIC: "AtkinsonHyperlegible-BoldItalic.ttf",
}

_lock = Lock()
_registered = False


def register_fonts() -> None:
    """Register the family with reportlab (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from bonecoach.paths import resource

        for name, file_name in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file_name))))
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        # Also map the family of each face, so <b> inside a bold style stays in this family.
        for name in _FILES:
            addMapping(name, 0, 0, REGULAR)
            addMapping(name, 1, 0, BOLD)
            addMapping(name, 0, 1, ITALIC)
            addMapping(name, 1, 1, BOLD_ITALIC)
        _register_for_svg()
        _registered = True


def _register_for_svg() -> None:
    """Point svglib's font lookup for common SVG families at ours.

    Without this svglib asks fontconfig (a subprocess per lookup) and falls back to
    Helvetica; `pictures.py` also re-fonts every converted drawing, so this is a speed-up
    and a first line of defence, not the only one.
    """
    try:
        from svglib.fonts import FontMap, get_global_font_map
    except ImportError:
        return
    font_map = get_global_font_map()
    entries = getattr(font_map, "_map", None)
    if not isinstance(entries, dict):
        return
    families = ("sans-serif", "serif", "Atkinson Hyperlegible", "Helvetica", "Arial", "DejaVu Sans")
    for family in families:
        for weight, style, face in (
            ("normal", "normal", REGULAR),
            ("bold", "normal", BOLD),
            ("normal", "italic", ITALIC),
            ("bold", "italic", BOLD_ITALIC),
        ):
            entries[FontMap.build_internal_name(family, weight, style)] = {
                "svg_family": family,
                "svg_weight": weight,
                "svg_style": style,
                "rlgFont": face,
                "exact": True,
            }


def covers(text: str) -> bool:
    """True if the family has a glyph for every character of ``text`` (e.g. a client name)."""
    register_fonts()
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(REGULAR).face  # type: ignore[attr-defined]
    cmap = face.charToGlyph
    return all(ord(ch) in cmap or ch in "\n\t" for ch in text)
