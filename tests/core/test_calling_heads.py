"""A call reads only each served queue's first waiting ticket: it must call exactly what the
calling rule would choose from every waiting ticket."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from shared.rules.calling import Policy, Waiting, choose_next
from shared.services.settings import change_settings, load_settings
from shared.store.lookup import find_hall
from shared.store.models import Counter, CounterSession, Queue, Ticket
from shared.vocabulary import TicketStatus


def expected_call(store, counter: int, now) -> str | None:
    """What the calling rule chooses for `counter` given the full list of waiting tickets."""
    with store.read() as session:
        hall = find_hall(session, "demo")
        settings = load_settings(session, hall.id)
        desk = session.scalars(
            select(Counter).where(Counter.hall_id == hall.id, Counter.number == counter)
        ).one()
        serves = session.scalars(
            select(CounterSession.queues).where(
                CounterSession.counter_id == desk.id, CounterSession.closed_at.is_(None)
            )
        ).one()
        rows = session.execute(
            select(
                Ticket.id,
                Queue.letter,
                Ticket.waiting_since,
                Ticket.issued_at,
                Queue.target_wait_s,
                Ticket.code,
            )
            .join(Queue, Queue.id == Ticket.queue_id)
            .where(
                Ticket.hall_id == hall.id,
                Ticket.status == TicketStatus.WAITING,
                Ticket.waiting_since <= now,
                Ticket.for_counter_id.is_(None),
            )
        ).all()
        recent = [
            letter
            for (letter,) in session.execute(
                select(Queue.letter)
                .join(Ticket, Ticket.queue_id == Queue.id)
                .where(Ticket.counter_id == desk.id, Ticket.called_at.is_not(None))
                .order_by(Ticket.called_at.desc(), Ticket.id.desc())
            )
        ]
    codes = {row[0]: row[5] for row in rows}
    chosen = choose_next(
        tuple(serves),
        [Waiting(*row[:5]) for row in rows],
        policy=Policy(settings.vip_queue, settings.ageing_cap, settings.green_ratio),
        now=now,
        recent_calls=recent,
    )
    return None if chosen is None else codes[chosen.ticket_id]


@pytest.mark.parametrize("ageing_cap", [False, True])
def test_each_call_takes_what_the_rule_would_take_from_every_waiting_ticket(
    store, hall, clock, ageing_cap
):
    with store.write() as session:
        change_settings(
            session, find_hall(session, "demo").id, {"ageing_cap": ageing_cap, "green_ratio": 2}
        )
    hall.open_counter(1, "E001")  # serves V, A and B
    hall.open_counter(2, "E002")  # serves A and B: sends tickets back to wait
    for round_ in range(12):
        hall.issue("topup")
        hall.issue("sim_replace")
        if round_ % 3 == 0:
            hall.issue("topup", tier="vip")
        clock.advance(170)
    # Tickets sent to wait again start waiting anew: their queue order is no longer the
    # order of their numbers.
    for queue in ("B", "A", "B"):
        hall.call(2)
        clock.advance(30)
        hall.transfer(2, queue)
    called = []
    while (expected := expected_call(store, 1, clock.now())) is not None:
        done = hall.call(1)
        assert done.ticket == expected
        called.append(done.ticket)
        clock.advance(40)
        hall.finish(1)
    assert hall.call(1).ticket is None
    assert len(called) == 28  # every ticket issued, the ones sent back included
