"""Back up a live SQLite store and restore one, for `hallq backup` and `hallq restore`.

A backup is taken with SQLite's online backup API from one read snapshot: in WAL mode the
kiosks and counters keep writing while it runs, and the copy is exactly the store as it was
at one commit. The copy is written beside the destination, checked, and only then given
its name, so a file with the destination's name is always a whole, checked backup.

A restore checks the backup before it touches the store, refuses while any other program
has the store open, and puts the new file in place with one atomic rename.
PostgreSQL stores are backed up by the server's own tools (pg_dump), not here.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from shared.errors import Rejected
from shared.store.database import StoreError, open_store, to_url
from shared.store.guards import sqlite_trigger_problems
from shared.store.migrate import known_revisions
from shared.store.models import Base
from shared.store.place import SCHEMA_HEAD
from shared.store.writer_lock import LockBusy, WriterLock

PAGES_PER_STEP = 256  # 1 MiB of 4 KiB pages: each step is short, yet few steps are needed
BUSY_SLEEP_S = 0.05  # a step that finds the source busy waits this long before retrying
LOCK_TIMEOUT_S = 0.5  # how long a restore waits for the store before saying it is in use
SQLITE_HEADER = b"SQLite format 3\x00"
URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):/")  # Path() turns '://' into ':/'
COUNTED_TABLES = {
    "tickets": "tickets",
    "events": "ticket_events",
    "transactions": "transactions",
    "ratings": "ratings",
}
STORE_COMPANIONS = ("-wal", "-shm", "-journal")
# The tables every hallq store has had since the audit log was guarded (revision 0002);
# a backup at this hallq's revision must have every table its schema defines.
LASTING_TABLES = frozenset(
    {"halls", "clerks", "counters", "tickets", "ticket_events", "transactions", "ratings",
     "audit_log", "service_forms"}
)  # fmt: skip
Check = Callable[[Path], list[str]]  # the problems a restore must refuse, of a staged file
PG_DUMP_HINT = (
    "PostgreSQL stores are backed up by the database server, not by hallq. Back up with "
    "`pg_dump --format=custom --file=hallq.dump DATABASE_URL` and restore with "
    "`pg_restore --clean --if-exists --dbname=DATABASE_URL hallq.dump`"
)
IN_USE = (
    "the store {path} is in use by another program: close the kiosks and counters first "
    "(and any other hallq command), then restore again"
)


@dataclasses.dataclass(frozen=True)
class BackupReport:
    """What a backup or restore produced, to show the person who asked for it.

    `path` is the file written (the backup, or the restored store); `size_bytes` and
    `sha256` describe the backup's bytes, so a restore names the backup it put in place.
    """

    path: Path
    size_bytes: int
    schema_revision: str
    tickets: int
    events: int
    transactions: int
    ratings: int
    duration_s: float
    sha256: str


# ----- paths and targets -----


def sqlite_store_path(target: str | Path, doing: str) -> Path:
    """The store's file; a PostgreSQL (or any non-SQLite) target is refused with what to use."""
    text = str(target)
    scheme = URL_SCHEME.match(text)
    if scheme is None:
        return Path(text).expanduser().resolve()
    if scheme[1].startswith("postgres"):
        raise Rejected(f"cannot {doing} a PostgreSQL store here: {PG_DUMP_HINT}")
    database = to_url(text).database if scheme[1].startswith("sqlite") else None
    if not database or database == ":memory:" or "://" not in text:
        raise Rejected(
            f"cannot {doing} a {scheme[1]} database: give the path of a SQLite store file"
        )
    return Path(database).expanduser().resolve()


