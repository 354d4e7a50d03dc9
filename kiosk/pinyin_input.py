"""Pinyin to Chinese characters for the kiosk's on-screen keyboard, with no Qt: what a
customer typing "zhangsanfeng" or "zsf" is offered, best first.

The readings come from pypinyin's dictionaries (pinyin_dict: every character it knows,
rare ones included; phrases_dict: words), inverted once into a syllable index that is
kept in the user's cache folder, so later starts read it back without loading pypinyin's
dictionaries (40 MB less memory, half the time). The order:
for a person's name, the common surnames (for the first character) or the common
given-name characters, then every other character by how many dictionary words use it;
for a company, the characters and words of company names first. Every character of a
reading is in the list, so a rare name is reached by paging.
"""

from __future__ import annotations

import functools
import gc
import json
import logging
import os
import sys
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from importlib.metadata import version
from pathlib import Path
from typing import Any

# Surnames by how many people bear them (the usual published ranking of the national
# census), then rarer ones that are still met at the counter.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马胡朱郭何罗高林郑梁谢唐许冯宋韩邓彭曹曾田于肖潘袁董叶杜丁"
    "蒋程余吕魏蔡苏任卢沈姜姚钟崔陆谭汪石付贾范金方韦夏廖侯白孟邹秦尹江熊薛邱闫段雷季史"
    "陶毛贺龙万顾关郝孔向龚邵钱武黎汤戴严文常牛莫洪米康温代赖施覃安倪易柳殷乔傅俞鲁葛"
    "齐祁戚盛童邢左单岳申伍庞樊焦翟兰聂阎柴华车包甘游纪路褚宁卜裴鲍彭牟满商查"
    "欧阳上官司马诸葛东方皇甫尉迟公孙慕容长孙宇文令狐"
)
# Characters most often given in names.
GIVEN_NAME = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏飞宇浩婷雪琳晶燕"
    "梅海波斌宁俊凯峰丰志国春林成东晨欣怡子涵轩博梓一诺雨思佳嘉晓慧颖丹阳亮鑫新金龙云荣"
    "德福生山三小亚宏永健胜光立清正荣庆晖瑞祥家婉然琪彤璐倩雅楠昊天泽睿哲航旭晗瀚墨宸"
    "曦逸铭阿依古丽买提尔木罕汗扎西卓玛"
)
# Characters and words of company names (有限公司, 科技…).
COMPANY_CHARACTERS = (
    "有限公司责任股份集团科技实业贸易信息网络电子商务建设工程发展投资管理服务文化传媒物流中国华"
)
COMPANY_WORDS = (
    "有限公司",
    "有限责任公司",
    "股份有限公司",
    "集团",
    "科技",
    "技术",
    "实业",
    "贸易",
    "信息",
    "网络",
    "电子",
    "商务",
    "建设",
    "工程",
    "发展",
    "投资",
    "管理",
    "服务",
    "文化",
    "传媒",
    "物流",
    "中国",
)


_MARKED = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "v": "ǖǘǚǜ"}


class Usage(Enum):
    """What the characters are for: it decides which list comes first."""

    SURNAME = "surname"
    GIVEN_NAME = "given_name"
    COMPANY = "company"


@dataclass(frozen=True)
class Candidate:
    """A character or word offered for the typed pinyin; `consumed` is how many typed
    letters it uses up (the rest stays typed for the next pick)."""

    text: str
    consumed: int


_TONE_MARKS = str.maketrans(
    {
        **{toned: plain for plain, marks in _MARKED.items() for toned in marks},
        "ü": "v",
        "ń": "n",
        "ň": "n",
        "ǹ": "n",
        "ḿ": "m",
    }
)


def _toneless(reading: str) -> str:
    """ "lǘ" -> "lv": pinyin as the keyboard types it."""
    return reading.strip().translate(_TONE_MARKS)


@dataclass(frozen=True)
class _Index:
    characters: dict[str, tuple[str, ...]]  # syllable -> characters read so
    main_reading: dict[str, str]  # character -> its first (most used) reading
    words: dict[tuple[str, ...], tuple[str, ...]]  # initials -> words, commonest first
    word_syllables: dict[str, tuple[str, ...]]
    syllables: frozenset[str]
    prefixes: frozenset[str]
    general: dict[str, int]  # character -> its place by how common, the rarer blocks last


log = logging.getLogger(__name__)
_FORMAT = 1  # the cache file's layout; a change makes a new file
_BUILDING = threading.RLock()  # the kiosk builds in the background; a key press waits for it


def _index() -> _Index:
    with _BUILDING:
        return _built()


