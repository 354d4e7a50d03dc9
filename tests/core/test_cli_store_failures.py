"""`hallq` when the store fails under it: exit status 1 and one line that names the store
and says what failed, never a traceback. Real store files, a real lock-holding process,
a real refused connection."""

from __future__ import annotations

import subprocess
import sys

import pytest

from shared.cli.main import main
from tests.store_trouble import quick_target, write_lock_held

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
