"""What a therapist waits for after the window is usable (issue #19, "Speed"): a start that
reopens the last client, and the first handout preview of a session. Separate processes, so
every import is cold as on a clinic PC; each is a ratio against a baseline of the same run:

- reopen: spawn to the reopened client's tab painted, against the bare QMainWindow's spawn to
  first paint (``figures_startup.BARE_WINDOW``);
- first handout preview: from the Handout tab painted (the app started on it) to its preview
  showing pages, against a cold process that imports reportlab and builds a plain PDF of as
  many pages with two pictures each (``figures_handout.plain_reportlab_pdf``).

Run alone: ``uv run python -m bench.figures_reopen``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.figures_startup import BARE_WINDOW, _env, _run
from bench.harness import Figure, median, ms, print_table

PLAIN_COLD = """
import sys
from pathlib import Path
from bench.figures_handout import plain_reportlab_pdf
plain_reportlab_pdf(Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]).read_bytes())
print("done 0", flush=True)
"""


def _reopen_at(home: Path, client_id: int, tab: str) -> None:
    """What the app remembers on closing: this client on this tab (window.ini)."""
    folder = home / "config"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    (folder / "window.ini").write_text(
        f"[session]\nlast_client={client_id}\nlast_tab={tab}\n", encoding="utf-8"
    )


def reopen_figures(home: Path, quick: bool) -> list[Figure]:
    """``home``: a database of synthetic clients (each with a saved program) and settings."""
    runs = 3 if quick else 7
    app_args = [str(Path(sys.executable).with_name("bonecoach"))]
    bare_args = [sys.executable, "-c", BARE_WINDOW]
    env = _env(home)
    _run(bare_args, env)  # warm caches
    bare = median([_run(bare_args, env)["shown"] for _ in range(runs)])

    _reopen_at(home, 1, "Program")
    client_env = _env(home, BONECOACH_EXIT_AFTER="client")
    _run(app_args, client_env)
    marks = [_run(app_args, client_env) for _ in range(runs)]
    usable = median([m["usable"] for m in marks])
    client = median([m["client"] for m in marks])

    _reopen_at(home, 1, "Handout")
    handout_env = _env(home, BONECOACH_EXIT_AFTER="handout")
    _run(app_args, handout_env)
    shown = [_run(app_args, handout_env) for _ in range(runs)]
    preview = median([m["handout"] - m["client"] for m in shown])
    pages = int(shown[0]["handout_pages"])

    with tempfile.TemporaryDirectory() as folder:
        from bonecoach.art import exercise_svg
        from bonecoach.raster import svg_to_png

        picture = Path(folder) / "picture.png"
        picture.write_bytes(svg_to_png(exercise_svg("sit_to_stand"), 900))
        plain_args = [sys.executable, "-c", PLAIN_COLD, str(Path(folder) / "p.pdf"), str(pages)]
        plain_env = dict(env, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
        _run([*plain_args, str(picture)], plain_env)
        plain = median([_run([*plain_args, str(picture)], plain_env)["done"] for _ in range(runs)])
    return [
        Figure(
            "start that reopens the last client (Program tab)",
            f"{client / bare:.2f}x ({ms(client)} vs bare {ms(bare)})",
            "<= 2x bare, or useful content first",
            client / bare <= 2.0 or usable / bare <= 2.0,
            f"usable (client list, last client selected) at {ms(usable)} "
            f"({usable / bare:.2f}x); medians of {runs} runs from spawn",
        ),
        Figure(
            "first handout preview of a session",
            f"{preview / plain:.2f}x ({ms(preview)} vs cold plain reportlab {ms(plain)})",
            "<= 2x cold plain reportlab",
            preview / plain <= 2.0,
            f"{pages} pages; from the Handout tab painted to its preview showing pages; "
            "baseline: a new process importing reportlab and building as many pages",
        ),
    ]


if __name__ == "__main__":
    from bench.figures_store import fill_database
    from bench.synthetic import write_settings

    with tempfile.TemporaryDirectory() as work:
        home = Path(work) / "reopen"
        fill_database(home, clients=1000, sessions_per_client=2)
        write_settings(home)
        print_table(reopen_figures(home, quick=True))
