"""A custom exercise's picture, and what a photo of one may be.

The picture is a posed illustration (start and end base poses of the figure renderer), a photo
(PNG or JPEG bytes, kept with the exercise), the illustration of another exercise (a
duplicate shows its original's), or none. The photo rules live here, in the domain, so the
store (which keeps the bytes) and the renderer (which reads files) refuse the same photos;
they read only the bytes' header, never decode an image.
"""

from __future__ import annotations

import struct
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from bonecoach.program.exercise import SLUG_PATTERN

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 24_000_000
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
MEDIA_TYPES = {"png": "image/png", "jpeg": "image/jpeg"}
# JPEG start-of-frame markers carry the image size (C4, C8 and CC are other segments).
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}

PictureKind = Literal["poses", "photo", "same_as", "none"]


class CustomPicture(BaseModel):
    """What a custom exercise shows. ``photo`` is the stored photo's media type ("" when
    none is stored yet); the bytes travel beside the picture, not in it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: PictureKind
    start: str = Field(default="stand", pattern=SLUG_PATTERN, max_length=64)
    end: str = Field(default="stand", pattern=SLUG_PATTERN, max_length=64)
    photo: Literal["", "image/png", "image/jpeg"] = ""
    same_as: str = Field(default="", max_length=64)

    def __init__(self, kind: PictureKind | None = None, /, **data: object) -> None:
        # A positional kind keeps the short form CustomPicture("poses", start=..., end=...).
        # (Whether same_as names a real exercise is the store's check: it knows them all.)
        if kind is not None:
            data["kind"] = kind
        super().__init__(**data)


class PhotoError(ValueError):
    """The bytes cannot be used as an exercise photo; the message says why."""


def _png_size(data: bytes) -> tuple[int, int]:
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise PhotoError("the PNG file is damaged: its header is missing")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


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
            return int(width), int(height)
        if marker == 0xDA or length < 2:
            break
        i += 2 + int(length)
    raise PhotoError("the JPEG file is damaged: no image size found in its header")


def photo_size(data: bytes) -> tuple[str, int, int]:
    """("png" or "jpeg", width, height) from the header; PhotoError for anything else."""
    if data.startswith(PNG_MAGIC):
        return ("png", *_png_size(data))
    if data.startswith(JPEG_MAGIC):
        return ("jpeg", *_jpeg_size(data))
    raise PhotoError("the file is not a PNG or JPEG image")


def check_photo(
    data: bytes, name: str = "photo", *, max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS
) -> str:
    """The media type ("image/png" or "image/jpeg") of acceptable photo bytes; PhotoError
    saying what is wrong otherwise (``name`` is how the message calls the photo)."""
    if len(data) > max_bytes:
        raise PhotoError(
            f"the {name} is {len(data) / 1_048_576:.1f} MB; the limit is "
            f"{max_bytes / 1_048_576:.1f} MB"
        )
    kind, width, height = photo_size(data)
    if width <= 0 or height <= 0:
        raise PhotoError(f"the {kind.upper()} {name} has no pixels")
    if width * height > max_pixels:
        raise PhotoError(
            f"the {name} is {width} x {height} pixels; the limit is "
            f"{max_pixels / 1e6:g} million pixels"
        )
    return MEDIA_TYPES[kind]
