"""Photos for custom exercises: only real PNG or JPEG files of a sensible size.

The type is decided by the file's first bytes and the size read from its header, never by
the file name, so a renamed document or a huge image is refused before anything decodes it.
"""

from __future__ import annotations

import struct
from pathlib import Path

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 24_000_000
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
# JPEG start-of-frame markers carry the image size (C4, C8 and CC are other segments).
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


class PhotoError(ValueError):
    """The file cannot be used as an exercise photo; the message says why."""


def _png_size(data: bytes) -> tuple[int, int]:
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise PhotoError("the PNG file is damaged: its header is missing")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _jpeg_size(data: bytes) -> tuple[int, int]:
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            raise PhotoError("the JPEG file is damaged: a segment marker is missing")
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if marker in _SOF:
            if i + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return width, height
        if marker == 0xDA or length < 2:
            break
        i += 2 + length
    raise PhotoError("the JPEG file is damaged: no image size found in its header")


def photo_size(data: bytes) -> tuple[str, int, int]:
    """("png" or "jpeg", width, height) from the header; PhotoError for anything else."""
    if data.startswith(PNG_MAGIC):
        return ("png", *_png_size(data))
    if data.startswith(JPEG_MAGIC):
        return ("jpeg", *_jpeg_size(data))
    raise PhotoError("the file is not a PNG or JPEG image")


def load_photo(path: Path, *, max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS) -> bytes:
    """The bytes of a PNG or JPEG photo, after checking its type and size."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PhotoError(f"cannot read the photo {path.name}: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise PhotoError(
            f"the photo {path.name} is {size / 1_048_576:.1f} MB; the limit is "
            f"{max_bytes / 1_048_576:.1f} MB"
        )
    data = path.read_bytes()
    kind, width, height = photo_size(data)
    if width <= 0 or height <= 0:
        raise PhotoError(f"the {kind.upper()} photo {path.name} has no pixels")
    if width * height > max_pixels:
        raise PhotoError(
            f"the photo {path.name} is {width} x {height} pixels; the limit is "
            f"{max_pixels / 1e6:g} million pixels"
        )
    return data
