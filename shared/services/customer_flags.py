"""Flagged customers (敏感投诉): when a customer on the sensitive-complaint list takes a
ticket, the shift lead's monitor shows the ticket, when it was taken and which list, until
she acknowledges it; the clerk who calls it sees a discreet mark (shared.services.offers).

A flag is read from the day's tickets and the list, so a number the clerk types at the
counter raises one too; the store keeps only who acknowledged it and when.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from shared.errors import Rejected
from shared.rules.permissions import Actor, Permission, require
from shared.services.audit import record_act
from shared.services.changes import Changes
from shared.services.customers import customer_number
from shared.store.clock import Clock, clock_for
from shared.store.database import Store
from shared.store.lookup import find_hall, staff_ids
from shared.store.models import FlagAcknowledgement, Hall, SpecialListEntry, Ticket
from shared.vocabulary import SpecialList

# The lists whose customers the shift lead is told of when they take a ticket.
FLAGGED_LISTS = (SpecialList.SENSITIVE_COMPLAINT,)


@dataclass(frozen=True)
class FlagNow:
    """A flagged customer's ticket of the day, as the shift lead's monitor shows it."""

    ticket: str
    issued_at: dt.datetime
    list: str
    acknowledged_by: str | None
    acknowledged_at: dt.datetime | None


def flags_on(session: Session, hall: Hall, day: dt.date) -> list[FlagNow]:
    """The day's tickets whose customer is on a flagged list, in the order they were taken."""
    tickets = session.scalars(
        select(Ticket)
        .where(
            Ticket.hall_id == hall.id,
            Ticket.business_day == day,
            or_(Ticket.phone.is_not(None), Ticket.slip.is_not(None)),
        )
        .order_by(Ticket.issued_at, Ticket.id)
    ).all()
    numbers = {ticket.id: customer_number(session, ticket) for ticket in tickets}
    wanted = {phone for phone in numbers.values() if phone}
    if not wanted:
        return []
    listed: dict[str, str] = {}
    for phone, kind in session.execute(
        select(SpecialListEntry.phone, SpecialListEntry.kind)
        .where(
            SpecialListEntry.hall_id == hall.id,
            SpecialListEntry.kind.in_(FLAGGED_LISTS),
            SpecialListEntry.phone.in_(wanted),
        )
        .order_by(SpecialListEntry.id)
    ):
        listed.setdefault(phone, str(kind))
    flagged = [ticket for ticket in tickets if numbers[ticket.id] in listed]
    if not flagged:
        return []
    seen = {
        ack.ticket_id: ack
        for ack in session.scalars(
            select(FlagAcknowledgement).where(
                FlagAcknowledgement.ticket_id.in_([ticket.id for ticket in flagged])
            )
        )
    }
    staff = staff_ids(session, hall)
    rows = []
    for ticket in flagged:
        ack = seen.get(ticket.id)
        by = None
        if ack is not None:
            by = staff.get(ack.clerk_id, "") if ack.clerk_id is not None else "owner"
        rows.append(
            FlagNow(
                ticket.code,
                ticket.issued_at,
                listed[numbers[ticket.id] or ""],
                by,
                ack.at if ack is not None else None,
            )
        )
    return rows


def acknowledge_flag(
    store: Store,
    hall_code: str | None,
    actor: Actor | None,
    ticket: str,
    *,
    clock: Clock | None = None,
) -> FlagNow:
    """The shift lead has seen today's flag on `ticket`."""
    if actor is not None:
        require(actor, Permission.HANDLE_CASES)
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        found = [flag for flag in flags_on(session, hall, now.date()) if flag.ticket == ticket]
        if not found:
            raise Rejected(f"{ticket}'s customer is not flagged today")
        if found[0].acknowledged_at is not None:
            raise Rejected(f"{ticket}'s flag was acknowledged by {found[0].acknowledged_by}")
        ticket_id = session.scalar(
            select(Ticket.id).where(
                Ticket.hall_id == hall.id,
                Ticket.business_day == now.date(),
                Ticket.code == ticket,
            )
        )
        assert ticket_id is not None
        session.add(
            FlagAcknowledgement(
                hall_id=hall.id,
                ticket_id=ticket_id,
                kind=SpecialList(found[0].list),
                at=now,
                clerk_id=actor.clerk_id if actor else None,
            )
        )
        record_act(session, hall.id, "flag_acknowledged", at=now, actor=actor, ticket=ticket)
        Changes(incidents=True).note(session, hall.id)
        session.flush()
        return next(flag for flag in flags_on(session, hall, now.date()) if flag.ticket == ticket)
