"""Benchmark of the hall screen: how fast a commit elsewhere reaches the board's repaint, what
an idle board costs, and the windows' memory over a simulated busy day.

Run: `python -m tests.bench.screen` from the repository root (`--no-postgres` to skip the
server). It rewrites its section of docs/benchmarks.md.

- propagation: a writer process calls tickets at counters 1-3 (one call every ~200 ms,
  finishing the previous ticket first) and prints the wall-clock time of each call's
  commit; this process runs the real board offscreen, following the change feed, and
  notes the time each new ticket has been painted (refresh, then a synchronous repaint).
- idle CPU: the board and its feed left alone for IDLE_SECONDS; process CPU ÷ wall time.
- memory: the board and the signed-in monitor follow a whole simulated busy day
  (`shared.forecast.simulate`, seed 3) replayed at full speed by `hallq replay` in another
  process; resident memory before and after, and its peak.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from shared.forecast.simulate import preset, simulate_day, write_day
from shared.services.hall import HallService
from shared.services.hall_config import demo_definition, load_hall
from shared.store.clock import FixedClock, SystemClock
from shared.store.database import Store, open_store
from tests.bench.throughput import DEFAULT_POSTGRES, load_average, machine, postgres_answers

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "benchmarks.md"
BEGIN_MARK, END_MARK = "<!-- bench:screen -->", "<!-- /bench:screen -->"
CALLS = 60
CALL_PERIOD_S = 0.2
IDLE_SECONDS = 20.0
AIM_P95_MS, AIM_IDLE_CPU, AIM_GROWTH_MB = 300.0, 0.02, 10.0
DAY = dt.date(2026, 11, 23)


# ----- the writer process -----


def writer(target: str, calls: int) -> None:
    """Calls `calls` tickets round counters 1-3, printing each call's commit time."""
    store = open_store(target)
    hall = HallService(store, "demo", SystemClock())
    for counter, clerk in ((1, "E001"), (2, "E002"), (3, "E003")):
        hall.open_counter(counter, clerk)
    for _ in range(calls):
        hall.issue("topup")
    time.sleep(1.0)  # let the board settle on the set-up before the timed calls
    for number in range(calls):
        counter = number % 3 + 1
        if number >= 3:
            hall.finish(counter)
        done = hall.call(counter)
        print(json.dumps({"ticket": done.ticket, "committed": time.time()}), flush=True)
        time.sleep(CALL_PERIOD_S)
    store.close()


# ----- the stores -----


