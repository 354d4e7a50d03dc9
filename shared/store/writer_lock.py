"""A blocking lock shared by every process writing to one SQLite file.

SQLite's own busy handler makes a waiting writer sleep and retry (up to 100 ms a nap), so
under load one process can wait seconds while others keep winning. Waiting on an OS file
lock instead wakes a waiter the moment the lock is free. Where the OS has no `fcntl`
(Windows), the busy timeout alone still keeps writes correct, only less evenly served.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class LockBusy(Exception):
    """Another process holds the lock and the caller chose not to wait."""


class WriterLock:
    """Exclusive across processes (a lock file beside the store) and across threads."""

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + "-writer.lock")
        self._threads = threading.Lock()
        self._descriptor: int | None = None

    @contextlib.contextmanager
    def held(self, *, wait: bool = True) -> Iterator[None]:
        """Hold the lock; with `wait=False`, raise LockBusy at once if someone else has it."""
        with self._threads:
            if fcntl is None:
                yield
                return
            if self._descriptor is None:
                self._descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(self._descriptor, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError as error:
                raise LockBusy(str(self.path)) from error
            try:
                yield
            finally:
                fcntl.flock(self._descriptor, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None