def _companion(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _sqlite_uri(path: Path, **options: str) -> str:
    """A file: URI, so that mode=ro is honoured and no empty database is ever created."""
    query = "&".join(f"{key}={value}" for key, value in options.items())
    return f"{path.as_uri()}?{query}" if query else path.as_uri()


def _has_sqlite_header(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def _sha256(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def _fsync_file(path: Path) -> None:
    """Make the file's bytes durable before its name is given to it."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_directory(directory: Path) -> None:
    """Make a rename durable: the directory entry must reach the disk too."""
    if os.name != "posix":  # pragma: no cover - directories cannot be opened on Windows
        return
    _fsync_file(directory)


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _remove_with_companions(path: Path) -> None:
    for suffix in ("", *STORE_COMPANIONS):
        _remove(_companion(path, suffix))


def _temporary_beside(path: Path, purpose: str) -> Path:
    """A new, empty file name in the same folder, so that the final rename is atomic."""
    descriptor, name = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=f".{purpose}", dir=path.parent
    )
    os.close(descriptor)
    return Path(name)


@contextlib.contextmanager
def _file_errors_told(doing: str) -> Iterator[None]:
    """A full disk or a denied folder becomes a message a person can act on."""
    try:
        yield
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        raise StoreError(f"{doing}: {error.strerror or error}{where}") from error


# ----- reading a store file -----


def _table_names(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {name for (name,) in rows}


def _schema_revision(connection: sqlite3.Connection) -> str | None:
    """The alembic revision, or None when the file is no hallq store."""
    if "alembic_version" not in _table_names(connection):
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def _integrity_problems(connection: sqlite3.Connection) -> list[str]:
    """What PRAGMA integrity_check found wrong; empty when the file is sound."""
    found = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
    return [] if found == ["ok"] else found


def _counts(connection: sqlite3.Connection) -> dict[str, int]:
    return {
        field: int(connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
        for field, table in COUNTED_TABLES.items()
    }


def _report(path: Path, bytes_of: Path, began: float) -> BackupReport:
    """Describe the store file at `path`; size and digest are those of `bytes_of`."""
    with contextlib.closing(sqlite3.connect(_sqlite_uri(path, mode="rw"), uri=True)) as reading:
        revision = _schema_revision(reading) or ""
        counts = _counts(reading)
    return BackupReport(
        path=path,
        size_bytes=bytes_of.stat().st_size,
        schema_revision=revision,
        duration_s=time.monotonic() - began,
        sha256=_sha256(bytes_of),
        **counts,
    )


# ----- backup -----


def _check_backup_paths(source: Path, destination: Path) -> None:
    """Refuse, before anything is written, a backup that would lose or overwrite a file."""
    if destination == source or (destination.exists() and destination.samefile(source)):
        raise Rejected(f"the backup cannot be written over the store itself ({source})")
    if not source.is_file():
        raise Rejected(f"there is no store at {source}")
    if destination.exists():
        raise Rejected(
            f"{destination} already exists; choose a new file name (a backup never overwrites)"
        )
    if not destination.parent.is_dir():
        raise Rejected(f"the folder {destination.parent} does not exist")


@contextlib.contextmanager
def _snapshot_of(source: Path) -> Iterator[sqlite3.Connection]:
    """A connection that only reads, holding one read transaction on the hallq store `source`.

    Holding the snapshot across the backup's steps means writers in other processes never
    make it start over, and in WAL mode they are not blocked by it at all.
    """
    if not _has_sqlite_header(source):
        raise Rejected(f"{source} is not a hallq store (not a SQLite database)")
    connection = sqlite3.connect(
        _sqlite_uri(source, mode="rw"), uri=True, isolation_level=None, timeout=30
    )
    try:
        connection.execute("BEGIN")
        if _schema_revision(connection) is None:
            raise Rejected(f"{source} is not a hallq store (it has no schema version)")
        yield connection
        connection.execute("COMMIT")
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot read the store {source}: {error}") from error
    finally:
        connection.close()


def _copy_snapshot(snapshot: sqlite3.Connection, copy: Path) -> None:
    """Copy the snapshot page by page, then make the copy one self-contained file."""
    with contextlib.closing(sqlite3.connect(copy, isolation_level=None)) as target:
        snapshot.backup(target, pages=PAGES_PER_STEP, sleep=BUSY_SLEEP_S)
        target.execute("PRAGMA journal_mode=DELETE")  # no -wal beside a backup file


def _verify_copy(copy: Path, source: Path) -> None:
    """A backup that fails integrity_check is no backup: say so, and keep nothing."""
    try:
        uri = _sqlite_uri(copy, mode="ro")
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as reading:
            problems = _integrity_problems(reading)
    except sqlite3.DatabaseError as error:
        problems = [str(error)]
    if problems:
        raise StoreError(
            f"the copy of {source} failed its integrity check ({'; '.join(problems[:3])}); "
            "the store itself may be damaged"
        )


def _give_name(copy: Path, destination: Path) -> None:
    """Name the finished copy without ever replacing a file that appeared meanwhile."""
    try:
        os.link(copy, destination)
    except FileExistsError as error:
        raise Rejected(
            f"{destination} appeared while the backup ran; nothing was overwritten"
        ) from error
    _remove(copy)
    _fsync_directory(destination.parent)


def backup_store(store_path: str | Path, destination: Path) -> BackupReport:
    """Write a consistent, checked copy of a live SQLite store to a new file `destination`."""
    began = time.monotonic()
    source = sqlite_store_path(store_path, "back up")
    destination = Path(destination).expanduser().resolve()
    _check_backup_paths(source, destination)
    with _file_errors_told("cannot write the backup"):
        copy = _temporary_beside(destination, "partial")
        try:
            with _snapshot_of(source) as snapshot:
                _copy_snapshot(snapshot, copy)
            _verify_copy(copy, source)
            _fsync_file(copy)
            _give_name(copy, destination)
        finally:
            _remove_with_companions(copy)
    return _report(destination, destination, began)


# ----- restore -----


def _check_backup_file(backup: Path) -> None:
    """Refuse at once a backup that is missing or no SQLite file at all."""
    if not backup.is_file():
        raise Rejected(f"there is no backup at {backup}")
    if not _has_sqlite_header(backup):
        raise Rejected(f"{backup} is not a hallq backup (not a SQLite database)")


def _check_backup_content(
    staged: Path, backup: Path, check: Check | None = None, **options: str
) -> None:
    """Refuse a copy of `backup` that is damaged, from an unknown hallq, holds no hall or
    lacks tables, breaks its foreign keys, has the audit log's triggers removed or changed,
    or in which `check` finds a problem (such as a broken chain)."""
    try:
        uri = _sqlite_uri(staged, **options)
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as reading:
            problems = _integrity_problems(reading)
            revision = _schema_revision(reading)
            tables = _table_names(reading)
            orphans = reading.execute("PRAGMA foreign_key_check").fetchall()
            triggers = reading.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            ).fetchall()
    except sqlite3.DatabaseError as error:
        raise Rejected(f"the backup {backup} is damaged ({error}); nothing was restored") from error
    if problems:
        raise Rejected(
            f"the backup {backup} is damaged ({'; '.join(problems[:3])}); nothing was restored"
        )
    if revision is None:
        raise Rejected(f"{backup} is not a hallq backup (it has no schema version)")
    if revision not in known_revisions():
        raise Rejected(
            f"the backup {backup} was made by a newer hallq (schema {revision}); "
            "upgrade hallq to restore it"
        )
    if "halls" not in tables:
        raise Rejected(f"{backup} is not a hallq backup (it holds no hall)")
    expected = set(Base.metadata.tables) if revision == SCHEMA_HEAD else LASTING_TABLES
    if missing := sorted(expected - tables):
        raise Rejected(
            f"the backup {backup} lacks the table{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)} of schema {revision}; nothing was restored"
        )
    if orphans:
        table, rowid, parent, _ = orphans[0]
        raise Rejected(
            f"the backup {backup} has {len(orphans)} foreign key violation(s) ({table} row "
            f"{rowid} names a {parent} row that is not there); nothing was restored"
        )
    if revision != "0001" and (unguarded := sqlite_trigger_problems(triggers)):
        raise Rejected(
            f"the backup {backup} has its audit log unguarded ({'; '.join(unguarded)}); "
            "nothing was restored"
        )
    if check is not None and revision == SCHEMA_HEAD and (found := check(staged)):
        raise Rejected(
            f"the backup {backup} does not hold its evidence ({'; '.join(found[:3])}); "
            "nothing was restored"
        )


def check_backup(backup: Path, check: Check | None = None) -> None:
    """Refuse a backup that cannot be restored, reading it only: before anything else is done
    about a restore (such as keeping a copy of the store it would replace)."""
    backup = Path(backup).expanduser().resolve()
    _check_backup_file(backup)
    _check_backup_content(backup, backup, check, mode="ro")


@contextlib.contextmanager
def _writer_lock_now(store: Path) -> Iterator[None]:
    """Hold the store's writers' lock, or refuse at once if a program is writing."""
    lock = WriterLock(store)
    try:
        with lock.held(wait=False):
            yield
    except LockBusy as error:
        raise Rejected(IN_USE.format(path=store)) from error
    finally:
        lock.close()


def _refuse_if_open_elsewhere(store: Path) -> None:
    """Refuse while any other connection has the store open, even an idle one.

    In WAL mode every open connection holds a shared lock on the file until it closes;
    exclusive locking mode asks for the file to itself, so it fails while one exists.
    Closing this connection last also folds the old store's WAL into the old file.
    """
    if not store.exists():
        return
    try:
        with contextlib.closing(
            sqlite3.connect(
                _sqlite_uri(store, mode="rw"),
                uri=True,
                timeout=LOCK_TIMEOUT_S,
                isolation_level=None,
            )
        ) as connection:
            connection.execute("PRAGMA locking_mode=EXCLUSIVE")
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise Rejected(IN_USE.format(path=store)) from error
        raise StoreError(f"cannot open the store {store}: {error}") from error
    except sqlite3.DatabaseError:
        pass  # the old store is damaged beyond reading: replacing it is what restore is for


def _put_in_place(staged: Path, store: Path, set_aside: Path | None) -> None:
    """Replace the store with the staged copy while no program can write to it. With
    `set_aside`, the old store and its -wal and -shm are renamed there, not removed."""
    with _writer_lock_now(store):
        _refuse_if_open_elsewhere(store)
        if set_aside is not None:
            for suffix in ("", *STORE_COMPANIONS):
                with contextlib.suppress(FileNotFoundError):
                    os.replace(_companion(store, suffix), _companion(set_aside, suffix))
        for suffix in STORE_COMPANIONS:  # a stale WAL must never be replayed onto the new file
            _remove(_companion(store, suffix))
        os.replace(staged, store)
        _fsync_directory(store.parent)


def _upgrade(store: Path) -> None:
    """Bring the restored store to this hallq's schema, as any program opening it would."""
    open_store(str(store)).close()


def restore_store(
    backup: Path,
    store_path: str | Path,
    *,
    check: Check | None = None,
    set_aside: Path | None = None,
) -> BackupReport:
    """Replace the SQLite store with a checked backup; a refused restore changes nothing.
    `check` names further problems of the staged copy; a store that cannot be read (the case
    restore is for) is renamed to `set_aside` with its companions, never read or removed."""
    began = time.monotonic()
    store = sqlite_store_path(store_path, "restore")
    backup = Path(backup).expanduser().resolve()
    if backup == store:
        raise Rejected(f"the backup and the store are the same file ({store})")
    _check_backup_file(backup)
    if not store.parent.is_dir():
        raise Rejected(f"the folder {store.parent} does not exist")
    with _file_errors_told("cannot restore the store"):
        staged = _temporary_beside(store, "restoring")
        try:
            shutil.copyfile(backup, staged)
            _check_backup_content(staged, backup, check)  # the bytes checked are put in place
            _fsync_file(staged)
            digest, size = _sha256(staged), staged.stat().st_size
            _put_in_place(staged, store, set_aside)
        finally:
            _remove_with_companions(staged)
    _upgrade(store)
    return dataclasses.replace(_report(store, store, began), size_bytes=size, sha256=digest)
