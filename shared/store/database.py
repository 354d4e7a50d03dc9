"""Open a store (SQLite file or PostgreSQL URL), bring its schema up to date, hand out sessions.

Writes are serialised per store so that numbering and calling never race: on SQLite each
write transaction starts with BEGIN IMMEDIATE (it takes the write lock up front, so no
lock-upgrade deadlock); on PostgreSQL the services lock the hall's row first.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DatabaseError, DisconnectionError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from shared.store import direct
from shared.store.failures import store_name
from shared.store.place import SCHEMA_HEAD, default_target
from shared.store.writer_lock import WriterLock

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 30  # a SQLite URL's `?timeout=SECONDS` sets another
STORE_FILE_MODE = 0o600  # a store hallq creates: its owner alone reads or writes it
STORE_FOLDER_MODE = 0o700  # a folder hallq creates for a store
READ_ONLY = "hallq_read_only"  # execution option: begin a SQLite read without the write lock
CHANGE_CHANNEL = "hallq_changes"  # PostgreSQL NOTIFY channel every write transaction signals
# What a write can change, as the change feed names it to the windows: the tickets, the
# counters (state, session, serving), the crowding level and its records (acknowledgement
# included), the early warnings, the hall's settings, its staff, the archived service forms,
# incidents, appointments and the shift lead's notice on the board.
CHANGE_KINDS = (
    "tickets",
    "counters",
    "level",
    "warnings",
    "settings",
    "staff",
    "forms",
    "incidents",
    "appointments",
    "notices",
)
EVERYTHING = frozenset(CHANGE_KINDS)  # what a window re-reads when not told what changed
_NOTED = "hallq_changed"  # session.info key: {hall id: kinds} noted by the write


class StoreError(Exception):
    """The store cannot be opened or upgraded; the message is fit to show a person."""


def to_url(target: str) -> URL:
    """A file path becomes a SQLite URL; anything with '://' is taken as an SQLAlchemy URL."""
    if "://" in target:
        try:
            return make_url(target)
        except Exception as error:  # SQLAlchemy raises ArgumentError for a malformed URL
            raise StoreError(f"not a database URL: {target!r}") from error
    path = Path(target).expanduser().resolve()
    return URL.create("sqlite+pysqlite", database=str(path))


@dataclass(frozen=True)
class Store:
    """An open store: the engine and a session factory; one session per action."""

    engine: Engine
    sessions: sessionmaker[Session]
    writer_lock: WriterLock | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed on success, rolled back whole on any error."""
        with self.exclusive(), self.sessions() as session, session.begin():
            if not self.is_sqlite:
                yield session
                _notify(session, session.info.pop(_NOTED, None))
                return
            before = _rows_changed(session)
            yield session
            noted = session.info.pop(_NOTED, None)
            session.flush()  # what the commit would flush counts as changed
            if _rows_changed(session) != before:  # a write that changed nothing moves nothing
                _bump(session, noted)

    def exclusive(self) -> contextlib.AbstractContextManager[None]:
        """Wait for this store's writers' lock (SQLite files; PostgreSQL locks rows instead)."""
        return self.writer_lock.held() if self.writer_lock else contextlib.nullcontext()

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only snapshot; it never takes the write lock."""
        with self.sessions() as session:
            session.connection(execution_options={READ_ONLY: True})
            try:
                yield session
            finally:
                session.expunge_all()  # rows read stay usable after the snapshot ends
                session.rollback()

    def close(self) -> None:
        self.engine.dispose()
        if self.writer_lock:
            self.writer_lock.close()


def note_changes(session: Session, hall_id: int, kinds: Iterable[str]) -> None:
    """Say what this write changes in a hall, for the change feed. A write that notes
    nothing is announced as having changed every kind, so no window misses it."""
    noted: dict[int, set[str]] = session.info.setdefault(_NOTED, {})
    noted.setdefault(hall_id, set()).update(kinds)


def _rows_changed(session: Session) -> int:
    """Rows the SQLite connection has inserted, updated or deleted since it was opened."""
    return int(direct._connection(session).connection.dbapi_connection.total_changes)  # type: ignore[union-attr]


# Built once, as every write runs one of them.
_NOTIFY = text("SELECT pg_notify(:channel, :kinds)")
_BUMP_EVERY_HALL = text(
    "INSERT INTO change_counters (hall_id, kind, version)"
    " SELECT id, :kind, 1 FROM halls WHERE true"
    " ON CONFLICT (hall_id, kind) DO UPDATE SET version = change_counters.version + 1"
)
_BUMP_HALL = text(
    "INSERT INTO change_counters (hall_id, kind, version) VALUES (:hall, :kind, 1)"
    " ON CONFLICT (hall_id, kind) DO UPDATE SET version = change_counters.version + 1"
)


def _notify(session: Session, noted: dict[int, set[str]] | None) -> None:
    """NOTIFY the kinds the write changed, inside its transaction: delivered at commit to
    every LISTENer (see feed.py)."""
    kinds = CHANGE_KINDS if noted is None else sorted(set().union(*noted.values()))
    if kinds:
        direct.run(session, _NOTIFY, {"channel": CHANGE_CHANNEL, "kinds": ",".join(kinds)})


def _bump(session: Session, noted: dict[int, set[str]] | None) -> None:
    """Bump, inside the write's transaction, the SQLite change counters (one row per hall
    and kind) of the kinds it changed."""
    if noted is None:
        session.connection().execute(_BUMP_EVERY_HALL, [{"kind": kind} for kind in CHANGE_KINDS])
        return
    rows: list[dict[str, object]] = [
        {"hall": hall, "kind": kind} for hall, kinds in noted.items() for kind in kinds
    ]
    for row in rows:
        direct.run(session, _BUMP_HALL, row)


def _busy_timeout(url: URL) -> float:
    """How long a SQLite write waits for another's lock before it gives up."""
    given = url.query.get("timeout", BUSY_TIMEOUT_S)
    try:
        seconds = float(given)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        seconds = -1
    if not 0 <= seconds <= 3600:
        raise StoreError(f"timeout={given!r} is not a number of seconds from 0 to 3600")
    return seconds


