"""The counter's timings: call-next latency with 16 counters at once, service-form PDF
generation, and the form archive search over 1,000,000 archived forms.

Run on demand, never collected by pytest (SQLite, the hall's default store):

    python -m tests.bench.forms
    python -m tests.bench.forms --forms 100000 --seconds 10   # a quicker run

Call next: 16 worker processes (multiprocessing, 'spawn'), each a counter of its own (the
demo hall plus counters 7-22 serving queue A, clerks E009-E024) on one store with plenty
of tickets waiting. Each calls the next ticket and finishes it every PERIOD_S on a fixed
schedule, the workers staggered across the period, for --seconds. A call's latency runs
from its scheduled instant to the end of its transaction, so a late worker's backlog counts.

Form PDF: render_form for a ticket with two businesses, their terms and a signature of
three strokes (120 points), and the whole archive_form (read, render, hash, chain, insert).

Search: --forms rows bulk-inserted into service_forms (tiny PDFs, 200,000 distinct mobile
numbers, a year of days, the demo clerks and counters), then search_forms as the archive
dialog runs it: by mobile, clerk, ticket, a week's range, and mobile within a month.

The results replace this benchmark's section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import random
import statistics
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

from sqlalchemy import insert, select

from shared.archive.forms import archive_form, form_content, search_forms
from shared.documents.service_form import render_form
from shared.services.hall import HallService
from shared.services.hall_config import demo_definition, load_hall
from shared.store.clock import SystemClock
from shared.store.database import open_store
from shared.store.lookup import find_hall
from shared.store.models import Clerk, Counter, ServiceForm, Ticket
from tests.bench.throughput import load_average, machine

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "benchmarks.md"
BEGIN_MARK, END_MARK = "<!-- bench:forms -->", "<!-- /bench:forms -->"
COUNTERS = 16
PERIOD_S = 2.0
STROKES = [
    [[40 + i * 3, 120 - (i % 9) * 8, i * 16, 0.3 + (i % 5) / 10] for i in range(40)]
    for _ in range(3)
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def summary(values: list[float]) -> str:
    return (
        f"{len(values)} | {statistics.median(values):.1f} | {percentile(values, 0.95):.1f} | "
        f"{percentile(values, 0.99):.1f} | {max(values):.1f}"
    )


def demo_store(path: Path) -> str:
    """A demo hall with counters 7-22 (queue A) and clerks E009-E024 added."""
    definition = demo_definition()
    definition["counters"] += [
        {"number": n, "name": f"{n}号窗口", "queues": "A"} for n in range(7, 7 + COUNTERS)
    ]
    definition["clerks"] += [
        {"staff_id": f"E{n:03d}", "name": f"营业员{n}", "role": "clerk"}
        for n in range(9, 9 + COUNTERS)
    ]
    store = open_store(str(path))
    with store.write() as session:
        load_hall(session, definition)
    store.close()
    return str(path)


# ----- call next under 16 counters -----


def counter_worker(target: str, number: int, seconds: float, pipe: Connection) -> None:
    """Open the counter, say so, wait for the common start, then call on schedule."""
    store = open_store(target, upgrade=False)
    hall = HallService(store, "demo", SystemClock())
    hall.open_counter(number, f"E{number + 2:03d}")
    pipe.send("ready")
    start = float(pipe.recv())
    until = start + seconds
    latencies: list[float] = []
    scheduled = start + (number - 7) * PERIOD_S / COUNTERS
    while scheduled < until:
        time.sleep(max(0.0, scheduled - time.time()))
        done = hall.call(number)
        latencies.append((time.time() - scheduled) * 1000)
        if done.ticket is not None:
            hall.finish(number)
        scheduled += PERIOD_S
    store.close()
    pipe.send(latencies)


def call_next_latency(folder: Path, seconds: float) -> list[float]:
    target = demo_store(folder / "calls.sqlite3")
    store = open_store(target)
    hall = HallService(store, "demo", SystemClock())
    for _ in range(int(COUNTERS * seconds / PERIOD_S) + 50):
        hall.issue("topup")
    store.close()
    context = multiprocessing.get_context("spawn")
    workers = []
    for number in range(7, 7 + COUNTERS):
        receive, send = context.Pipe()
        process = context.Process(target=counter_worker, args=(target, number, seconds, send))
        process.start()
        workers.append((process, receive))
    for _, receive in workers:
        assert receive.recv() == "ready"
    start = time.time() + 1.0
    for _, receive in workers:
        receive.send(start)
    latencies: list[float] = []
    for process, receive in workers:
        latencies += receive.recv()
        process.join()
    return latencies


# ----- the form PDF -----


def form_timings(folder: Path, runs: int = 40) -> tuple[list[float], list[float]]:
    store = open_store(demo_store(folder / "forms.sqlite3"))
    hall = HallService(store, "demo", SystemClock())
    hall.open_counter(2, "E002")
    rendering: list[float] = []
    archiving: list[float] = []
    for run in range(runs + 1):  # run 0 warms up (the font is registered once per process)
        hall.issue("sim_replace", phone="13812345678")
        hall.call(2)
        hall.finish(
            2,
            businesses=["sim_replace", "plan_change"],
            fields={
                "sim_replace": {
                    "name": "张三丰",
                    "id_number": "11010519491231002X",
                    "reason": "丢失",
                },
                "plan_change": {"new_plan": "5G智享 168元", "effective": "次月生效"},
            },
            recommended=True,
        )
        with store.read() as session:
            hall_row = find_hall(session, "demo")
            ticket = session.scalars(select(Ticket).order_by(Ticket.id.desc()).limit(1)).one()
            content = form_content(session, hall_row, ticket)
        began = time.perf_counter()
        render_form(content, STROKES)
        rendering.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        archive_form(store, "demo", ticket.code, strokes=STROKES)
        archiving.append((time.perf_counter() - began) * 1000)
        if run == 0:
            rendering.clear()
            archiving.clear()
    store.close()
    return rendering, archiving


# ----- searching a million forms -----


def fill_archive(target: str, count: int, seed: int = 7) -> dict[str, str]:
    """Bulk-insert `count` forms; return the search values used (a mobile, clerk, ticket)."""
    rng = random.Random(seed)
    store = open_store(target)
    with store.write() as session:
        hall = find_hall(session, "demo")
        clerks = session.scalars(select(Clerk.id).where(Clerk.hall_id == hall.id)).all()
        counters = session.scalars(select(Counter.id).where(Counter.hall_id == hall.id)).all()
    tickets = HallService(store, "demo", SystemClock())
    ticket_ids = []
    for _ in range(200):
        tickets.issue("topup")
    with store.read() as session:
        ticket_ids = list(session.scalars(select(Ticket.id)))
    phones = [f"13{rng.randrange(10**9):09d}" for _ in range(200_000)]
    first_day = dt.date.today() - dt.timedelta(days=364)
    chunk = 20_000
    for begin in range(0, count, chunk):
        rows = []
        for sequence in range(begin + 1, min(count, begin + chunk) + 1):
            day = first_day + dt.timedelta(days=(sequence - 1) * 365 // count)
            rows.append(
                {
                    "hall_id": hall.id,
                    "sequence": sequence,
                    "ticket_id": rng.choice(ticket_ids),
                    "ticket_code": f"{rng.choice('AB')}{rng.randrange(1, 400):03d}",
                    "clerk_id": rng.choice(clerks),
                    "counter_id": rng.choice(counters),
                    "phone": rng.choice(phones),
                    "created_at": dt.datetime.combine(day, dt.time(9))
                    + dt.timedelta(seconds=rng.randrange(30_000)),
                    "business_day": day,
                    "signed": True,
                    "decline_reason": "",
                    "strokes": None,
                    "pdf": b"%PDF-1.3 tiny",
                    "pdf_sha256": f"{sequence:064x}",
                    "chain_hash": f"{sequence:064x}",
                }
            )
        with store.write() as session:
            session.execute(insert(ServiceForm), rows)
    store.close()
    return {"phone": phones[0], "clerk": "E003", "ticket": "A123"}


def search_timings(target: str, probe: dict[str, str], runs: int = 20) -> dict[str, list[float]]:
    store = open_store(target)
    today = dt.date.today()
    queries = {
        "mobile": {"phone": probe["phone"]},
        "clerk (newest 100)": {"clerk": probe["clerk"]},
        "ticket number": {"ticket": probe["ticket"]},
        "a week's range (newest 100)": {
            "since": today - dt.timedelta(days=90),
            "until": today - dt.timedelta(days=84),
        },
        "mobile within a month": {
            "phone": probe["phone"],
            "since": today - dt.timedelta(days=30),
            "until": today,
        },
    }
    timings: dict[str, list[float]] = {}
    for name, criteria in queries.items():
        timings[name] = []
        for _ in range(runs):
            began = time.perf_counter()
            with store.read() as session:
                search_forms(session, find_hall(session, "demo"), **criteria)  # type: ignore[arg-type]
            timings[name].append((time.perf_counter() - began) * 1000)
    store.close()
    return timings


# ----- the report -----


def write_section(text_of_section: str, path: Path = DOC) -> None:
    """Replace this benchmark's section between its markers, or add it at the end."""
    current = path.read_text(encoding="utf-8") if path.exists() else "# hallq benchmarks\n"
    start, end = current.find(BEGIN_MARK), current.find(END_MARK)
    if start == -1 or end == -1 or end < start:
        path.write_text(current.rstrip("\n") + "\n\n" + text_of_section, encoding="utf-8")
        return
    path.write_text(
        current[:start] + text_of_section + current[end + len(END_MARK) + 1 :], encoding="utf-8"
    )


