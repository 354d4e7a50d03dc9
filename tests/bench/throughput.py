"""Issuing and calling throughput of the core, against a bare transaction doing the same writes.

Run on demand, never collected by pytest:

    python -m tests.bench.throughput                  # SQLite, and PostgreSQL if one answers
    python -m tests.bench.throughput --postgres URL   # a server's admin URL (databases are
                                                      # created there and dropped afterwards)
    python -m tests.bench.throughput --no-postgres --no-write
    python -m tests.bench.throughput --profile 500    # cProfile one process issuing 500 tickets

Saturation (stress): with 1, 4 and 16 worker processes (multiprocessing, 'spawn') running
flat out, each store gets:
- issue: every worker issues `topup` tickets through HallService (the system clock);
- call + finish: every worker opens its own counter (the demo hall plus counters 7-18
  serving A and B and clerks E009-E016) and calls and finishes the tickets just issued;
- bare: every worker runs the bare issuing transaction with the stdlib `sqlite3` (BEGIN
  IMMEDIATE; upsert the sequence row; insert a ticket; insert its event; COMMIT; WAL,
  synchronous=FULL) or with `psycopg` (BEGIN; the same three writes; COMMIT).
Each worker prepares (opens the store, opens its counter, does one untimed warm-up
operation), says so, and all start at one wall-clock instant. A rate is the count of
transactions over the time from that instant to the last worker's end; latencies are per
transaction. With N processes flat out a transaction waits for the N - 1 others, so these
latencies measure the queue, not a hall.

Paced load: 16 workers on one store, 8 kiosks issuing (`topup` to queue A and
`password_reset` to queue B, alternately by kiosk) and 8 counters calling and finishing
what the kiosks issue (a call that finds nothing waiting is still a transaction). Each does
one action every PACED_PERIOD_S (1 s) for PACED_SECONDS on a fixed schedule, the workers'
start instants staggered across the period (16 actions/s in all: some 200 times a busy
hall's peak, yet within what one machine sustains, so the figure is the latency a program
sees, not a queue). Latency runs from the scheduled instant to the end of the transaction,
so a late worker's backlog counts (no coordinated omission).

Cold start: the wall time of `python -m shared.cli.main --db STORE status --json` as a fresh
process on a SQLite store with the demo hall, median of 7 runs after one warm-up.

The results replace this benchmark's section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import multiprocessing
import os
import pstats
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from shared.services.hall import HallService
from shared.services.hall_config import demo_definition, load_hall
from shared.store.clock import SystemClock
from shared.store.database import BUSY_TIMEOUT_S, Store, open_store
from shared.store.models import Business, Hall, Queue, Ticket
from tests.bench.report import (
    DOC,
    REPO,
    bench_parser,
    load_average,
    machine,
    markers,
    write_section,
)

BEGIN_MARK, END_MARK = markers("throughput")
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"

PROCESS_COUNTS = (1, 4, 16)
OPERATIONS_PER_PROCESS = {1: 300, 4: 100, 16: 40}  # issues; each calling worker then serves as many
COUNTERS = (1, 2, 3, 4, *range(7, 19))  # the 16 counters serving A and B in the bench hall
AIM_RATIO = 0.25
AIM_P99_MS = 20.0
START_DELAY_S = 0.25
TIMEOUT_S = 600
PACED_PERIOD_S = 1.0  # each paced worker's schedule: one action per period
PACED_SECONDS = 30.0
PACED_KIOSK_BUSINESSES = ("topup", "password_reset")  # queues A and B: 999 numbers each a day
PACED_KEPT_UP = 0.95  # achieved ÷ offered below this: the paced load saturated the store
COLD_START_RUNS = 7


# ----- the hall and the stores -----


def bench_hall() -> dict[str, Any]:
    """The demo hall plus counters 7-18 serving A and B and clerks E009-E016: 16 counters
    and 16 clerks for the calling workers."""
    definition = demo_definition()
    definition["counters"] = list(definition["counters"]) + [
        {"number": number, "name": f"{number}号窗口", "queues": "AB"} for number in range(7, 19)
    ]
    definition["clerks"] = list(definition["clerks"]) + [
        {"staff_id": f"E{number:03d}", "name": f"柜员{number}", "role": "clerk"}
        for number in range(9, 17)
    ]
    return definition


def clerk_of(worker: int) -> str:
    return f"E{worker + 1:03d}"


def prepare_store(target: str) -> dict[str, Any]:
    """Create the store with the bench hall; the ids a bare transaction writes."""
    store = open_store(target)
    try:
        with store.write() as session:
            hall = load_hall(session, bench_hall())
            queue = session.scalars(
                select(Queue).where(Queue.hall_id == hall.id, Queue.letter == "A")
            ).one()
            business = session.scalars(
                select(Business).where(Business.hall_id == hall.id, Business.key == "topup")
            ).one()
            return {"hall_id": hall.id, "queue_id": queue.id, "business_id": business.id}
    finally:
        store.close()


class SQLiteStores:
    """New SQLite files in a temporary folder (on the machine's disk, not a RAM disk)."""

    name = "SQLite"

    def __init__(self) -> None:
        self.folder = tempfile.TemporaryDirectory(prefix="hallq-bench-")

    def new_target(self, label: str) -> str:
        return str(Path(self.folder.name) / f"{label}.sqlite3")

    def version(self) -> str:
        return sqlite3.sqlite_version

    def close(self) -> None:
        self.folder.cleanup()


class PostgresStores:
    """New databases on one server, dropped at the end."""

    name = "PostgreSQL"

    def __init__(self, admin_url: str) -> None:
        self.admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self.admin_url = admin_url
        self.created: list[str] = []

    def new_target(self, label: str) -> str:
        name = f"hallq_bench_{label}_{uuid.uuid4().hex[:8]}".replace("-", "_")
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        self.created.append(name)
        url = make_url(self.admin_url).set(database=name)
        return url.render_as_string(hide_password=False)

    def version(self) -> str:
        with self.admin.connect() as connection:
            return str(connection.execute(text("SHOW server_version")).scalar_one())

    def close(self) -> None:
        with self.admin.connect() as connection:
            for name in self.created:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


def postgres_answers(url: str) -> bool:
    """Whether a PostgreSQL server takes connections at this URL."""
    parsed = make_url(url)
    try:
        with socket.create_connection((parsed.host or "127.0.0.1", parsed.port or 5432), 2):
            pass
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception:
        return False
    return True


# ----- what a worker does: one transaction per step -----

Step = Callable[[], str]  # one transaction; returns its kind ("issue", "call", ...)
NONE_WAITING = "call, none waiting"


def _service(task: dict[str, Any], stores: dict[str, Store]) -> HallService:
    """A service on the task's store; the store stays open for the next task on it (the
    calling phase follows the issuing phase on the same store)."""
    target = task["target"]
    for other in [other for other in stores if other != target]:
        stores.pop(other).close()
    if target not in stores:
        stores[target] = open_store(target, upgrade=False)
    return HallService(stores[target], "demo", SystemClock())


def issue_step(task: dict[str, Any], stores: dict[str, Store]) -> Step:
    hall = _service(task, stores)
    business = task.get("business", "topup")

    def step() -> str:
        hall.issue(business)
        return "issue"

    return step


def call_step(task: dict[str, Any], stores: dict[str, Store]) -> Step:
    """Alternately call the next ticket to the worker's counter and finish it. A call that
    finds nothing waiting fails the task unless it allows `none_waiting`."""
    hall = _service(task, stores)
    counter = task["counter"]
    hall.open_counter(counter, task["clerk"])
    serving = False

    def step() -> str:
        nonlocal serving
        if serving:
            hall.finish(counter)
            serving = False
            return "finish"
        if hall.call(counter).ticket is not None:
            serving = True
            return "call"
        if task.get("none_waiting"):
            return NONE_WAITING
        raise RuntimeError(f"counter {counter} found no ticket to call")

    return step


def _today() -> tuple[dt.date, dt.datetime]:
    now = SystemClock().now()
    return now.date(), now


def bare_sqlite_step(task: dict[str, Any], stores: dict[str, Store]) -> Step:
    """The issuing transaction's writes with the stdlib driver and the store's pragmas."""
    connection = sqlite3.connect(task["target"], timeout=BUSY_TIMEOUT_S, isolation_level=None)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=FULL"):
        connection.execute(f"PRAGMA {pragma}")
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    task["closers"].append(connection.close)
    ids = task["ids"]

    def step() -> str:
        day, now = _today()
        at = now.isoformat(" ", "microseconds")
        connection.execute("BEGIN IMMEDIATE")
        try:
            (number,) = connection.execute(
                "INSERT INTO queue_sequences (queue_id, business_day, last_number) VALUES (?, ?, 1)"
                " ON CONFLICT (queue_id, business_day)"
                " DO UPDATE SET last_number = queue_sequences.last_number + 1"
                " RETURNING last_number",
                (ids["queue_id"], day.isoformat()),
            ).fetchone()
            ticket_id = connection.execute(
                "INSERT INTO tickets (hall_id, business_day, code, number, queue_id, business_id,"
                " tier, status, issued_at, waiting_since)"
                " VALUES (?, ?, ?, ?, ?, ?, 'normal', 'waiting', ?, ?)",
                (
                    ids["hall_id"],
                    day.isoformat(),
                    f"A{number:03d}",
                    number,
                    ids["queue_id"],
                    ids["business_id"],
                    at,
                    at,
                ),
            ).lastrowid
            connection.execute(
                "INSERT INTO ticket_events (hall_id, ticket_id, at, business_day, kind, queue_id,"
                " business_id) VALUES (?, ?, ?, ?, 'issued', ?, ?)",
                (
                    ids["hall_id"],
                    ticket_id,
                    at,
                    day.isoformat(),
                    ids["queue_id"],
                    ids["business_id"],
                ),
            )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        return "bare"

    return step


def bare_postgres_step(task: dict[str, Any], stores: dict[str, Store]) -> Step:
    """The issuing transaction's writes with psycopg, one transaction each."""
    import psycopg

    url = make_url(task["target"]).set(drivername="postgresql")
    connection = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
    task["closers"].append(connection.close)
    ids = task["ids"]

    def step() -> str:
        day, now = _today()
        with connection.transaction(), connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO queue_sequences (queue_id, business_day, last_number)"
                " VALUES (%s, %s, 1) ON CONFLICT (queue_id, business_day)"
                " DO UPDATE SET last_number = queue_sequences.last_number + 1"
                " RETURNING last_number",
                (ids["queue_id"], day),
            )
            (number,) = cursor.fetchone()  # type: ignore[misc]
            cursor.execute(
                "INSERT INTO tickets (hall_id, business_day, code, number, queue_id, business_id,"
                " tier, status, issued_at, waiting_since)"
                " VALUES (%s, %s, %s, %s, %s, %s, 'normal', 'waiting', %s, %s) RETURNING id",
                (
                    ids["hall_id"],
                    day,
                    f"A{number:03d}",
                    number,
                    ids["queue_id"],
                    ids["business_id"],
                    now,
                    now,
                ),
            )
            (ticket_id,) = cursor.fetchone()  # type: ignore[misc]
            cursor.execute(
                "INSERT INTO ticket_events (hall_id, ticket_id, at, business_day, kind, queue_id,"
                " business_id) VALUES (%s, %s, %s, %s, 'issued', %s, %s)",
                (ids["hall_id"], ticket_id, now, day, ids["queue_id"], ids["business_id"]),
            )
        return "bare"

    return step


