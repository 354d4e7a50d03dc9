"""Bring a store's schema to the current version with alembic, safely from many processes.

The upgrade runs inside one transaction that first takes the store's write lock (BEGIN
IMMEDIATE on SQLite, an advisory lock on PostgreSQL), so programs starting together on a
new store do not race to create it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from shared.store.database import READ_ONLY, Store, StoreError

MIGRATIONS = Path(__file__).with_name("migrations")
_ADVISORY_LOCK_ID = 0x68616C6C71  # "hallq"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every schema revision this hallq can open (and upgrade from)."""
    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(store: Store) -> str | None:
    with store.engine.connect() as connection:
        connection.execution_options(**{READ_ONLY: True})
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_schema(store: Store) -> None:
    """Upgrade to the newest schema; a no-op (one cheap read) when already there."""
    head = head_revision()
    if current_revision(store) == head:
        return
    known = known_revisions()
    config = _config()
    with (
        store.exclusive(),
        store.engine.connect() as connection,
        _foreign_keys_off(connection),
        connection.begin(),
    ):
        if store.engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _ADVISORY_LOCK_ID})
        found = MigrationContext.configure(connection).get_current_revision()
        if found is not None and found not in known:
            raise StoreError(
                f"the store was made by a newer hallq (schema {found}); upgrade hallq to open it"
            )
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        if store.is_sqlite and (
            broken := connection.exec_driver_sql("PRAGMA foreign_key_check").first()
        ):
            raise StoreError(f"the upgrade would break a reference: {tuple(broken)}")


@contextlib.contextmanager
def _foreign_keys_off(connection: Connection) -> Iterator[None]:
    """SQLite rebuilds a table to alter it (drop, then rename a copy), which a store holding
    rows that refer to it cannot do with foreign keys enforced; the pragma only takes effect
    outside a transaction. The upgrade checks every reference itself before it commits."""
    if connection.dialect.name != "sqlite":
        yield
        return
    raw = connection.connection.driver_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys=ON")
