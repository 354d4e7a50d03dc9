"""The store failing an action, not the person's input: locked by another program past the
wait, its file missing, read-only, the disk full, or the database server gone. Each is told
apart here, with a one-line reason that names the store; the programs say it in their own
words and the command line prints it."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy.engine import URL

from shared.store.writer_lock import LockWaitOver

LOCKED, MISSING, READ_ONLY, FULL, UNREACHABLE, BROKEN = (
    "locked",
    "missing",
    "read_only",
    "full",
    "unreachable",
    "broken",
)

WHAT = {
    LOCKED: "locked by another program past the wait",
    MISSING: "the store file is missing or cannot be opened",
    READ_ONLY: "the store is read-only",
    FULL: "the disk is full",
    UNREACHABLE: "the database server does not answer",
    BROKEN: "the database failed",
}

SQLITE_KINDS = {
    "SQLITE_BUSY": LOCKED,
    "SQLITE_LOCKED": LOCKED,
    "SQLITE_READONLY": READ_ONLY,
    "SQLITE_FULL": FULL,
    "SQLITE_CANTOPEN": MISSING,
}
POSTGRES_KINDS = {  # SQLSTATE class or code
    "53100": FULL,
    "25006": READ_ONLY,
    "55P03": LOCKED,
    "08": UNREACHABLE,
    "57P": UNREACHABLE,
}


@dataclass(frozen=True)
class StoreFailure:
    kind: str
    store: str
    detail: str  # the database's own first line

    @property
    def reason(self) -> str:
        return f"store {self.store}: {WHAT[self.kind]} ({self.detail})"


def store_name(url: URL) -> str:
    """The store as people know it: the SQLite file, or the URL without its password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: BaseException | None = error
    while seen is not None:
        yield seen
        seen = getattr(seen, "orig", None) or seen.__cause__


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0].strip() if lines else type(error).__name__


def store_failure(error: BaseException, store: str) -> StoreFailure | None:
    """What the store did to fail `error`, or None when `error` is no failure of the store
    (a refusal, or a fault in the program)."""
    for cause in _causes(error):
        if isinstance(cause, LockWaitOver):  # another program held the writers' lock throughout
            return StoreFailure(LOCKED, store, _first_line(cause))
        kind = _sqlite_kind(cause) or _postgres_kind(cause)
        if kind is not None:
            return StoreFailure(kind, store, _first_line(cause))
    return None


def _sqlite_kind(error: BaseException) -> str | None:
    # Constraint and programming errors are faults of the program, not of the store.
    if type(error) not in (sqlite3.OperationalError, sqlite3.DatabaseError):
        return None
    name = getattr(error, "sqlite_errorname", "")
    for prefix, kind in SQLITE_KINDS.items():
        if name.startswith(prefix):
            return kind
    return BROKEN


def _postgres_kind(error: BaseException) -> str | None:
    # A PostgreSQL error exists only where the driver was loaded: a SQLite command never
    # pays for importing it.
    psycopg = sys.modules.get("psycopg")
    if psycopg is None or not isinstance(error, psycopg.Error):
        return None
    state = error.sqlstate or ""
    for prefix, kind in POSTGRES_KINDS.items():
        if state.startswith(prefix):
            return kind
    if not state and isinstance(error, psycopg.OperationalError | psycopg.InterfaceError):
        return UNREACHABLE  # no answer at all: refused, timed out, the connection dropped
    return BROKEN if isinstance(error, psycopg.OperationalError) else None
