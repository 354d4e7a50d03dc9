"""What a counter's workstation shows: its state, the ticket it serves (with the slip and
the form definitions of every business), the queues it may transfer to, and the clerk's
figures for today. One read; the window re-reads it when the store changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.field_definitions import FieldDefinition
from shared.figures.clerks import ClerkFigures, clerk_figures
from shared.rules.masking import mask_field, mask_phone
from shared.store.database import Store
from shared.store.lookup import find_counter, find_hall
from shared.store.models import Business, Counter, Queue, Slip, Ticket
from shared.vocabulary import CounterState, TicketStatus, Tier


@dataclass(frozen=True)
class BusinessForm:
    """A business and its transaction form."""

    key: str
    name: str
    name_en: str
    fields: tuple[FieldDefinition, ...]


@dataclass(frozen=True)
class Serving:
    ticket: str
    tier: Tier
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
    state: CounterState
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
        here = find_counter(session, hall, counter)
        businesses = session.scalars(
            select(Business).where(Business.hall_id == hall.id).order_by(Business.id)
        ).all()
        queues = session.execute(
            select(Queue.letter, Queue.name, Queue.name_en)
            .where(Queue.hall_id == hall.id)
            .order_by(Queue.letter)
        ).all()
        ticket = session.scalars(
            select(Ticket).where(Ticket.counter_id == here.id, Ticket.status == TicketStatus.CALLED)
        ).first()
        others = session.scalars(
            select(Counter.number)
            .where(
                Counter.hall_id == hall.id,
                Counter.state != CounterState.CLOSED,
                Counter.id != here.id,
            )
            .order_by(Counter.number)
        ).all()
        mine = clerk_figures(session, hall, now.date(), clerk=staff_id, until=now)
        return CounterView(
            hall=hall.name,
            number=here.number,
            name=here.name,
            state=here.state,
            serving=_serving(session, ticket, {row.id: row for row in businesses}, now)
            if ticket is not None
            else None,
            queues=[(row.letter, row.name, row.name_en) for row in queues],
            other_open_counters=list(others),
            businesses=[
                BusinessForm(row.key, row.name, row.name_en, row.form_definition)
                for row in businesses
            ],
            figures=mine[0] if mine else None,
        )


def _serving(
    session: Session, ticket: Ticket, businesses: dict[int, Business], now: dt.datetime
) -> Serving:
    business = businesses[ticket.business_id]
    slip = dict(ticket.slip or {})
    defined = {field.key: field for field in business.slip_definition}
    used = session.scalar(select(Slip.used_at).where(Slip.ticket_id == ticket.id))
    return Serving(
        ticket=ticket.code,
        tier=ticket.tier,
        business=business.key,
        waited_s=((ticket.called_at or now) - ticket.waiting_since).total_seconds(),
        customer=mask_phone(ticket.phone),
        slip=slip,
        slip_shown=[_shown(defined.get(key), key, value) for key, value in slip.items()],
        slip_used=used is not None,
    )


def _shown(field: FieldDefinition | None, key: str, value: object) -> tuple[str, str, str]:
    """A slip field as the clerk sees it: (label, label_en, masked value); a field the
    business does not define shows under its key."""
    if field is None:
        return key, key, mask_field(None, value)
    return field.label, field.label_en or field.key, mask_field(field.kind, value)