def _file_identity(database: str) -> tuple[int, int] | None:
    try:
        status = os.stat(database)
    except FileNotFoundError:
        return None
    return status.st_dev, status.st_ino


def _configure_sqlite(engine: Engine, busy_timeout_s: float) -> None:
    database = engine.url.database
    on_file = bool(database) and database != ":memory:"

    @event.listens_for(engine, "do_connect")
    def _existing_file_only(_dialect: Any, _record: Any, cargs: list[Any], cparams: Any) -> None:
        """Open the store's file as it is: a removed store is an error, never a new empty
        file that would take the hall's tickets in its place."""
        if on_file:
            cargs[0] = f"{Path(str(database)).resolve().as_uri()}?mode=rw"
            cparams["uri"] = True

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: Any) -> None:
        # Let SQLAlchemy's begin event (below) issue BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA secure_delete=ON")  # a purged value's old bytes are zeroed
        cursor.execute(f"PRAGMA busy_timeout={round(busy_timeout_s * 1000)}")
        cursor.close()
        if on_file:
            record.info["file"] = _file_identity(str(database))

    @event.listens_for(engine, "checkout")
    def _same_file(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        """A connection still holding a store file that was removed or replaced would write
        where no one reads: it is dropped, and a new one opens the file at the path now."""
        if on_file and record.info.get("file") != _file_identity(str(database)):
            raise DisconnectionError(f"the store file {database} was removed or replaced")

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        direct.begin(connection, "BEGIN DEFERRED" if read_only else "BEGIN IMMEDIATE")


def _schema_is_current(store: Store) -> bool:
    """One cheap read of the store's schema revision; False (upgrade) when it cannot tell."""
    try:
        with store.engine.connect() as connection:
            connection.execution_options(**{READ_ONLY: True})
            found = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except Exception:  # no such table yet, or no server: the upgrade says what is wrong
        return False
    return [tuple(row) for row in found] == [(SCHEMA_HEAD,)]


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    """Refuse, before SQLite makes an empty file there, a path that holds no store.

    Only `hallq init` (create=True) may make a store: a mistyped path elsewhere would
    otherwise quietly become a new, empty store with its folders.
    """
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file")
    if path.exists() or create:
        return
    if not path.parent.is_dir():
        raise StoreError(f"no store at {path}: the folder {path.parent} does not exist")
    raise StoreError(f"no store at {path}: `hallq init` creates one")


def _create_private_file(path: Path) -> None:
    """A new store: an empty file only its owner may read or write (0600), in folders that
    hallq makes private too (0700); folders already there are left as they are.

    SQLite creates the store's -wal, -shm and -journal files later, with the store file's
    own mode (and, run as root, its owner), so a private store keeps its companions private
    without touching the process's umask, which other files the program writes obey.
    """
    missing = [folder for folder in (path.parent, *path.parent.parents) if not folder.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=STORE_FOLDER_MODE, exist_ok=True)
    with contextlib.suppress(FileExistsError):  # another program made it first: leave it be
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, STORE_FILE_MODE))


def open_store(target: str | None = None, *, upgrade: bool = True, create: bool = True) -> Store:
    """Open the store at `target` (path or URL) and bring its schema to the current version.

    With `create=False` a store must already be there: a missing SQLite file, or a database
    without hallq's schema, is refused with the place looked at.
    """
    url = to_url(target or default_target())
    writer_lock = None
    if url.get_backend_name() == "sqlite":
        busy_timeout_s = _busy_timeout(url)
        if url.database and url.database != ":memory:":
            path = Path(url.database)
            _check_sqlite_file(path, create=create)
            if not path.exists():
                _create_private_file(path)
            writer_lock = WriterLock(path, wait_s=busy_timeout_s)
        engine = create_engine(url, connect_args={"timeout": busy_timeout_s})
        _configure_sqlite(engine, busy_timeout_s)
    elif url.get_backend_name() == "postgresql":
        engine = create_engine(url, pool_pre_ping=True)
    else:
        raise StoreError(
            f"unsupported database {url.get_backend_name()!r}: use SQLite or PostgreSQL"
        )
    store = Store(engine, sessionmaker(engine, expire_on_commit=False), writer_lock)
    if not _schema_is_current(store):
        try:
            _check_schema(store, url, upgrade=upgrade, create=create)
        except StoreError:
            store.close()
            raise
    return store


def _check_schema(store: Store, url: URL, *, upgrade: bool, create: bool) -> None:
    """Upgrade the schema; say in a person's terms when the target is no hallq store."""
    from shared.store.migrate import current_revision, upgrade_schema

    try:
        if not create and current_revision(store) is None:
            raise StoreError(f"{store_name(url)} is not a hallq store: `hallq init` creates one")
        if upgrade:
            upgrade_schema(store)
    except StoreError:
        raise
    except OperationalError as error:
        raise StoreError(f"cannot open the store at {store_name(url)}: {error.orig}") from error
    except DatabaseError as error:
        if "not a database" in str(error.orig):  # said in the user's terms, not the driver's
            raise StoreError(f"{store_name(url)} is not a hallq store (not a database)") from None
        raise StoreError(f"cannot open the store at {store_name(url)}: {error.orig}") from error
    except Exception as error:
        raise StoreError(f"cannot open the store at {store_name(url)}: {error}") from error
