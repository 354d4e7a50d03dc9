"""Actions through the hall server against the same actions in-process, and the most one
server process sustains. Run on demand, never collected by pytest:

    python -m tests.bench.server                  # SQLite, and PostgreSQL if one answers
    python -m tests.bench.server --no-postgres

Paced load (the latency a program sees): 16 client processes on one store, 8 kiosks
issuing (`topup` to queue A, `password_reset` to queue B, alternately by kiosk) and 8
counters calling and finishing, each one action a second for PACED_SECONDS on a fixed
schedule, start instants staggered across the second. In-process, each worker runs
HallService on the store itself (the baseline); through the server, each worker is an
authenticated HTTP client (a kiosk's device key, a clerk's session at her counter) on a
kept-alive connection to one `hallq serve` process. Latency runs from the scheduled
instant to the answer, so a late worker's backlog counts.

Saturation (PostgreSQL): N closed-loop clients through one server process, flat out, for
SATURATION_SECONDS on a fresh store each: the rate of actions answered and their latency.
The aim is about 300 actions/s (the busiest minute of 1,000 halls) with p99 < 100 ms.

The results replace this benchmark's section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from shared.services.devices import enrol_device
from shared.services.hall import HallService
from shared.store.clock import SystemClock
from shared.store.database import open_store
from tests.bench.report import REPO, load_average, machine, write_section
from tests.bench.throughput import (
    DEFAULT_POSTGRES,
    PostgresStores,
    SQLiteStores,
    bench_hall,
    postgres_answers,
)
from tests.integration.hall_server import HallServer, running_server

PACED_SECONDS = 20.0
PACED_WORKERS = 16
SATURATION_SECONDS = 8.0
SATURATION_CLIENTS = (4, 8, 16)
BUSINESSES = ("topup", "password_reset")
PIN = "1234"


def prepare(target: str) -> None:
    """The bench hall (16 counters and clerks, each with PIN 1234) in a new store."""
    from shared.services.hall_config import load_hall

    definition = bench_hall()
    for clerk in definition["clerks"]:
        clerk.setdefault("pin", PIN)
    store = open_store(target)
    with store.write() as session:
        load_hall(session, definition)
    store.close()


# ----- a worker: one kiosk or one counter -----


class Client:
    """One program's kept-alive connection to the server, with its credentials."""

    def __init__(self, port: int, key: str) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}

    def post(self, path: str, body: object = None) -> dict[str, Any]:
        self.connection.request("POST", path, json.dumps(body or {}), self.headers)
        response = self.connection.getresponse()
        answer: dict[str, Any] = json.loads(response.read())
        if response.status >= 300:
            raise RuntimeError(f"{path}: {response.status} {answer}")
        return answer


def _kiosk(task: dict[str, Any]) -> Callable[[], None]:
    business = BUSINESSES[task["index"] % len(BUSINESSES)]
    if task["port"]:
        client = Client(task["port"], task["key"])

        def issue_through_the_server() -> None:
            client.post("/api/kiosk/tickets", {"business": business})

        return issue_through_the_server
    hall = HallService(open_store(task["target"], upgrade=False), None, SystemClock())

    def issue_in_process() -> None:
        hall.issue(business)

    return issue_in_process


def _counter(task: dict[str, Any]) -> Callable[[], None]:
    """Alternately call (whatever waits, or nothing) and finish."""
    counter, serving = task["counter"], False
    if task["port"]:
        client = Client(task["port"], task["key"])
        client.post(f"/api/counters/{counter}/open")

        def call() -> bool:
            return client.post(f"/api/counters/{counter}/call")["ticket"] is not None

        def finish() -> None:
            client.post(f"/api/counters/{counter}/finish")
    else:
        hall = HallService(open_store(task["target"], upgrade=False), None, SystemClock())
        hall.open_counter(counter, task["clerk"])

        def call() -> bool:
            return hall.call(counter).ticket is not None

        def finish() -> None:
            hall.finish(counter)

    def step() -> None:
        nonlocal serving
        if serving:
            finish()
            serving = False
        else:
            serving = call()

    return step