@functools.cache
def _built() -> _Index:
    """Read from the cache file, or inverted from pypinyin's data and written there (a
    second on a quiet machine, and pypinyin's dictionaries then stay in memory)."""
    try:
        path = cache_file()  # RuntimeError: a user with no home folder
        return _from_saved(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, RuntimeError, ValueError, KeyError, TypeError, AttributeError):
        pass  # none yet, or unreadable: built again
    saved = _inverted()
    try:
        path = cache_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        spare = path.with_suffix(".tmp")
        spare.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
        spare.replace(path)
    except (OSError, RuntimeError) as problem:
        log.warning("the pinyin index is not kept (%s); it is built at each start", problem)
    return _from_saved(saved)


def cache_file() -> Path:
    """Where the index is kept between starts: the user's cache folder, one file per
    pypinyin version (a new version's readings make a new index)."""
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hallq"
    return folder / f"pinyin-index-{version('pypinyin')}-{_FORMAT}.json"


def _inverted() -> dict[str, object]:
    """pypinyin's readings turned around: what the index is made of, as JSON."""
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    common: dict[str, int] = defaultdict(int)
    word_syllables: dict[str, str] = {}
    for word, word_readings in phrases_dict.items():
        for char in word:
            common[char] += 1
        spelled = [_toneless(reading[0]) for reading in word_readings]
        if len(spelled) == len(word) and all(s.isascii() and s.isalpha() for s in spelled):
            word_syllables[word] = " ".join(spelled)
    characters: dict[str, list[str]] = defaultdict(list)
    main_reading: dict[str, str] = {}
    for codepoint, char_readings in pinyin_dict.items():
        char = chr(codepoint)
        for reading in char_readings.split(","):
            syllable = _toneless(reading)
            if syllable.isascii() and syllable.isalpha() and char not in characters[syllable]:
                characters[syllable].append(char)
                main_reading.setdefault(char, syllable)
    words: dict[str, list[str]] = defaultdict(list)
    for word, syllables in word_syllables.items():
        words["".join(syllable[0] for syllable in syllables.split())].append(word)

    def word_order(word: str) -> tuple[int, int]:
        return (-min(common.get(char, 0) for char in word), len(word))

    def how_common(char: str) -> tuple[int, int, int]:
        return (-common.get(char, 0), 0 if "\u4e00" <= char <= "\u9fff" else 1, ord(char))

    return {
        "characters": {syllable: "".join(chars) for syllable, chars in characters.items()},
        "main_reading": main_reading,
        "words": {key: sorted(found, key=word_order) for key, found in words.items()},
        "word_syllables": word_syllables,
        "by_use": "".join(sorted(main_reading, key=how_common)),
    }


def _from_saved(saved: dict[str, Any]) -> _Index:
    """The index from its JSON form; each character one string object throughout (JSON
    would make one per mention, tripling the memory)."""
    by_use: str = saved["by_use"]
    one = {char: char for char in by_use}
    characters = {
        syllable: tuple(one[char] for char in chars)
        for syllable, chars in saved["characters"].items()
    }
    known = frozenset(characters)
    main_reading = {
        one[char]: sys.intern(syllable) for char, syllable in saved["main_reading"].items()
    }
    if not known or len(main_reading) != len(one) or len(one) != len(by_use):
        raise ValueError("the saved pinyin index is incomplete")
    return _Index(
        characters=characters,
        main_reading=main_reading,
        words={tuple(key): tuple(found) for key, found in saved["words"].items()},
        word_syllables={
            word: tuple(sys.intern(s) for s in spelled.split())
            for word, spelled in saved["word_syllables"].items()
        },
        syllables=known,
        prefixes=frozenset(s[:end] for s in known for end in range(1, len(s) + 1)),
        general={char: place for place, char in enumerate(one)},
    )


def warm_up() -> None:
    """Build the index now (the slip screen calls this before the first key), and keep
    its million objects out of the garbage collector's rounds: they live as long as the
    program, and a full round over them would stall a key press by tens of milliseconds."""
    with _BUILDING:
        for usage in Usage:
            _best(usage)
            _initials(usage)
        gc.freeze()


@functools.lru_cache(maxsize=4096)
def split_syllables(typed: str) -> tuple[str, ...]:
    """The typed letters cut into syllables, the fewest pieces possible; a piece may be
    the start of a syllable (initials, "zsf"). "" when the letters spell no pinyin."""
    index = _index()
    best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (len(typed) + 1)
    best[0] = (0, 0, ())
    for start in range(len(typed)):
        here = best[start]
        if here is None:
            continue
        for end in range(len(typed), start, -1):  # longest piece first
            piece = typed[start:end]
            if piece not in index.prefixes:
                continue
            partial = 0 if piece in index.syllables else 1
            score = (here[0] + 1, here[1] + partial, (*here[2], piece))
            current = best[end]
            if current is None or score[:2] < current[:2]:
                best[end] = score
    found = best[len(typed)]
    return found[2] if found is not None else ()


def _rank(chars: str) -> dict[str, int]:
    ranking: dict[str, int] = {}
    for char in chars:
        ranking.setdefault(char, len(ranking))
    return ranking


