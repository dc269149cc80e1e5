"""Pictures to pixels and pages through Qt: PNG thumbnails of the illustrations and the
library's review sheet. Above ``bonecoach.art`` (SVG only, Qt-free) so both faces can use it:
the app's screens and the command line's ``library draw`` and ``library sheet``."""

from bonecoach.raster.png import svg_to_png

__all__ = ["svg_to_png"]
