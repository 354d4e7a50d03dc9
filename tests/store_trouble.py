"""Real trouble for a store, made the way it happens in a hall: another program holding the
write lock, the store file taken away, a store that refuses writes."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from shared.store.database import Store, open_store

# A busy timeout short enough for a test, given as the store's own `?timeout=` option.
QUICK_TIMEOUT_S = 0.3

HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
"""


def quick_target(path: str | Path) -> str:
    """The SQLite store at `path`, giving up on another writer's lock within a test's patience."""
    return f"sqlite+pysqlite:///{Path(path).resolve()}?timeout={QUICK_TIMEOUT_S}"


@pytest.fixture
def quick_store(store_target: str) -> Iterator[Store]:
    """The test's SQLite store, opened with the short busy timeout."""
    opened = open_store(quick_target(store_target))
    yield opened
    opened.close()


@contextlib.contextmanager
def write_lock_held(path: str | Path) -> Iterator[None]:
    """Another process holds the store's write lock (BEGIN IMMEDIATE) until the block ends."""
    with _holding(HOLDER, path):
        yield


@contextlib.contextmanager
def _holding(program: str, path: str | Path) -> Iterator[None]:
    holder = subprocess.Popen(
        [sys.executable, "-c", program, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=10)


WRITER_LOCK_HOLDER = """
import fcntl, os, sys
descriptor = os.open(sys.argv[1] + "-writer.lock", os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(descriptor, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.readline()
"""


@contextlib.contextmanager
def writer_lock_held(path: str | Path) -> Iterator[None]:
    """Another process holds the store's writers' lock file (as a hung or hostile program
    would) until the block ends."""
    with _holding(WRITER_LOCK_HOLDER, path):
        yield


@contextlib.contextmanager
def moved_away(path: str | Path, aside: Path) -> Iterator[None]:
    """The store file is not at its place (moved, deleted, a disk unmounted) until the block
    ends and it is put back."""
    Path(path).rename(aside)
    try:
        yield
    finally:
        aside.rename(path)


@contextlib.contextmanager
def writes_refused(store: Store) -> Iterator[None]:
    """Every connection of `store` refuses writes as SQLite does on a read-only store
    (`PRAGMA query_only`: running as root, a chmod would not stop SQLite writing)."""

    def query_only(dbapi_connection: object, _record: object) -> None:
        dbapi_connection.execute("PRAGMA query_only=ON")  # type: ignore[attr-defined]

    event.listen(store.engine, "connect", query_only)
    store.engine.dispose()  # the connections already open are opened again, read-only
    try:
        yield
    finally:
        event.remove(store.engine, "connect", query_only)
        store.engine.dispose()
