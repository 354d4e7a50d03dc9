"""A kiosk or a counter as a real process on a shared store, for tests/integration/test_races.py.

    python -m tests.integration.race_worker issue --db TARGET --count 40 --start-at T
    python -m tests.integration.race_worker serve --db TARGET --counter 2 --clerk E002 --start-at T
        [--clock store]   # the store's clock for live actions (the server's on PostgreSQL)
    python -m tests.integration.race_worker issue-until-killed --db TARGET

`issue` and `serve` get ready (imports, store open, counter open), wait for the wall-clock
instant T (seconds since the epoch) so that all workers collide, then print one JSON object.
With `--start-at -` a worker prints `ready` once set up and reads T from standard input:
the tests use this, since starting Python and importing the core takes a second or more
of CPU per process and a fixed instant chosen at launch is either wasteful or too early.
`issue-until-killed` prints and flushes each ticket code right after its commit, forever.
Any error ends the process with a traceback on standard error and a non-zero status.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from shared.services.hall import HallService
from shared.store.clock import SystemClock
from shared.store.database import Store, open_store


def _open(target: str) -> Store:
    """The store the test created at the current schema: skipping the schema check (alembic)
    halves each child's start-up, which matters with many children on two cores."""
    return open_store(target, upgrade=False)


def _wait_until(start_at: str) -> float:
    """Sleep until the shared start instant; return how late this worker was ready (s)."""
    if start_at == "-":
        print("ready", flush=True)
        start_at = sys.stdin.readline()
    instant = float(start_at)
    late_by = time.time() - instant
    while (left := instant - time.time()) > 0:
        time.sleep(min(left, 0.05))
    return max(late_by, 0.0)


def issue(target: str, count: int, start_at: str, business: str) -> dict[str, object]:
    store = _open(target)
    hall = HallService(store, "demo", SystemClock())
    late_by = _wait_until(start_at)
    began = time.perf_counter()
    codes = [hall.issue(business).ticket for _ in range(count)]
    elapsed = time.perf_counter() - began
    store.close()
    return {"codes": codes, "late_by": late_by, "elapsed_s": elapsed}


def serve(
    target: str, counter: int, clerk: str, start_at: str, clock: str = "system"
) -> dict[str, object]:
    """Open the counter, then call and finish until nothing waits for it; timed by this PC's
    own clock (`system`), or by the clock the store gives live actions (`store`)."""
    store = _open(target)
    hall = HallService(store, "demo", SystemClock() if clock == "system" else None)
    hall.open_counter(counter, clerk)
    late_by = _wait_until(start_at)
    began = time.perf_counter()
    tickets = []
    while (called := hall.call(counter).ticket) is not None:
        tickets.append(called)
        hall.finish(counter)
    elapsed = time.perf_counter() - began
    store.close()
    return {"tickets": tickets, "late_by": late_by, "elapsed_s": elapsed}


def issue_until_killed(target: str, business: str) -> None:
    store = _open(target)
    hall = HallService(store, "demo", SystemClock())
    while True:
        code = hall.issue(business).ticket
        print(code, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="race_worker")
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("issue", "serve", "issue-until-killed"):
        command = commands.add_parser(name)
        command.add_argument("--db", required=True, help="the store target, as the test passes it")
        if name != "issue-until-killed":
            command.add_argument(
                "--start-at", required=True, help="epoch seconds, or - to read them from stdin"
            )
        if name != "serve":
            command.add_argument("--business", default="topup")
    commands.choices["issue"].add_argument("--count", type=int, required=True)
    commands.choices["serve"].add_argument("--counter", type=int, required=True)
    commands.choices["serve"].add_argument("--clerk", required=True)
    commands.choices["serve"].add_argument("--clock", choices=("system", "store"), default="system")
    args = parser.parse_args(argv)

    if args.command == "issue":
        result = issue(args.db, args.count, args.start_at, args.business)
    elif args.command == "serve":
        result = serve(args.db, args.counter, args.clerk, args.start_at, args.clock)
    else:
        issue_until_killed(args.db, args.business)
        return 0
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
