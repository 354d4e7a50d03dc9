"""Phone bookings (电话预约): a call centre books a slot, the customer checks in at the kiosk
with the six-digit code and gets a ticket (in the green channel when the hall says so)."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.errors import Rejected
from shared.services.changes import Changes
from shared.services.hall import HallService, Issued
from shared.services.settings import load_settings
from shared.services.slips import MOBILE
from shared.store.clock import Clock, clock_for
from shared.store.database import Store
from shared.store.lookup import find_business, find_hall
from shared.store.models import Appointment, Business, Ticket

SLOT = dt.timedelta(minutes=30)
CODE_DIGITS = 6


class CheckInRefused(Rejected):
    """A check-in refused for `reason` (unknown, used, other_day), so the kiosk can say it
    in the customer's language."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Booked:
    code: str
    phone: str
    business: str
    slot_start: dt.datetime
    slot_end: dt.datetime


def book(
    store: Store,
    hall_code: str | None,
    *,
    phone: str,
    business: str,
    at: dt.datetime,
    clock: Clock | None = None,
) -> Booked:
    """Book a half-hour slot starting at `at`; refused for a past slot or a bad number."""
    now = (clock or clock_for(store)).now()
    if not MOBILE.fullmatch(phone):
        raise Rejected(f"{phone!r} is not a mobile number (11 digits starting with 1)")
    if at + SLOT <= now:
        raise Rejected(f"the slot {at:%Y-%m-%d %H:%M} is already over; book a later time")
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        booked = find_business(session, hall, business)
        code = _free_code(session, hall.id)
        Changes(appointments=True).note(session, hall.id)
        session.add(
            Appointment(
                hall_id=hall.id,
                code=code,
                phone=phone,
                business_id=booked.id,
                business_day=at.date(),
                slot_start=at,
                slot_end=at + SLOT,
            )
        )
    return Booked(code, phone, booked.key, at, at + SLOT)


def _free_code(session: Session, hall_id: int) -> str:
    """A random code not yet used in the hall (the hall is locked, so it stays free)."""
    while True:
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        taken = session.scalar(
            select(Appointment.id).where(Appointment.hall_id == hall_id, Appointment.code == code)
        )
        if taken is None:
            return code


@dataclass(frozen=True)
class CheckedIn:
    issued: Issued
    phone: str  # the booking's number, for the ticket (masked there)


def check_in(service: HallService, code: str, tap: str | None = None) -> CheckedIn:
    """The appointment's ticket, issued and recorded on the booking in one transaction.
    Refused (nothing written) when the code is unknown, already used or for another day;
    a `tap` already answered gets its ticket again rather than "already used"."""
    code = code.strip()
    with service.store.read() as session:
        hall = find_hall(session, service.hall_code)
        booking = _booking(session, hall.id, code)
        business = session.get(Business, booking.business_id)
        assert business is not None
        priority = load_settings(session, hall.id).appointment_priority
        phone, business_key = booking.phone, business.key

    def claim(session: Session, ticket: Ticket, now: dt.datetime) -> None:
        # Checked again under the hall's lock, so two kiosks cannot use one code.
        claimed = _booking(session, ticket.hall_id, code)
        if claimed.checked_in_at is not None:
            raise CheckInRefused("used", f"appointment {code} has already been used")
        if claimed.business_day != now.date():
            raise CheckInRefused(
                "other_day",
                f"appointment {code} is for {claimed.business_day:%Y-%m-%d}, not today; "
                "please take a normal ticket or book again",
            )
        claimed.ticket_id = ticket.id
        claimed.checked_in_at = now

    issued = service.issue(
        business_key, phone=phone, green_channel=priority, on_issued=claim, tap=tap
    )
    return CheckedIn(issued, phone)


def _booking(session: Session, hall_id: int, code: str) -> Appointment:
    booking = session.scalars(
        select(Appointment).where(Appointment.hall_id == hall_id, Appointment.code == code)
    ).first()
    if booking is None:
        raise CheckInRefused(
            "unknown", f"no appointment with code {code!r}; check the code in your text message"
        )
    return booking
