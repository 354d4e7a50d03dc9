"""Run the crash harness: `python -m tests.integration.crash --kills 10000`.

Without --db it makes a new SQLite file in a temporary folder; `--postgresql` makes (and
afterwards drops) a new PostgreSQL database on the test server instead. Prints the figures
as JSON and exits 1 when any fault was found.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import postgres_admin_url, temporary_database
from tests.integration.crash.harness import MEAN_GAP_S, Harness


@contextlib.contextmanager
def _target(db: str | None, postgresql: bool, workdir: Path) -> Iterator[str]:
    if db:
        yield db
    elif postgresql:
        with temporary_database(postgres_admin_url()) as url:
            yield url
    else:
        yield str(workdir / "hall.sqlite3")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.integration.crash")
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--mean-gap-ms",
        type=float,
        default=MEAN_GAP_S * 1000,
        help="mean time between kills; give a loaded machine more, so workers get work done",
    )
    parser.add_argument("--db", help="an empty store to run on (a path or a URL)")
    parser.add_argument("--postgresql", action="store_true", help="a new PostgreSQL database")
    args = parser.parse_args(argv)
    with (
        tempfile.TemporaryDirectory(prefix="hallq-crash-") as folder,
        _target(args.db, args.postgresql, Path(folder)) as target,
    ):
        report = Harness(target, Path(folder), args.seed, args.mean_gap_ms / 1000).run(args.kills)
    figures = dataclasses.asdict(report)
    figures["faults"] = [fault[:400] for fault in report.faults[:50]]
    figures["fault_count"] = len(report.faults)
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 1 if report.faults else 0


if __name__ == "__main__":
    sys.exit(main())
