"""Pinyin keyboard benchmark: how long the candidate bar's lookup takes per key.

`python -m tests.bench.pinyin [--names N]`

- Index: the first lookup in a new process inverts pypinyin's dictionaries (their import
  included) and keeps the index in the cache folder; later starts read it back. Both timed
  in new processes, with the memory each adds.
- Lookup per key: names (a common surname and two given-name characters, and the same
  name by its initials) and company names typed one letter at a time; each prefix is one
  lookup with the lookup caches emptied first, so every key costs a full search (the
  kiosk's caches only make repeats cheaper). Aim: p99 under 20 ms.

The results replace this benchmark's section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypinyin import lazy_pinyin

from kiosk.pinyin_input import (
    COMPANY_WORDS,
    GIVEN_NAME,
    SURNAMES,
    Usage,
    candidates,
    characters_for,
    split_syllables,
    warm_up,
)
from tests.bench.report import cpu_model, load_average, markers, write_section

NAME = "pinyin"
COMPANIES = ("华为技术有限公司", "北京百度网讯科技有限公司", "中国移动通信集团", "龘鑫实业")


def typed_names(count: int) -> list[tuple[str, Usage]]:
    """Every prefix a customer types, with the usage the keyboard looks up for it."""
    typed: list[tuple[str, Usage]] = []
    for index in range(count):
        name = (
            SURNAMES[index % len(SURNAMES)]
            + GIVEN_NAME[(index * 7) % len(GIVEN_NAME)]
            + GIVEN_NAME[(index * 13 + 5) % len(GIVEN_NAME)]
        )
        spelled = lazy_pinyin(name, v_to_u=False)
        for word in ("".join(spelled), "".join(part[0] for part in spelled)):
            typed += [(word[:end], Usage.SURNAME) for end in range(1, len(word) + 1)]
    for company in (*COMPANIES, *COMPANY_WORDS):
        word = "".join(lazy_pinyin(company))
        typed += [(word[:end], Usage.COMPANY) for end in range(1, len(word) + 1)]
    return typed


def build(cache: Path) -> tuple[float, float]:
    """A new process: import, then the index built (from pypinyin, or read back from the
    cache folder when a file is there); milliseconds, and megabytes of memory (resident
    set) it added."""
    code = (
        "import time\n"
        "def rss(): return int(open('/proc/self/statm').read().split()[1]) * 4096 / 1e6\n"
        "m = rss(); t = time.perf_counter()\n"
        "from kiosk.pinyin_input import warm_up; warm_up()\n"
        "print((time.perf_counter() - t) * 1000, rss() - m)"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    took, grew = out.stdout.split()
    return float(took), float(grew)


def lookups(count: int) -> list[float]:
    warm_up()
    times: list[float] = []
    for typed, usage in typed_names(count):
        candidates.cache_clear()
        characters_for.cache_clear()
        split_syllables.cache_clear()
        start = time.perf_counter()
        candidates(typed, usage)
        times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def section(
    names: int,
    starts: dict[str, list[tuple[float, float]]],
    times: list[float],
    load: str,
) -> str:
    begin, end = markers(NAME)
    rows = [
        (f"index {how}, new process ({unit})", [pair[part] for pair in runs])
        for how, runs in starts.items()
        for part, unit in ((0, "ms"), (1, "MB of memory added"))
    ]
    rows.append(("candidate lookup per key (ms)", times))
    table = "\n".join(
        f"| {label} | {len(values)} | {statistics.median(values):.2f} | "
        f"{percentile(values, 0.95):.2f} | {percentile(values, 0.99):.2f} | {max(values):.2f} |"
        + (" < 20 |" if "lookup" in label else " |")
        for label, values in rows
    )
    return f"""{begin}
## Kiosk: pinyin keyboard lookup

`python -m tests.bench.pinyin`, {dt.date.today():%Y-%m-%d}, {platform.machine()} \
{cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}; \
load average {load} at the start (the machine is shared, so times vary run to run).

{names} names typed letter by letter in full pinyin and by initials, and company names in
full pinyin; every prefix is one lookup with the lookup caches emptied first.

| measure | count | median | p95 | p99 | max | aim |
|---|---|---|---|---|---|---|
{table}
{end}
"""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=300)
    parser.add_argument("--builds", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print, leave the docs alone")
    args = parser.parse_args(argv)
    load = load_average()
    starts: dict[str, list[tuple[float, float]]] = {"built from pypinyin": [], "read back": []}
    for _ in range(args.builds):
        with tempfile.TemporaryDirectory() as cache:
            starts["built from pypinyin"].append(build(Path(cache)))
            starts["read back"].append(build(Path(cache)))
    text = section(args.names, starts, lookups(args.names), load)
    print(text)
    if not args.no_write:
        write_section(NAME, text)


if __name__ == "__main__":
    main()
