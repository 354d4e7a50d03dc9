"""The writers' lock of a SQLite store between real processes: a waiter gets it the moment
the holder lets go, gives up with a reason after its wait, and a waiter given up on never
keeps it."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from shared.store.writer_lock import LockBusy, LockWaitOver, WriterLock

HOLDER = """
import fcntl, os, sys
descriptor = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(descriptor, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.readline()  # a line from the test lets the lock go
fcntl.flock(descriptor, fcntl.LOCK_UN)
print("released", flush=True)
sys.stdin.readline()
"""


class Holder:
    """Another process holding the lock file until told to let go."""

    def __init__(self, lock_file: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(lock_file)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._said() == "held"

    def _said(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def release(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        assert self._said() == "released"

    def end(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture
def lock(tmp_path: Path) -> WriterLock:
    return WriterLock(tmp_path / "hall.sqlite3", wait_s=20)


@pytest.fixture
def holder(lock: WriterLock) -> Iterator[Holder]:
    other = Holder(lock.path)
    yield other
    other.end()


def free_to_others(path: Path) -> bool:
    """Whether a third process could take the lock now."""
    descriptor = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(descriptor)
    return True


def settles(condition: Callable[[], bool], within_s: float = 10) -> bool:
    """Whether `condition` holds within the time, looked at every 10 ms. Sleeps are
    durations: a timed wait on a thread's event would never end under libfaketime."""
    deadline = time.monotonic() + within_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_a_waiter_gets_the_lock_once_the_other_process_lets_go(
    lock: WriterLock, holder: Holder
) -> None:
    got, done = threading.Event(), threading.Event()

    def write() -> None:
        with lock.held():
            got.set()
            settles(done.is_set, within_s=20)

    writer = threading.Thread(target=write)
    writer.start()
    assert not settles(got.is_set, within_s=0.3)  # still the other process's
    holder.release()
    assert settles(got.is_set)
    assert not free_to_others(lock.path)  # held by the waiter now, not only released
    done.set()
    writer.join()
    assert free_to_others(lock.path)


def test_a_waiter_gives_up_after_its_wait_and_never_keeps_the_lock(
    tmp_path: Path, holder: Holder
) -> None:
    lock = WriterLock(tmp_path / "hall.sqlite3", wait_s=0.3)
    began = time.monotonic()
    with pytest.raises(LockWaitOver), lock.held():
        pytest.fail("the lock was held by another process")
    assert time.monotonic() - began < 10
    holder.release()
    # The given-up waiter's thread takes the lock when it frees and lets it go at once.
    assert settles(lambda: free_to_others(lock.path)), "a waiter given up on kept the lock"


def test_not_waiting_is_refused_at_once(lock: WriterLock, holder: Holder) -> None:
    with pytest.raises(LockBusy), lock.held(wait=False):
        pytest.fail("the lock was held by another process")
    holder.release()
    with lock.held(wait=False):
        assert not free_to_others(lock.path)
