"""Schemathesis checks for the hall server (loaded through SCHEMATHESIS_HOOKS): a request
the server refuses must store nothing. The store named by HALLQ_SNAPSHOT_TARGET is looked
at before each call and compared after each refusal: on SQLite through the file's data
version (it moves with every commit of another connection), elsewhere row by row."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from typing import Any

import schemathesis
from sqlalchemy import MetaData, select

from shared.store.database import open_store

_store = open_store(os.environ["HALLQ_SNAPSHOT_TARGET"], create=False)
_before: dict[str, Any] = {}


def _sqlite_version(path: str) -> Callable[[], object]:
    connection = sqlite3.connect(path, check_same_thread=False)
    return lambda: connection.execute("PRAGMA data_version").fetchone()[0]


def _every_row() -> Callable[[], object]:
    tables = MetaData()
    tables.reflect(_store.engine)

    def read() -> object:
        with _store.engine.connect() as connection:
            return {
                name: sorted(map(tuple, connection.execute(select(table))), key=repr)
                for name, table in tables.tables.items()
                if name != "audit_log"  # a refused sign-in is recorded there, by rule
            }

    return read


_look = _sqlite_version(str(_store.engine.url.database)) if _store.is_sqlite else _every_row()


@schemathesis.hook
def before_call(ctx: Any, case: Any, **kwargs: Any) -> None:
    _before["store"] = _look()


@schemathesis.check
def refused_requests_store_nothing(ctx: Any, response: Any, case: Any) -> None:
    if response.status_code < 400 or "store" not in _before:
        return
    if case.operation.path == "/api/sessions":
        return  # a refused sign-in is recorded and counts towards the lock-out: the rule
    if _look() != _before["store"]:
        raise AssertionError(f"a refused request ({response.status_code}) changed the store")
