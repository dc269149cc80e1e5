"""Photos for custom exercises: real PNG and JPEG only, within the size limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from bonecoach.art import PhotoError, load_photo
from tests.sample_images import png


def test_a_small_real_png_is_accepted(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    path = tmp_path / "photo.png"
    path.write_bytes(png(40, 30))
    data = load_photo(path)
    assert data == path.read_bytes()
    image = QImage.fromData(data)
    assert (image.width(), image.height()) == (40, 30)


def test_a_real_jpeg_is_accepted(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QImage

    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    path = tmp_path / "photo.jpg"
    assert image.save(str(path), "JPEG")
    assert load_photo(path)[:3] == b"\xff\xd8\xff"


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.7 not a picture", b"GIF89a\x01\x00\x01\x00", b"", b"<svg xmlns='x'/>"],
    ids=["pdf", "gif", "empty", "svg"],
)
def test_anything_but_png_or_jpeg_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "photo.png"  # the name does not matter, the bytes do
    path.write_bytes(content)
    with pytest.raises(PhotoError, match="not a PNG or JPEG image"):
        load_photo(path)


def test_a_file_over_the_byte_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    path.write_bytes(png(200, 200))
    with pytest.raises(PhotoError, match="the limit is"):
        load_photo(path, max_bytes=100)


def test_an_image_over_the_pixel_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    path.write_bytes(png(300, 200))
    with pytest.raises(PhotoError, match="300 x 200 pixels"):
        load_photo(path, max_pixels=50_000)


def test_a_truncated_png_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.png"
    path.write_bytes(png(10, 10)[:14])
    with pytest.raises(PhotoError, match="damaged"):
        load_photo(path)


def test_photo_error_is_a_value_error() -> None:
    assert issubclass(PhotoError, ValueError)
