"""Before Qt starts: name the system libraries (and the screen) it needs but cannot find.

Qt's own failure is an abort with "could not load the Qt platform plugin", which names no
library and no fix. Here each shared library Qt's windows load is tried first (by its soname,
as the loader would find it), and what is missing is named with the one Debian/Ubuntu
command that installs it. Imports nothing from Qt: it must run when Qt cannot.
"""

from __future__ import annotations

import ctypes
import os
import re
import socket
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

# soname -> the Debian/Ubuntu package that ships it. QtGui (any platform) needs these:
GUI_LIBRARIES: dict[str, str] = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11.so.6": "libx11-6",
}
# ...and the X11 ("xcb") platform plugin, the one a Linux desktop uses, these as well.
XCB_LIBRARIES: dict[str, str] = {
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libdbus-1.so.3": "libdbus-1-3",
}


@dataclass(frozen=True)
class Missing:
    libraries: list[str]  # sonames, in the order tried
    packages: list[str]  # the packages that install them, each once


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str]) -> bool:
    """Whether Qt will open its windows through X11 (xcb): the Linux default, unless another
    platform (offscreen, wayland, vnc...) is named."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    return not chosen or chosen.startswith("xcb")


def missing_libraries(
    environ: Mapping[str, str], loadable: Callable[[str], bool] = _loadable
) -> Missing:
    wanted = dict(GUI_LIBRARIES)
    if uses_xcb(environ):
        wanted.update(XCB_LIBRARIES)
    absent = [soname for soname in wanted if not loadable(soname)]
    packages = list(dict.fromkeys(wanted[soname] for soname in absent))
    return Missing(absent, packages)


def install_command(packages: list[str], as_root: bool) -> str:
    sudo = "" if as_root else "sudo "
    return f"{sudo}apt-get update && {sudo}apt-get install -y {' '.join(packages)}"


def display_reachable(display: str, timeout: float = 1.0) -> bool:
    """Whether an X server answers at ``display`` (":0", "unix:1", "host:10.0"); True for
    a form not understood here (Qt then has the last word)."""
    found = re.fullmatch(r"(?P<host>[^:]*):(?P<number>\d+)(?:\.\d+)?", display.strip())
    if found is None:
        return True
    host, number = found["host"], int(found["number"])
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        for address in ("\0" + path, path):  # Linux's abstract socket, then the file
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as unix:
                unix.settimeout(timeout)
                try:
                    unix.connect(address)
                except OSError:
                    continue
                return True
        return False
    try:
        socket.create_connection((host, 6000 + number), timeout=timeout).close()
    except OSError:
        return False
    return True


def start_problem(
    environ: Mapping[str, str] | None = None,
    loadable: Callable[[str], bool] = _loadable,
    as_root: bool | None = None,
    reachable: Callable[[str], bool] = display_reachable,
) -> str | None:
    """What stops the window from opening, in words with the fix; None when nothing does
    (and always None off Linux, where Qt ships what it needs)."""
    if not sys.platform.startswith("linux"):
        return None
    env = os.environ if environ is None else environ
    root = (os.geteuid() == 0) if as_root is None else as_root
    missing = missing_libraries(env, loadable)
    if missing.libraries:
        return (
            "BoneCoach cannot open its window: these system libraries are missing:\n  "
            + "\n  ".join(missing.libraries)
            + "\nInstall them (Debian or Ubuntu) with:\n  "
            + install_command(missing.packages, root)
            + "\nThe command-line tools work without them: bonecoach --help "
            "(from the project folder: uv run bonecoach --help)"
        )
    if not uses_xcb(env):
        return None
    display = env.get("DISPLAY", "")
    wayland = env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland"
    if not display and not wayland:
        return (
            "BoneCoach cannot open its window: there is no screen to show it on "
            "(DISPLAY is not set).\nStart it from the desktop session; on a machine without "
            "a screen the command-line tools work: bonecoach --help"
        )
    if display and not wayland and not reachable(display):
        return (
            f"BoneCoach cannot open its window: no screen answers at DISPLAY={display}.\n"
            "Start it from the desktop session (or check DISPLAY); the command-line tools "
            "work without a screen: bonecoach --help"
        )
    return None
