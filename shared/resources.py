"""Where the bundled assets live: the CJK font, translations, style sheets, sounds.

The font is shipped so Chinese renders on a machine with no Chinese fonts installed.
WenQuanYi Micro Hei, Apache-2.0 (or GPL-3+ with the font exception); see
assets/fonts/wqy-microhei.COPYRIGHT.
"""

from __future__ import annotations

from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
CJK_FONT = ASSETS / "fonts" / "wqy-microhei.ttc"
CJK_FONT_FAMILY = "WenQuanYi Micro Hei"
TRANSLATIONS = ASSETS / "i18n"
STYLE = ASSETS / "style"
LANGUAGES = {"zh": "zh_CN", "en": "en"}  # what a program's --language takes -> catalog suffix


def style_sheet(name: str) -> str:
    """A window's Qt style sheet, `assets/style/<name>.qss`."""
    return (STYLE / f"{name}.qss").read_text(encoding="utf-8")


def catalog(name: str, language: str) -> Path | None:
    """The compiled translation `assets/i18n/<name>_<suffix>.qm`, or None for the source
    language (English) or a catalog not shipped."""
    path = TRANSLATIONS / f"{name}_{LANGUAGES[language]}.qm"
    return path if language != "en" and path.exists() else None
