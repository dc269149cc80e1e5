"""The Handout tab prints a custom exercise's photo (made here with Qt, as the Library
manager's photo chooser would read one), and an archived one's in an old program."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from tests.ui.program_fixtures import shown_handout_tab

CUSTOM_ID = "sit_to_stand_towel"
CUSTOM_NAME = "Sit to stand on a towel roll"


def qt_photo(width: int, height: int, kind: str) -> bytes:
    """A real PNG or JPEG: a pale background with a dark figure."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(220, 235, 250))
    painter = QPainter(image)
    painter.setBrush(QColor("black"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(width * 2 // 5, height // 10, width // 5, height // 5)
    painter.drawRect(width * 9 // 20, height * 3 // 10, width // 10, height * 3 // 5)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, kind)
    return bytes(buffer.data().data())


def _save_photo_exercise(context: Any, client_id: int, photo: bytes) -> None:
    """A custom exercise with ``photo``, in the library and in the client's saved program."""
    from bonecoach.app.library import reload_custom_exercises, save_custom
    from bonecoach.app.programs import screen_all
    from bonecoach.program.exercise import Exercise
    from bonecoach.program.picture import CustomPicture
    from bonecoach.program.programs import add_item, blank_program
    from tests.ui.program_fixtures import osteoporosis_profile

    raw = context.library["sit_to_stand"].model_dump(mode="json")
    raw.update(id=CUSTOM_ID, name=CUSTOM_NAME, easier=None, harder=None)
    save_custom(context.store, Exercise.model_validate(raw), CustomPicture("photo"), photo)
    reload_custom_exercises(context)
    exercise = context.library[CUSTOM_ID]
    result = screen_all(osteoporosis_profile(), context.library)[CUSTOM_ID]
    program = add_item(blank_program("Towel program"), 0, exercise, result)
    context.store.save_program(client_id, program)


def _pages_with_images(data: bytes) -> list[str]:
    """The text of each page that draws an image."""
    found = []
    for page in PdfReader(BytesIO(data)).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        if any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values()):
            found.append(" ".join(page.extract_text().split()))
    return found


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_the_handout_tab_prints_the_photo(
    qtbot: Any, context: Any, client_id: int, kind: str
) -> None:
    _save_photo_exercise(context, client_id, qt_photo(360, 270, kind))
    tab, pages = shown_handout_tab(qtbot, context)
    tab.set_client(client_id)
    assert pages and pages[-1] >= 2, context.errors.shown
    [page] = _pages_with_images(tab.preview.data)
    assert CUSTOM_NAME in page


def test_an_archived_photo_exercise_in_an_old_program_prints_its_photo(
    context: Any, client_id: int
) -> None:
    from bonecoach.app.handouts import build_pdf, open_handout_source
    from bonecoach.app.library import archive_custom
    from bonecoach.handout.model import HandoutOptions

    _save_photo_exercise(context, client_id, qt_photo(270, 360, "JPEG"))
    archive_custom(context.store, CUSTOM_ID)
    context.library = type(context.library)(
        [e for e in context.library.values() if e.id != CUSTOM_ID]
    )
    source = open_handout_source(context, client_id)
    assert CUSTOM_ID in source.archived_exercises
    # the app's own photos left out: the archived exercise brings its photo itself
    data = build_pdf(source, context.library, context.illustrations, HandoutOptions())
    [page] = _pages_with_images(data)
    assert CUSTOM_NAME in page
