"""Backup and restore of a SQLite store: a round trip gives back every row, and each refused
backup or restore says why and changes nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from shared.errors import Rejected
from shared.store.backup import BackupReport, backup_store, restore_store
from shared.store.database import open_store
from shared.store.migrate import head_revision
from shared.store.writer_lock import WriterLock
from tests.core.test_cli import hallq
from tests.core.test_hall_actions import snapshot

pytestmark = pytest.mark.usefixtures("sqlite_only")


@pytest.fixture
def busy_day(hall, clock):
    """A store holding tickets, events, transactions and a rating."""
    hall.open_counter(2, "E002")
    for business in ("topup", "topup", "sim_replace", "topup"):
        hall.issue(business)
    for _ in range(2):
        hall.call(2)
        clock.advance(90)
        hall.finish(2)
    hall.rate(2, "satisfied")
    return hall


def folder_listing(folder: Path) -> dict[str, bytes]:
    """Every file in a folder with its bytes: equal listings mean nothing was written there."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def flip_middle(path: Path, length: int = 4096) -> None:
    """Damage a file as a failing disk would: invert a run of bytes in its middle."""
    data = bytearray(path.read_bytes())
    start = len(data) // 2
    data[start : start + length] = bytes(byte ^ 0xFF for byte in data[start : start + length])
    path.write_bytes(bytes(data))


# ----- the round trip -----


def test_a_restored_backup_holds_every_row_of_every_table(busy_day, store, store_target, tmp_path):
    before = snapshot(store)
    backup = tmp_path / "monday.hallq-backup"
    backup_store(Path(store_target), backup)
    busy_day.issue("topup")  # the store moves on after the backup
    store.close()

    report = restore_store(backup, Path(store_target))

    restored = open_store(store_target)
    try:
        assert snapshot(restored) == before
    finally:
        restored.close()
    assert report.path == Path(store_target).resolve()
    assert report.tickets == 4


def test_a_backup_reports_what_it_holds(busy_day, store, store_target, tmp_path):
    backup = tmp_path / "monday.hallq-backup"
    report = backup_store(Path(store_target), backup)

    assert isinstance(report, BackupReport)
    assert report.path == backup.resolve()
    assert report.size_bytes == backup.stat().st_size
    assert report.sha256 == hashlib.sha256(backup.read_bytes()).hexdigest()
    assert report.schema_revision == head_revision()
    assert (report.tickets, report.events, report.transactions, report.ratings) == (4, 9, 2, 1)
    assert report.duration_s >= 0
    with sqlite3.connect(backup) as reading:
        assert reading.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert reading.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert sorted(path.name for path in tmp_path.iterdir() if "hallq-backup" in path.name) == [
        "monday.hallq-backup"
    ], "a partial file or a -wal was left beside the backup"


def test_a_restore_names_the_backup_it_put_in_place(store, store_target, tmp_path):
    backup = tmp_path / "store.backup"
    made = backup_store(Path(store_target), backup)
    store.close()
    restored = restore_store(backup, Path(store_target))
    assert (restored.sha256, restored.size_bytes) == (made.sha256, made.size_bytes)
    assert restored.schema_revision == head_revision()


def test_a_restore_makes_a_store_where_there_was_none(store, store_target, tmp_path):
    backup = tmp_path / "store.backup"
    backup_store(Path(store_target), backup)
    before = snapshot(store)
    new_home = tmp_path / "new" / "hall.sqlite3"
    new_home.parent.mkdir()
    restore_store(backup, new_home)
    restored = open_store(str(new_home))
    try:
        assert snapshot(restored) == before
    finally:
        restored.close()


def test_a_restore_discards_a_wal_the_old_store_left_behind(store, store_target, tmp_path):
    """A WAL left by a crashed program must not be replayed onto the restored file."""
    backup = tmp_path / "store.backup"
    backup_store(Path(store_target), backup)
    before = snapshot(store)
    store.close()
    wal = Path(store_target + "-wal")
    with sqlite3.connect(store_target, isolation_level=None) as crashing:
        crashing.execute("PRAGMA wal_autocheckpoint=0")
        crashing.execute("UPDATE halls SET name = 'written after the backup'")
        left_behind = wal.read_bytes()
    crashing.close()
    wal.write_bytes(left_behind)

    restore_store(backup, Path(store_target))

    assert_store_unchanged(store_target, before)


# ----- refused backups -----


def test_a_backup_never_overwrites_a_file(store, store_target, tmp_path):
    existing = tmp_path / "precious.txt"
    existing.write_text("last year's backup")
    with pytest.raises(Rejected, match="already exists"):
        backup_store(Path(store_target), existing)
    assert existing.read_text() == "last year's backup"


def test_a_backup_cannot_be_written_over_the_store(store, store_target, tmp_path):
    before = snapshot(store)
    with pytest.raises(Rejected, match="over the store itself"):
        backup_store(Path(store_target), Path(store_target))
    assert snapshot(store) == before


def test_a_backup_refuses_a_file_that_is_no_sqlite_store(tmp_path):
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database at all, but long enough to have a header" * 4)
    listing = folder_listing(tmp_path)
    with pytest.raises(Rejected, match="not a hallq store"):
        backup_store(text_file, tmp_path / "out.backup")
    assert folder_listing(tmp_path) == listing


def test_a_backup_refuses_a_sqlite_file_that_is_no_hallq_store(tmp_path):
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE songs (title TEXT)")
    connection.close()
    listing = folder_listing(tmp_path)
    with pytest.raises(Rejected, match="no schema version"):
        backup_store(other, tmp_path / "out.backup")
    assert folder_listing(tmp_path) == listing


