"""A blocking lock shared by every process writing to one SQLite file.

SQLite's own busy handler makes a waiting writer sleep and retry (up to 100 ms a nap), so
under load one process can wait seconds while others keep winning. Waiting on an OS file
lock instead wakes a waiter the moment the lock is free. A waiter gives up after the
store's busy timeout, as SQLite would, so a program holding the lock forever (hung, or
hostile) makes the others fail with a reason instead of freezing them. Where the OS has
no `fcntl` (Windows), the busy timeout alone still keeps writes correct, only less evenly
served.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_FILE_MODE = 0o600  # only the store's owner may take (or hold hostage) the writers' lock
DEFAULT_WAIT_S = 30.0
WAKE_S = 0.002  # how often a waiter looks whether its waiting thread got the lock


class LockBusy(Exception):
    """Another process holds the lock and the caller chose not to wait."""


class LockWaitOver(Exception):
    """Another process held the lock for the whole wait; the message names the lock."""


class WriterLock:
    """Exclusive across processes (a lock file beside the store) and across threads."""

    def __init__(self, database: Path, *, wait_s: float = DEFAULT_WAIT_S) -> None:
        self.path = database.with_name(database.name + "-writer.lock")
        self.wait_s = wait_s
        self._threads = threading.Lock()
        self._descriptor: int | None = None

    def _open(self) -> int:
        return os.open(self.path, os.O_RDWR | os.O_CREAT, LOCK_FILE_MODE)

    @contextlib.contextmanager
    def held(self, *, wait: bool = True) -> Iterator[None]:
        """Hold the lock; with `wait=False`, raise LockBusy at once if someone else has it,
        else LockWaitOver when it stays taken for the whole wait."""
        if not self._threads.acquire(timeout=self.wait_s if wait else 0):
            raise LockWaitOver(self._waited()) if wait else LockBusy(str(self.path))
        try:
            if fcntl is None:
                yield
                return
            if self._descriptor is None:
                self._descriptor = self._open()
            try:
                fcntl.flock(self._descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as error:
                if not wait:
                    raise LockBusy(str(self.path)) from error
                self._descriptor = self._wait_for_lock(self._descriptor)
            try:
                yield
            finally:
                fcntl.flock(self._descriptor, fcntl.LOCK_UN)
        finally:
            self._threads.release()

    def _wait_for_lock(self, idle: int) -> int:
        """Block on a descriptor of its own in a waiting thread, so the OS wakes it the
        moment the lock is free, for at most `wait_s`. On success that descriptor becomes
        the lock's; a waiter given up on lets the lock go as soon as it gets it."""
        waiting = self._open()
        got = threading.Event()
        decided = threading.Lock()
        given_up = False

        def wait() -> None:
            fcntl.flock(waiting, fcntl.LOCK_EX)
            with decided:
                if given_up:
                    fcntl.flock(waiting, fcntl.LOCK_UN)
                    os.close(waiting)
                    return
                got.set()

        threading.Thread(target=wait, name="hallq writer lock", daemon=True).start()
        # Polled on the monotonic clock rather than a timed wait: a timed wait's deadline
        # is an instant, which a shifted wall clock (libfaketime, a stepped clock) can put
        # a year away; a short sleep is relative and wakes the waiter within a few ms.
        deadline = time.monotonic() + self.wait_s
        while not got.is_set() and time.monotonic() < deadline:
            time.sleep(WAKE_S)
        with decided:
            if not got.is_set():
                given_up = True
                raise LockWaitOver(self._waited())
        os.close(idle)
        return waiting

    def _waited(self) -> str:
        return f"waited {self.wait_s:g} s for the writers' lock {self.path.name}"

    def close(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None
