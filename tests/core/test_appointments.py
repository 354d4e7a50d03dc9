"""Phone bookings: booked with a code, checked in once, on their day, in one transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from shared.errors import Rejected
from shared.services.appointments import CheckInRefused, book, check_in
from shared.services.settings import change_settings
from shared.store.models import Appointment, Ticket, TicketEvent
from tests.core.test_cli import hallq
from tests.core.test_hall_actions import snapshot


def booked(store, clock, business="sim_replace", at=None):
    return book(
        store,
        "demo",
        phone="13912345678",
        business=business,
        at=at or clock.now().replace(hour=10),
        clock=clock,
    )


def test_a_checked_in_appointment_joins_the_green_channel(store, hall, clock):
    code = booked(store, clock).code
    checked_in = check_in(hall, code)
    assert (checked_in.issued.ticket, checked_in.issued.queue) == ("V001", "V")
    assert checked_in.phone == "13912345678"
    with store.read() as session:
        appointment = session.scalars(select(Appointment)).one()
        ticket = session.scalars(select(Ticket)).one()
    assert (appointment.ticket_id, appointment.checked_in_at) == (ticket.id, clock.now())
    assert (ticket.tier, ticket.phone) == ("normal", "13912345678")


def test_without_appointment_priority_the_business_queue_is_joined(store, hall, clock):
    with store.write() as session:
        change_settings(session, 1, {"appointment_priority": False})
    assert check_in(hall, booked(store, clock).code).issued.ticket == "B001"


@pytest.mark.parametrize(
    ("reason", "code_of"),
    [
        ("unknown", lambda code: "999999" if code != "999999" else "888888"),
        ("other_day", None),
    ],
)
def test_a_refused_check_in_writes_nothing(store, hall, clock, reason, code_of):
    tomorrow = clock.now().replace(hour=10) + dt.timedelta(days=1)
    code = booked(store, clock, at=tomorrow if reason == "other_day" else None).code
    before = snapshot(store)
    with pytest.raises(CheckInRefused) as refused:
        check_in(hall, code_of(code) if code_of else code)
    assert refused.value.reason == reason
    assert snapshot(store) == before


def test_an_appointment_is_checked_in_only_once(store, hall, clock):
    code = booked(store, clock).code
    check_in(hall, code)
    before = snapshot(store)
    with pytest.raises(CheckInRefused, match="already been used") as refused:
        check_in(hall, code)
    assert refused.value.reason == "used"
    assert snapshot(store) == before
    with store.read() as session:
        assert len(session.scalars(select(TicketEvent)).all()) == 1


@pytest.mark.parametrize(
    ("phone", "business", "hours", "message"),
    [
        ("1391234", "topup", 1, "not a mobile number"),
        ("13912345678", "no_such_business", 1, "no_such_business"),
        ("13912345678", "topup", -2, "already over"),
    ],
)
def test_a_bad_booking_is_refused_and_stores_nothing(store, clock, phone, business, hours, message):
    before = snapshot(store)
    with pytest.raises(Rejected, match=message):
        book(
            store,
            "demo",
            phone=phone,
            business=business,
            at=clock.now() + dt.timedelta(hours=hours),
            clock=clock,
        )
    assert snapshot(store) == before


@pytest.mark.slow
def test_the_call_centre_books_from_the_command_line(store_target, store):
    done = hallq(
        "appointment",
        "book",
        "--phone",
        "13912345678",
        "--business",
        "new_account",
        "--at",
        "2099-01-05T14:30",
        db=store_target,
    )
    assert done.returncode == 0, done.stderr
    with store.read() as session:
        appointment = session.scalars(select(Appointment)).one()
    assert appointment.code in done.stdout
    assert (appointment.slot_start, appointment.slot_end) == (
        dt.datetime(2099, 1, 5, 14, 30),
        dt.datetime(2099, 1, 5, 15, 0),
    )
    refused = hallq(
        "appointment",
        "book",
        "--phone",
        "139",
        "--business",
        "topup",
        "--at",
        "2099-01-05T14:30",
        db=store_target,
    )
    assert refused.returncode == 1 and "not a mobile number" in refused.stderr
