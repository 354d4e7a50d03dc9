"""Opening a store: schema at the current version, SQLite set up for safe concurrent writes."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from shared.store.database import StoreError, open_store, to_url
from shared.store.migrate import current_revision, head_revision
from shared.store.models import Base


def test_a_new_store_is_created_at_the_current_schema(empty_store_target):
    store = open_store(empty_store_target)
    assert current_revision(store) == head_revision()
    store.close()


def test_sqlite_runs_in_wal_with_foreign_keys_durable_commits_and_a_busy_timeout(tmp_path):
    store = open_store(str(tmp_path / "hall.sqlite3"))
    with store.engine.connect() as connection:
        pragma = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar() for name in
                  ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")}  # fmt: skip
    assert pragma == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": 2,
        "busy_timeout": 30000,
    }
    store.close()


def test_a_write_takes_the_lock_at_once_and_a_read_never_waits_for_it(tmp_path):
    path = tmp_path / "hall.sqlite3"
    store = open_store(str(path))
    other = sqlite3.connect(path, timeout=0.1, isolation_level=None)
    with store.write() as session:
        session.execute(text("SELECT 1"))  # BEGIN IMMEDIATE: holds the write lock already
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")  # the writer is done: the lock is free
    with store.read() as session:  # WAL: a reader goes on beside the other writer
        assert session.execute(text("SELECT count(*) FROM halls")).scalar() == 0
    other.execute("ROLLBACK")
    other.close()
    store.close()


def test_a_store_from_a_newer_hallq_is_refused_clearly(tmp_path):
    path = str(tmp_path / "hall.sqlite3")
    open_store(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00d'")
    with pytest.raises(StoreError, match="newer hallq"):
        open_store(path)


def test_an_unknown_kind_of_database_is_refused():
    with pytest.raises(StoreError, match="unsupported database 'mysql'"):
        open_store("mysql://localhost/hall")
    with pytest.raises(StoreError, match="not a database URL"):
        to_url("://nothing")


def test_a_path_becomes_a_sqlite_url(tmp_path):
    assert (
        to_url(str(tmp_path / "a.sqlite3")).render_as_string()
        == f"sqlite+pysqlite:///{tmp_path}/a.sqlite3"
    )


def test_the_migrations_build_exactly_the_schema_the_models_describe(empty_store_target):
    store = open_store(empty_store_target)
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    store.close()
    assert differences == []
