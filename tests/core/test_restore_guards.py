"""What restore refuses and what it survives: a backup whose audit-log triggers were removed
or replaced, whose chains break, with foreign-key violations, or which lacks hallq's tables
is refused with a reason; a damaged live store is set aside unread and the backup put in
its place; backup and restore are each recorded in the audit log. The triggers a live store
has are checked against the schema's own definitions, on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from shared.archive.integrity import store_integrity_problems
from shared.errors import Rejected
from shared.store.backup import backup_store, restore_store
from shared.store.database import open_store
from shared.store.guards import trigger_problems
from shared.store.migrate import head_revision
from shared.store.models import AuditEntry
from tests.core.test_backup import flip_middle, folder_listing
from tests.core.test_refused_ways_in import hallq

# ----- the triggers, on the live store (both databases) -----


def test_a_fresh_store_has_exactly_its_triggers(store):
    assert trigger_problems(store) == []
    assert store_integrity_problems(store) == []


def test_a_removed_or_replaced_trigger_is_named(store):
    with store.engine.begin() as connection:
        if store.is_sqlite:
            connection.execute(text("DROP TRIGGER audit_log_no_delete"))
            connection.execute(
                text(
                    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                    "WHEN old.action <> 'purge' "
                    "BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END"
                )
            )
            connection.execute(text("DROP TRIGGER audit_log_no_update"))
        else:
            connection.execute(
                text(
                    "CREATE OR REPLACE FUNCTION audit_log_refuse() RETURNS trigger "
                    "LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$"
                )
            )
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate"))
    problems = trigger_problems(store)
    if store.is_sqlite:
        assert any("audit_log_no_delete" in p and "changed" in p for p in problems), problems
        assert any("audit_log_no_update" in p and "missing" in p for p in problems), problems
    else:
        assert any("audit_log_refuse" in p and "changed" in p for p in problems), problems
        assert any("audit_log_no_truncate" in p and "disabled" in p for p in problems), problems
    assert store_integrity_problems(store)


def test_a_trigger_added_to_the_audit_log_is_named(store):
    with store.engine.begin() as connection:
        if store.is_sqlite:
            connection.execute(
                text(
                    "CREATE TRIGGER hide_purges AFTER INSERT ON audit_log "
                    "WHEN new.action = 'purge' BEGIN SELECT 1; END"
                )
            )
        else:
            connection.execute(
                text(
                    "CREATE FUNCTION hide() RETURNS trigger LANGUAGE plpgsql AS "
                    "$$ BEGIN RETURN NULL; END $$"
                )
            )
            connection.execute(
                text(
                    "CREATE TRIGGER hide_purges BEFORE INSERT ON audit_log "
                    "FOR EACH ROW EXECUTE FUNCTION hide()"
                )
            )
    assert any("hide_purges" in p for p in trigger_problems(store))


def test_a_broken_chain_in_the_live_store_is_named_with_its_hall(store):
    from shared.services import audit

    with store.write() as session:
        for minute in range(3):
            audit.record(session, 1, "settings_changed", at=_at(), source="cli", n=minute)
    assert store_integrity_problems(store) == []
    with store.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_log (hall_id, at, action, source, detail)"
                " VALUES (1, :at, 'purge', 'cli', '{}')"
            ),
            {"at": _at()},
        )
    problems = store_integrity_problems(store)
    assert (
        len(problems) == 1
        and problems[0].startswith("hall demo: ")
        and "not chained" in problems[0]
    )


# ----- refused backups (SQLite) -----


@pytest.fixture
def backup(store, store_target, tmp_path) -> Path:
    made = tmp_path / "good.backup"
    backup_store(Path(store_target), made)
    store.close()
    return made


def _edit(backup: Path, *statements: str) -> None:
    connection = sqlite3.connect(backup)
    with connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()


@pytest.mark.usefixtures("sqlite_only")
@pytest.mark.parametrize(
    ("statements", "reason"),
    [
        (["DROP TRIGGER audit_log_no_delete"], "trigger audit_log_no_delete is missing"),
        (
            [
                "CREATE TRIGGER drop_purges AFTER INSERT ON audit_log WHEN new.action = 'purge'"
                " BEGIN DELETE FROM audit_log WHERE id = new.id; END"
            ],
            "trigger drop_purges",
        ),
        (
            [
                "PRAGMA foreign_keys=OFF",
                "INSERT INTO audit_log (hall_id, at, action, source, detail) "
                "VALUES (999, '2026-11-23 09:00:00', 'purge', 'cli', '{}')",
            ],
            "foreign key",
        ),
        (["DROP TABLE ratings"], "lacks the table ratings"),
    ],
    ids=["trigger removed", "trigger that deletes purges", "foreign key", "table dropped"],
)
def test_a_tampered_backup_is_refused_and_the_store_kept(backup, store_target, statements, reason):
    _edit(backup, *statements)
    listing = folder_listing(Path(store_target).parent)
    with pytest.raises(Rejected, match=reason):
        restore_store(backup, Path(store_target))
    assert folder_listing(Path(store_target).parent) == listing


@pytest.mark.usefixtures("sqlite_only")
def test_a_fake_backup_with_only_halls_and_its_version_is_refused(store, store_target, tmp_path):
    store.close()
    fake = tmp_path / "fake.backup"
    _edit(
        fake,
        "CREATE TABLE alembic_version (version_num VARCHAR(32))",
        f"INSERT INTO alembic_version VALUES ('{head_revision()}')",
        "CREATE TABLE halls (id INTEGER PRIMARY KEY, code TEXT)",
        "INSERT INTO halls VALUES (1, 'demo')",
    )
    status, _, err = hallq(store_target, "restore", str(fake))
    assert status == 1 and "lacks the table" in err and "\n" not in err.strip(), err


@pytest.mark.usefixtures("sqlite_only")
def test_a_backup_whose_audit_chain_breaks_is_refused(store, store_target, tmp_path):
    with store.write() as session:
        from shared.services import audit

        audit.record(session, 1, "purge", at=_at(), source="cli")
        audit.record(session, 1, "settings_changed", at=_at(), source="cli")
    made = tmp_path / "chained.backup"
    backup_store(Path(store_target), made)
    store.close()
    _edit(made, "DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log WHERE action='purge'")
    status, _, err = hallq(store_target, "restore", str(made))
    assert status == 1 and "audit log" in err and "missing" in err, err


def _at():
    import datetime as dt

    return dt.datetime(2026, 11, 23, 9)


# ----- restoring over a damaged store, audited -----


@pytest.mark.usefixtures("sqlite_only")
@pytest.mark.parametrize(
    "damage",
    [flip_middle, lambda path: path.write_bytes(b"overwritten by a careless copy" * 100)],
    ids=["pages flipped", "no database left"],
)
def test_hallq_restores_over_a_damaged_store_and_sets_it_aside(
    store, store_target, tmp_path, damage
):
    made = tmp_path / "good.backup"
    status, out, err = hallq(store_target, "backup", str(made))
    assert status == 0, err
    with store.read() as session:
        assert session.scalars(select(AuditEntry.action)).all()[-1] == "backup"
    store.close()
    damage(Path(store_target))
    damaged = Path(store_target).read_bytes()
    status, out, err = hallq(store_target, "restore", str(made))
    assert status == 0 and "恢复完成" in out, (out, err)
    aside = [p for p in Path(store_target).parent.iterdir() if ".damaged-" in p.name]
    assert [p.read_bytes() for p in aside if not p.name.endswith(("-wal", "-shm"))] == [damaged]
    reopened = open_store(store_target, create=False)
    try:
        with reopened.read() as session:
            actions = session.scalars(select(AuditEntry.action)).all()
        assert actions[-1] == "restore", actions
        assert store_integrity_problems(reopened) == []
    finally:
        reopened.close()
