"""Photos for custom exercises: only real PNG or JPEG files of a sensible size.

The type is decided by the file's first bytes and the size read from its header, never by
the file name, so a renamed document or a huge image is refused before anything decodes it.
The rules themselves are the domain's (``bonecoach.program.picture``), shared with the store
that keeps the bytes.
"""

from __future__ import annotations

from pathlib import Path

from bonecoach.program.picture import (
    JPEG_MAGIC,
    MAX_BYTES,
    MAX_PIXELS,
    PNG_MAGIC,
    PhotoError,
    check_photo,
    photo_size,
)

__all__ = [
    "JPEG_MAGIC",
    "MAX_BYTES",
    "MAX_PIXELS",
    "PNG_MAGIC",
    "PhotoError",
    "load_photo",
    "photo_size",
]


def load_photo(path: Path, *, max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS) -> bytes:
    """The bytes of a PNG or JPEG photo, after checking its type and size."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PhotoError(f"cannot read the photo {path.name}: {exc.strerror or exc}") from exc
    if size > max_bytes:  # refused before reading a huge file into memory
        raise PhotoError(
            f"the photo {path.name} is {size / 1_048_576:.1f} MB; the limit is "
            f"{max_bytes / 1_048_576:.1f} MB"
        )
    data = path.read_bytes()
    check_photo(data, f"photo {path.name}", max_bytes=max_bytes, max_pixels=max_pixels)
    return data
