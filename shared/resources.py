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
