"""The app's Handout tab and `bonecoach handout` print the same handout for the same stored
program version (#18): same therapist, clinic, exercises and version, for every demo client.

Before one shared source (bonecoach.app.handouts), with a default therapist set in Settings
the command line printed that therapist while the app printed the one who prescribed the
version, and with no clinic name the command line left the clinic phone out of the STOP box.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from bonecoach.cli import main


def _text(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(data)).pages]


@pytest.fixture
def clinic(bonecoach_home: Path) -> Any:
    from bonecoach.store.settings import Settings, save_settings

    # no clinic name, a phone, and a default therapist who prescribed none of the demo programs
    settings = Settings(clinic_phone="555-0199", default_therapist="Pat Kim")
    save_settings(settings)
    assert main(["load-demo"]) == 0
    return settings


def test_the_app_and_the_command_line_print_the_same_handout(
    clinic: Any, qtbot: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bonecoach.app.clinic_library import ClinicLibrary
    from bonecoach.app.handouts import build_pdf, open_handout_source
    from bonecoach.app.workspace import Workspace
    from bonecoach.art import load_illustrations
    from bonecoach.handout.model import HandoutOptions
    from bonecoach.store.store import Store

    store = Store.open(settings=clinic, auto_backup=False)
    library, illustrations = store.full_library(), dict(load_illustrations())
    # what the Handout tab reads from the app: the therapist at the desk is the default one
    app_face = Workspace(
        store=store,
        settings=clinic,
        clinic_library=ClinicLibrary(library, illustrations),
        therapist_name="Pat Kim",
    )
    compared = []
    try:
        for client in store.list_clients():
            app = open_handout_source(app_face, client.id)
            if app.version is None:
                continue
            out = tmp_path / f"client-{client.id}.pdf"
            assert main(["handout", "--client", str(client.id), "--out", str(out)]) == 0
            on_paper = _text(out.read_bytes())
            on_screen = _text(build_pdf(app, library, illustrations, HandoutOptions()))
            assert on_screen == on_paper, client.name
            saved_by = app.version.saved_by.split(",")[0]
            assert saved_by and saved_by in " ".join(on_paper)  # the prescriber, not Pat Kim
            assert "555-0199" in " ".join(on_paper)  # the phone, though no clinic name is set
            compared.append(client.name)
    finally:
        store.close(auto_backup=False)
    capsys.readouterr()
    assert len(compared) >= 4, compared  # the demo clients with a home program
