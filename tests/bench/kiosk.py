"""Kiosk benchmark: touch to ticket, and cold start.

`python -m tests.bench.kiosk [--visits N] [--starts N]`

- Touch to ticket: the real kiosk window (offscreen) on a fresh SQLite file with the demo
  hall. Each visit walks start → business → confirm; the clock runs from the confirming
  tap to the ticket page painted with its number (the ticket issued and stored on the way),
  and on to the printer having taken the ticket (the PDF written by the print thread, or
  the ESC/POS bytes written to a device file). Aim: under 150 ms to the screen.
- Cold start: a real `python -m kiosk --windowed` process, from spawn until the window is
  shown (its log line); the process is then stopped. Aim: under 1.5 s.

The results replace this benchmark's section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from kiosk.pages.ticket import PRINTED
from shared.services.hall_config import demo_definition, load_hall
from shared.services.settings import change_settings
from shared.store.clock import SystemClock
from shared.store.database import open_store
from tests.gui.kiosk_driver import open_kiosk, tap

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "benchmarks.md"
NAME = "kiosk"
SHOWN = re.compile(r"kiosk shown after \d+ ms \((?P<cpu>\d+) ms of CPU")
BUSINESSES = ("service_change", "handset_sale", "after_sales")  # no slip: straight to confirm


def _new_store(folder: Path, printer: str):
    store = open_store(str(folder / f"{printer.split(':')[0]}.sqlite3"))
    with store.write() as session:
        load_hall(session, demo_definition())
        change_settings(session, 1, {"printer": printer})
    return store


def touch_to_ticket(visits: int, printer: str) -> tuple[list[float], list[float]]:
    """Milliseconds from the confirming tap to the ticket painted, and to the print taken."""
    app = QApplication.instance()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        setting = printer.replace("{tmp}", str(folder))
        store = _new_store(folder, setting)
        window = open_kiosk(store, SystemClock(), folder / "spool")
        on_screen, printed = [], []
        try:
            for visit in range(visits):
                tap(window, "take-ticket")
                tap(window, f"business-{BUSINESSES[visit % len(BUSINESSES)]}")
                app.processEvents()
                started = time.perf_counter()
                tap(window, "confirm-ticket")
                window.ticket.repaint()
                on_screen.append((time.perf_counter() - started) * 1000)
                while window.ticket.state != PRINTED:
                    app.processEvents()
                printed.append((time.perf_counter() - started) * 1000)
                tap(window, "finish")
        finally:
            window.close()
            store.close()
    return on_screen, printed


def cold_starts(starts: int) -> tuple[list[float], list[float]]:
    """Milliseconds from spawning `python -m kiosk` until it reports its window shown, and
    the CPU time it had used by then (what an idle machine would take, give or take I/O)."""
    times, cpu = [], []
    with tempfile.TemporaryDirectory() as name:
        target = str(Path(name) / "hall.sqlite3")
        _new_store(Path(name), "none").close()
        os.replace(Path(name) / "none.sqlite3", target)
        for _ in range(starts):
            started = time.perf_counter()
            process = subprocess.Popen(
                [sys.executable, "-m", "kiosk", "--db", target, "--windowed"],
                cwd=REPO,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            )
            try:
                assert process.stderr is not None
                for line in process.stderr:
                    if shown := SHOWN.search(line):
                        times.append((time.perf_counter() - started) * 1000)
                        cpu.append(float(shown["cpu"]))
                        break
                else:
                    raise RuntimeError(f"the kiosk ended without showing (exit {process.wait()})")
            finally:
                process.terminate()
                process.wait(timeout=10)
    return times, cpu


def _summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{statistics.median(values):.0f} | {p95:.0f} | {max(values):.0f}"


def section(
    visits: int,
    touch: dict[str, tuple[list[float], list[float]]],
    starts: tuple[list[float], list[float]],
) -> str:
    wall, cpu = starts
    rows = [
        f"| confirming tap → ticket on screen ({printer}) | {_summary(screen)} | < 150 |"
        for printer, (screen, _) in touch.items()
    ] + [
        f"| confirming tap → printer took the ticket ({printer}) | {_summary(done)} | |"
        for printer, (_, done) in touch.items()
    ]
    return "\n".join(
        [
            f"<!-- bench:{NAME} -->",
            "## Kiosk: touch to ticket, cold start",
            "",
            f"`python -m tests.bench.kiosk`, {dt.date.today():%Y-%m-%d}, "
            f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
            "SQLite file store, offscreen Qt platform; load average at the end "
            f"{os.getloadavg()[0]:.1f} (the machine is shared, so times vary run to run).",
            "",
            f"{visits} visits per printer (start → business → confirm; timed from the "
            "confirming tap); cold start is a new `python -m kiosk --windowed` process until "
            f"its window is shown, {len(wall)} starts; its CPU time is what the start costs "
            "on a machine with nothing else to do.",
            "",
            "| measure (ms) | median | p95 | max | aim |",
            "|---|---|---|---|---|",
            *rows,
            f"| cold start → window shown | {_summary(wall)} | < 1500 |",
            f"| cold start: CPU time used by then | {_summary(cpu)} | |",
            f"<!-- /bench:{NAME} -->",
            "",
        ]
    )


def write_section(text: str, path: Path = DOC) -> None:
    """Replace this benchmark's section between its markers (append it when missing)."""
    begin, end = f"<!-- bench:{NAME} -->", f"<!-- /bench:{NAME} -->"
    current = path.read_text(encoding="utf-8") if path.exists() else "# hallq benchmarks\n"
    if begin in current and end in current:
        head, _, rest = current.partition(begin)
        _, _, tail = rest.partition(end)
        path.write_text(head + text.rstrip("\n") + tail, encoding="utf-8")
    else:
        path.write_text(current.rstrip("\n") + "\n\n" + text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=60)
    parser.add_argument("--starts", type=int, default=7)
    args = parser.parse_args(argv)
    QApplication.instance() or QApplication([])
    touch = {
        "pdf": touch_to_ticket(args.visits, "pdf"),
        "ESC/POS file": touch_to_ticket(args.visits, "file:{tmp}/lp0"),
    }
    starts = cold_starts(args.starts)
    text = section(args.visits, touch, starts)
    write_section(text)
    print(text)


if __name__ == "__main__":
    main()
