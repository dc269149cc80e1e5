"""`bonecoach handout --client` prints a custom exercise's stored photo, also once the
exercise is archived; a damaged stored photo leaves only that picture out."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from bonecoach.cli import main
from bonecoach.program.exercise import Exercise
from bonecoach.program.library import Library
from bonecoach.program.picture import CustomPicture
from bonecoach.store.store import Store

from .conftest import collapse, make_program
from .test_photos import damaged_png, photo

CUSTOM_ID = "towel_sit_to_stand"
CUSTOM_NAME = "Sit to stand with a towel roll"


def _custom(library: Library) -> Exercise:
    raw = library["sit_to_stand"].model_dump(mode="json")
    raw.update(id=CUSTOM_ID, name=CUSTOM_NAME, easier=None, harder=None)
    return Exercise.model_validate(raw)


def _client_with_photo_exercise(library: Library, photo_bytes: bytes) -> int:
    """A client whose saved program names a custom exercise with a photo; its id."""
    store = Store.open()
    try:
        store.save_custom_exercise(_custom(library), CustomPicture("photo"), photo_bytes)
        full = store.full_library()
        program = make_program(full, (CUSTOM_ID, "calf_raise", "chin_tuck"))
        client = store.create_client("Margaret Hale")
        store.save_program(client.id, program, by="Dana Ortiz")
        return client.id
    finally:
        store.close(auto_backup=False)


def _damage_stored_photo(data: bytes) -> None:
    import sqlite3

    from bonecoach.store.database import database_url
    from bonecoach.store.settings import Settings

    path = database_url(Settings()).removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE custom_exercises SET photo = ?", (data,))
    connection.close()


def _images(page: PageObject) -> int:
    xobjects = page["/Resources"].get("/XObject", {})
    return sum(1 for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image")


def _print(client_id: int, out: Path, *args: str) -> list[tuple[str, int]]:
    """Print the handout; (text, number of images) of each page."""
    assert main(["handout", "--client", str(client_id), "--out", str(out), *args]) == 0
    reader = PdfReader(BytesIO(out.read_bytes()))
    return [(collapse(p.extract_text()), _images(p)) for p in reader.pages]


@pytest.mark.parametrize("large", [False, True], ids=["standard", "large print"])
@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_the_stored_photo_prints_on_its_exercise_page(
    library: Library, tmp_path: Path, kind: str, large: bool
) -> None:
    client_id = _client_with_photo_exercise(library, photo(320, 240, kind))
    pages = _print(client_id, tmp_path / "h.pdf", *(["--large-print"] if large else []))
    with_images = [text for text, images in pages if images]
    assert len(with_images) == 1 and CUSTOM_NAME in with_images[0]
    assert sum(images for _text, images in pages) == 1


def test_an_archived_exercise_still_prints_its_photo(library: Library, tmp_path: Path) -> None:
    client_id = _client_with_photo_exercise(library, photo(240, 320, "JPEG"))
    store = Store.open()
    try:
        store.archive_custom_exercise(CUSTOM_ID)
        assert CUSTOM_ID not in store.full_library()
    finally:
        store.close(auto_backup=False)
    pages = _print(client_id, tmp_path / "archived.pdf")
    [(page, images)] = [(text, images) for text, images in pages if images]
    assert images == 1
    assert CUSTOM_NAME in page and collapse(_custom(library).steps[0]) in page


def test_a_damaged_stored_photo_still_prints_the_handout(
    library: Library, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # the store refuses a photo whose pixels do not decode; one damaged after it was stored
    # (disk damage, an older version) must still not stop the handout
    client_id = _client_with_photo_exercise(library, photo(120, 90, "PNG"))
    _damage_stored_photo(damaged_png())
    pages = _print(client_id, tmp_path / "damaged.pdf")
    text = " ".join(t for t, _images in pages)
    assert CUSTOM_NAME in text
    assert collapse(_custom(library).steps[0]) in text
    assert sum(images for _text, images in pages) == 0
    assert f"no photo for exercise '{CUSTOM_ID}'" in caplog.text
