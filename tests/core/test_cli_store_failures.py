"""`hallq` when the store fails under it: exit status 1 and one line that names the store
and says what failed, never a traceback. Real store files, a real lock-holding process,
a real refused connection."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shared.cli.main import main
from shared.services.hall import HallService
from shared.store.clock import FixedClock
from shared.store.database import open_store
from shared.store.failures import LOCKED, store_failure
from shared.store.writer_lock import LockWaitOver
from tests.store_trouble import (
    QUICK_TIMEOUT_S,
    quick_target,
    write_lock_held,
    writer_lock_held,
)

pytestmark = pytest.mark.usefixtures("sqlite_only")

HALLQ = (sys.executable, "-m", "shared.cli")


def one_line_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("hallq: error: ")
    return error.strip()


def test_a_store_locked_past_the_wait_is_one_line_from_a_real_process(store_target):
    with write_lock_held(store_target):
        done = subprocess.run(
            [*HALLQ, "--db", quick_target(store_target), "settings", "kiosk_idle_s=40"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stderr == (
        f"hallq: error: store {store_target}: locked by another program past the wait "
        "(database is locked)\n"
    )


def test_an_unreachable_database_server_is_named_without_its_password(capsys):
    error = one_line_error(
        capsys, ["--db", "postgresql+psycopg://hall:secret@127.0.0.1:1/hallq", "status"]
    )
    assert "store postgresql+psycopg://hall:***@127.0.0.1:1/hallq" in error
    assert "the database server does not answer" in error and "Connection refused" in error
    assert "secret" not in error


def test_a_store_path_that_is_a_folder_cannot_be_opened(capsys, tmp_path):
    folder = tmp_path / "hall.sqlite3"
    folder.mkdir()
    assert one_line_error(capsys, ["--db", str(folder), "status"]) == (
        f"hallq: error: {folder} is a folder, not a store file"
    )


def test_a_file_that_is_no_store_is_one_line(capsys, tmp_path):
    bad = tmp_path / "hall.sqlite3"
    bad.write_bytes(b"not a database " * 100)
    assert one_line_error(capsys, ["--db", str(bad), "status"]) == (
        f"hallq: error: {bad} is not a hallq store (not a database)"
    )


def test_a_wait_that_is_no_number_is_refused(capsys, store_target):
    error = one_line_error(capsys, ["--db", f"sqlite:///{store_target}?timeout=soon", "status"])
    assert error == "hallq: error: timeout='soon' is not a number of seconds from 0 to 3600"


def test_a_writers_lock_held_past_the_wait_is_one_line_naming_the_store(store_target):
    with writer_lock_held(store_target):
        began = time.monotonic()
        done = subprocess.run(
            [*HALLQ, "--db", quick_target(store_target), "settings", "kiosk_idle_s=40"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        waited = time.monotonic() - began
    assert done.returncode == 1
    assert done.stderr == (
        f"hallq: error: store {store_target}: locked by another program past the wait "
        f"(waited {QUICK_TIMEOUT_S:g} s for the writers' lock {Path(store_target).name}"
        "-writer.lock)\n"
    )
    assert waited < 20  # the store's wait, plus starting Python: not forever


def test_a_hall_action_gives_up_on_a_held_writers_lock_and_then_writes(store_target):
    store = open_store(quick_target(store_target))
    hall = HallService(store, "demo", FixedClock(dt.datetime(2026, 3, 2, 9, 0)))
    with writer_lock_held(store_target):
        with pytest.raises(LockWaitOver) as waited:
            hall.issue("topup")
        failure = store_failure(waited.value, store_target)
        assert failure is not None and failure.kind == LOCKED
    assert hall.issue("topup").ticket == "A001"  # the lock let go: the next write goes through
    store.close()
