"""Every benchmark in one command: `python -m tests.bench [NAME ...] [--list]`.

A benchmark is any module `tests/bench/NAME.py` with a top-level `main()`; each runs in a
process of its own (`python -m tests.bench.NAME`, its own defaults) and rewrites its own
section of docs/benchmarks.md. A new benchmark joins by being such a module.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.report import REPO

BENCH_FOLDER = Path(__file__).resolve().parent


def has_main(path: Path) -> bool:
    """Whether the module defines `main` at its top level (read, not imported)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return any(isinstance(node, ast.FunctionDef) and node.name == "main" for node in tree.body)


def discover(folder: Path = BENCH_FOLDER) -> list[str]:
    """The benchmarks' names, sorted."""
    return sorted(
        path.stem
        for path in folder.glob("*.py")
        if not path.stem.startswith("_") and has_main(path)
    )


def run(name: str) -> tuple[int, float]:
    """Run one benchmark as a process; its exit status and wall time."""
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-m", f"tests.bench.{name}"], cwd=REPO, check=False)
    return done.returncode, time.monotonic() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="only these benchmarks (default: all)")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and stop")
    arguments = parser.parse_args(argv)
    known = discover()
    if arguments.list:
        print("\n".join(known))
        return 0
    unknown = sorted(set(arguments.names) - set(known))
    if unknown:
        parser.error(f"no benchmark named {', '.join(unknown)} (known: {', '.join(known)})")
    chosen = arguments.names or known
    outcomes = {}
    for name in chosen:
        print(f"== bench {name}", flush=True)
        outcomes[name] = run(name)
    print("== benchmarks")
    for name, (status, seconds) in outcomes.items():
        print(f"{name:24} {'ok' if status == 0 else f'FAILED ({status})':12} {seconds:6.0f} s")
    return 0 if all(status == 0 for status, _ in outcomes.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
