"""A kiosk's tap sent again (its answer was lost on the way) gets the ticket it already
got, as it stands now: never a second ticket, never "already checked in"."""

from __future__ import annotations

from sqlalchemy import func, select

from shared.services.appointments import book, check_in
from shared.store.models import Slip, Ticket

TAP, OTHER = "a" * 32, "b" * 32
SIM = {"name": "张三丰", "id_number": "11010519491231002X", "reason": "损坏"}


def count(store, model) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_the_same_tap_gets_the_same_ticket_and_its_slip(store, hall, clock):
    hall.open_counter(2, "E002")
    first = hall.issue("sim_replace", slip=SIM, tap=TAP)
    clock.advance(60)  # the answer is lost; the kiosk sends the tap again a minute later
    again = hall.issue("sim_replace", slip=SIM, tap=TAP)
    assert (again.ticket, again.slip_code, again.issued_at) == (
        first.ticket,
        first.slip_code,
        first.issued_at,
    )
    assert (count(store, Ticket), count(store, Slip)) == (1, 1)
    other = hall.issue("sim_replace", slip=SIM, tap=OTHER)
    assert other.ticket != first.ticket and count(store, Ticket) == 2


def test_a_check_in_sent_again_gets_its_ticket_not_a_refusal(store, hall, clock):
    code = book(
        store, "demo", phone="13912345678", business="topup", at=clock.now(), clock=clock
    ).code
    first = check_in(hall, code, TAP)
    again = check_in(hall, code, TAP)
    assert (again.issued.ticket, again.phone) == (first.issued.ticket, "13912345678")
    assert count(store, Ticket) == 1
