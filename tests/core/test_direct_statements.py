"""Statements run on the driver's cursor give what SQLAlchemy gives, and fail as it fails."""

from __future__ import annotations

import pytest
from sqlalchemy import Integer, bindparam, insert, inspect, select
from sqlalchemy.exc import IntegrityError

from shared.store import direct
from shared.store.lookup import find_hall, table_of
from shared.store.models import Business, Counter, Hall, Queue, Ticket

_BUSINESSES = select(Business).where(Business.hall_id == bindparam("hall", type_=Integer()))
_COUNTER_ROWS = select(Counter.number, Counter.state, Counter.queues).where(
    Counter.hall_id == bindparam("hall", type_=Integer())
)
# The statement's own values: a constant, a constant IN list, and a value taken at each run.
_SOME_QUEUES = (
    select(Queue.letter, Queue.target_wait_s)
    .where(
        Queue.hall_id == bindparam("hall", type_=Integer()),
        Queue.letter.in_(["A", "B", "Z"]),
        Queue.target_wait_s > 0,
        Queue.target_wait_s < bindparam("longest", callable_=lambda: LONGEST[0]),
    )
    .order_by(Queue.letter)
)
LONGEST = [100_000]
_COUNTER_ONE = select(Counter).where(Counter.number == 1)
_NEW_QUEUE = insert(table_of(Queue))
# Every column given, so no default is computed in Python and the driver runs the insert.
NEW_QUEUE = {"letter": "Q", "name": "新", "name_en": "New", "target_wait_s": 600}


def test_rows_and_objects_are_those_sqlalchemy_reads(store, hall):
    hall.issue("topup")
    hall.open_counter(1, "E001")
    with store.read() as session:
        hall_id = find_hall(session, "demo").id
        through_sqlalchemy = [
            tuple(row) for row in session.execute(_COUNTER_ROWS, {"hall": hall_id})
        ]
        business_rows = {
            business.key: (business.form_fields, business.self_service, business.queue_id)
            for business in session.scalars(_BUSINESSES, {"hall": hall_id})
        }
    with store.read() as session:
        direct_rows = [tuple(row) for row in direct.run(session, _COUNTER_ROWS, {"hall": hall_id})]
        businesses = direct.instances(session, Business, _BUSINESSES, {"hall": hall_id})
        assert {
            business.key: (business.form_fields, business.self_service, business.queue_id)
            for business in businesses
        } == business_rows
        assert direct.get(session, Hall, hall_id) is find_hall(session, "demo")
        ticket = direct.get(session, Ticket, 1)
        assert ticket is not None and ticket.code == "A001" and ticket.issued_at.year > 2000
    assert direct_rows == through_sqlalchemy
    assert {type(state) for _, state, _ in direct_rows} == {
        type(state) for _, state, _ in through_sqlalchemy
    }


def test_a_driver_error_is_sqlalchemys_and_the_write_is_undone(store):
    with store.read() as session:
        hall_id = find_hall(session, "demo").id
        count = len(session.scalars(select(Queue.id)).all())
    with pytest.raises(IntegrityError), store.write() as session:
        direct.run(session, _NEW_QUEUE, NEW_QUEUE | {"hall_id": hall_id})
        direct.run(session, _NEW_QUEUE, NEW_QUEUE | {"hall_id": hall_id})
    with store.read() as session:
        assert len(session.scalars(select(Queue.id)).all()) == count
    keys = tuple(sorted({*NEW_QUEUE, "hall_id"}))
    assert direct._PREPARED[id(_NEW_QUEUE), store.engine.dialect.name, keys] is not None


def test_a_statements_own_values_are_sent_as_sqlalchemy_sends_them(store, hall):
    with store.read() as session:
        hall_id = find_hall(session, "demo").id
        for longest in (100_000, 1):
            LONGEST[0] = longest
            through_sqlalchemy = [
                tuple(row) for row in session.execute(_SOME_QUEUES, {"hall": hall_id})
            ]
            assert [tuple(row) for row in direct.run(session, _SOME_QUEUES, {"hall": hall_id})] == (
                through_sqlalchemy
            )
        assert through_sqlalchemy == []  # the callable's new value was taken
    LONGEST[0] = 100_000
    with store.read() as session:
        assert [row.letter for row in direct.run(session, _SOME_QUEUES, {"hall": hall_id})] == [
            "A",
            "B",
        ]


def test_objects_read_are_persistent_and_unchanged_until_changed(store, hall):
    hall.open_counter(1, "E001")
    with store.write() as session:
        hall_id = find_hall(session, "demo").id
        (counter, *_) = direct.instances(session, Counter, _COUNTER_ONE, {})
        state = inspect(counter)
        assert state.persistent and not session.is_modified(counter)
        assert counter not in session.dirty and not session.new
        assert counter.hall_id == hall_id and counter.number == 1
        counter.name = "新名字"
        assert session.is_modified(counter)
    with store.read() as session:
        assert session.scalars(select(Counter.name).where(Counter.number == 1)).one() == "新名字"
