"""A store made by the first schema, with a served day in it, upgrades to the current
schema keeping every row, gets a slip key for its hall, and goes on serving."""

from __future__ import annotations

import datetime as dt
import re

from alembic import command
from sqlalchemy import text

from shared.figures.clerks import clerk_figures
from shared.services.hall import HallService
from shared.store.clock import FixedClock
from shared.store.database import open_store
from shared.store.lookup import find_hall
from shared.store.migrate import _config, current_revision, head_revision

# One served ticket, written as the first schema's tables held it.
DAY_IN_0001 = """
INSERT INTO halls (id, code, name, name_en, business_day, alert_level)
    VALUES (1, 'old', '老营业厅', 'Old hall', '2026-11-20', 0);
INSERT INTO settings (hall_id, key, value) VALUES (1, 'alert_margin', '0.4');
INSERT INTO queues (id, hall_id, letter, name, name_en, target_wait_s)
    VALUES (1, 1, 'A', '常规业务', 'Routine', 900);
INSERT INTO businesses (id, hall_id, key, name, name_en, business_class, queue_id,
    self_service, slip_fields) VALUES (1, 1, 'topup', '充值', 'Top-up', 'routine', 1, true, '[]');
INSERT INTO counters (id, hall_id, number, name, queues, state) VALUES (1, 1, 2, '', 'A', 'open');
INSERT INTO clerks (id, hall_id, staff_id, name, role, pin_hash)
    VALUES (1, 1, 'E002', '李娜', 'clerk', NULL);
INSERT INTO customers (id, hall_id, phone, tier, name) VALUES (1, 1, '13900000001', 'vip', '');
INSERT INTO counter_sessions (id, hall_id, counter_id, clerk_id, queues, opened_at, closed_at)
    VALUES (1, 1, 1, 1, 'A', '2026-11-20 09:00:00', NULL);
INSERT INTO counter_events (id, hall_id, session_id, counter_id, clerk_id, at, business_day,
    kind, reason) VALUES (1, 1, 1, 1, 1, '2026-11-20 09:00:00', '2026-11-20', 'open', '');
INSERT INTO queue_sequences (queue_id, business_day, last_number) VALUES (1, '2026-11-20', 1);
INSERT INTO tickets (id, hall_id, business_day, code, number, queue_id, business_id, tier,
    phone, slip, status, issued_at, waiting_since, called_at, counter_id, clerk_id, finished_at)
    VALUES (1, 1, '2026-11-20', 'A001', 1, 1, 1, 'normal', '13800000001', NULL, 'finished',
    '2026-11-20 09:01:00', '2026-11-20 09:01:00', '2026-11-20 09:03:00', 1, 1,
    '2026-11-20 09:05:00');
INSERT INTO ticket_events (id, hall_id, ticket_id, at, business_day, kind, queue_id,
    business_id, counter_id, clerk_id, seconds) VALUES
    (1, 1, 1, '2026-11-20 09:01:00', '2026-11-20', 'issued', 1, 1, NULL, NULL, NULL),
    (2, 1, 1, '2026-11-20 09:03:00', '2026-11-20', 'called', 1, 1, 1, 1, 120),
    (3, 1, 1, '2026-11-20 09:05:00', '2026-11-20', 'finished', 1, 1, 1, 1, 120),
    (4, 1, 1, '2026-11-20 09:05:30', '2026-11-20', 'rated', 1, 1, 1, 1, NULL);
INSERT INTO transactions (id, hall_id, ticket_id, business_id, clerk_id, counter_id, at,
    recommended, accepted, signed, fields, notes)
    VALUES (1, 1, 1, 1, 1, 1, '2026-11-20 09:05:00', true, false, true, NULL, '');
INSERT INTO ratings (id, hall_id, ticket_id, clerk_id, at, business_day, rating)
    VALUES (1, 1, 1, 1, '2026-11-20 09:05:30', '2026-11-20', 'satisfied');
"""
TABLES = (
    "halls", "settings", "queues", "businesses", "counters", "clerks", "customers",
    "counter_sessions", "counter_events", "queue_sequences", "tickets", "ticket_events",
    "transactions", "ratings",
)  # fmt: skip


def make_first_schema_store(target: str) -> None:
    store = open_store(target, upgrade=False)
    config = _config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with store.engine.begin() as connection:
        for statement in filter(str.strip, DAY_IN_0001.split(";")):
            connection.execute(text(statement))
        if store.engine.dialect.name == "postgresql":  # ids were given: move the sequences on
            for table in TABLES:
                if table not in ("settings", "queue_sequences"):
                    connection.execute(
                        text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))")
                    )
    assert current_revision(store) == "0001"
    store.close()


def rows(store, table: str) -> list[tuple]:
    with store.engine.connect() as connection:
        return sorted(map(tuple, connection.execute(text(f"SELECT * FROM {table}"))), key=repr)


def test_a_first_schema_store_upgrades_keeping_its_rows_and_gains_a_hall_secret(
    empty_store_target,
):
    make_first_schema_store(empty_store_target)
    old = open_store(empty_store_target, upgrade=False)
    before = {table: rows(old, table) for table in TABLES}
    old.close()

    store = open_store(empty_store_target)
    assert current_revision(store) == head_revision()
    for table in TABLES:
        after = rows(store, table)
        width = len(before[table][0])
        assert [row[:width] for row in after] == before[table], table
    with store.read() as session:
        hall = find_hall(session, "old")
        assert re.fullmatch(r"[0-9a-f]{64}", hall.secret)
        assert hall.name == "老营业厅" and hall.business_day == dt.date(2026, 11, 20)
        (figures,) = clerk_figures(session, hall, dt.date(2026, 11, 20))
    assert (figures.clerk, figures.handled, figures.satisfied) == ("E002", 1, 1)
    store.close()


def test_an_upgraded_store_goes_on_numbering_and_serving(empty_store_target):
    make_first_schema_store(empty_store_target)
    store = open_store(empty_store_target)
    clock = FixedClock(dt.datetime(2026, 11, 20, 10))
    hall = HallService(store, "old", clock)
    assert hall.issue("topup").ticket == "A002"
    assert hall.issue("topup", phone="13800000009").ticket == "A003"
    assert hall.call(2).ticket == "A002"
    clock.advance(60)
    assert hall.finish(2).ticket == "A002"
    store.close()
