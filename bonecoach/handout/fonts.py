"""The handout's font family, embedded so every printer shows the same letters.

Atkinson Hyperlegible was drawn for readers with low vision (distinct I/l/1, open shapes),
which is who reads a handout; DejaVu Sans takes over for a handout with text it cannot set.
Each is registered once per process as a reportlab family so that ``<b>`` in a Paragraph
maps to the bold file, not to a standard (non-embedded) font.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from threading import Lock


@dataclass(frozen=True)
class Family:
    """Registered reportlab names of one font family (and the files behind them)."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    files: tuple[tuple[str, str], ...]  # (registered name, file in resources/fonts)


ATKINSON = Family(
    regular="BoneCoachSans",
    bold="BoneCoachSans-Bold",
    italic="BoneCoachSans-Italic",
    bold_italic="BoneCoachSans-BoldItalic",
    files=(
        # with a plain zero (tools/plain_zero_font.py): "10" and "2026", not "1Ø", "2Ø26"
        ("BoneCoachSans", "AtkinsonHyperlegible-Regular-PlainZero.ttf"),
        ("BoneCoachSans-Bold", "AtkinsonHyperlegible-Bold-PlainZero.ttf"),
        ("BoneCoachSans-Italic", "AtkinsonHyperlegible-Italic.ttf"),
        ("BoneCoachSans-BoldItalic", "AtkinsonHyperlegible-BoldItalic.ttf"),
    ),
)
# Wide coverage (Greek, Cyrillic, symbols) for the handouts whose text Atkinson cannot set.
DEJAVU = Family(
    regular="BoneCoachWide",
    bold="BoneCoachWide-Bold",
    italic="BoneCoachWide",  # nothing essential is italic; no need to ship the oblique
    bold_italic="BoneCoachWide-Bold",
    files=(
        ("BoneCoachWide", "DejaVuSans.ttf"),
        ("BoneCoachWide-Bold", "DejaVuSans-Bold.ttf"),
    ),
)

REGULAR = ATKINSON.regular
BOLD = ATKINSON.bold
ITALIC = ATKINSON.italic
BOLD_ITALIC = ATKINSON.bold_italic

_lock = Lock()
_registered: set[str] = set()


def register_fonts(family: Family = ATKINSON) -> None:
    """Register a family with reportlab (idempotent, thread-safe)."""
    if family.regular in _registered:
        return
    with _lock:
        if family.regular in _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from bonecoach.paths import resource

        for name, file_name in family.files:
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file_name))))
        pdfmetrics.registerFontFamily(
            family.regular,
            normal=family.regular,
            bold=family.bold,
            italic=family.italic,
            boldItalic=family.bold_italic,
        )
        # Also map the family of each face, so <b> inside a bold style stays in this family.
        for name, _file in family.files:
            addMapping(name, 0, 0, family.regular)
            addMapping(name, 1, 0, family.bold)
            addMapping(name, 0, 1, family.italic)
            addMapping(name, 1, 1, family.bold_italic)
        if family is ATKINSON:
            _register_for_svg()
        _registered.add(family.regular)


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


def covers(text: str, family: Family = ATKINSON) -> bool:
    """True if ``family`` has a glyph for every character of ``text`` (e.g. a client name)."""
    register_fonts(family)
    from reportlab.pdfbase import pdfmetrics

    cmap = pdfmetrics.getFont(family.regular).face.charToGlyph
    return all(ord(ch) in cmap or ch in "\n\t" for ch in text)


def unprintable(text: str) -> str:
    """The characters of ``text`` that neither shipped family can print (an emoji, a script
    the fonts lack), each once, in order: on paper each would be an empty box."""
    register_fonts(ATKINSON)
    register_fonts(DEJAVU)
    from reportlab.pdfbase import pdfmetrics

    maps = [pdfmetrics.getFont(f.regular).face.charToGlyph for f in (ATKINSON, DEJAVU)]
    found = dict.fromkeys(
        ch for ch in text if ch not in "\n\t" and not any(ord(ch) in m for m in maps)
    )
    return "".join(found)


def family_for(texts: Iterable[str]) -> Family:
    """Atkinson Hyperlegible when it can set every text, else DejaVu Sans for the whole
    document (one look throughout, rather than a mix of two families)."""
    text = "".join(texts)
    return ATKINSON if covers(text, ATKINSON) else DEJAVU
