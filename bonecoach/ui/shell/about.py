"""The About box: version, where the data lives, the guideline sources."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from bonecoach.ui.widgets.plain import rich

if TYPE_CHECKING:
    from bonecoach.ui.core.context import AppContext


def about_text(context: AppContext | None) -> str:
    from bonecoach import __version__
    from bonecoach.paths import config_dir, data_dir

    where = "not open"
    if context is not None:
        where = escape(str(getattr(context.store, "url", "")))
    return (
        f"<h3>BoneCoach {escape(__version__)}</h3>"
        "<p>Safe, progressive home exercise programs for people with low bone mass or "
        "osteoporosis: screening, programs, session tracking and printable handouts.</p>"
        "<p>Safety rules follow Too Fit To Fracture (2014, 2015), the Royal Osteoporosis "
        "Society's Strong, Steady and Straight, BHOF, CDC STEADI and LIFTMOR; each rule names "
        "its source.</p>"
        f"<p><b>Database:</b> {where}<br><b>Data folder:</b> {escape(str(data_dir()))}"
        f"<br><b>Settings folder:</b> {escape(str(config_dir()))}</p>"
        "<p>BoneCoach supports a therapist's judgement; it does not replace it.</p>"
    )


def show_about(parent: QWidget, context: AppContext | None) -> None:
    QMessageBox.about(parent, "About BoneCoach", rich(about_text(context)))
