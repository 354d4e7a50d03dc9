"""What every benchmark's report shares: the machine it ran on, and its own section of
docs/benchmarks.md between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`."""

from __future__ import annotations

import argparse
import os
import platform
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "benchmarks.md"


def markers(name: str) -> tuple[str, str]:
    """The lines that open and close the section of the benchmark `name`."""
    return f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"


def write_section(name: str, text_of_section: str, path: Path = DOC) -> None:
    """Replace the section of benchmark `name` between its markers, creating what is missing."""
    begin_mark, end_mark = markers(name)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# hallq benchmarks\n\n" + text_of_section, encoding="utf-8")
        return
    current = path.read_text(encoding="utf-8")
    start, end = current.find(begin_mark), current.find(end_mark)
    if start == -1 or end == -1 or end < start:
        path.write_text(current.rstrip("\n") + "\n\n" + text_of_section, encoding="utf-8")
        return
    after = current[end + len(end_mark) :].lstrip("\n")
    path.write_text(
        current[:start] + text_of_section + ("\n" + after if after else ""), encoding="utf-8"
    )


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def machine(versions: dict[str, str], load: str) -> str:
    """One line naming the platform, CPU, load at the start, Python and the stores' versions."""
    parts = [
        platform.platform(),
        f"CPU {cpu_model()}, {os.cpu_count()} cores (load average {load} at the start)",
        f"Python {platform.python_version()}",
        *(f"{name} {version}" for name, version in versions.items()),
    ]
    return "; ".join(parts)


def bench_parser(name: str, doc: str | None) -> argparse.ArgumentParser:
    """The options every benchmark over both stores takes: which PostgreSQL, and whether to
    write its section of docs/benchmarks.md."""
    parser = argparse.ArgumentParser(
        prog=f"python -m tests.bench.{name}",
        description=doc,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--postgres", metavar="URL", help="PostgreSQL admin URL to measure too")
    parser.add_argument("--no-postgres", action="store_true", help="measure SQLite only")
    parser.add_argument("--no-write", action="store_true", help="print, leave the docs alone")
    return parser
