"""A person's name as the resident ID card writes it: Chinese characters, the parts of a
minority name joined by a middle dot (阿依古丽·买买提). A name typed in Latin letters
("ZHANGSANFENG") is not the name on the card, and the clerk could not match it."""

from __future__ import annotations

import re

MIDDLE_DOT = "·"
# The unified ideograph blocks and their extensions (rare name characters live there).
_HAN = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U00030000-\U0003134f"
)
_NAME = re.compile(f"[{_HAN}]+(?:{MIDDLE_DOT}[{_HAN}]+)*")
MIN_LENGTH = 2


def name_problem(name: str) -> str | None:
    """Why `name` is not a name in Chinese characters, or None when it is."""
    if not _NAME.fullmatch(name):
        if any(char.isascii() and char.isalpha() for char in name):
            return "a name is written in Chinese characters, not Latin letters"
        return "a name is Chinese characters, a middle dot only between its parts"
    if len(name.replace(MIDDLE_DOT, "")) < MIN_LENGTH:
        return f"a name has at least {MIN_LENGTH} characters"
    return None