JOBS: dict[str, Callable[[dict[str, Any], dict[str, Store]], Step]] = {
    "issue": issue_step,
    "call": call_step,
    "bare-sqlite": bare_sqlite_step,
    "bare-postgresql": bare_postgres_step,
}


def worker_main(index: int, commands: Connection, results: Any) -> None:
    """A worker process: for each task, prepare and warm up, report ready, wait for the
    start instant, run the timed steps, report (kind, latency) samples. None ends it.

    Flat out (no "period" in the task) a step starts when the previous one ends and its
    latency is its own duration. Paced, step n is due at start + "offset" + n × "period"
    and its latency runs from that instant, however late the worker is."""
    stores: dict[str, Store] = {}
    while (task := commands.recv()) is not None:
        task["closers"] = []
        try:
            step = JOBS[task["job"]](task, stores)
            for _ in range(task["warm_up"]):
                step()
            results.put(("ready", index, None))
            start = time.perf_counter() + (commands.recv() - time.time())
            period, offset = task.get("period"), task.get("offset", 0.0)
            samples = []
            for number in range(task["steps"]):
                due = start + offset + number * (period or 0.0)
                if (left := due - time.perf_counter()) > 0:
                    time.sleep(left)
                began = due if period else time.perf_counter()
                kind = step()
                samples.append((kind, time.perf_counter() - began))
            ended = time.time()
            for close in task["closers"]:
                close()
            results.put(("done", index, {"samples": samples, "ended": ended}))
        except BaseException:
            results.put(("error", index, traceback.format_exc()))
            return
    for store in stores.values():
        store.close()


