"""A photo is accepted only when every pixel decodes.

``check_photo`` (pure domain) reads the header: kind, size, pixel count. A file with a valid
header and a garbage body passed it, was stored, and failed later on the handout. Here the
whole image is decoded (Pillow, already needed for the handout) at every door a photo comes
in by: the custom exercise form, a client file import.
"""

from __future__ import annotations

from io import BytesIO

from bonecoach.program.picture import PhotoError, check_photo


def checked_photo(data: bytes, name: str = "photo") -> str:
    """The media type of a photo whose every pixel decodes; PhotoError otherwise."""
    media = check_photo(data, name)  # size and pixel limits first: no bomb is decoded
    from PIL import Image

    try:
        with Image.open(BytesIO(data)) as image:
            image.load()
    except Exception as exc:  # Pillow raises OSError, SyntaxError, ValueError... for bad data
        raise PhotoError(f"the {name} is damaged: its picture cannot be decoded") from exc
    return media