_UNLISTED = 1000  # past the end of every list
_PLACES = 1 << 20  # more than the characters pypinyin knows
_SURNAME_RANK = _rank(SURNAMES)
_FIRST_RANK = {
    Usage.SURNAME: _rank(GIVEN_NAME),
    Usage.GIVEN_NAME: _rank(GIVEN_NAME),
    Usage.COMPANY: _rank(COMPANY_CHARACTERS),
}


def _keys(pools: Iterable[str], usage: Usage) -> dict[str, int]:
    """Each character read as one of `pools`, with one whole number that orders them (a
    tuple each is slower): for a surname the surnames by rank (曾 is first for "zeng"
    though it is mostly read "ceng"); then characters for which this is the main reading
    before those for which it is a rare one; within each the usage's own list first, then
    the characters most dictionary words use; the rarer blocks last."""
    index = _index()
    surnames = _SURNAME_RANK if usage is Usage.SURNAME else {}
    first, general, main_reading = _FIRST_RANK[usage], index.general, index.main_reading
    keys: dict[str, int] = {}
    for pool in pools:
        for char in index.characters[pool]:
            key = (
                (surnames.get(char, _UNLISTED) * 2 + (main_reading[char] != pool)) * _UNLISTED
                + first.get(char, _UNLISTED - 1)
            ) * _PLACES + general[char]
            if key < keys.get(char, key + 1):
                keys[char] = key
    return keys


def _pools(piece: str) -> list[str]:
    """The syllables a piece stands for: itself, or every syllable it starts."""
    index = _index()
    if piece in index.syllables:
        return [piece]
    return sorted(s for s in index.syllables if s.startswith(piece))


def _ordered(piece: str, usage: Usage) -> tuple[str, ...]:
    keys = _keys(_pools(piece), usage)
    return tuple(sorted(keys, key=keys.__getitem__))


@functools.cache
def _initials(usage: Usage) -> dict[str, tuple[str, ...]]:
    """The longest lists, those of an initial alone (z, zh, s…, thousands of characters
    each), ordered once with the index rather than at a key press."""
    initials = {syllable[0] for syllable in _index().syllables} | {"zh", "ch", "sh"}
    return {initial: _ordered(initial, usage) for initial in initials}


@functools.lru_cache(maxsize=2048)
def characters_for(piece: str, usage: Usage) -> tuple[str, ...]:
    """Every character read as `piece` (or, for the start of a syllable, read as any
    syllable it starts), in the order of `_keys`."""
    return _initials(usage).get(piece) or _ordered(piece, usage)


@functools.cache
def _best(usage: Usage) -> dict[str, tuple[int, str]]:
    """Each syllable's first character for the usage, with its ordering number: a whole
    name guessed from initials then costs no search (built with the index)."""
    return {
        syllable: min((key, char) for char, key in _keys([syllable], usage).items())
        for syllable in _index().syllables
    }


def best_character(piece: str, usage: Usage) -> str:
    """The first character `characters_for` would offer, found without sorting them all."""
    best = _best(usage)
    return min(best[syllable] for syllable in _pools(piece))[1]


def _words_for(pieces: tuple[str, ...], usage: Usage) -> list[str]:
    """Dictionary words (and, for a company, its words first) spelled by all the pieces."""
    index = _index()
    spelled = index.words.get(tuple(piece[0] for piece in pieces), ())
    initials = all(len(piece) == 1 for piece in pieces)  # the index's key is the whole test
    found = [
        word
        for word in spelled
        if initials
        or all(
            syllable == piece if piece in index.syllables else syllable.startswith(piece)
            for syllable, piece in zip(index.word_syllables[word], pieces, strict=True)
        )
    ]
    if usage is Usage.COMPANY:
        found.sort(key=lambda word: COMPANY_WORDS.index(word) if word in COMPANY_WORDS else 99)
    return found


@functools.lru_cache(maxsize=2048)
def candidates(typed: str, usage: Usage) -> tuple[Candidate, ...]:
    """What the candidate bar offers for the typed letters, best first: for several
    syllables a whole guess (each syllable's best character; a name's first one a surname)
    and the dictionary's words, then every character of the first syllable."""
    pieces = split_syllables(typed.lower())
    if not pieces:
        return ()
    first = characters_for(pieces[0], usage)
    offered: list[Candidate] = []
    if len(pieces) > 1:
        words = _words_for(pieces, usage)
        if usage is not Usage.COMPANY or not words:
            rest = Usage.COMPANY if usage is Usage.COMPANY else Usage.GIVEN_NAME
            guess = first[0] + "".join(best_character(piece, rest) for piece in pieces[1:])
            words = [guess, *(word for word in words if word != guess)]
        offered += [Candidate(word, len(typed)) for word in words]
    offered += [Candidate(char, len(pieces[0])) for char in first]
    return tuple(offered)
