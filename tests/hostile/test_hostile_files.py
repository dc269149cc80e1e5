"""A hostile-input corpus (#14 acceptance): client files, profile files, settings files and
database files a tester would try. Each is refused (or, for settings, the bad field named and
the rest kept) with a message naming the field and the problem, no traceback, and nothing
changed: the same clients before and after, the file left as it was.

The client files are mutations of a shipped demo client file, so each case differs from a
file BoneCoach accepts in one way only.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bonecoach.cli import main
from bonecoach.paths import resource

DEMO = resource("demo") / "01-margaret-chen.json"
Doc = dict[str, Any]


def _profile(doc: Doc) -> Doc:
    return dict(doc["profiles"][0]["profile"])


def _set(path: list[Any], value: Any) -> Callable[[Doc], Doc]:
    def change(doc: Doc) -> Doc:
        out = copy.deepcopy(doc)
        place: Any = out
        for step in path[:-1]:
            place = place[step]
        place[path[-1]] = value
        return out

    return change


EVIDENCE = ["suggestions", 0, "suggestion", "evidence", 0, "values"]
# (case, change to the demo document, words the refusal must contain)
CLIENT_FILES: list[tuple[str, Callable[[Doc], Doc], str]] = [
    ("age as text", _set(["profiles", 0, "profile", "age"], "71"), "age: '71' is text"),
    (
        "evidence not a number",
        _set([*EVIDENCE, "pain_next_morning"], "many"),
        "'many' is not a number",
    ),
    ("evidence unknown key", _set([*EVIDENCE, "mood"], 3), "mood: not something a session records"),
    (
        "evidence pain 99",
        _set([*EVIDENCE, "pain_during"], 99),
        "pain_during: 99 is outside 0 to 10",
    ),
    (
        "evidence reps 5000",
        _set([*EVIDENCE, "reps_per_set"], [5000]),
        "reps_per_set: [5000] has a value outside 0 to 100",
    ),
    (
        "session dated year 1",
        _set(["sessions", 0, "log", "date"], "0001-01-01"),
        "0001-01-01 is before 1900",
    ),
    ("birth date year 1", _set(["client", "date_of_birth"], "0001-01-01"), "is before 1900"),
    (
        "NUL in the name",
        _set(["client", "name"], "Ann\x00 Lee"),
        "client.name: contains a control character (U+0000)",
    ),
    (
        "terminal escape in notes",
        _set(["sessions", 0, "log", "notes"], "\x1b[2J\x1b[31mhi"),
        "contains a control character (U+001B)",
    ),
    (
        "a right-to-left override in the name",
        _set(["client", "name"], "Ann \u202eeeL"),
        "client.name: contains a control character (U+202E)",
    ),
    (
        "a zero-width space in the name",
        _set(["client", "name"], "Margaret\u200b Chen"),
        "client.name: contains a control character (U+200B)",
    ),
    (
        "age as 65.0",
        _set(["profiles", 0, "profile", "age"], 65.0),
        "age: 65.0 should be a whole number",
    ),
    ("archived as text", _set(["client", "archived"], "yes"), "client.archived"),
    (
        "archived as a number",
        _set(["client", "archived"], 1),
        "client.archived: 1 should be true or false",
    ),
    ("unknown field", _set(["client", "nickname"], "Annie"), "client.nickname: unknown field"),
    ("not a client file", _set(["format"], "bonecoach-other"), "not a BoneCoach client file"),
    ("newer format", _set(["format_version"], 99), "newer than this BoneCoach reads"),
    ("sessions not a list", _set(["sessions"], {"a": 1}), "sessions"),
    # dates: in the future, or a number pydantic would read as seconds since 1970
    ("born in 9999", _set(["client", "date_of_birth"], "9999-01-01"), "is in the future"),
    ("born as the number 0", _set(["client", "date_of_birth"], 0), "0 is not a date"),
    ("born as the text 0", _set(["client", "date_of_birth"], "0"), '"0" is not a date'),
    (
        "profile recorded in 2099",
        _set(["profiles", 0, "recorded_on"], "2099-01-01"),
        "profiles[0].recorded_on: 2099-01-01 is in the future",
    ),
    (
        "saved at a number",
        _set(["profiles", 0, "saved_at"], 1700000000),
        "saved_at: 1700000000 is not a date and time",
    ),
    (
        "session in 2099",
        _set(["sessions", 0, "log", "date"], "2099-01-01"),
        "is in the future",
    ),
    (
        "program starting in 2099",
        _set(["programs", 0, "versions", 0, "program", "start_date"], "2099-06-01"),
        "start_date: 2099-06-01 is more than two years ahead",
    ),
    (
        "an exercise this library does not have",
        _set(
            ["programs", 0, "versions", 0, "program", "phases", 0, "items", 0, "exercise_id"],
            "no_such_exercise",
        ),
        "exercise_id: 'no_such_exercise' is not in this library",
    ),
    (
        "a session of an exercise this library does not have",
        _set(["sessions", 0, "log", "entries", 0, "exercise_id"], "no_such_exercise"),
        "sessions[0].log.entries[0].exercise_id: 'no_such_exercise' is not in this library",
    ),
    (
        "a suggestion for a phase the program does not have",
        _set(["suggestions", 0, "suggestion", "phase_index"], 99),
        "suggestions[0].suggestion.phase_index: 99 is not a phase of its program",
    ),
    (
        "born after her first profile and sessions",
        _set(["client", "date_of_birth"], "2026-01-01"),
        "profiles[0].recorded_on: 2024-06-03 is before the client's date of birth (2026-01-01)",
    ),
    (
        "a profile recorded after the day it was saved",
        _set(["profiles", 0, "saved_at"], "2024-05-01T10:00:00Z"),
        "profiles[0].recorded_on: 2024-06-03 is after the day it was saved (2024-05-01)",
    ),
    ("a soft hyphen in the name", _set(["client", "name"], "Marga\u00adret Chen"), "U+00AD"),
    ("a word joiner in the name", _set(["client", "name"], "Margaret\u2060Chen"), "U+2060"),
    ("a tag character in the name", _set(["client", "name"], "Margaret\U000e0041"), "U+E0041"),
    ("a Hangul filler as the name", _set(["client", "name"], "\u3164"), "U+3164"),
    (
        "a name that is only a direction mark",
        _set(["client", "name"], "\u200e"),
        "a client needs a name with letters in it",
    ),
    (
        "evidence dated 2099",
        _set(["suggestions", 0, "suggestion", "evidence", 0, "date"], "2099-01-01"),
        "2099-01-01 is in the future",
    ),
]

RAW_FILES: list[tuple[str, Callable[[str], bytes], str]] = [
    (
        "not UTF-8",
        lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
        "is not UTF-8 text (byte 0xff",
    ),
    ("not JSON", lambda text: text[: len(text) // 2].encode(), "not valid JSON at line"),
    (
        "a key twice",
        lambda text: text.replace(
            '"name": "Margaret Chen",', '"name": "Margaret Chen", "name": "M",', 1
        ).encode(),
        "name: given twice",
    ),
    (
        "nested too deep",
        lambda _t: ("[" * 100_000 + "]" * 100_000).encode(),
        "nested more than 40 levels deep",
    ),
    ("empty", lambda _t: b"", "not valid JSON"),
    (
        "NaN for a pain score",
        lambda text: text.replace('"format_version": 3', '"format_version": NaN', 1).encode(),
        "(file): NaN is not a number a BoneCoach file holds",
    ),
    (
        "a 5000-digit number",
        lambda text: text.replace(
            '"format_version": 3', '"format_version": ' + "9" * 5000, 1
        ).encode(),
        "(file): holds a number thousands of digits long",
    ),
]


def _client_names(capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["clients", "--json"]) == 0
    return sorted(str(c["name"]) for c in json.loads(capsys.readouterr().out))


def _refused(path: Path, expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = _client_names(capsys)
    assert main(["import-client", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "\x00" not in err and "\x1b" not in err, err
    assert "was not imported (nothing was changed)" in err, err
    assert expected in err, err
    assert _client_names(capsys) == before


@pytest.fixture
def one_client(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import-client", str(resource("demo") / "02-dorothy-okafor.json")]) == 0
    capsys.readouterr()


@pytest.mark.usefixtures("one_client")
@pytest.mark.parametrize(
    ("case", "change", "expected"), CLIENT_FILES, ids=[c[0] for c in CLIENT_FILES]
)
def test_a_hostile_client_file_is_refused_and_nothing_changes(
    case: str,
    change: Callable[[Doc], Doc],
    expected: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    doc = json.loads(DEMO.read_text(encoding="utf-8"))
    path = tmp_path / "client.json"
    path.write_text(json.dumps(change(doc)), encoding="utf-8")
    _refused(path, expected, capsys)


@pytest.mark.usefixtures("one_client")
@pytest.mark.parametrize(("case", "change", "expected"), RAW_FILES, ids=[c[0] for c in RAW_FILES])
def test_a_hostile_client_file_text_is_refused_and_nothing_changes(
    case: str,
    change: Callable[[str], bytes],
    expected: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "client.json"
    path.write_bytes(change(DEMO.read_text(encoding="utf-8")))
    _refused(path, expected, capsys)


@pytest.mark.usefixtures("one_client")
def test_a_file_too_big_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as out:  # sparse: 60 MB that take no disk
        out.truncate(60 * 1024 * 1024)
    _refused(path, "60 MB is too big for a BoneCoach client file (the limit is 25 MB)", capsys)


def test_a_photo_with_a_valid_header_and_a_garbage_body_is_refused() -> None:
    import struct
    import zlib

    from bonecoach.program.picture import PhotoError, check_photo
    from bonecoach.store.photos import checked_photo

    header = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR"
    ihdr = struct.pack(">IIBBBBB", 40, 30, 8, 2, 0, 0, 0)
    png = header + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr)) + b"\x00garbage" * 100
    assert check_photo(png) == "image/png"  # the header alone looks fine
    with pytest.raises(PhotoError, match="damaged: its picture cannot be decoded"):
        checked_photo(png)


def _profile_json(**changes: Any) -> str:
    base = json.loads(DEMO.read_text(encoding="utf-8"))["profiles"][-1]["profile"]
    return json.dumps({"fall_with_injury": False, **base, **changes})


PROFILES: list[tuple[str, str | bytes, str]] = [
    ("age as text", _profile_json(age="71"), "'age': must be a whole number (got '71')"),
    ("T-score as a word", _profile_json(t_score_lowest="low"), "t_score_lowest"),
    ("a key twice", _profile_json().replace('"age":', '"age": 90, "age":', 1), "age: given twice"),
    (
        "fracture in year 1",
        _profile_json(vertebral_fractures=1, vertebral_fracture_date="0001-01-01"),
        "vertebral_fracture_date': 0001-01-01 is not a plausible",
    ),
    (
        "fracture in 2099",
        _profile_json(vertebral_fractures=1, vertebral_fracture_date="2099-01-01"),
        "vertebral_fracture_date: 2099-01-01 is in the future",
    ),
    ("not UTF-8", b'{"sex": "f\xffmale"}', "is not UTF-8 text"),
    ("nested too deep", "[" * 50_000 + "]" * 50_000, "nested more than 40 levels deep"),
    ("escape in a field", _profile_json(other_fracture_site="wrist\u001b[2J"), "U+001B"),
]


@pytest.mark.parametrize(("case", "content", "expected"), PROFILES, ids=[c[0] for c in PROFILES])
def test_a_hostile_profile_file_is_refused(
    case: str,
    content: str | bytes,
    expected: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "profile.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    assert main(["screen", "--profile", str(path), "--shipped-only"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "\x1b" not in err, err
    assert expected in err, err


SETTINGS: list[tuple[str, str, str]] = [
    ("paper size A5", 'paper_size = "A5"\nclinic_name = "Riverside"\n', "paper_size"),
    ("clinic name a number", "clinic_name = 12\n", "clinic_name"),
    ("not TOML", "clinic_name = [unclosed\n", "settings"),
    ("unknown field", 'colour = "pink"\nclinic_name = "Riverside"\n', "colour"),
]


@pytest.mark.parametrize(("case", "content", "expected"), SETTINGS, ids=[c[0] for c in SETTINGS])
def test_a_hostile_settings_file_is_named_kept_and_left_in_place(
    case: str, content: str, expected: str, bonecoach_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bonecoach.store.settings import settings_path

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    assert main(["clients"]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "settings" in err and expected in err, err
    assert path.read_text(encoding="utf-8") == content  # left as the person wrote it


DATABASES: list[tuple[str, bytes]] = [
    ("text, not a database", b"hello, this is not a database\n" * 100),
    ("a truncated database header", b"SQLite format 3\x00" + b"\x00" * 50),
    ("random bytes", bytes(range(256)) * 64),
]


@pytest.mark.parametrize(("case", "content"), DATABASES, ids=[c[0] for c in DATABASES])
def test_a_hostile_database_file_is_refused_and_left_as_it_was(
    case: str, content: bytes, bonecoach_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bonecoach.store.settings import Settings, save_settings

    database = bonecoach_home / "elsewhere" / "clinic.sqlite3"
    database.parent.mkdir(parents=True)
    database.write_bytes(content)
    save_settings(Settings(database_url=f"sqlite:///{database}"))
    assert main(["clients"]) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err and "SELECT" not in err, err
    assert database.read_bytes() == content


@pytest.mark.parametrize("special", ["/dev/zero", "a fifo", "a folder"])
def test_a_device_pipe_or_folder_is_refused_at_once(
    special: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """/dev/zero reports size 0 and never ends; a pipe may never end: neither is read."""
    import os

    path = Path(special)
    if special == "a fifo":
        path = tmp_path / "profile.json"
        os.mkfifo(path)
    elif special == "a folder":
        path = tmp_path
    assert main(["screen", "--profile", str(path), "--shipped-only"]) == 2
    assert main(["import-client", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("choose a BoneCoach") == 2, err


@pytest.mark.usefixtures("one_client")
def test_an_existing_out_file_is_not_written_over_without_replace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = tmp_path / "notes.json"
    kept.write_text("the clinic's own notes", encoding="utf-8")
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(b"%PDF- someone else's letter")
    assert main(["export-client", "1", "--out", str(kept)]) == 2
    assert main(["handout", "--demo", "--out", str(pdf)]) == 2
    err = capsys.readouterr().err
    assert err.count("already exists; add --replace to write over it") == 2, err
    assert kept.read_text(encoding="utf-8") == "the clinic's own notes"
    assert pdf.read_bytes() == b"%PDF- someone else's letter"
    assert main(["export-client", "1", "--out", str(kept), "--replace"]) == 0
    assert json.loads(kept.read_text(encoding="utf-8"))["format"] == "bonecoach-client"


@pytest.mark.usefixtures("one_client")
@pytest.mark.parametrize("target", ["a fifo", "a folder", "a link", "a missing folder"])
def test_out_is_never_a_pipe_a_folder_a_link_or_a_made_up_folder(
    target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Renaming over a pipe or device swaps it out (a helper's run replaced /dev/null); a
    mistyped folder is never created: every --out is refused before anything is written."""
    import os

    if target == "a fifo":
        out = tmp_path / "out.pdf"
        os.mkfifo(out)
    elif target == "a folder":
        out = tmp_path / "folder.pdf"
        out.mkdir()
    elif target == "a link":
        kept = tmp_path / "kept.pdf"
        kept.write_bytes(b"%PDF- kept")
        out = tmp_path / "link.pdf"
        out.symlink_to(kept)
    else:
        out = tmp_path / "no such folder" / "out.pdf"
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert main(["export-client", "1", "--out", str(out), "--replace"]) == 2
    assert main(["handout", "--demo", "--out", str(out), "--replace"]) == 2
    assert main(["backup", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 3 and all(line.startswith("--out: ") for line in lines), err
    expected = "does not exist" if target == "a missing folder" else "is not a regular file"
    assert all(expected in line for line in lines), err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    if target == "a fifo":
        assert out.is_fifo()


def test_a_private_write_never_replaces_a_pipe(tmp_path: Path) -> None:
    import os

    from bonecoach.store.atomic import write_private_bytes

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(OSError, match="not a regular file"):
        write_private_bytes(pipe, b"data")
    assert pipe.is_fifo() and [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_a_moment_is_judged_by_its_utc_day_as_a_restore_judges_it() -> None:
    """19:00 at UTC-10 tomorrow is the day after tomorrow in UTC: import and restore agree."""
    import datetime as dt

    from bonecoach.store.file_checks import value_problems

    today = dt.date(2026, 12, 3)
    honolulu = dt.timezone(dt.timedelta(hours=-10))
    late = dt.datetime(2026, 12, 4, 19, 0, tzinfo=honolulu)  # 2026-12-05 05:00 UTC
    assert value_problems({"saved_at": late}, today=today) == [
        "saved_at: 2026-12-05 is in the future (today is 2026-12-03)"
    ]
    early = dt.datetime(2026, 12, 4, 13, 0, tzinfo=honolulu)  # 2026-12-04 23:00 UTC
    assert value_problems({"saved_at": early}, today=today) == []
