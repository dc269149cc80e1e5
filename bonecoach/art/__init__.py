"""The figure renderer: poses to SVG exercise illustrations.

Poses are data (``resources/illustrations/*.toml``, see ``bonecoach.art.poses``); this
package turns them into deterministic SVG that both Qt and svglib draw. No Qt here: PNG and
the review sheet are drawn by ``bonecoach.raster``.
"""

from __future__ import annotations

from collections.abc import Mapping

from bonecoach.art.illustrations import (
    IllustrationError,
    illustration_problems,
    load_illustrations,
)
from bonecoach.art.photo import PhotoError, load_photo
from bonecoach.art.poses import Illustration, parse_illustration

__all__ = [
    "Illustration",
    "IllustrationError",
    "PhotoError",
    "exercise_svg",
    "illustration_problems",
    "load_illustrations",
    "load_photo",
    "parse_illustration",
]


def exercise_svg(
    exercise_id: str,
    illustrations: Mapping[str, Illustration] | None = None,
    *,
    title: str | None = None,
) -> str:
    """The exercise's start -> (middle ->) end panels as an SVG document.

    ``title`` is read out by screen readers; it defaults to one made from the id.
    Raises KeyError when the exercise has no illustration, ValueError when none of its
    poses can be drawn. (A custom exercise's poses, as a dict in the pose-file format, become
    an Illustration with ``parse_illustration(id, "custom", table)``.)
    """
    from bonecoach.art.render import illustration_svg

    found = load_illustrations() if illustrations is None else illustrations
    if exercise_id not in found:
        raise KeyError(f"exercise '{exercise_id}' has no illustration")
    text = title or f"{exercise_id.replace('_', ' ').capitalize()}: start and end positions"
    return illustration_svg(found[exercise_id], text)
