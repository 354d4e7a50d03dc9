"""The change feed: a cheap "has anything been committed since I last looked?" for windows.

A window asks `changed()` a few times a second and re-reads what it shows only when the
answer is yes. On SQLite that is `PRAGMA data_version` on a connection of its own (it moves
when any other connection commits); on PostgreSQL every write transaction sends a NOTIFY
(see `Store.write`) and the feed LISTENs on a dedicated connection.
"""

from __future__ import annotations

import sqlite3
from typing import Protocol

import psycopg

from shared.store.database import CHANGE_CHANNEL, Store


class ChangeFeed(Protocol):
    def changed(self) -> bool:
        """True when another connection committed since the previous call."""

    def close(self) -> None: ...


class SqliteFeed:
    def __init__(self, database: str) -> None:
        self._connection = sqlite3.connect(database, check_same_thread=False)
        self._seen = self._version()

    def _version(self) -> int:
        (version,) = self._connection.execute("PRAGMA data_version").fetchone()
        return int(version)

    def changed(self) -> bool:
        version = self._version()
        moved, self._seen = version != self._seen, version
        return moved

    def close(self) -> None:
        self._connection.close()


class PostgresFeed:
    def __init__(self, conninfo: str) -> None:
        self._connection = psycopg.connect(conninfo, autocommit=True)
        self._connection.execute(f"LISTEN {CHANGE_CHANNEL}")

    def changed(self) -> bool:
        return any(True for _ in self._connection.notifies(timeout=0, stop_after=None))

    def close(self) -> None:
        self._connection.close()


def open_feed(store: Store) -> ChangeFeed:
    url = store.engine.url
    if store.is_sqlite:
        assert url.database, "the change feed needs a SQLite file"
        return SqliteFeed(url.database)
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    return PostgresFeed(conninfo)
