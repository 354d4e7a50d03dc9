"""Faults the shift lead should see, such as a kiosk printer out of paper."""

from __future__ import annotations

from sqlalchemy import select

from shared.services.changes import Changes
from shared.store.clock import Clock, clock_for
from shared.store.database import Store
from shared.store.lookup import find_hall
from shared.store.models import Incident, Ticket
from shared.vocabulary import IncidentKind


def record_incident(
    store: Store,
    hall_code: str | None,
    *,
    source: str,
    kind: IncidentKind,
    message: str,
    ticket: str | None = None,
    clock: Clock | None = None,
) -> None:
    """Log one fault (and the ticket it affected, if any) in its own transaction."""
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code)
        Changes(incidents=True).note(session, hall.id)
        ticket_id = None
        if ticket is not None:
            ticket_id = session.scalar(
                select(Ticket.id).where(
                    Ticket.hall_id == hall.id,
                    Ticket.business_day == now.date(),
                    Ticket.code == ticket,
                )
            )
        session.add(
            Incident(
                hall_id=hall.id,
                at=now,
                business_day=now.date(),
                source=source[:40],
                kind=kind,
                message=message,
                ticket_id=ticket_id,
            )
        )
