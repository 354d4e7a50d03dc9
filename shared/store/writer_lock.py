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
import select
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
        woken, wake = os.pipe()  # the thread closes `wake` when it is done: `woken` reads
        decided = threading.Lock()
        given_up = got = False

        def wait() -> None:
            nonlocal got
            fcntl.flock(waiting, fcntl.LOCK_EX)
            with decided:
                if given_up:
                    fcntl.flock(waiting, fcntl.LOCK_UN)
                    os.close(waiting)
                else:
                    got = True
            os.close(wake)

        threading.Thread(target=wait, name="hallq writer lock", daemon=True).start()
        # select's timeout is a duration, not an instant: a shifted wall clock (libfaketime,
        # a stepped clock) cannot put the deadline a year away, and the waiter wakes the
        # moment the thread has the lock instead of at its next look.
        deadline = time.monotonic() + self.wait_s
        try:
            while (left := deadline - time.monotonic()) > 0:
                if select.select([woken], [], [], left)[0]:
                    break
        finally:
            os.close(woken)
        with decided:
            if not got:
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
