"""`hallq status` on a SQLite store file whose schema is current, read through the standard
library's driver: a fresh process answers without loading the database layer, whose import
alone outlasts the whole answer. Anything else (a database URL, a missing or foreign file,
another schema revision, a store holding no such hall or several) gives None, and the
command opens the store the ordinary way, which says what is wrong or upgrades it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from shared.store.place import SCHEMA_HEAD
from shared.views.status import HallNow, hall_now


def quick_status(target: str, hall_code: str | None) -> HallNow | None:
    if "://" in target:
        return None
    path = Path(target).expanduser()
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    with closing(connection):
        try:
            return _read(connection, hall_code)
        except (sqlite3.Error, ValueError):  # not what this hallq writes: the ordinary way says
            return None


def _read(connection: sqlite3.Connection, hall_code: str | None) -> HallNow | None:
    connection.isolation_level = None
    connection.execute("BEGIN")  # one snapshot for every read below
    if connection.execute("SELECT version_num FROM alembic_version").fetchall() != [(SCHEMA_HEAD,)]:
        return None
    if hall_code is None:
        halls = connection.execute("SELECT id FROM halls").fetchall()
    else:
        halls = connection.execute("SELECT id FROM halls WHERE code = ?", (hall_code,)).fetchall()
    if len(halls) != 1:
        return None
    return hall_now(
        lambda sql, parameters: connection.execute(sql, parameters).fetchall(), halls[0][0]
    )
