"""Where the bundled assets live: the CJK font, translations, style sheets, icons.

They ship as the `assets` package's data, so an installed wheel finds them from any working
directory. The font is shipped so Chinese renders on a machine with no Chinese fonts
installed: WenQuanYi Micro Hei, Apache-2.0 (or GPL-3+ with the font exception); see
assets/fonts/wqy-microhei.COPYRIGHT.
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from functools import cache
from importlib import resources
from pathlib import Path

CJK_FONT_FAMILY = "WenQuanYi Micro Hei"
LANGUAGES = {"zh": "zh_CN", "en": "en"}  # what a program's --language takes -> catalog suffix
SOURCE_LANGUAGE = "en"  # the programs' own words: no catalog needed

# Files unpacked for Qt and reportlab (which need a real path) stay until the process ends.
_unpacked = ExitStack()
atexit.register(_unpacked.close)


class MissingAsset(FileNotFoundError):
    """A file hallq ships is not where the installation put it: the install is broken."""


@cache
def asset_file(relative: str) -> Path:
    """The real path of `assets/<relative>`, or MissingAsset."""
    entry = resources.files("assets").joinpath(relative)
    if not entry.is_file():
        raise MissingAsset(f"hallq's bundled file assets/{relative} is missing; reinstall hallq")
    return _unpacked.enter_context(resources.as_file(entry))


def cjk_font() -> Path:
    """The bundled CJK font (a .ttc; Qt and reportlab both take its first face)."""
    return asset_file("fonts/wqy-microhei.ttc")


def style_sheet(name: str) -> str:
    """A window's Qt style sheet, `assets/style/<name>.qss`."""
    return asset_file(f"style/{name}.qss").read_text(encoding="utf-8")


def icon_file(name: str) -> Path:
    """A kiosk class icon, `assets/icons/<name>.svg`."""
    return asset_file(f"icons/{name}.svg")


def catalog(name: str, language: str) -> Path | None:
    """The compiled translation `assets/i18n/<name>_<suffix>.qm`, None for the source language
    (English); a catalog not shipped is MissingAsset, never a silent fall-back to English."""
    if language == SOURCE_LANGUAGE:
        return None
    return asset_file(f"i18n/{name}_{LANGUAGES[language]}.qm")
