"""The change feed: "which kinds of things were committed since I last looked?" for windows.

A window asks `changed()` a few times a second and re-reads only what it shows of the kinds
named (see CHANGE_KINDS). On SQLite a cheap `PRAGMA data_version` on a connection of its
own says whether any other connection committed; only then are the change counters read,
which every write bumps for the kinds it changed. On PostgreSQL every write transaction
sends a NOTIFY naming its kinds (see `Store.write`) and the feed LISTENs on a dedicated
connection.
"""

from __future__ import annotations

import sqlite3
from typing import Protocol

import psycopg

from shared.store.database import CHANGE_CHANNEL, CHANGE_KINDS, Store

NOTHING: frozenset[str] = frozenset()


class ChangeFeed(Protocol):
    def changed(self) -> frozenset[str]:
        """The kinds another connection changed since the previous call; empty if none."""

    def close(self) -> None: ...


class SqliteFeed:
    def __init__(self, database: str) -> None:
        self._connection = sqlite3.connect(database, check_same_thread=False)
        self._seen = self._data_version()
        self._versions = self._kind_versions()

    def _data_version(self) -> int:
        (version,) = self._connection.execute("PRAGMA data_version").fetchone()
        return int(version)

    def _kind_versions(self) -> dict[str, int]:
        rows = self._connection.execute(
            "SELECT kind, SUM(version) FROM change_counters GROUP BY kind"
        ).fetchall()
        return {kind: int(total) for kind, total in rows}

    def changed(self) -> frozenset[str]:
        version = self._data_version()
        if version == self._seen:
            return NOTHING
        self._seen = version
        versions = self._kind_versions()
        moved = frozenset(
            kind for kind, total in versions.items() if total != self._versions.get(kind)
        )
        self._versions = versions
        return moved

    def close(self) -> None:
        self._connection.close()


class PostgresFeed:
    def __init__(self, conninfo: str) -> None:
        self._connection = psycopg.connect(conninfo, autocommit=True)
        self._connection.execute(f"LISTEN {CHANGE_CHANNEL}")

    def changed(self) -> frozenset[str]:
        kinds: set[str] = set()
        for notice in self._connection.notifies(timeout=0, stop_after=None):
            # A notice without kinds (a program from before they were named): everything.
            kinds.update(notice.payload.split(",") if notice.payload else CHANGE_KINDS)
        return frozenset(kinds)

    def close(self) -> None:
        self._connection.close()


def open_feed(store: Store) -> ChangeFeed:
    url = store.engine.url
    if store.is_sqlite:
        assert url.database, "the change feed needs a SQLite file"
        return SqliteFeed(url.database)
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    return PostgresFeed(conninfo)
