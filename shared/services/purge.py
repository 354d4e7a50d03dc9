"""The retention purge: erase the personal fields of tickets older than the hall keeps them.

Only personal fields go (the customer's phone number and slip on the ticket, the phone on
an appointment, the phone and pen strokes of a service form, the details keyed into a
transaction). Every row, every event and every figure stays: `hallq metrics`, `queues`
and `alerts` read the same before and after. One transaction, recorded in the audit log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import CursorResult, null, select, update
from sqlalchemy.orm import Session

from shared.errors import Rejected
from shared.services import audit
from shared.services.settings import load_settings
from shared.store.clock import Clock, clock_for
from shared.store.database import Store
from shared.store.lookup import find_hall
from shared.store.models import Appointment, ServiceForm, Ticket, Transaction


@dataclass(frozen=True)
class Purged:
    """What one purge erased: personal fields of business days before `before`."""

    before: dt.date
    tickets: int
    appointments: int
    forms: int

    def as_json(self) -> dict[str, object]:
        return {
            "before": self.before.isoformat(),
            "tickets": self.tickets,
            "appointments": self.appointments,
            "forms": self.forms,
        }


def purge_personal_data(
    store: Store,
    hall_code: str | None,
    *,
    before: dt.date | None = None,
    clock: Clock | None = None,
    clerk_id: int | None = None,
    source: str = "",
    **detail: object,
) -> Purged:
    """Erase personal fields of business days before `before` (default: today less the
    hall's retention_days). A day after today is refused: today's customers are still here."""
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        if before is None:
            before = now.date() - dt.timedelta(days=load_settings(session, hall.id).retention_days)
        if before > now.date():
            raise Rejected(f"cannot purge days up to {before}: today is {now.date()}")
        purged = Purged(
            before,
            _erase_tickets(session, hall.id, before, now),
            _count(
                session.execute(
                    update(Appointment)
                    .where(
                        Appointment.hall_id == hall.id,
                        Appointment.business_day < before,
                        Appointment.phone != "",
                    )
                    .values(phone="")
                )
            ),
            _count(
                session.execute(
                    update(ServiceForm)
                    .where(
                        ServiceForm.hall_id == hall.id,
                        ServiceForm.business_day < before,
                        (ServiceForm.phone.is_not(None) | ServiceForm.strokes.is_not(None)),
                    )
                    .values(phone=None, strokes=null())
                )
            ),
        )
        audit.record(
            session,
            hall.id,
            "purge",
            at=now,
            clerk_id=clerk_id,
            source=source,
            **purged.as_json(),
            **detail,
        )
    return purged


def _erase_tickets(session: Session, hall_id: int, before: dt.date, now: dt.datetime) -> int:
    old = (
        Ticket.hall_id == hall_id,
        Ticket.business_day < before,
        Ticket.purged_at.is_(None),
    )
    session.execute(
        update(Transaction)
        .where(
            Transaction.ticket_id.in_(select(Ticket.id).where(*old)),
            Transaction.fields.is_not(None),
        )
        .values(fields=null())
    )
    return _count(
        session.execute(update(Ticket).where(*old).values(phone=None, slip=null(), purged_at=now))
    )


def _count(result: object) -> int:
    assert isinstance(result, CursorResult)
    return int(result.rowcount)
