"""A clerk may call a chosen waiting ticket out of the calling order, with a reason that is
logged and audited; a rating names the visit it rates, so the clerk may serve the next
customer while the one before still rates; a dissatisfied customer may say why, and the
reasons are counted in the clerk's figures."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from shared.errors import Rejected
from shared.figures.clerks import clerk_figures
from shared.store.lookup import find_hall
from shared.store.models import AuditEntry, Rating, TicketEvent
from tests.integration.hall_server import snapshot


def test_a_chosen_ticket_is_called_out_of_turn_with_its_reason_logged_and_audited(
    hall, clock, store
):
    hall.open_counter(2, "E002")
    for _ in range(3):
        hall.issue("topup")
    clock.advance(60)
    called = hall.call_ticket(2, "a003", "priority_care")
    assert (called.ticket, called.queue, called.waited_s) == ("A003", "A", 60.0)
    clock.advance(60)
    hall.finish(2)
    assert hall.call(2).ticket == "A001"  # the calling order goes on as before
    with store.read() as session:
        calls = session.execute(
            select(TicketEvent.ticket_id, TicketEvent.reason)
            .where(TicketEvent.kind == "called")
            .order_by(TicketEvent.id)
        ).all()
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "ticket_chosen"))
        (entry,) = audit.all()
    assert [reason for _, reason in calls] == ["priority_care", None]
    assert entry.detail == {"ticket": "A003", "counter": 2, "reason": "priority_care"}
    assert entry.source == "counter 2" and entry.clerk_id is not None


@pytest.mark.parametrize(
    ("ticket", "reason", "why"),
    [
        ("D001", "appointment", "counter 2 does not serve queue D"),
        ("A001", "because", "unknown reason for calling a chosen ticket 'because'"),
        ("A009", "other", "A009 is not waiting today"),
        ("A002", "other", "A002 is not waiting today"),  # already called elsewhere
    ],
)
def test_a_chosen_call_is_refused_unless_the_ticket_waits_for_this_counter(
    hall, store, ticket, reason, why
):
    hall.open_counter(2, "E002")
    hall.open_counter(1, "E001")
    hall.issue("topup")
    hall.issue("topup")
    hall.issue("handset_sale")
    hall.call_ticket(1, "A002", "other")
    before = snapshot(store)
    with pytest.raises(Rejected, match=why):
        hall.call_ticket(2, ticket, reason)
    assert snapshot(store) == before


def test_a_chosen_call_waits_for_the_ticket_being_served(hall):
    hall.open_counter(2, "E002")
    hall.issue("topup")
    hall.issue("topup")
    hall.call(2)
    with pytest.raises(Rejected, match="still serving A001"):
        hall.call_ticket(2, "A002", "other")


def served_two(hall, clock, service_s: float) -> None:
    """Counter 2 serves A001, then A002, each for `service_s`."""
    hall.open_counter(2, "E002")
    hall.issue("topup")
    hall.issue("topup")
    for _ in range(2):
        hall.call(2)
        clock.advance(service_s)
        hall.finish(2)


def test_a_rating_goes_to_its_visit_though_the_next_was_finished_since(hall, clock, store):
    served_two(hall, clock, 60)
    assert hall.rate(2, "dissatisfied", ticket="A001", reason="long_wait").ticket == "A001"
    assert hall.rate(2, "satisfied", ticket="A002").ticket == "A002"
    with pytest.raises(Rejected, match="A001 is already rated"):
        hall.rate(2, "satisfied", ticket="A001")
    with store.read() as session:
        rows = session.execute(select(Rating.rating, Rating.reason).order_by(Rating.id)).all()
        (figures,) = clerk_figures(session, find_hall(session, "demo"), clock.now().date())
    assert [tuple(row) for row in rows] == [("dissatisfied", "long_wait"), ("satisfied", None)]
    assert figures.dissatisfied_reasons == {"long_wait": 1}
    assert (figures.rated, figures.dissatisfied) == (2, 1)


@pytest.mark.parametrize(
    ("rating", "ticket", "reason", "why"),
    [
        ("satisfied", "A001", "long_wait", "a reason is given only with a dissatisfied rating"),
        ("dissatisfied", "A001", "rude", "unknown reason for dissatisfaction 'rude'"),
        ("satisfied", "A002", None, "A002 was not finished at counter 2 today"),
    ],
)
def test_a_rating_with_a_wrong_reason_or_ticket_is_refused(
    hall, clock, store, rating, ticket, reason, why
):
    hall.open_counter(2, "E002")
    hall.issue("topup")
    hall.issue("topup")
    hall.call(2)
    clock.advance(60)
    hall.finish(2)
    before = snapshot(store)
    with pytest.raises(Rejected, match=why):
        hall.rate(2, rating, ticket=ticket, reason=reason)
    assert snapshot(store) == before


def test_a_visit_is_rated_within_fifteen_minutes_of_its_finish(hall, clock):
    served_two(hall, clock, 0)
    clock.advance(15 * 60)
    assert hall.rate(2, "neutral", ticket="A001").ticket == "A001"
    clock.advance(1)
    with pytest.raises(Rejected, match="A002 was finished more than 15 minutes ago"):
        hall.rate(2, "neutral", ticket="A002")
