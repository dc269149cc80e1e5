"""A custom exercise's photo (PNG or JPEG bytes from the database) as a handout picture.

The photo is decoded in full once per build, so a damaged file is found here (and the
exercise printed without a picture) rather than half-way through writing the PDF. It is
turned upright as the camera meant (phone photos carry that in EXIF) and cut down to print
resolution, so a 12-megapixel phone photo does not make a 5 MB handout.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from typing import Any

# Pixels along the longer side: over 300 dpi across large print's usual 12 cm picture and
# over 200 dpi across the frame's full width, sharp on paper at a fraction of a phone
# photo's size (and of the time reportlab takes to compress it).
MAX_SIDE = 1500
JPEG_QUALITY = 90


class DamagedPhoto(ValueError):
    """The bytes are not a PNG or JPEG that decodes in full."""


@dataclass(frozen=True)
class PhotoPicture:
    """A photo ready to draw: ``width`` x ``height`` in its own units (its pixels)."""

    width: float
    height: float
    image: Any  # reportlab.lib.utils.ImageReader

    def draw_on(self, canvas: Any) -> None:
        """Draw at the canvas origin, ``width`` x ``height`` (the caller scales)."""
        canvas.drawImage(self.image, 0, 0, self.width, self.height)


def photo_picture(data: bytes) -> PhotoPicture:
    """The photo, upright and at print resolution; DamagedPhoto if it cannot be used."""
    from PIL import Image, ImageOps
    from reportlab.lib.utils import ImageReader

    try:
        opened = Image.open(BytesIO(data))  # in memory: nothing to close
        kind = opened.format
        if kind not in ("PNG", "JPEG"):
            raise DamagedPhoto(f"not a PNG or JPEG image ({kind or 'unknown format'})")
        small = max(opened.size) <= MAX_SIDE
        if kind == "JPEG" and not small:  # decoded at 1/2, 1/4 or 1/8 size: far quicker
            opened.draft(opened.mode, (MAX_SIDE, MAX_SIDE))
        opened.load()  # decodes every pixel: a truncated or corrupt file fails here
        turned = opened.getexif().get(0x0112, 1) not in (0, 1)
        upright = ImageOps.exif_transpose(opened) if turned else opened
    except DamagedPhoto:
        raise
    except Exception as exc:  # PIL raises OSError, SyntaxError, ValueError, ... for bad data
        raise DamagedPhoto(f"the photo cannot be read: {exc}") from exc
    width, height = upright.size
    if width <= 0 or height <= 0:
        raise DamagedPhoto("the photo has no pixels")
    if kind == "JPEG" and small and not turned and upright.mode in ("RGB", "L"):
        # As it is: the PDF carries the JPEG itself, no re-encoding and no loss.
        return PhotoPicture(width, height, ImageReader(BytesIO(data)))
    picture = _on_white(upright)
    picture.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    if kind == "JPEG":
        out = BytesIO()
        picture.save(out, "JPEG", quality=JPEG_QUALITY)
        out.seek(0)
        reader = ImageReader(out)
    else:  # PNG stays lossless (diagrams, screenshots): reportlab compresses it with zlib
        reader = ImageReader(picture)
    return PhotoPicture(picture.width, picture.height, reader)


def _on_white(image: Any) -> Any:
    """RGB or grey, any transparency laid on white paper (as the page will be)."""
    from PIL import Image

    if image.mode in ("RGB", "L"):
        return image
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return image.convert("RGB")
