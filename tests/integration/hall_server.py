"""A real hall server for tests: `hallq serve` in a process of its own on a free loopback
port, over a store target the test made, and a small HTTP client of the standard library.
Nothing is mocked: requests cross a real socket to uvicorn."""

from __future__ import annotations

import http.client
import json
import os
import socket
import ssl
import subprocess
import sys
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, MetaData, select

from shared.store.database import Store

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60.0


_REFLECTED: weakref.WeakKeyDictionary[Engine, MetaData] = weakref.WeakKeyDictionary()


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: what "stores nothing" is compared on. The tables are
    read from the store once (no act changes the schema)."""
    tables = _REFLECTED.get(store.engine)
    if tables is None:
        tables = _REFLECTED[store.engine] = MetaData()
        tables.reflect(store.engine)
    with store.engine.connect() as connection:
        return {
            name: sorted((tuple(row) for row in connection.execute(select(table))), key=repr)
            for name, table in tables.tables.items()
        }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Answer:
    status: int
    body: Any

    @property
    def detail(self) -> str:
        return str(self.body.get("detail", "")) if isinstance(self.body, dict) else ""


@dataclass
class HallServer:
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    def request(
        self, method: str, path: str, key: str | None = None, body: object = None
    ) -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        payload = None
        if isinstance(body, bytes):  # a file, as a list's CSV is sent
            payload = body
            headers["Content-Type"] = "text/csv"
        elif body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        try:
            connection.request(method, path, payload, headers)
            response = connection.getresponse()
            raw = response.read()
        finally:
            connection.close()
        if response.getheader("Content-Type", "").startswith("application/json"):
            return Answer(response.status, json.loads(raw) if raw else None)
        return Answer(response.status, raw or None)  # a document: its bytes

    def sign_in(self, staff_id: str, pin: str, counter: int | None = None) -> str:
        answer = self.request(
            "POST", "/api/sessions", body={"staff_id": staff_id, "pin": pin, "counter": counter}
        )
        assert answer.status == 201, answer
        token: str = answer.body["token"]
        return token

    def tracebacks(self) -> int:
        return self.log.read_text(errors="replace").count("Traceback")


def _answers(port: int, tls: bool = False) -> bool:
    try:
        connection = (
            http.client.HTTPSConnection(
                "127.0.0.1", port, timeout=2, context=ssl._create_unverified_context()
            )
            if tls
            else http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        )
        connection.request("GET", "/api/openapi.json")
        ok = connection.getresponse().status == 200
        connection.close()
        return ok
    except OSError:
        return False


def launch(target: str, folder: Path, port: int, *extra: str) -> HallServer:
    """`hallq serve` on `target` at `port`, once it answers; a restart on the same port
    gets a log of its own."""
    log = folder / f"server-{port}.log"
    restarts = 0
    while log.exists():
        restarts += 1
        log = folder / f"server-{port}-{restarts}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "shared.cli",
                "--db",
                target,
                "serve",
                "--port",
                str(port),
                *extra,
            ],
            cwd=REPO,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    deadline = time.monotonic() + START_TIMEOUT_S
    while not _answers(port, tls="--cert" in extra):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"the hall server did not start:\n{log.read_text()}")
        time.sleep(0.1)
    return HallServer(process, port, log)


def stop(server: HallServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@contextmanager
def running_server(
    target: str, folder: Path, *extra: str, port: int | None = None
) -> Iterator[HallServer]:
    """`hallq serve` on `target` until the block ends; then stopped, and its log kept. A
    `port` given starts it again where a stopped one listened."""
    server = launch(target, folder, port or free_port(), *extra)
    try:
        yield server
    finally:
        stop(server)
