"""A custom exercise's picture and the photo rules: pure, so the store and the renderer
refuse the same photos (and this runs without Qt or SQL installed)."""

from __future__ import annotations

import struct

import pytest
from pydantic import ValidationError

from bonecoach.program.picture import CustomPicture, PhotoError, check_photo

PNG_HEADER = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR"


def png_header(width: int, height: int) -> bytes:
    return PNG_HEADER + struct.pack(">II", width, height) + b"\x08\x00\x00\x00\x00"


def jpeg_header(width: int, height: int) -> bytes:
    frame = b"\x08" + struct.pack(">HH", height, width) + b"\x01\x01\x11\x00"
    return b"\xff\xd8\xff\xc0" + struct.pack(">H", len(frame) + 2) + frame


def test_short_form_and_field_errors_name_the_field() -> None:
    posed = CustomPicture("poses", start="crook_lying", end="supine")
    assert posed == CustomPicture.model_validate(
        {"kind": "poses", "start": "crook_lying", "end": "supine"}
    )
    with pytest.raises(ValidationError) as caught:
        CustomPicture("poses", start="Lying Down")
    assert caught.value.errors()[0]["loc"] == ("start",)
    with pytest.raises(ValidationError, match="kind"):
        CustomPicture.model_validate({"kind": "video"})


def test_media_type_comes_from_the_bytes() -> None:
    assert check_photo(png_header(40, 30)) == "image/png"
    assert check_photo(jpeg_header(64, 48)) == "image/jpeg"
    with pytest.raises(PhotoError, match="not a PNG or JPEG"):
        check_photo(b"GIF89a")


def test_limits_on_bytes_and_pixels() -> None:
    with pytest.raises(PhotoError, match=r"the limit is 0\.0 MB"):
        check_photo(png_header(4, 4), max_bytes=10)
    with pytest.raises(PhotoError, match="6000 x 5000 pixels"):
        check_photo(png_header(6000, 5000))
    with pytest.raises(PhotoError, match="no pixels"):
        check_photo(png_header(0, 10))