def new_store(folder: Path, postgres: str | None, label: str) -> tuple[str, Store]:
    if postgres is None:
        target = str(folder / f"{label}.sqlite3")
    else:
        name = f"hallq_bench_screen_{label}_{os.getpid()}"
        admin = create_engine(postgres, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        target = postgres.rsplit("/", 1)[0] + f"/{name}"
    store = open_store(target)
    with store.write() as session:
        load_hall(session, demo_definition())
    return target, store


def drop_store(target: str, postgres: str | None) -> None:
    if postgres is not None:
        admin = create_engine(postgres, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            name = target.rsplit("/", 1)[1]
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# ----- measuring in the Qt process -----


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_until(app: Any, process: subprocess.Popen[str], timeout_s: float = 600) -> None:
    """Serve Qt's events until the writer process ends."""
    deadline = time.monotonic() + timeout_s
    while process.poll() is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(int(-(-share * len(ordered) // 1)) - 1, 0)]


def propagation(app: Any, folder: Path, postgres: str | None) -> dict[str, float]:
    # The windows are imported here, not at the top: the writer process needs no Qt.
    from counter.screen.announcer import Announcer
    from counter.screen.board import CallingBoard
    from counter.screen.sources import StoreSource
    from shared.qt.live import LiveStore

    target, store = new_store(folder, postgres, "propagation")
    board = CallingBoard(StoreSource(store, "demo", SystemClock()), Announcer(), "en")
    board.resize(1280, 720)
    board.show()
    painted: dict[str, float] = {}

    def follow() -> None:
        board.refresh()
        board.repaint()
        painted.setdefault(board.card_tickets[0].text(), time.time())

    live = LiveStore(store)
    live.changed.connect(follow)
    board.refresh()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.bench.screen", "--writer", target, str(CALLS)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    run_until(app, process)
    committed = [json.loads(line) for line in process.stdout or []]
    live.close()
    board.close()
    store.close()
    drop_store(target, postgres)
    delays = [1000 * (painted[c["ticket"]] - c["committed"]) for c in committed]
    return {
        "calls": len(delays),
        "p50": percentile(delays, 0.5),
        "p95": percentile(delays, 0.95),
        "max": max(delays),
    }


def idle_cpu(app: Any, folder: Path) -> float:
    from counter.screen.announcer import Announcer
    from counter.screen.board import CallingBoard
    from counter.screen.sources import StoreSource
    from shared.qt.live import LiveStore

    _, store = new_store(folder, None, "idle")
    board = CallingBoard(StoreSource(store, "demo", SystemClock()), Announcer(), "en")
    board.resize(1280, 720)
    board.show()
    live = LiveStore(store)
    live.changed.connect(board.refresh)
    board.refresh()
    app.processEvents()
    cpu, wall = time.process_time(), time.monotonic()
    while time.monotonic() - wall < IDLE_SECONDS:
        app.processEvents()
        time.sleep(0.05)  # an event loop sleeping between its timers, as app.exec() does
    share = (time.process_time() - cpu) / (time.monotonic() - wall)
    live.close()
    board.close()
    store.close()
    return share


def memory_over_a_day(app: Any, folder: Path) -> dict[str, float]:
    from counter.screen.announcer import Announcer
    from counter.screen.board import CallingBoard
    from counter.screen.monitor import LeadMonitor
    from counter.screen.sources import StoreSource
    from shared.qt.live import LiveStore

    target, store = new_store(folder, None, "day")
    events = simulate_day(preset("busy"), DAY, seed=3)
    day_file = folder / "day.jsonl"
    with day_file.open("w", encoding="utf-8") as stream:
        write_day(events, stream)
    clock = FixedClock(dt.datetime.combine(DAY, dt.time(8, 0)))
    board = CallingBoard(StoreSource(store, "demo", clock), Announcer(), "en")
    monitor = LeadMonitor(StoreSource(store, "demo", clock), "en")
    board.resize(1280, 720)
    monitor.resize(1366, 820)
    board.show()
    monitor.show()
    live = LiveStore(store)
    refreshes = 0

    def follow() -> None:
        nonlocal refreshes
        board.refresh()
        monitor.refresh()
        refreshes += 1

    live.changed.connect(follow)
    board.refresh()
    monitor.sign_in("M001", "2468")
    app.processEvents()
    before, peak = rss_mb(), rss_mb()
    process = subprocess.Popen(
        [sys.executable, "-m", "shared.cli", "--db", target, "replay", str(day_file)],
        stdout=subprocess.DEVNULL,
        cwd=REPO,
    )
    started = time.monotonic()
    while process.poll() is None:
        app.processEvents()
        peak = max(peak, rss_mb())
        time.sleep(0.002)
    follow()
    app.processEvents()
    after = rss_mb()
    seconds = time.monotonic() - started
    live.close()
    board.close()
    monitor.close()
    store.close()
    return {
        "events": len(events),
        "seconds": seconds,
        "refreshes": refreshes,
        "before": before,
        "after": after,
        "peak": max(peak, after),
    }


# ----- the section of docs/benchmarks.md -----


def section(results: dict[str, Any], when: dt.datetime, load: str, versions: dict[str, str]) -> str:
    rows = [
        f"| {name} | {r['calls']} | {r['p50']:.0f} | {r['p95']:.0f} | {r['max']:.0f} |"
        for name, r in results["propagation"].items()
    ]
    day = results["day"]
    growth = day["after"] - day["before"]
    worst_p95 = max(r["p95"] for r in results["propagation"].values())
    verdicts = [
        f"- propagation p95 {worst_p95:.0f} ms against the aim of {AIM_P95_MS:.0f} ms: "
        + ("met" if worst_p95 < AIM_P95_MS else "**missed**"),
        f"- idle board CPU {100 * results['idle']:.2f} % against {100 * AIM_IDLE_CPU:.0f} %: "
        + ("met" if results["idle"] < AIM_IDLE_CPU else "**missed**"),
        f"- memory growth over the day {growth:.1f} MB against {AIM_GROWTH_MB:.0f} MB: "
        + ("met" if growth < AIM_GROWTH_MB else "**missed**"),
    ]
    lines = [
        BEGIN_MARK,
        "## Hall screen: propagation, idle cost, memory over a day",
        "",
        "Run: `python -m tests.bench.screen` from the repository root (`--no-postgres` to skip"
        " the server); it rewrites this section.",
        "",
        f"Measured {when:%Y-%m-%d %H:%M} on {machine(versions, load)}; Qt offscreen.",
        "",
        "### Propagation: a commit in another process to the board's repaint",
        "",
        f"A writer process calls {CALLS} tickets, one every {1000 * CALL_PERIOD_S:.0f} ms, and"
        " notes the wall-clock time of each call's commit; the board, following the change"
        " feed (a 100 ms poll of `PRAGMA data_version` on SQLite, LISTEN/NOTIFY on PostgreSQL),"
        " re-reads the floor, repaints, and notes when the new ticket was painted.",
        "",
        "| store | calls | p50 ms | p95 ms | max ms |",
        "|---|---:|---:|---:|---:|",
        *rows,
        "",
        "### Idle board",
        "",
        f"The board and its feed left alone for {IDLE_SECONDS:.0f} s (SQLite): process CPU time"
        f" ÷ wall time = {100 * results['idle']:.2f} % of one core.",
        "",
        "### Memory over a simulated busy day",
        "",
        f"The board and the signed-in monitor follow a whole simulated busy day ({day['events']}"
        f" events, `shared.forecast.simulate` preset `busy`, seed 3) replayed by `hallq replay`"
        " in another"
        f" process in {day['seconds']:.0f} s; the windows re-read the floor {day['refreshes']}"
        f" times. Resident memory {day['before']:.1f} MB before, {day['after']:.1f} MB after"
        f" (growth {growth:.1f} MB), peak {day['peak']:.1f} MB.",
        "",
        "### Verdicts",
        "",
        *verdicts,
        END_MARK,
    ]
    return "\n".join(lines) + "\n"


def write_section(text_of_section: str, path: Path = DOC) -> None:
    """Replace this benchmark's section between its markers, or append it."""
    current = path.read_text(encoding="utf-8") if path.exists() else "# hallq benchmarks\n"
    start, end = current.find(BEGIN_MARK), current.find(END_MARK)
    if start == -1 or end < start:
        path.write_text(current.rstrip("\n") + "\n\n" + text_of_section, encoding="utf-8")
        return
    path.write_text(current[:start] + text_of_section + current[end + len(END_MARK) + 1 :])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--writer", nargs=2, metavar=("TARGET", "CALLS"), help=argparse.SUPPRESS)
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES, help="admin URL of a server")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args(argv)
    if args.writer:
        writer(args.writer[0], int(args.writer[1]))
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from counter.app import make_application

    app = make_application([], "en")
    when, load = dt.datetime.now(), load_average()
    versions = {"SQLite": sqlite3.sqlite_version}
    postgres = None if args.no_postgres or not postgres_answers(args.postgres) else args.postgres
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        results: dict[str, Any] = {"propagation": {"SQLite": propagation(app, folder, None)}}
        if postgres is not None:
            results["propagation"]["PostgreSQL"] = propagation(app, folder, postgres)
            versions["PostgreSQL"] = "server at " + postgres.rsplit("@", 1)[-1]
        results["idle"] = idle_cpu(app, folder)
        results["day"] = memory_over_a_day(app, folder)
    text_of_section = section(results, when, load, versions)
    print(text_of_section)
    write_section(text_of_section)


if __name__ == "__main__":
    main()
