"""What a counter's workstation shows: its state, the ticket it serves (with the slip and
the form definitions of every business), the queues it may transfer to, and the clerk's
figures for today. One read; the window re-reads it when the store changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.figures.clerks import ClerkFigures, clerk_figures
from shared.rules.masking import mask_field, mask_phone
from shared.store.database import Store
from shared.store.lookup import find_counter, find_hall
from shared.store.models import Business, Counter, Queue, Slip, Ticket


@dataclass(frozen=True)
class BusinessForm:
    """A kind of business and its transaction form (Business.form_fields)."""

    key: str
    name: str
    name_en: str
    fields: list[dict[str, object]]


@dataclass(frozen=True)
class Serving:
    ticket: str
    tier: str
    business: str  # key
    waited_s: float
    customer: str  # masked mobile
    slip: dict[str, object]  # the fields, as filled in at the kiosk
    slip_shown: list[tuple[str, str, str]]  # (label, label_en, masked value)
    slip_used: bool


@dataclass(frozen=True)
class CounterView:
    hall: str
    number: int
    name: str
    state: str  # open, paused, closed
    serving: Serving | None
    queues: list[tuple[str, str, str]]  # (letter, name, name_en) of the hall's queues
    other_open_counters: list[int]  # where a ticket may be sent to wait for one counter
    businesses: list[BusinessForm]
    figures: ClerkFigures | None


def counter_view(
    store: Store, hall_code: str | None, counter: int, staff_id: str, now: dt.datetime
) -> CounterView:
    with store.read() as session:
        hall = find_hall(session, hall_code)
        desk = find_counter(session, hall, counter)
        kinds = session.scalars(
            select(Business).where(Business.hall_id == hall.id).order_by(Business.id)
        ).all()
        queues = session.execute(
            select(Queue.letter, Queue.name, Queue.name_en)
            .where(Queue.hall_id == hall.id)
            .order_by(Queue.letter)
        ).all()
        ticket = session.scalars(
            select(Ticket).where(Ticket.counter_id == desk.id, Ticket.status == "called")
        ).first()
        others = session.scalars(
            select(Counter.number)
            .where(Counter.hall_id == hall.id, Counter.state != "closed", Counter.id != desk.id)
            .order_by(Counter.number)
        ).all()
        mine = clerk_figures(session, hall, now.date(), clerk=staff_id, until=now)
        return CounterView(
            hall=hall.name,
            number=desk.number,
            name=desk.name,
            state=desk.state,
            serving=_serving(session, ticket, {kind.id: kind for kind in kinds}, now)
            if ticket is not None
            else None,
            queues=[(row.letter, row.name, row.name_en) for row in queues],
            other_open_counters=list(others),
            businesses=[
                BusinessForm(kind.key, kind.name, kind.name_en, list(kind.form_fields or []))
                for kind in kinds
            ],
            figures=mine[0] if mine else None,
        )


def _serving(
    session: Session, ticket: Ticket, kinds: dict[int, Business], now: dt.datetime
) -> Serving:
    kind = kinds[ticket.business_id]
    slip = dict(ticket.slip or {})
    defined = {str(field["key"]): field for field in kind.slip_fields or []}
    used = session.scalar(select(Slip.used_at).where(Slip.ticket_id == ticket.id))
    return Serving(
        ticket=ticket.code,
        tier=ticket.tier,
        business=kind.key,
        waited_s=((ticket.called_at or now) - ticket.waiting_since).total_seconds(),
        customer=mask_phone(ticket.phone),
        slip=slip,
        slip_shown=[
            (
                str(defined.get(key, {}).get("label", key)),
                str(defined.get(key, {}).get("label_en", key)),
                mask_field(defined.get(key, {}).get("kind"), value),
            )
            for key, value in slip.items()
        ],
        slip_used=used is not None,
    )