# ----- the parent: running phases and measuring -----


@dataclass(frozen=True)
class Measure:
    seconds: float
    samples: list[tuple[str, float]]  # (kind, latency in ms) per transaction

    @property
    def transactions(self) -> int:
        return len(self.samples)

    @property
    def latencies_ms(self) -> list[float]:
        return [ms for _, ms in self.samples]

    @property
    def rate(self) -> float:
        return self.transactions / self.seconds

    def of(self, *kinds: str) -> Measure:
        """The transactions of these kinds, over the same time."""
        return Measure(self.seconds, [sample for sample in self.samples if sample[0] in kinds])

    def percentile(self, share: float) -> float:
        """Nearest-rank percentile of the per-transaction latencies, in ms."""
        ordered = sorted(self.latencies_ms)
        rank = max(1, int(-(-share * len(ordered) // 1)))  # ceil
        return ordered[rank - 1]


class Workers:
    """A pool of spawned worker processes, started once and given one task at a time."""

    def __init__(self, count: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.results = context.Queue()
        self.pipes: list[Connection] = []
        self.processes = []
        for index in range(count):
            receiving, sending = context.Pipe(duplex=False)
            process = context.Process(
                target=worker_main, args=(index, receiving, self.results), daemon=True
            )
            process.start()
            self.pipes.append(sending)
            self.processes.append(process)

    def _collect(self, kind: str, count: int) -> dict[int, Any]:
        got: dict[int, Any] = {}
        while len(got) < count:
            what, index, payload = self.results.get(timeout=TIMEOUT_S)
            if what == "error":
                raise SystemExit(f"worker {index} failed:\n{payload}")
            assert what == kind, (what, kind)
            got[index] = payload
        return got

    def run(self, processes: int, task: dict[str, Any], *, warm_up: int, steps: int) -> Measure:
        """Run `task` on the first `processes` workers, all starting at one instant."""
        return self.run_each([task] * processes, warm_up=warm_up, steps=steps)

    def run_each(self, tasks: list[dict[str, Any]], *, warm_up: int, steps: int) -> Measure:
        """Run task i on worker i (counter COUNTERS[i]), all starting at one instant."""
        processes = len(tasks)
        for index, task in enumerate(tasks):
            self.pipes[index].send(
                dict(
                    task,
                    counter=COUNTERS[index],
                    clerk=clerk_of(index),
                    warm_up=warm_up,
                    steps=steps,
                )
            )
        self._collect("ready", processes)
        start_at = time.time() + START_DELAY_S
        for index in range(processes):
            self.pipes[index].send(start_at)
        done = self._collect("done", processes)
        ended = max(result["ended"] for result in done.values())
        samples = [(kind, 1000 * s) for result in done.values() for kind, s in result["samples"]]
        return Measure(ended - start_at, samples)

    def close(self) -> None:
        for pipe in self.pipes:
            pipe.send(None)
        for process in self.processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()


@dataclass(frozen=True)
class Row:
    store: str
    processes: int
    issue: Measure
    call: Measure
    bare: Measure


@dataclass(frozen=True)
class Paced:
    store: str
    kiosks: int
    counters: int
    measure: Measure

    @property
    def offered(self) -> float:
        """Transactions per second the schedule asks for."""
        return (self.kiosks + self.counters) / PACED_PERIOD_S

    def kinds(self) -> list[tuple[str, Measure]]:
        """issue, call (found a ticket or not) and finish."""
        return [
            ("issue", self.measure.of("issue")),
            ("call", self.measure.of("call", NONE_WAITING)),
            ("finish", self.measure.of("finish")),
        ]


def check_store(target: str, tickets: int, finished: int | None = None) -> None:
    """The service phases left what they should: every ticket issued once, and `finished`
    of them (all by default) finished."""
    finished = tickets if finished is None else finished
    store = open_store(target, upgrade=False)
    try:
        with store.read() as session:
            codes = session.scalars(select(Ticket.code)).all()
            done = session.scalar(select(func.count()).where(Ticket.status == "finished"))
            day = session.scalar(select(Hall.business_day))
    finally:
        store.close()
    if len(codes) != tickets or len(set(codes)) != tickets or done != finished:
        raise SystemExit(
            f"{target}: {len(codes)} tickets ({len(set(codes))} distinct), {done} finished"
            f" on {day}; expected {tickets}, {finished} finished"
        )


def print_measure(label: str, measure: Measure) -> None:
    print(
        f"    {label:12} {measure.rate:8.1f} tx/s  p50 {measure.percentile(0.5):7.2f} ms"
        f"  p99 {measure.percentile(0.99):8.2f} ms  max {max(measure.latencies_ms):8.2f} ms",
        flush=True,
    )


def measure_backend(workers: Workers, stores: SQLiteStores | PostgresStores) -> list[Row]:
    rows = []
    bare_job = "bare-sqlite" if isinstance(stores, SQLiteStores) else "bare-postgresql"
    for processes in PROCESS_COUNTS:
        each = OPERATIONS_PER_PROCESS[processes]
        print(f"  {stores.name}, {processes} process(es), {each} operations each", flush=True)
        service = stores.new_target(f"service-{processes}")
        prepare_store(service)
        issue = workers.run(processes, {"job": "issue", "target": service}, warm_up=1, steps=each)
        call = workers.run(processes, {"job": "call", "target": service}, warm_up=2, steps=2 * each)
        check_store(service, processes * (each + 1))
        bare = stores.new_target(f"bare-{processes}")
        ids = prepare_store(bare)
        bare_measure = workers.run(
            processes, {"job": bare_job, "target": bare, "ids": ids}, warm_up=1, steps=each
        )
        rows.append(Row(stores.name, processes, issue, call, bare_measure))
        for label, measure in (("issue", issue), ("call+finish", call), ("bare", bare_measure)):
            print_measure(label, measure)
    return rows


def measure_paced(workers: Workers, stores: SQLiteStores | PostgresStores) -> Paced:
    """All workers on one store, half kiosks and half counters, each acting once every
    PACED_PERIOD_S; kiosk k and counter k take slots 2k and 2k + 1 of the period."""
    processes = max(PROCESS_COUNTS)
    kiosks = processes // 2
    steps = round(PACED_SECONDS / PACED_PERIOD_S)
    print(
        f"  {stores.name}, paced: {kiosks} kiosks and {processes - kiosks} counters, one action"
        f" each every {1000 * PACED_PERIOD_S:.0f} ms for {PACED_SECONDS:.0f} s",
        flush=True,
    )
    target = stores.new_target("paced")
    prepare_store(target)
    tasks = []
    for index in range(processes):
        slot = 2 * index if index < kiosks else 2 * (index - kiosks) + 1
        offset = PACED_PERIOD_S * slot / processes
        schedule = {"target": target, "period": PACED_PERIOD_S, "offset": offset}
        if index < kiosks:
            business = PACED_KIOSK_BUSINESSES[index % len(PACED_KIOSK_BUSINESSES)]
            tasks.append(dict(schedule, job="issue", business=business))
        else:
            tasks.append(dict(schedule, job="call", none_waiting=True))
    measure = workers.run_each(tasks, warm_up=1, steps=steps)
    paced = Paced(stores.name, kiosks, processes - kiosks, measure)
    check_store(target, kiosks * (steps + 1), finished=measure.of("finish").transactions)
    for label, part in [*paced.kinds(), ("all", measure)]:
        print_measure(label, part)
    return paced


def demo_store(target: str) -> None:
    """A store made by the command line's `init --demo`, then the day's first tickets:
    counter 1 open and serving, 20 waiting."""
    command = [sys.executable, "-m", "shared.cli.main", "--db", target, "init", "--demo"]
    subprocess.run(command, cwd=REPO, check=True, capture_output=True)
    store = open_store(target, upgrade=False)
    try:
        hall = HallService(store, "demo", SystemClock())
        hall.open_counter(1, clerk_of(0))
        for _ in range(21):
            hall.issue("topup")
        hall.call(1)
    finally:
        store.close()


def cold_start(stores: SQLiteStores) -> list[float]:
    """Seconds of `status --json` as a fresh process on a demo store, COLD_START_RUNS times
    after one warm-up run."""
    target = stores.new_target("cold-start")
    demo_store(target)
    command = [sys.executable, "-m", "shared.cli.main", "--db", target, "status", "--json"]
    print(f"  cold start: {' '.join(command[1:])}", flush=True)
    seconds = []
    for _ in range(1 + COLD_START_RUNS):
        began = time.perf_counter()
        subprocess.run(command, cwd=REPO, check=True, capture_output=True)
        seconds.append(time.perf_counter() - began)
    print(f"    {' '.join(f'{1000 * s:.0f}' for s in seconds)} ms (the first a warm-up)")
    return seconds[1:]


# ----- the report -----


def _cells(measure: Measure) -> list[str]:
    return [
        f"{measure.rate:.0f}",
        f"{measure.percentile(0.5):.1f}",
        f"{measure.percentile(0.99):.1f}",
    ]


def table(rows: list[Row]) -> list[str]:
    lines = [
        "| store | processes | workload | transactions | tx/s | p50 ms | p99 ms "
        "| bare tx/s | bare p50 ms | bare p99 ms | service ÷ bare |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        for workload, measure in (("issue", row.issue), ("call + finish", row.call)):
            lines.append(
                "| "
                + " | ".join(
                    [
                        row.store,
                        str(row.processes),
                        workload,
                        str(measure.transactions),
                        *_cells(measure),
                        *_cells(row.bare),
                        f"{measure.rate / row.bare.rate:.2f}",
                    ]
                )
                + " |"
            )
    return lines


def paced_table(paced: list[Paced]) -> list[str]:
    lines = [
        "| store | kind | transactions | offered tx/s | achieved tx/s | p50 ms | p95 ms | p99 ms "
        "| max ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for load in paced:
        counters = f"{load.counters / PACED_PERIOD_S:.0f}"
        offered = {
            "issue": f"{load.kiosks / PACED_PERIOD_S:.0f}",
            "call": f"{counters} with finish",
            "finish": f"{counters} with call",
            "all": f"{load.offered:.0f}",
        }
        for kind, measure in [*load.kinds(), ("all", load.measure)]:
            count = str(measure.transactions)
            if none := measure.of(NONE_WAITING).transactions:
                count += f" ({none} found none waiting)"
            cells = [
                load.store,
                kind,
                count,
                offered[kind],
                f"{measure.rate:.1f}",
                *(f"{measure.percentile(share):.1f}" for share in (0.5, 0.95, 0.99)),
                f"{max(measure.latencies_ms):.1f}",
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return lines


def _ratio_verdict(ratios: list[tuple[Row, str, float]], where: str) -> str:
    low = [
        f"{row.store} {name} ×{row.processes} ({ratio:.2f})"
        for row, name, ratio in ratios
        if ratio < AIM_RATIO
    ]
    return f"- Aim: service ÷ bare ≥ {AIM_RATIO}, {where}: " + (
        f"met by all {len(ratios)}."
        if not low
        else f"missed by {len(low)} of {len(ratios)}: " + ", ".join(low) + "."
    )


def verdicts(rows: list[Row], paced: list[Paced], cold: list[float]) -> list[str]:
    ratios = [
        (row, name, measure.rate / row.bare.rate)
        for row in rows
        for name, measure in (("issue", row.issue), ("call + finish", row.call))
    ]
    kinds = [(load, name, measure) for load in paced for name, measure in load.kinds()]
    slow = [
        f"{load.store} {name} ({measure.percentile(0.99):.1f} ms)"
        for load, name, measure in kinds
        if measure.percentile(0.99) >= AIM_P99_MS
    ]
    offered = max(PROCESS_COUNTS) / PACED_PERIOD_S
    behind = [
        f"{load.store} achieved {load.measure.rate:.0f} of {load.offered:.0f} tx/s"
        for load in paced
        if load.measure.rate < PACED_KEPT_UP * load.offered
    ]
    return [
        _ratio_verdict(
            [entry for entry in ratios if entry[0].processes == 1],
            "judged at 1 process (the aim's own measure)",
        ),
        _ratio_verdict(
            [entry for entry in ratios if entry[0].processes > 1],
            "with several processes writing at once (for information: the bare writers take"
            " turns by SQLite's busy wait, which lets one process win again and again, and"
            " the service's writers strictly in turn)",
        ),
        f"- Aim: p99 < {AIM_P99_MS:.0f} ms with {max(PROCESS_COUNTS)} processes, judged on the"
        f" paced load ({offered:.0f} tx/s offered): "
        + (
            f"met by all {len(kinds)} (store, kind) pairs."
            if not slow
            else f"missed by {len(slow)} of {len(kinds)}: " + ", ".join(slow) + "."
        )
        + (
            " Fell behind the schedule, so that paced load was itself saturation: "
            + ", ".join(behind)
            + "."
            if behind
            else ""
        ),
        f"- Cold start of `python -m shared.cli.main --db STORE status --json` (SQLite): median"
        f" {1000 * statistics.median(cold):.0f} ms of {len(cold)} runs"
        f" (min {1000 * min(cold):.0f}, max {1000 * max(cold):.0f} ms).",
    ]


def section(
    rows: list[Row],
    paced: list[Paced],
    cold: list[float],
    versions: dict[str, str],
    when: dt.datetime,
    load: str,
) -> str:
    counts = ", ".join(f"{OPERATIONS_PER_PROCESS[n]} each with {n}" for n in PROCESS_COUNTS)
    workers = max(PROCESS_COUNTS)
    kiosks = workers // 2
    period_ms = 1000 * PACED_PERIOD_S
    lines = [
        BEGIN_MARK,
        "## Issuing and calling throughput (core)",
        "",
        "Run: `python -m tests.bench.throughput` from the repository root (`--postgres URL` for"
        " a server other than 127.0.0.1:5432, `--no-postgres` to skip it); it rewrites this"
        " section.",
        "",
        f"Measured {when:%Y-%m-%d %H:%M} on {machine(versions, load)}.",
        "",
        "### Saturation (stress): N processes flat out",
        "",
        "These rows are a stress test, not a hall: every process starts its next transaction"
        " the moment the last one ends, so with N processes a transaction waits for the N - 1"
        " others (writers are serialised: an OS file lock before `BEGIN IMMEDIATE` on SQLite,"
        " the hall row's lock on PostgreSQL) and its latency is about N × the time of one."
        " The service ÷ bare aim is judged on the 1-process rows; the p99 aim is not.",
        "",
        "N worker processes (spawned once) start each phase together at one wall-clock"
        " instant after preparing and one untimed warm-up. *issue*: each issues `topup`"
        " tickets through `HallService`; *call + finish*: each opens its own counter and calls"
        " and finishes the tickets just issued (a call and a finish are one transaction each;"
        " pairs/s is half the tx/s). *bare*: the same writes as issuing a ticket with no"
        " service around them, on a fresh store of the same schema: stdlib `sqlite3` (`BEGIN"
        " IMMEDIATE`; upsert the sequence row; insert the ticket; insert its event; `COMMIT`;"
        " WAL, `synchronous=FULL`) or `psycopg` (the same in one transaction). tx/s counts"
        " transactions from the start instant to the last worker's end; p50/p99 are per"
        f" transaction (nearest rank). Operations per process: {counts}.",
        "",
        *table(rows),
        "",
        f"### Paced load: {workers} processes at {workers / PACED_PERIOD_S:.0f} tx/s offered"
        " (the p99 aim)",
        "",
        f"{workers} worker processes on one fresh store: {kiosks} kiosks issue tickets"
        f" (`{'` and `'.join(PACED_KIOSK_BUSINESSES)}`, queues A and B, alternately by kiosk)"
        f" and {workers - kiosks} counters, each opened by its own process, call and finish"
        " what the kiosks issue (a call that finds nothing waiting is still a transaction and"
        f" counts as a call). Each process does one action every {period_ms:.0f} ms on a fixed"
        f" schedule for {PACED_SECONDS:.0f} s, the processes' start instants staggered"
        f" {period_ms / workers:.2f} ms apart across the period (kiosks and counters"
        " alternating). Latency runs from the scheduled instant to the end of the transaction,"
        " so a process that falls behind is charged for its backlog (no coordinated omission)."
        " That load is far above a real hall, where a busy day issues a few hundred tickets;"
        " achieved tx/s counts transactions from the start instant to the last one's end.",
        "",
        *paced_table(paced),
        "",
        "### Cold start of the command line",
        "",
        "Wall time of `python -m shared.cli.main --db STORE status --json` as a fresh process"
        " (interpreter start, imports, opening and checking the store, the query, the JSON), on"
        " a SQLite store made by `init --demo` with counter 1 serving and 20 tickets waiting:"
        f" {', '.join(f'{1000 * s:.0f}' for s in cold)} ms over {len(cold)} runs after one"
        " warm-up.",
        "",
        "### Verdicts",
        "",
        *verdicts(rows, paced, cold),
        END_MARK,
    ]
    return "\n".join(lines) + "\n"


# ----- profiling one issuing process -----


def profile_issuing(count: int, top: int = 15) -> None:
    """cProfile one process issuing `count` tickets on a fresh SQLite store."""
    stores = SQLiteStores()
    try:
        target = stores.new_target("profile")
        prepare_store(target)
        store = open_store(target, upgrade=False)
        hall = HallService(store, "demo", SystemClock())
        hall.issue("topup")  # warm-up: statement compilation, connection
        profiler = cProfile.Profile()
        began = time.perf_counter()
        profiler.enable()
        for _ in range(count):
            hall.issue("topup")
        profiler.disable()
        elapsed = time.perf_counter() - began
        store.close()
        each_ms = 1000 * elapsed / count
        print(f"{count} issues in {elapsed:.2f} s under cProfile ({each_ms:.2f} ms each)")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)
    finally:
        stores.close()


# ----- main -----


@contextmanager
def backends(arguments: argparse.Namespace) -> Iterator[list[SQLiteStores | PostgresStores]]:
    chosen: list[SQLiteStores | PostgresStores] = [SQLiteStores()]
    url = arguments.postgres or os.environ.get("HALLQ_TEST_POSTGRES_URL", DEFAULT_POSTGRES)
    if not arguments.no_postgres:
        if postgres_answers(url):
            chosen.append(PostgresStores(url))
        elif arguments.postgres:
            raise SystemExit(f"no PostgreSQL server answers at {url}")
        else:
            print(f"no PostgreSQL server answers at {url}: SQLite only", flush=True)
    try:
        yield chosen
    finally:
        for stores in chosen:
            stores.close()


def main(argv: list[str] | None = None) -> int:
    parser = bench_parser("throughput", __doc__)
    parser.add_argument(
        "--profile",
        type=int,
        metavar="N",
        help="only profile one process issuing N tickets (SQLite) and print it",
    )
    arguments = parser.parse_args(argv)
    if arguments.profile:
        profile_issuing(arguments.profile)
        return 0

    began = time.monotonic()
    when, load = dt.datetime.now(), load_average()
    workers = Workers(max(PROCESS_COUNTS))
    rows: list[Row] = []
    paced: list[Paced] = []
    versions: dict[str, str] = {}
    try:
        with backends(arguments) as chosen:
            for stores in chosen:
                versions[stores.name] = stores.version()
                rows += measure_backend(workers, stores)
                paced.append(measure_paced(workers, stores))
            cold = cold_start(next(s for s in chosen if isinstance(s, SQLiteStores)))
    finally:
        workers.close()
    text_of_section = section(rows, paced, cold, versions, when, load)
    print(text_of_section)
    if not arguments.no_write:
        write_section("throughput", text_of_section)
        print(f"wrote {DOC.relative_to(REPO)}")
    print(f"took {time.monotonic() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