def test_a_backup_of_a_missing_store_says_so(tmp_path):
    with pytest.raises(Rejected, match="there is no store"):
        backup_store(tmp_path / "nowhere.sqlite3", tmp_path / "out.backup")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "target", ["postgresql+psycopg://hall@db.local/hallq", Path("postgresql://hall@db/hallq")]
)
def test_a_backup_of_postgresql_points_to_pg_dump(target, tmp_path):
    with pytest.raises(Rejected, match=r"PostgreSQL.*pg_dump"):
        backup_store(target, tmp_path / "out.backup")
    assert list(tmp_path.iterdir()) == []


# ----- refused restores -----


@pytest.fixture
def backup(store_target: str, tmp_path: Path) -> Path:
    """A good backup of the demo store, in its own folder."""
    folder = tmp_path / "backups"
    folder.mkdir()
    made = folder / "good.backup"
    backup_store(Path(store_target), made)
    return made


@pytest.fixture
def closed_store(store, busy_day, store_target):
    """The store with a busy day in it, closed as the kiosks are for a restore: its rows."""
    before = snapshot(store)
    store.close()
    return before


def assert_store_unchanged(store_target: str, before: dict[str, list[tuple]]) -> None:
    """The store holds the same rows, and nothing was left beside it."""
    folder = Path(store_target).parent
    assert not [path.name for path in folder.iterdir() if ".restoring" in path.name]
    reopened = open_store(store_target)
    try:
        assert snapshot(reopened) == before
    finally:
        reopened.close()


def test_a_damaged_backup_is_refused(closed_store, backup, store_target):
    flip_middle(backup)
    with pytest.raises(Rejected, match="damaged"):
        restore_store(backup, Path(store_target))
    assert_store_unchanged(store_target, closed_store)


def test_a_file_that_is_no_database_is_refused(closed_store, tmp_path, store_target):
    text_file = tmp_path / "notes.txt"
    text_file.write_text("a shopping list")
    with pytest.raises(Rejected, match="not a hallq backup"):
        restore_store(text_file, Path(store_target))
    assert_store_unchanged(store_target, closed_store)


def test_a_backup_from_a_newer_hallq_is_refused(closed_store, backup, store_target):
    with sqlite3.connect(backup) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    with pytest.raises(Rejected, match=r"newer hallq.*9999_from_the_future"):
        restore_store(backup, Path(store_target))
    assert_store_unchanged(store_target, closed_store)


def test_a_database_without_a_hall_is_refused(closed_store, tmp_path, store_target):
    hall_less = tmp_path / "hall_less.sqlite3"
    with sqlite3.connect(hall_less) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (head_revision(),))
    connection.close()
    with pytest.raises(Rejected, match="holds no hall"):
        restore_store(hall_less, Path(store_target))
    assert_store_unchanged(store_target, closed_store)


def test_a_missing_backup_is_refused(closed_store, tmp_path, store_target):
    with pytest.raises(Rejected, match="there is no backup"):
        restore_store(tmp_path / "nowhere.backup", Path(store_target))
    assert_store_unchanged(store_target, closed_store)


def test_a_restore_is_refused_while_a_program_has_the_store_open(backup, store, store_target):
    before = snapshot(store)  # the open store stands for an idle kiosk
    with pytest.raises(Rejected, match="close the kiosks and counters first"):
        restore_store(backup, Path(store_target))
    assert snapshot(store) == before
    store.close()
    assert_store_unchanged(store_target, before)


def test_a_restore_is_refused_while_a_program_is_writing(closed_store, backup, store_target):
    writer = WriterLock(Path(store_target))
    try:
        with writer.held(), pytest.raises(Rejected, match="close the kiosks and counters first"):
            restore_store(backup, Path(store_target))
    finally:
        writer.close()
    assert_store_unchanged(store_target, closed_store)


def test_a_restore_onto_postgresql_points_to_pg_restore(backup):
    with pytest.raises(Rejected, match=r"PostgreSQL.*pg_restore"):
        restore_store(backup, "postgresql+psycopg://hall@db.local/hallq")


@pytest.mark.parametrize(
    "damage",
    [flip_middle, lambda path: path.write_bytes(b"overwritten by a careless copy" * 100)],
    ids=["pages flipped", "no database left"],
)
def test_a_damaged_store_can_be_replaced_by_its_backup(damage, store, store_target, backup):
    before = snapshot(store)
    store.close()
    damage(Path(store_target))
    restore_store(backup, Path(store_target))
    assert_store_unchanged(store_target, before)


def test_a_store_given_as_a_sqlite_url_is_backed_up(store, store_target, tmp_path):
    report = backup_store(f"sqlite:///{Path(store_target).resolve()}", tmp_path / "url.backup")
    assert report.path == (tmp_path / "url.backup").resolve()


def test_a_backup_into_a_missing_folder_is_refused(store, store_target, tmp_path):
    with pytest.raises(Rejected, match="does not exist"):
        backup_store(Path(store_target), tmp_path / "no" / "such" / "folder.backup")


def test_hallq_restore_of_a_bad_backup_keeps_no_copy_of_the_store(
    closed_store, tmp_path, store_target
):
    """The backup is checked before the store is copied aside: a refused restore leaves no
    stray `before-restore` copy."""
    (tmp_path / "notes.txt").write_text("not a database\n", encoding="utf-8")
    folder = Path(store_target).parent
    listing = folder_listing(folder)
    for bad, reason in (
        (tmp_path / "nowhere.backup", f"there is no backup at {tmp_path / 'nowhere.backup'}"),
        (tmp_path / "notes.txt", f"{tmp_path / 'notes.txt'} is not a hallq backup"),
    ):
        done = hallq("restore", str(bad), db=store_target)
        assert done.returncode == 1 and reason in done.stderr
        assert "kept" not in done.stdout
        assert folder_listing(folder) == listing
    assert_store_unchanged(store_target, closed_store)
