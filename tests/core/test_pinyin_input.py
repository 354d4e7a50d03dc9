"""The pinyin keyboard's lookup: every character of a reading offered, the likely first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypinyin import Style, pinyin

from kiosk.pinyin_input import (
    Usage,
    best_character,
    candidates,
    characters_for,
    split_syllables,
)


@pytest.mark.parametrize(
    ("typed", "pieces"),
    [
        ("zhangsanfeng", ("zhang", "san", "feng")),
        ("zsf", ("z", "s", "f")),
        ("xian", ("xian",)),
        ("lvzh", ("lv", "zh")),
        ("vvv", ()),
    ],
)
def test_typed_letters_are_cut_into_the_fewest_syllables(typed, pieces):
    assert split_syllables(typed) == pieces


def test_a_surname_comes_before_a_more_common_word_character():
    assert characters_for("zhang", Usage.SURNAME)[0] == "张"
    assert characters_for("zeng", Usage.SURNAME)[0] == "曾"  # mostly read ceng, a surname as zeng
    assert characters_for("lv", Usage.SURNAME)[0] == "吕"


def test_every_character_read_so_is_offered_once_rare_ones_included():
    offered = characters_for("qi", Usage.SURNAME)
    assert len(offered) == len(set(offered)) > 400
    assert {"亓", "齐", "祁", "七"} <= set(offered)
    assert "龘" in characters_for("da", Usage.GIVEN_NAME)
    assert all("qi" in pinyin(char, style=Style.NORMAL, heteronym=True)[0] for char in offered)


def test_a_whole_name_and_words_come_before_single_characters():
    offered = candidates("zhangsanfeng", Usage.SURNAME)
    assert offered[0].text.startswith("张") and len(offered[0].text) == 3
    assert offered[0].consumed == len("zhangsanfeng")
    single = next(candidate for candidate in offered if candidate.text == "张")
    assert single.consumed == len("zhang")


def test_a_company_is_offered_its_words_first():
    assert candidates("youxiangongsi", Usage.COMPANY)[0].text == "有限公司"


def test_letters_that_spell_no_pinyin_offer_nothing():
    assert candidates("vvv", Usage.SURNAME) == ()


@pytest.mark.parametrize("usage", list(Usage))
@pytest.mark.parametrize("piece", ["z", "zh", "zhang", "s", "lv", "x", "feng"])
def test_the_quick_first_character_is_the_first_of_the_full_list(piece, usage):
    assert best_character(piece, usage) == characters_for(piece, usage)[0]


def _start(cache: Path) -> tuple[str, bool]:
    """A new program's first lookup: what it offers, and whether it read pypinyin's data."""
    code = (
        "import sys\n"
        "from kiosk.pinyin_input import Usage, candidates\n"
        "print(''.join(c.text for c in candidates('zhang', Usage.SURNAME)[:6]))\n"
        "print('pypinyin.phrases_dict' in sys.modules)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    offered, read = out.stdout.split()
    return offered, read == "True"


def test_the_index_is_kept_between_starts_and_a_spoiled_file_is_built_again(tmp_path):
    first = _start(tmp_path)
    [kept] = (tmp_path / "hallq").glob("pinyin-index-*.json")
    assert first == ("张长章掌丈账", True)
    assert _start(tmp_path) == ("张长章掌丈账", False)  # read back, pypinyin left alone
    kept.write_text('{"characters": {', encoding="utf-8")
    assert _start(tmp_path) == ("张长章掌丈账", True)
    assert _start(tmp_path) == ("张长章掌丈账", False)
