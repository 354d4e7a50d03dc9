"""The three programs as a hall runs them: cold start of each, and each one's memory after
a simulated business day played into the store by another process.

- cold start: a new process (`python -m kiosk --windowed`, `python -m counter --clerk …`,
  `python -m counter.screen --lead …`, offscreen) from spawn until it reports its windows
  shown (the first turn of its event loop), on a demo store; five starts each.
- memory: the three run together on one store while `hallq replay` plays a whole simulated
  busy day (`shared.forecast.simulate`, seed 5, dated today so the programs show it) at full speed;
  resident memory (VmRSS) of each before and after, the programs following the change feed
  throughout.

Run: python -m tests.bench.programs [--starts N]; it rewrites its docs/benchmarks.md section.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shared.forecast.simulate import preset, simulate_day, write_day
from shared.services.hall_config import demo_definition, load_hall
from shared.store.database import open_store
from tests.bench.report import REPO, load_average, machine, markers, write_section

NAME = "programs"
SHOWN = re.compile(r"(?P<program>\w+) shown .*\((?P<cpu>\d+) ms of CPU")
PROGRAMS = {
    "kiosk": ["-m", "kiosk", "--windowed"],
    "counter": ["-m", "counter", "--counter", "3", "--clerk", "E003", "--pin", "1234"],
    "screen": ["-m", "counter.screen", "--windowed", "--lead", "M001", "--pin", "2468"],
}
AIM_MS = 1500


def demo_store(folder: Path) -> str:
    target = str(folder / "hall.sqlite3")
    store = open_store(target)
    with store.write() as session:
        load_hall(session, demo_definition())
    store.close()
    return target


def start(program: str, target: str, folder: Path) -> tuple[subprocess.Popen[str], float]:
    """The program's process once it has shown its windows, and the milliseconds that took."""
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, *PROGRAMS[program], "--db", target],
        cwd=REPO,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_STATE_HOME": str(folder / "state"),
            "XDG_DATA_HOME": str(folder / "data"),
        },
    )
    assert process.stderr is not None
    for line in process.stderr:
        if SHOWN.search(line):
            return process, (time.perf_counter() - began) * 1000
    raise RuntimeError(f"{program} ended without showing its windows (exit {process.wait()})")


def stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    process.wait(timeout=10)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def cold_starts(starts: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        target = demo_store(folder)
        times: dict[str, list[float]] = {program: [] for program in PROGRAMS}
        for _ in range(starts):
            for program in PROGRAMS:
                process, took = start(program, target, folder)
                stop(process)
                times[program].append(took)
        return times


def memory_over_a_day() -> tuple[dict[str, tuple[float, float]], int, float]:
    """Each program's (before, after) resident MB, the day's events, the replay's seconds."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        target = demo_store(folder)
        events = simulate_day(preset("busy"), dt.date.today(), seed=5)
        day_file = folder / "day.jsonl"
        with day_file.open("x", encoding="utf-8") as file:
            write_day(events, file)
        running = {program: start(program, target, folder)[0] for program in PROGRAMS}
        try:
            time.sleep(2)  # let each settle after its first read
            before = {program: rss_mb(process.pid) for program, process in running.items()}
            began = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "shared.cli", "--db", target, "replay", str(day_file)],
                check=True,
                stdout=subprocess.DEVNULL,
                cwd=REPO,
            )
            took = time.perf_counter() - began
            time.sleep(3)  # the last change reaches every window
            after = {program: rss_mb(process.pid) for program, process in running.items()}
        finally:
            for process in running.values():
                stop(process)
    return {p: (before[p], after[p]) for p in PROGRAMS}, len(events), took


def section(
    starts: dict[str, list[float]],
    memory: dict[str, tuple[float, float]],
    events: int,
    replay_s: float,
    load: str,
) -> str:
    begin, end = markers(NAME)
    lines = [
        begin,
        "## The programs: cold start and memory after a day",
        "",
        f"Run: `python -m tests.bench.programs`. Measured {dt.datetime.now():%Y-%m-%d %H:%M} on "
        f"{machine({}, load)}; Qt offscreen, SQLite store.",
        "",
        "Cold start: a new process from spawn until its windows are shown (the first turn of "
        "its event loop), on the demo store, signed in where the program signs in.",
        "",
        "| program | starts | median ms | max ms | aim |",
        "|---|---:|---:|---:|---|",
    ]
    for program, times in starts.items():
        verdict = "met" if statistics.median(times) < AIM_MS else "missed"
        lines.append(
            f"| {program} | {len(times)} | {statistics.median(times):.0f} | {max(times):.0f} | "
            f"< {AIM_MS} ms: {verdict} |"
        )
    lines += [
        "",
        f"Memory: the three together on one store while `hallq replay` played a simulated busy "
        f"day ({events} events, seed 5) in {replay_s:.0f} s; resident memory of each.",
        "",
        "| program | before MB | after MB | growth MB |",
        "|---|---:|---:|---:|",
    ]
    for program, (before, after) in memory.items():
        lines.append(f"| {program} | {before:.1f} | {after:.1f} | {after - before:+.1f} |")
    return "\n".join([*lines, end, ""])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog=f"python -m tests.bench.{NAME}", description=__doc__)
    parser.add_argument("--starts", type=int, default=5, help="cold starts of each program")
    parser.add_argument("--no-write", action="store_true", help="print, leave the docs alone")
    args = parser.parse_args(argv)
    load = load_average()
    starts = cold_starts(args.starts)
    memory, events, replay_s = memory_over_a_day()
    text = section(starts, memory, events, replay_s, load)
    print(text)
    if not args.no_write:
        write_section(NAME, text)


if __name__ == "__main__":
    main()
