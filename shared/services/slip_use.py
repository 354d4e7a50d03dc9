"""Taking a pre-processing slip at a counter: the scanner types the QR code, the counter
checks it and fills the transaction form from the slip's fields.

A slip is refused, with a message the clerk can read out, when it is not a hallq code,
belongs to another hall, fails its MAC (forged or altered), is from another day, was
already used, or belongs to a ticket other than the one being served. A good slip is
marked used in the same transaction that checks it, so two counters never both take it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from shared.errors import Rejected
from shared.rules.slip_codes import read_slip_code, verified
from shared.services.changes import Changes
from shared.store.clock import Clock, clock_for
from shared.store.database import Store
from shared.store.lookup import find_counter, find_hall
from shared.store.models import Business, Clerk, Slip, Ticket
from shared.vocabulary import TicketStatus


@dataclass(frozen=True)
class SlipTaken:
    """The slip's ticket, its business and the fields the customer filled in."""

    ticket: str
    business: str
    fields: dict[str, object]


def take_slip(
    store: Store, hall_code: str | None, counter: int, scanned: str, clock: Clock | None = None
) -> SlipTaken:
    """Check the scanned slip against the ticket called to `counter` and mark it used."""
    now = (clock or clock_for(store)).now()
    code = read_slip_code(scanned)
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        if code.hall_code != hall.code:
            raise Rejected(
                f"this slip is from another hall ({code.hall_code}); it is not valid here"
            )
        if not verified(code, hall.secret):
            raise Rejected("this slip's code is forged or altered; do not use it")
        if code.business_day != now.date():
            raise Rejected(
                f"this slip is from {code.business_day:%Y-%m-%d}; slips are valid on their day only"
            )
        slip = session.get(Slip, code.slip_id)
        if slip is None or slip.hall_id != hall.id:
            raise Rejected("no such slip in this hall; ask the customer to take a new one")
        if slip.used_at is not None:
            who = session.get(Clerk, slip.used_by) if slip.used_by is not None else None
            by = f" by {who.staff_id}" if who is not None else ""
            raise Rejected(f"this slip was already used at {slip.used_at:%H:%M}{by}")
        here = find_counter(session, hall, counter)
        serving = session.scalars(
            select(Ticket).where(Ticket.counter_id == here.id, Ticket.status == TicketStatus.CALLED)
        ).first()
        ticket = session.get(Ticket, slip.ticket_id)
        assert ticket is not None
        if serving is None:
            raise Rejected(f"counter {counter} is serving no ticket; call {ticket.code} first")
        if serving.id != ticket.id:
            raise Rejected(f"this slip belongs to ticket {ticket.code}, not {serving.code}")
        slip.used_at, slip.used_by = now, serving.clerk_id
        Changes(tickets=frozenset({ticket.code})).note(session, hall.id)
        business = session.get(Business, ticket.business_id)
        assert business is not None
        return SlipTaken(ticket.code, business.key, dict(ticket.slip or {}))
