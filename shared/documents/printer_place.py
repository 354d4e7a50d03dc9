"""Where a `file:` printer may write: a printer's character device (/dev/usb/…, /dev/tty…),
or a file inside the hall's print folder.

The kiosk opens the path it is given and writes to it; a path anywhere else (/etc/passwd, a
disk such as /dev/sda) would let whoever sets the printer overwrite it with tickets. The
place is checked when the setting is made and again before each print, since a link or a
device can change in between; paths are compared after following links.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# Folders that hold the system, never a print folder.
SYSTEM_FOLDERS = tuple(
    Path(folder)
    for folder in (
        "/etc",
        "/dev",
        "/proc",
        "/sys",
        "/boot",
        "/bin",
        "/sbin",
        "/lib",
        "/lib64",
        "/usr",
    )
)
_WHERE = "a printer device (/dev/usb/…, /dev/tty…) or a file in the print folder"


def _is_printer_device(real: Path) -> bool:
    in_place = real.parent == Path("/dev/usb") or (
        real.parent == Path("/dev") and real.name.startswith("tty")
    )
    try:
        return in_place and stat.S_ISCHR(os.stat(real).st_mode)
    except OSError:
        return False


def print_folder_problem(folder: str) -> str | None:
    """Why `folder` cannot be the hall's print folder ("" means none), or None."""
    if not folder:
        return None
    place = Path(folder)
    if not place.is_absolute():
        return f"print_folder {folder!r} must be an absolute path"
    real = Path(os.path.realpath(place))
    if real == Path("/") or any(real.is_relative_to(system) for system in SYSTEM_FOLDERS):
        return f"print_folder {folder!r} is a system folder"
    if not real.is_dir():
        return f"print_folder {folder!r} is not a folder"
    return None


def file_printer_problem(path: str, print_folder: str) -> str | None:
    """Why the kiosk may not print to `path`, or None when it may."""
    place = Path(path)
    if not place.is_absolute():
        return f"printer file:{path} must be an absolute path"
    real = Path(os.path.realpath(place))
    if _is_printer_device(real):
        return None
    if print_folder and print_folder_problem(print_folder) is None:
        folder = Path(os.path.realpath(print_folder))
        inside = real != folder and real.is_relative_to(folder)
        if inside and (not real.exists() or real.is_file()):
            return None
    return f"printer file:{path} must be {_WHERE} (print_folder)"