def verdict(name: str, value: float, aim: float) -> str:
    outcome = "met" if value < aim else "missed"
    return f"- {name}: {value:.1f} ms against an aim of {aim:.0f} ms: {outcome}."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.forms", description=__doc__)
    parser.add_argument("--forms", type=int, default=1_000_000, help="archived forms to search")
    parser.add_argument("--seconds", type=float, default=30.0, help="length of the call-next run")
    args = parser.parse_args(argv)
    load = load_average()
    with tempfile.TemporaryDirectory(prefix="hallq-bench-forms-") as name:
        folder = Path(name)
        print("call next under 16 counters…", flush=True)
        calls = call_next_latency(folder, args.seconds)
        print("form PDFs…", flush=True)
        rendering, archiving = form_timings(folder)
        print(f"filling the archive with {args.forms:,} forms…", flush=True)
        target = demo_store(folder / "archive.sqlite3")
        began = time.perf_counter()
        probe = fill_archive(target, args.forms)
        filled_s = time.perf_counter() - began
        print("searching…", flush=True)
        searches = search_timings(target, probe)
    worst_search = max(statistics.median(values) for values in searches.values())
    lines = [
        BEGIN_MARK,
        "## The counter: call next, service-form PDFs, the form archive",
        "",
        "Run: `python -m tests.bench.forms` from the repository root (SQLite). "
        f"{dt.date.today():%Y-%m-%d}; {machine({}, load)}.",
        "",
        "Times in milliseconds.",
        "",
        "| measure | n | median | p95 | p99 | max |",
        "|---|---:|---:|---:|---:|---:|",
        f"| call next, 16 counters (processes), each every {PERIOD_S} s | {summary(calls)} |",
        f"| form PDF render (2 businesses, terms, signature) | {summary(rendering)} |",
        f"| archive_form (read, render, hash, chain, insert) | {summary(archiving)} |",
        *(
            f"| search {args.forms:,} forms: {name} | {summary(values)} |"
            for name, values in searches.items()
        ),
        "",
        f"Filling the archive ({args.forms:,} rows, 20,000 per transaction) took {filled_s:.0f} s.",
        "",
        "### Verdicts",
        "",
        verdict("Call next p99 with 16 counters", percentile(calls, 0.99), 20),
        verdict("Form PDF render, median", statistics.median(rendering), 100),
        verdict(f"Slowest search over {args.forms:,} forms, median", worst_search, 50),
        END_MARK,
        "",
    ]
    section = "\n".join(lines)
    write_section(section)
    print(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
