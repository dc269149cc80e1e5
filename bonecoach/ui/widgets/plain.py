"""Text a person typed is shown as written, never read as markup.

Qt decides by itself whether a label, tooltip or message box holds rich text (Qt::AutoText):
anything that starts like a tag is rendered as HTML. A client, phase, program or therapist
named ``<img src="/dev/zero">`` was drawn as an image, or crashed the app (std::bad_alloc).

- Labels are ``PlainLabel`` (always plain) or ``RichLabel`` (markup we build, with every piece
  of user text passed through ``html.escape``). A bare QLabel is refused by a test.
- Tooltips, status tips and message-box texts, where Qt offers no format switch, go through
  ``as_written``; markup we build ourselves is marked with ``rich``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

# Qt::PlainText and Qt::RichText as the ints Qt defines: labels are built before the first
# paint, when touching the ``Qt`` enums costs ~14 ms (see client_models)
PLAIN_TEXT = 0
RICH_TEXT = 1


def as_written(text: str) -> str:
    """``text`` as Qt will show it literally wherever it guesses the format itself."""
    if "<" not in text:  # no tag, no markup; and the client list stays off the Qt namespace
        return text
    from PySide6.QtGui import Qt as TextQt

    if TextQt.mightBeRichText(text):
        return TextQt.convertFromPlainText(text)  # escaped markup that reads as the text
    return text


def rich(markup: str) -> str:
    """Markup built here on purpose; the caller has escaped every piece of user text."""
    return markup


class PlainLabel(QLabel):
    """A label whose text is shown exactly as written."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("textFormat", PLAIN_TEXT)
        self.setText(text)


class RichLabel(QLabel):
    """A label showing markup built here; user text inside it must be html.escape'd."""

    def __init__(self, markup: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("textFormat", RICH_TEXT)
        self.setText(markup)
