"""The audit log is a hash chain per hall, like the service forms: an edited entry, a
deleted one (once the store's triggers are dropped) and one forged by a raw INSERT are each
found; an entry forged with a well-computed link after the newest signed checkpoint is
found by being dated before it, and a removed newest entry by the checkpoint's head."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from alembic import command
from sqlalchemy import select, text

from shared.archive.audit_chain import verify_audit
from shared.rules.audit_record import audit_link
from shared.services import audit
from shared.store.database import open_store
from shared.store.lookup import find_hall
from shared.store.migrate import _config
from shared.store.models import AuditEntry
from tests.core.test_refused_ways_in import hallq

START = dt.datetime(2026, 11, 23, 9)


def unguarded(store) -> None:
    """Someone who can write the store file: the triggers guarding the audit log are gone."""
    with store.engine.begin() as connection:
        if store.is_sqlite:
            connection.execute(text("DROP TRIGGER audit_log_no_update"))
            connection.execute(text("DROP TRIGGER audit_log_no_delete"))
        else:
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))


@pytest.fixture
def five_entries(store):
    with store.write() as session:
        hall = find_hall(session, "demo")
        for minute in range(5):
            audit.record(
                session,
                hall.id,
                "settings_changed",
                at=START + dt.timedelta(minutes=minute),
                source="cli",
                setting=f"s{minute}",
            )
    return store


def checked(store, heads=()):
    with store.read() as session:
        return verify_audit(session, find_hall(session, "demo"), heads)


def test_each_entry_is_chained_to_the_one_before(five_entries):
    with five_entries.read() as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.sequence)).all()
    assert [row.sequence for row in rows] == [1, 2, 3, 4, 5]
    assert len({row.chain_hash for row in rows}) == 5
    check = checked(five_entries)
    assert check.intact and check.entries == 5, check


def test_an_edited_entry_is_found(five_entries):
    unguarded(five_entries)
    with five_entries.engine.begin() as connection:
        connection.execute(text("UPDATE audit_log SET source = 'kiosk' WHERE sequence = 3"))
    check = checked(five_entries)
    assert not check.intact and check.broken_at == 3 and "changed" in check.problem, check


def test_a_deleted_entry_is_found(five_entries):
    unguarded(five_entries)
    with five_entries.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE sequence = 2"))
    check = checked(five_entries)
    assert not check.intact and check.broken_at == 2 and "missing" in check.problem, check


def test_a_back_dated_entry_inserted_past_hallq_is_found(five_entries):
    with five_entries.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_log (hall_id, at, action, source, detail)"
                " VALUES (1, :at, 'purge', 'cli', :detail)"
            ),
            {"at": START - dt.timedelta(days=30), "detail": json.dumps({"days": 30})},
        )
    check = checked(five_entries)
    assert not check.intact and "not chained" in check.problem, check


def _forge_next(store, at: dt.datetime) -> None:
    """An entry appended with its link computed as hallq would: only a checkpoint finds it."""
    with store.engine.begin() as connection:
        last = connection.execute(
            text("SELECT sequence, chain_hash FROM audit_log ORDER BY sequence DESC LIMIT 1")
        ).one()
        detail = {"days": 30}
        link = audit_link(last.chain_hash, last.sequence + 1, 1, at, None, "purge", "cli", detail)
        connection.execute(
            text(
                "INSERT INTO audit_log (hall_id, at, action, source, detail, sequence,"
                " chain_hash) VALUES (1, :at, 'purge', 'cli', :detail, :sequence, :link)"
            ),
            {"at": at, "detail": json.dumps(detail), "sequence": last.sequence + 1, "link": link},
        )


def _sign(store_target, tmp_path):
    key, folder = tmp_path / "checkpoint.key", tmp_path / "checkpoints"
    signing = ("--checkpoints", str(folder), "--key", str(key))
    status, out, err = hallq(store_target, "forms", "checkpoint", *signing)
    assert status == 0 and "audit log entry #" in out, (out, err)
    return signing


def test_a_well_forged_back_dated_entry_after_a_checkpoint_is_found(
    five_entries, store_target, tmp_path
):
    signing = _sign(store_target, tmp_path)
    _forge_next(five_entries, START - dt.timedelta(days=30))
    assert checked(five_entries).intact  # the store alone cannot tell
    status, _, err = hallq(store_target, "forms", "verify", *signing)
    assert status == 1 and "audit log entry #6" in err and "before the checkpoint" in err, err


def test_a_removed_newest_entry_is_found_by_the_checkpoint(five_entries, store_target, tmp_path):
    signing = _sign(store_target, tmp_path)
    status, out, err = hallq(store_target, "forms", "verify", *signing)
    assert status == 0 and "audit log intact" in out, (out, err)
    unguarded(five_entries)
    with five_entries.engine.begin() as connection:
        connection.execute(
            text("DELETE FROM audit_log WHERE sequence = (SELECT max(sequence) FROM audit_log)")
        )
    assert checked(five_entries).intact
    status, _, err = hallq(store_target, "forms", "verify", *signing)
    assert status == 1 and "audit log entry #" in err and "missing" in err, err


def test_entries_written_before_the_upgrade_are_chained_by_it(empty_store_target):
    store = open_store(empty_store_target, upgrade=False)
    config = _config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0007")
    with store.engine.begin() as connection:
        # the hall as a store at 0007 holds it (today's models describe later columns)
        connection.execute(
            text(
                "INSERT INTO halls (id, code, name, name_en, alert_level, secret)"
                " VALUES (1, 'demo', '示范营业厅', 'Demo Hall', 0, :secret)"
            ),
            {"secret": "0" * 64},
        )
        for minute in range(3):
            connection.execute(
                text(
                    "INSERT INTO audit_log (hall_id, at, action, source, detail)"
                    " VALUES (1, :at, 'sign_in', 'counter 2', :detail)"
                ),
                {"at": START + dt.timedelta(minutes=minute), "detail": json.dumps({"n": minute})},
            )
    store.close()
    store = open_store(empty_store_target)
    try:
        check = checked(store)
        assert check.intact and check.entries == 3, check
        with store.write() as session:
            audit.record(session, 1, "purge", at=START + dt.timedelta(hours=1), source="cli")
        check = checked(store)
        assert check.intact and check.entries == 4, check
    finally:
        store.close()