def worker(task: dict[str, Any], ready: Any, start_at: Any, go: Any, results: Any) -> None:
    """Prepare (connect, sign the counter open), say so, and start when all are ready."""
    step = _kiosk(task) if task["role"] == "kiosk" else _counter(task)
    ready.put(task["index"])
    go.wait()
    task["start"] = start_at.value
    latencies: list[float] = []
    if task["paced"]:
        for i in range(round(task["seconds"])):
            scheduled = task["start"] + task["offset"] + i
            time.sleep(max(0.0, scheduled - time.time()))
            step()
            latencies.append(time.time() - scheduled)
    else:
        time.sleep(max(0.0, task["start"] - time.time()))
        while time.time() < task["start"] + task["seconds"]:
            began = time.time()
            step()
            latencies.append(time.time() - began)
    results.put(latencies)


# ----- a run -----


@contextmanager
def server_on(target: str) -> Iterator[HallServer]:
    """`hallq serve` on `target`, its log in a folder of its own for the run."""
    with (
        tempfile.TemporaryDirectory(prefix="hallq-bench-server-") as folder,
        running_server(target, Path(folder)) as server,
    ):
        yield server


def run(
    target: str, server: HallServer | None, clients: int, *, paced: bool, seconds: float
) -> dict[str, float]:
    """`clients` workers, half kiosks and half counters (7 upwards), in-process or through
    `server`; their latencies' percentiles and the rate achieved."""
    port = server.port if server else None
    store = open_store(target, upgrade=False)
    tasks = []
    for index in range(clients):
        role = "kiosk" if index % 2 == 0 else "counter"
        counter = 7 + index // 2
        clerk = f"E{index // 2 + 1:03d}"
        key = ""
        if port and role == "kiosk":
            key = enrol_device(store, None, None, f"bench-kiosk-{index}", "kiosk")
        elif server:
            key = server.sign_in(clerk, PIN, counter)
        tasks.append(
            {
                "index": index,
                "role": role,
                "target": target,
                "port": port,
                "key": key,
                "counter": counter,
                "clerk": clerk,
                "paced": paced,
                "seconds": seconds,
                "offset": index / clients,
            }
        )
    store.close()
    context = multiprocessing.get_context("spawn")
    results, ready, go = context.Queue(), context.Queue(), context.Event()
    start_at = context.Value("d", 0.0)
    processes = []
    for task in tasks:
        process = context.Process(target=worker, args=(task, ready, start_at, go, results))
        process.start()
        processes.append(process)
    for _ in processes:
        ready.get(timeout=300)
    start_at.value = time.time() + 0.5
    go.set()
    latencies = [value for _ in processes for value in results.get(timeout=600)]
    for process in processes:
        process.join()
    latencies.sort()
    return {
        "actions": len(latencies),
        "rate": len(latencies) / seconds,
        "p50": 1000 * statistics.median(latencies),
        "p99": 1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
    }


COLD_RUNS = 7


def cold_starts(stores: SQLiteStores) -> dict[str, float]:
    """Median wall time of `hallq status --json` as a new process: on the store file, and
    as a client of the server (a board's key), after one warm-up each."""
    target = stores.new_target("cold")
    prepare(target)
    store = open_store(target)
    key = enrol_device(store, None, None, "board-cold", "board")
    store.close()
    medians = {}
    with server_on(target) as server:
        commands = {
            "on the store file": ["--db", target, "status", "--json"],
            "through the server": ["--server", f"127.0.0.1:{server.port}", "status", "--json"],
        }
        for label, arguments in commands.items():
            times = []
            for _ in range(COLD_RUNS + 1):
                began = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "shared.cli", *arguments],
                    cwd=REPO,
                    env={**os.environ, "HALLQ_DEVICE_KEY": key},
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
                times.append(time.perf_counter() - began)
            medians[label] = 1000 * statistics.median(times[1:])
    return medians


def paced_pair(stores: SQLiteStores | PostgresStores) -> dict[str, dict[str, float]]:
    figures = {}
    direct = stores.new_target("paced-direct")
    prepare(direct)
    figures["in-process"] = run(direct, None, PACED_WORKERS, paced=True, seconds=PACED_SECONDS)
    served = stores.new_target("paced-server")
    prepare(served)
    with server_on(served) as server:
        figures["through the server"] = run(
            served, server, PACED_WORKERS, paced=True, seconds=PACED_SECONDS
        )
    return figures


