"""The hall's fixed words are checked by the store itself: a row written past the program
(a raw INSERT or UPDATE) with a status, state, kind, role, tier, class, outcome or rating
outside the vocabulary is refused, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import Enum, inspect, text
from sqlalchemy.exc import IntegrityError

from shared.errors import Rejected
from shared.store.models import Base, Ticket
from shared.vocabulary import CounterState, TicketStatus, Tier

NEW_TICKET = """
INSERT INTO tickets (hall_id, business_day, code, number, queue_id, business_id, tier, status,
    issued_at, waiting_since)
SELECT halls.id, '2026-11-23', :code, 1, queues.id, businesses.id, :tier, :status,
    '2026-11-23 09:00:00', '2026-11-23 09:00:00'
FROM halls JOIN businesses ON businesses.hall_id = halls.id
    JOIN queues ON queues.id = businesses.queue_id
WHERE businesses.key = 'topup'
"""


def _insert_ticket(store, code: str, tier: str, status: str) -> None:
    with store.engine.begin() as connection:
        connection.execute(text(NEW_TICKET), {"code": code, "tier": tier, "status": status})


def test_a_raw_insert_of_a_ticket_with_an_unknown_status_is_refused(store):
    _insert_ticket(store, "A901", "normal", "waiting")
    with pytest.raises(IntegrityError, match="ck_tickets_status"):
        _insert_ticket(store, "A902", "normal", "parked")
    with pytest.raises(IntegrityError, match="ck_tickets_tier"):
        _insert_ticket(store, "A903", "gold", "waiting")
    with store.read() as session:
        assert [(t.code, t.status) for t in session.query(Ticket)] == [
            ("A901", TicketStatus.WAITING)
        ]


def test_a_raw_update_to_an_unknown_counter_state_is_refused(store):
    with pytest.raises(IntegrityError, match="ck_counters_state"), store.engine.begin() as c:
        c.execute(text("UPDATE counters SET state = 'lunch'"))
    with store.engine.connect() as connection:
        states = set(connection.execute(text("SELECT state FROM counters")).scalars())
    assert states == {CounterState.CLOSED}


def _vocabulary_columns() -> list[tuple[str, str, Enum]]:
    return [
        (table.name, column.name, column.type)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, Enum)
    ]


def test_every_column_of_fixed_words_is_checked_for_exactly_its_words(store):
    """The migrations give each such column the CHECK the models describe, word for word."""
    inspector = inspect(store.engine)
    columns = _vocabulary_columns()
    assert len(columns) == 21
    for table, column, words in columns:
        checks = {
            check["name"]: check["sqltext"] for check in inspector.get_check_constraints(table)
        }
        found = checks.get(f"ck_{table}_{column}")
        assert found is not None, f"{table}.{column} has no CHECK in the store"
        assert set(re.findall(r"'([^']*)'", found)) == set(words.enums), f"{table}.{column}"


def test_words_from_outside_become_members_or_a_one_line_refusal():
    assert Tier.parse("vip", "tier") is Tier.VIP
    with pytest.raises(Rejected) as refused:
        Tier.parse("gold", "tier")
    assert refused.value.message == "unknown tier 'gold'; use one of vip, group, normal"
    with pytest.raises(Rejected, match="unknown tier 7"):
        Tier.parse(7, "tier")
