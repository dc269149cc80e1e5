"""A machine without Qt's system libraries, or without a screen, is told what is missing and
the command that installs it, instead of Qt's "could not load the Qt platform plugin" abort."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from bonecoach.ui.shell.system_libraries import (
    GUI_LIBRARIES,
    XCB_LIBRARIES,
    start_problem,
)

ROOT = Path(__file__).resolve().parents[2]
# Every Debian system has these (libc6, libstdc++6, zlib1g, libzstd1 are required packages).
BASE_SYSTEM = re.compile(
    r"^(libc|libm|libdl|libpthread|librt|ld-linux.*|libstdc\+\+|libgcc_s|libz|libzstd)\.so"
)


def _all_present(_soname: str) -> bool:
    return True


def test_missing_libraries_are_named_with_the_command_that_installs_them() -> None:
    gone = {"libxcb-cursor.so.0", "libEGL.so.1"}
    env = {"DISPLAY": ":0"}
    problem = start_problem(env, loadable=lambda soname: soname not in gone, as_root=False)
    assert problem is not None
    assert "libxcb-cursor.so.0" in problem and "libEGL.so.1" in problem
    assert "sudo apt-get update && sudo apt-get install -y libegl1 libxcb-cursor0" in problem
    as_root = start_problem(env, loadable=lambda soname: soname not in gone, as_root=True)
    assert as_root is not None
    assert "\n  apt-get update && apt-get install -y libegl1 libxcb-cursor0" in as_root
    assert "sudo" not in as_root


def test_the_offscreen_platform_does_not_ask_for_the_x11_libraries() -> None:
    asked: list[str] = []

    def loadable(soname: str) -> bool:
        asked.append(soname)
        return soname not in XCB_LIBRARIES

    assert start_problem({"QT_QPA_PLATFORM": "offscreen"}, loadable=loadable) is None
    assert set(asked) == set(GUI_LIBRARIES)


def test_no_screen_is_said_in_words() -> None:
    problem = start_problem({}, loadable=_all_present, as_root=False)
    assert problem is not None and "DISPLAY is not set" in problem
    assert start_problem({"DISPLAY": ":1"}, loadable=_all_present, reachable=lambda d: True) is None
    gone = start_problem({"DISPLAY": ":99"}, loadable=_all_present, reachable=lambda d: False)
    assert gone is not None and "no screen answers at DISPLAY=:99" in gone
    # a Wayland variable without a Wayland session is no screen for Qt's default (X11)
    assert "DISPLAY is not set" in str(
        start_problem({"WAYLAND_DISPLAY": "wayland-9"}, loadable=_all_present)
    )


def test_a_display_is_reachable_only_where_an_x_server_listens(tmp_path: Path) -> None:
    import socket

    from bonecoach.ui.shell.system_libraries import display_reachable

    assert not display_reachable(":987")  # no X server there
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        port = listening.getsockname()[1]
        if port >= 6000:
            assert display_reachable(f"127.0.0.1:{port - 6000}")
    assert display_reachable("some-odd-form")  # not understood: Qt decides


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux start-up check")
def test_the_app_without_a_screen_exits_with_the_message_not_a_qt_abort(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", BONECOACH_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "bonecoach"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert "there is no screen to show it on" in done.stderr
    assert "platform plugin" not in done.stderr


def _needed(path: Path) -> list[str]:
    """The DT_NEEDED entries of a 64-bit little-endian ELF file (what the loader must find)."""
    data = path.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1
    shoff = struct.unpack_from("<Q", data, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)
    ]
    names: list[str] = []
    for _name, kind, _flags, _addr, offset, size, link, *_rest in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strings_offset = sections[link][4]
        for at in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, at)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                end = data.index(b"\0", strings_offset + value)
                names.append(data[strings_offset + value : end].decode())
    return names


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux shared libraries")
def test_the_list_covers_every_system_library_the_installed_qt_needs() -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    bundled = {p.name for p in (qt / "lib").iterdir()}
    # the GUI libraries for QtGui and QtWidgets; the X11 plugin may add only the xcb ones
    checks = [
        (qt / "lib" / "libQt6Gui.so.6", set(GUI_LIBRARIES)),
        (qt / "lib" / "libQt6Widgets.so.6", set(GUI_LIBRARIES)),
        (qt / "plugins" / "platforms" / "libqxcb.so", set(GUI_LIBRARIES) | set(XCB_LIBRARIES)),
        (qt / "lib" / "libQt6XcbQpa.so.6", set(GUI_LIBRARIES) | set(XCB_LIBRARIES)),
    ]
    for path, known in checks:
        needed = {n for n in _needed(path) if n not in bundled and not BASE_SYSTEM.match(n)}
        assert needed, path  # the reader found something to check
        unknown = needed - known
        assert not unknown, f"{path.name} needs {sorted(unknown)}: add them to system_libraries"
    assert "libxcb-cursor.so.0" in _needed(qt / "plugins" / "platforms" / "libqxcb.so")


def _packages_in(text: str) -> set[str]:
    return set(re.findall(r"\blib[a-z0-9.+-]+\b", text))


def test_readme_and_ci_install_every_package_and_the_readme_line_works_as_root_or_user() -> None:
    packages = set(GUI_LIBRARIES.values()) | set(XCB_LIBRARIES.values())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh", 1)[1].split("```", 1)[0]
    assert packages <= _packages_in(block), sorted(packages - _packages_in(block))
    # `sudo` only where there is one: a root shell in a container has none
    assert "S=$(command -v sudo || true); $S apt-get update && $S apt-get install -y" in block
    assert "sudo apt-get" not in block
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_list = ci.split("apt_packages=(", 1)[1].split(")", 1)[0]
    assert packages <= _packages_in(ci_list), sorted(packages - _packages_in(ci_list))