def saturation(stores: PostgresStores) -> dict[int, dict[str, float]]:
    figures = {}
    for clients in SATURATION_CLIENTS:
        target = stores.new_target(f"flat-{clients}")
        prepare(target)
        with server_on(target) as server:
            figures[clients] = run(target, server, clients, paced=False, seconds=SATURATION_SECONDS)
        print(f"saturation {clients} clients: {figures[clients]}", flush=True)
    return figures


def section(
    load: str,
    versions: dict[str, str],
    paced: dict[str, Any],
    flat: dict[int, Any],
    cold: dict[str, float],
) -> str:
    lines = [
        "<!-- bench:server -->",
        "## Through the hall server: latency and what one server process sustains",
        "",
        f"`python -m tests.bench.server`, {dt.date.today():%Y-%m-%d}.",
        f"Machine: {machine(versions, load)}.",
        "",
        f"### Paced: {PACED_WORKERS} client processes, one action a second each,"
        f" {PACED_SECONDS:.0f} s",
        "",
        "8 kiosks issue, 8 counters call and finish; the same load in-process (HallService on",
        "the store, the baseline) and through one `hallq serve` process (HTTP, kept-alive,",
        "each client authenticated). Latency from the scheduled instant to the answer.",
        "",
        "| store | path | actions | p50 ms | p99 ms | p99 ÷ in-process p99 |",
        "|---|---|---|---|---|---|",
    ]
    verdicts = []
    for store, pair in paced.items():
        base = pair["in-process"]["p99"]
        for path, figure in pair.items():
            lines.append(
                f"| {store} | {path} | {figure['actions']} | {figure['p50']:.1f} |"
                f" {figure['p99']:.1f} | {figure['p99'] / base:.2f} |"
            )
        through = pair["through the server"]["p99"]
        verdicts.append(
            f"- {store}: p99 through the server {through:.1f} ms, aim < 30 ms:"
            f" {'met' if through < 30 else 'missed'}."
        )
    if flat:
        lines += [
            "",
            "### Saturation on PostgreSQL: closed-loop clients flat out,"
            f" {SATURATION_SECONDS:.0f} s each",
            "",
            "| clients | actions/s | p50 ms | p99 ms |",
            "|---|---|---|---|",
        ]
        for clients, figure in flat.items():
            lines.append(
                f"| {clients} | {figure['rate']:.0f} | {figure['p50']:.1f} | {figure['p99']:.1f} |"
            )
        within = [f["rate"] for f in flat.values() if f["p99"] < 100]
        best = max(within, default=0.0)
        verdicts.append(
            f"- One server process sustains {best:.0f} actions/s with p99 < 100 ms on 2 cores;"
            f" aim about 300: {'met' if best >= 300 else 'missed'}."
        )
    lines += [
        "",
        f"### Cold start of `hallq status --json` (median of {COLD_RUNS} new processes)",
        "",
        "| how | ms |",
        "|---|---|",
        *(f"| {label} | {ms:.0f} |" for label, ms in cold.items()),
    ]
    through = cold.get("through the server", float("inf"))
    verdicts.append(
        f"- `hallq --server URL status --json` starts and answers in {through:.0f} ms,"
        f" aim < 250 ms: {'met' if through < 250 else 'missed'}."
    )
    lines += ["", "### Verdicts", "", *verdicts, "<!-- /bench:server -->", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.server", description=__doc__)
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES, help="admin URL")
    parser.add_argument("--no-postgres", action="store_true")
    arguments = parser.parse_args(argv)
    load = load_average()
    sqlite_stores = SQLiteStores()
    versions = {"SQLite": sqlite_stores.version()}
    paced: dict[str, Any] = {}
    flat: dict[int, Any] = {}
    try:
        cold = cold_starts(sqlite_stores)
        print(f"cold starts: {cold}", flush=True)
        paced["SQLite"] = paced_pair(sqlite_stores)
        print(f"paced SQLite: {paced['SQLite']}", flush=True)
    finally:
        sqlite_stores.close()
    if not arguments.no_postgres and postgres_answers(arguments.postgres):
        postgres = PostgresStores(arguments.postgres)
        versions["PostgreSQL"] = postgres.version()
        try:
            paced["PostgreSQL"] = paced_pair(postgres)
            print(f"paced PostgreSQL: {paced['PostgreSQL']}", flush=True)
            flat = saturation(postgres)
        finally:
            postgres.close()
    write_section("server", section(load, versions, paced, flat, cold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
