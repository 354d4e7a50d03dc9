"""A store hallq makes is its owner's alone: the file, its -wal and -shm, the writers' lock,
its backups and a restored store are 0600, a folder hallq makes for it 0700, whatever the
umask. Another account on the PC can read none of them (run as root to prove it with a
real second account)."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.cli.main import main
from shared.services.settings import change_settings
from shared.store.database import open_store
from shared.store.lookup import find_hall

pytestmark = pytest.mark.usefixtures("sqlite_only")

OTHER_ACCOUNT = "nobody"


@contextlib.contextmanager
def permissive_umask() -> Iterator[None]:
    """The loosest usual umask (files 0644, folders 0755): privacy must not depend on it."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder any account may enter (0755, as a shared data folder would be), so only the
    files' own modes keep another account out."""
    folder = Path(tempfile.mkdtemp(prefix="hallq-privacy-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextlib.contextmanager
def store_in_use(store_file: Path) -> Iterator[None]:
    """The store open with a write committed: SQLite's -wal and -shm exist beside it."""
    store = open_store(str(store_file), create=False)
    try:
        with store.write() as session:
            change_settings(session, find_hall(session, "demo").id, {"kiosk_idle_s": 40})
        yield
    finally:
        store.close()


def test_a_store_hallq_makes_is_private_with_its_companions_lock_and_backups(open_folder):
    store_file = open_folder / "new" / "deeper" / "hall.sqlite3"
    with permissive_umask():
        assert main(["--db", str(store_file), "init", "--demo"]) == 0
        assert (mode(open_folder / "new"), mode(store_file.parent)) == (0o700, 0o700)
        assert mode(open_folder) == 0o755  # a folder already there is left as it was
        with store_in_use(store_file):
            for name in ("hall.sqlite3", "hall.sqlite3-wal", "hall.sqlite3-shm"):
                assert mode(store_file.parent / name) == 0o600, name
        assert mode(store_file.parent / "hall.sqlite3-writer.lock") == 0o600
        backup = open_folder / "hall-backup.sqlite3"
        assert main(["--db", str(store_file), "backup", str(backup)]) == 0
        assert mode(backup) == 0o600
        store_file.chmod(0o644)  # a store made by an older hallq, say
        assert main(["--db", str(store_file), "restore", str(backup)]) == 0
        assert mode(store_file) == 0o600
        assert {mode(kept) for kept in store_file.parent.iterdir()} == {0o600}


def read_as_other_account(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["head", "-c", "16", str(path)],
        user=OTHER_ACCOUNT,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_another_account_can_open_no_file_of_the_store(open_folder):
    if os.geteuid() != 0:
        pytest.skip("needs root to run a command as another account (nobody)")
    store_file = open_folder / "hall.sqlite3"
    with permissive_umask():
        assert main(["--db", str(store_file), "init", "--demo"]) == 0
        backup = open_folder / "backup.sqlite3"
        assert main(["--db", str(store_file), "backup", str(backup)]) == 0
        control = open_folder / "notice.txt"
        control.write_text("anyone may read this")  # 0644: the account can read what is open
        assert read_as_other_account(control).stdout == "anyone may read "
        with store_in_use(store_file):
            private = [
                store_file,
                Path(f"{store_file}-wal"),
                Path(f"{store_file}-shm"),
                Path(f"{store_file}-writer.lock"),
                backup,
            ]
            for path in private:
                assert path.exists(), path
                refused = read_as_other_account(path)
                assert refused.returncode != 0 and "Permission denied" in refused.stderr, path
    made = open_folder / "made" / "hall.sqlite3"
    assert main(["--db", str(made), "init"]) == 0
    made.chmod(0o644)  # readable in itself: only the folder hallq made keeps the account out
    assert "Permission denied" in read_as_other_account(made).stderr
