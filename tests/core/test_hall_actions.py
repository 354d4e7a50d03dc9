"""The hall's actions: numbering, routing, calling, counters, and that a rejected action
leaves the store exactly as it was."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text, update

from shared.errors import Rejected
from shared.store.models import (
    Base,
    Business,
    QueueSequence,
    Rating,
    Ticket,
    TicketEvent,
    Transaction,
)


def snapshot(store) -> dict[str, list[tuple]]:
    """Every row of every table: two equal snapshots mean nothing was written."""
    with store.read() as session:
        return {
            table.name: sorted(
                map(tuple, session.execute(text(f"SELECT * FROM {table.name}"))), key=repr
            )
            for table in Base.metadata.sorted_tables
        }


def ticket_row(store, code: str) -> Ticket:
    with store.read() as session:
        return session.scalars(
            select(Ticket).where(Ticket.code == code).order_by(Ticket.id.desc())
        ).first()


def events_of(store, code: str) -> list[str]:
    with store.read() as session:
        return list(
            session.scalars(
                select(TicketEvent.kind)
                .join(Ticket)
                .where(Ticket.code == code)
                .order_by(TicketEvent.id)
            )
        )


# ----- numbering and routing -----


def test_numbers_run_per_queue_from_001(hall):
    codes = [
        hall.issue(b).ticket
        for b in ("topup", "sim_replace", "bill_query", "handset_sale", "topup")
    ]
    assert codes == ["A001", "B001", "A002", "D001", "A003"]


def test_ahead_counts_the_tickets_already_waiting_in_the_same_queue(hall, clock):
    hall.open_counter(2, "E002")
    assert [hall.issue("topup").ahead for _ in range(3)] == [0, 1, 2]
    assert hall.issue("sim_replace").ahead == 0
    clock.advance(60)
    hall.call(2)  # A001 leaves the queue
    assert hall.issue("topup").ahead == 2


def test_numbering_restarts_each_business_day_and_yesterdays_waiting_tickets_expire(
    hall, clock, store
):
    hall.issue("topup")
    hall.issue("topup")
    clock.set(dt.datetime(2026, 11, 24, 8, 30))
    assert hall.issue("topup").ticket == "A001"
    assert ticket_row(store, "A002").status == "expired"
    assert events_of(store, "A002") == ["issued", "expired"]
    with store.read() as session:  # history is kept: both days' tickets are still there
        assert session.scalar(select(func.count()).select_from(Ticket)) == 3


def test_a_new_day_closes_counters_left_open_and_expires_called_tickets_at_the_days_end(
    hall, clock, store
):
    hall.open_counter(2, "E002")
    hall.issue("topup")
    hall.issue("topup")
    clock.set(dt.datetime(2026, 11, 23, 17, 55))
    hall.call(2)  # A001 is still at the counter when the day ends
    clock.set(dt.datetime(2026, 11, 24, 8, 30))
    hall.open_counter(2, "E002")  # the same counter opens again the next morning
    assert ticket_row(store, "A001").status == "expired"
    with store.read() as session:
        from shared.store.models import CounterEvent

        closes = session.execute(
            select(CounterEvent.at, CounterEvent.business_day, CounterEvent.reason).where(
                CounterEvent.kind == "close"
            )
        ).all()
        expiries = session.scalars(
            select(TicketEvent.at).where(TicketEvent.kind == "expired")
        ).all()
    day_end = dt.datetime(2026, 11, 23, 17, 55)  # the day's last recorded event
    assert closes == [(day_end, dt.date(2026, 11, 23), "day end")]
    assert expiries == [day_end, day_end]


def test_tier_comes_from_the_customer_directory_unless_given(hall):
    assert hall.issue("topup", phone="13800000001").queue == "V"
    assert hall.issue("sim_replace", phone="13900000001").queue == "C"
    assert hall.issue("topup", phone="13712345678").queue == "A"
    assert hall.issue("topup", phone="13800000001", tier="normal").queue == "A"
    assert hall.issue("handset_sale", tier="vip").ticket == "V002"


def test_business_classes_route_to_their_queues(hall):
    businesses = ("bill_payment", "number_port", "group_business", "after_sales")
    assert [hall.issue(b).queue for b in businesses] == ["A", "B", "C", "D"]


def test_a_queue_stops_at_999_numbers_a_day_and_the_refusal_changes_nothing(hall, store, clock):
    hall.issue("topup")
    with store.write() as session:
        session.execute(update(QueueSequence).values(last_number=999))
    before = snapshot(store)
    with pytest.raises(Rejected, match="999"):
        hall.issue("topup")
    assert snapshot(store) == before


# ----- calling -----


def test_call_takes_the_ticket_to_the_counter_and_logs_the_wait(hall, clock, store):
    hall.open_counter(2, "E002")
    hall.issue("topup")
    clock.advance(95)
    called = hall.call(2)
    assert (called.ticket, called.queue, called.waited_s) == ("A001", "A", 95.0)
    row = ticket_row(store, "A001")
    assert row.status == "called" and row.called_at == clock.now()


def test_a_counter_with_a_called_ticket_cannot_call_again(hall):
    hall.open_counter(2, "E002")
    hall.issue("topup")
    hall.issue("topup")
    hall.call(2)
    with pytest.raises(Rejected, match="still serving A001"):
        hall.call(2)


def test_paused_and_closed_counters_cannot_call(hall, clock):
    hall.issue("topup")
    with pytest.raises(Rejected, match="closed"):
        hall.call(2)
    hall.open_counter(2, "E002")
    hall.pause_counter(2, "meeting")
    with pytest.raises(Rejected, match="paused"):
        hall.call(2)


def test_call_with_nothing_waiting_for_the_counter_returns_no_ticket(hall):
    hall.open_counter(5, "E005")  # group desk
    hall.issue("topup")
    assert hall.call(5).ticket is None


def test_a_ticket_issued_after_the_calls_time_is_not_called(hall, clock):
    hall.open_counter(2, "E002")
    clock.advance(60)
    hall.issue("topup")
    clock.advance(-30)
    assert hall.call(2).ticket is None


def test_a_counter_opened_on_chosen_queues_serves_only_those(hall):
    hall.open_counter(1, "E001", ["B"])
    hall.issue("topup", phone="13800000001")
    hall.issue("topup")
    assert hall.call(1).ticket is None
    hall.issue("sim_replace")
    assert hall.call(1).ticket == "B001"


def test_transfer_keeps_the_number_and_waits_again_from_the_transfer(hall, clock, store):
    hall.open_counter(2, "E002")
    hall.open_counter(4, "E004")
    hall.issue("topup")
    clock.advance(60)
    hall.call(2)
    clock.advance(30)
    moved = hall.transfer(2, "B")
    assert (moved.ticket, moved.queue) == ("A001", "B")
    row = ticket_row(store, "A001")
    assert (row.status, row.waiting_since) == ("waiting", clock.now())
    clock.advance(40)
    called = hall.call(4)
    assert (called.ticket, called.waited_s) == ("A001", 40.0)
    assert events_of(store, "A001") == ["issued", "called", "transferred", "called"]


def test_a_ticket_transferred_to_a_counter_is_called_there_first_and_nowhere_else(
    hall, clock, store
):
    for counter, clerk in ((2, "E002"), (3, "E003"), (4, "E004")):
        hall.open_counter(counter, clerk)
    hall.issue("topup")
    hall.issue("topup")
    clock.advance(60)
    hall.call(2)
    clock.advance(30)
    assert hall.transfer(2, to_counter=4).ticket == "A001"
    clock.advance(10)
    assert hall.call(3).ticket == "A002"  # A001 waits for counter 4 alone
    hall.finish(3)
    assert hall.call(3).ticket is None
    assert hall.call(4).ticket == "A001"
    assert ticket_row(store, "A001").for_counter_id is None


def test_closing_a_counter_sends_the_tickets_waiting_for_it_back_to_their_queue(hall, clock):
    hall.open_counter(2, "E002")
    hall.open_counter(4, "E004")
    hall.issue("topup")
    hall.call(2)
    hall.transfer(2, to_counter=4)
    hall.close_counter(4)
    assert hall.call(2).ticket == "A001"


@pytest.mark.parametrize(
    ("queue", "to_counter", "refusal"),
    [
        (None, None, "one of the two"),
        ("B", 4, "one of the two"),
        (None, 2, "already at counter 2"),
        (None, 5, "counter 5 is closed"),
        (None, 99, "counter 99"),
    ],
)
def test_a_transfer_names_one_open_other_counter_or_a_queue(
    hall, store, queue, to_counter, refusal
):
    hall.open_counter(2, "E002")
    hall.open_counter(4, "E004")
    hall.issue("topup")
    hall.call(2)
    before = snapshot(store)
    with pytest.raises(Rejected, match=refusal):
        hall.transfer(2, queue, to_counter=to_counter)
    assert snapshot(store) == before


def test_each_business_of_a_visit_records_how_it_ended(hall, store):
    hall.open_counter(2, "E002")
    hall.issue("sim_replace")
    hall.call(2)
    hall.finish(2, businesses=["sim_replace", "plan_change"], outcomes={"plan_change": "follow_up"})
    with store.read() as session:
        ended = dict(
            session.execute(
                select(Business.key, Transaction.outcome).join(
                    Business, Business.id == Transaction.business_id
                )
            ).all()
        )
    assert ended == {"sim_replace": "completed", "plan_change": "follow_up"}


@pytest.mark.parametrize(
    ("outcomes", "refusal"),
    [({"topup": "completed"}, "business not done"), ({"sim_replace": "done"}, "unknown outcome")],
)
def test_an_outcome_must_be_known_and_for_a_business_done(hall, store, outcomes, refusal):
    hall.open_counter(2, "E002")
    hall.issue("sim_replace")
    hall.call(2)
    before = snapshot(store)
    with pytest.raises(Rejected, match=refusal):
        hall.finish(2, outcomes=outcomes)
    assert snapshot(store) == before


def test_recall_announces_again_without_changing_the_ticket(hall, clock, store):
    hall.open_counter(2, "E002")
    hall.issue("topup")
    hall.call(2)
    clock.advance(20)
    assert hall.recall(2).ticket == "A001"
    assert ticket_row(store, "A001").status == "called"
    assert events_of(store, "A001") == ["issued", "called", "recalled"]


def test_no_show_frees_the_counter(hall, clock, store):
    hall.open_counter(2, "E002")
    hall.issue("topup")
    hall.issue("topup")
    hall.call(2)
    clock.advance(60)
    assert hall.no_show(2).ticket == "A001"
    assert ticket_row(store, "A001").status == "no_show"
    assert hall.call(2).ticket == "A002"


def test_finish_records_each_business_done_with_its_flags(hall, clock, store):
    hall.open_counter(2, "E002")
    hall.issue("topup")
    hall.call(2)
    clock.advance(200)
    hall.finish(
        2,
        businesses=["plan_change", "service_change"],
        recommended=True,
        accepted=True,
        signed=True,
    )
    with store.read() as session:
        done = session.execute(
            select(
                Transaction.business_id,
                Transaction.recommended,
                Transaction.accepted,
                Transaction.signed,
            )
        ).all()
        finished = session.scalars(select(TicketEvent).where(TicketEvent.kind == "finished")).one()
    assert len(done) == 2 and all(
        flags == (True, True, True) for *_, flags in [(r[0], r[1:]) for r in done]
    )
    assert finished.seconds == 200.0
    assert ticket_row(store, "A001").status == "finished"


def test_a_rating_goes_to_the_last_finished_ticket_once(hall, clock, store):
    hall.open_counter(2, "E002")
    hall.issue("topup")
    hall.issue("topup")
    for _ in range(2):
        hall.call(2)
        clock.advance(60)
        hall.finish(2)
    assert hall.rate(2, "satisfied").ticket == "A002"
    with pytest.raises(Rejected, match="already rated"):
        hall.rate(2, "dissatisfied")
    with store.read() as session:
        assert session.scalars(select(Rating.rating)).all() == ["satisfied"]


# ----- counters -----


def test_a_clerk_cannot_open_two_counters(hall):
    hall.open_counter(2, "E002")
    with pytest.raises(Rejected, match="already at counter 2"):
        hall.open_counter(3, "E002")


def test_pause_and_close_wait_for_the_current_ticket(hall, clock):
    hall.open_counter(2, "E002")
    hall.issue("topup")
    hall.call(2)
    with pytest.raises(Rejected, match="serving A001"):
        hall.pause_counter(2, "break")
    with pytest.raises(Rejected, match="serving A001"):
        hall.close_counter(2)
    clock.advance(60)
    hall.finish(2)
    hall.pause_counter(2, "break")
    hall.resume_counter(2)
    hall.close_counter(2)
    hall.open_counter(2, "E003")  # a closed counter opens again, for anyone


# ----- rejected actions store nothing -----


def _serving_hall(hall, clock):
    hall.open_counter(2, "E002")
    hall.issue("topup")
    clock.advance(60)
    hall.call(2)
    clock.advance(60)


REJECTED_ACTIONS = {
    "unknown business": lambda h: h.issue("nothing"),
    "bad phone": lambda h: h.issue("topup", phone="12345"),
    "bad tier": lambda h: h.issue("topup", tier="gold"),
    "slip field unknown": lambda h: h.issue("sim_replace", slip={"colour": "red"}),
    "slip id check digit": lambda h: h.issue(
        "sim_replace", slip={"name": "张三", "id_number": "110101199003070000", "reason": "丢失"}
    ),
    "slip missing required": lambda h: h.issue("sim_replace", slip={"name": "张三"}),
    "call while serving": lambda h: h.call(2),
    "call unknown counter": lambda h: h.call(99),
    "open an open counter": lambda h: h.open_counter(2, "E003"),
    "open with unknown clerk": lambda h: h.open_counter(3, "X999"),
    "open on unknown queue": lambda h: h.open_counter(3, "E003", ["Q"]),
    "open on no queue": lambda h: h.open_counter(3, "E003", []),
    "pause while serving": lambda h: h.pause_counter(2),
    "resume an open counter": lambda h: h.resume_counter(2),
    "close a closed counter": lambda h: h.close_counter(3),
    "transfer to unknown queue": lambda h: h.transfer(2, "Q"),
    "no ticket to recall": lambda h: h.recall(3),
    "accepted not recommended": lambda h: h.finish(2, accepted=True),
    "finish unknown business": lambda h: h.finish(2, businesses=["topup", "nothing"]),
    "unknown rating": lambda h: h.rate(2, "great"),
    "nothing finished to rate": lambda h: h.rate(2, "satisfied"),
    "lead role required": lambda h: h.acknowledge_alert("E001"),
}


@pytest.mark.parametrize("case", sorted(REJECTED_ACTIONS))
def test_a_rejected_action_writes_nothing(case, hall, clock, store):
    _serving_hall(hall, clock)
    before = snapshot(store)
    with pytest.raises(Rejected) as rejection:
        REJECTED_ACTIONS[case](hall)
    assert rejection.value.message
    assert snapshot(store) == before


def test_an_action_timed_before_the_call_is_rejected(hall, clock, store):
    _serving_hall(hall, clock)
    clock.advance(-90)
    before = snapshot(store)
    with pytest.raises(Rejected, match="before the time A001 was called"):
        hall.finish(2)
    assert snapshot(store) == before


def test_an_action_on_an_earlier_business_day_is_rejected(hall, clock, store):
    _serving_hall(hall, clock)
    clock.set(dt.datetime(2026, 11, 22, 18, 0))
    before = snapshot(store)
    with pytest.raises(Rejected, match="before the hall's business day"):
        hall.issue("topup")
    assert snapshot(store) == before
