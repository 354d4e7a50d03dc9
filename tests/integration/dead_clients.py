"""A client killed on PostgreSQL may leave the server finishing what it had sent: a COMMIT
on its way commits after the client is gone, and a transaction it held open ends only when
the server sees the socket close. A program opening the store after a crash meets a server
that has long finished; a test reading right after its kill waits for the dead client's
server processes to end first, so it reads what a program after the crash would."""

from __future__ import annotations

import time

from sqlalchemy import text

from shared.store.database import Store, to_url

GONE_WITHIN_S = 15.0
_LEFT = text(
    "SELECT count(*) FROM pg_stat_activity"
    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
    " AND application_name = :name"
)


def named(target: str, name: str) -> str:
    """The target with the client's name on its PostgreSQL connections (SQLite: as is)."""
    url = to_url(target)
    if url.get_backend_name() != "postgresql":
        return target
    return url.update_query_dict({"application_name": name}).render_as_string(hide_password=False)


def wait_until_gone(store: Store, name: str) -> None:
    """Wait until no server process of the client `name` is left (nothing to do on SQLite)."""
    if store.is_sqlite:
        return
    deadline = time.monotonic() + GONE_WITHIN_S
    while True:
        with store.engine.connect() as connection:
            left = connection.execute(_LEFT, {"name": name}).scalar_one()
        if left == 0:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{left} server processes of the killed {name} did not end")
        time.sleep(0.05)
