"""What a counter's workstation shows: its state, the ticket it serves (with the slip and
the form definitions of every business), the queues it serves with who waits there and
the hall's crowding level, the queues it may transfer to, and the clerk's figures for
today. One read; the window re-reads it when the store changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from shared.field_definitions import FieldDefinition
from shared.figures.clerks import ClerkFigures, clerk_figures
from shared.rules.masking import mask_field, mask_phone
from shared.services.settings import load_settings
from shared.store.database import Store
from shared.store.lookup import find_counter, find_hall
from shared.store.models import Business, Counter, CounterSession, Queue, Slip, Ticket
from shared.vocabulary import CounterState, TicketStatus, Tier


@dataclass(frozen=True)
class BusinessForm:
    """A business and its transaction form."""

    key: str
    name: str
    name_en: str
    fields: tuple[FieldDefinition, ...]


@dataclass(frozen=True)
class QueueWaiting:
    """One queue the counter serves: how many wait there, and since when the longest."""

    letter: str
    name: str
    name_en: str
    waiting: int
    oldest_since: dt.datetime | None


@dataclass(frozen=True)
class WaitingTicket:
    """A ticket the counter may call, for the clerk to choose one out of the calling order."""

    ticket: str
    queue: str
    tier: Tier
    business: str  # key
    waiting_since: dt.datetime
    sent_here: bool  # another counter sent it to wait for this one


@dataclass(frozen=True)
class Serving:
    ticket: str
    tier: Tier
    business: str  # key
    waited_s: float
    called_at: dt.datetime  # the hall's clock: the service timer counts from here
    customer: str  # masked mobile
    slip: dict[str, object]  # the fields, as filled in at the kiosk
    # (label, label_en, masked value, the value as an English window shows it)
    slip_shown: list[tuple[str, str, str, str]]
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
    level: int  # the hall's crowding level (应急), 0 to 2
    norm_s: int  # the three-minute norm (setting routine_norm_s) the service timer runs against
    serves: list[QueueWaiting]  # the queues the counter serves, in its calling order
    waiting_tickets: list[WaitingTicket]  # oldest first, at most WAITING_SHOWN


WAITING_SHOWN = 40  # enough to choose from; the rest wait behind them


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
        letters = list(_serving_queues(session, here))
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
            level=hall.alert_level,
            norm_s=load_settings(session, hall.id).routine_norm_s,
            serves=_queues_waiting(session, here, letters),
            waiting_tickets=_waiting_tickets(session, here, letters, businesses),
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
        called_at=ticket.called_at or now,
        customer=mask_phone(ticket.phone),
        slip=slip,
        slip_shown=[_shown(defined.get(key), key, value) for key, value in slip.items()],
        slip_used=used is not None,
    )


def _shown(field: FieldDefinition | None, key: str, value: object) -> tuple[str, str, str, str]:
    """A slip field as the clerk sees it: (label, label_en, masked value, the value in
    English: a choice in the hall's English words); a field the business does not define
    shows under its key."""
    if field is None:
        masked = mask_field(None, value)
        return key, key, masked, masked
    english = field.choice_en(value) if isinstance(value, str) else value
    return (
        field.label,
        field.label_en or field.key,
        mask_field(field.kind, value),
        mask_field(field.kind, english),
    )


def _serving_queues(session: Session, here: Counter) -> str:
    """The queues of the counter's open session, else those it is configured with."""
    stint = session.scalar(
        select(CounterSession.queues).where(
            CounterSession.counter_id == here.id, CounterSession.closed_at.is_(None)
        )
    )
    return stint or here.queues


def _queues_waiting(session: Session, here: Counter, letters: list[str]) -> list[QueueWaiting]:
    """Who waits in each queue the counter serves, besides those sent to other counters."""
    rows = session.execute(
        select(
            Queue.letter,
            Queue.name,
            Queue.name_en,
            func.count(Ticket.id),
            func.min(Ticket.waiting_since),
        )
        .outerjoin(
            Ticket,
            (Ticket.queue_id == Queue.id)
            & (Ticket.status == TicketStatus.WAITING)
            & Ticket.for_counter_id.is_(None),
        )
        .where(Queue.hall_id == here.hall_id, Queue.letter.in_(letters))
        .group_by(Queue.id, Queue.letter, Queue.name, Queue.name_en)
    ).all()
    found = {row[0]: QueueWaiting(row[0], row[1], row[2], int(row[3]), row[4]) for row in rows}
    return [found[letter] for letter in letters if letter in found]


def _waiting_tickets(
    session: Session, here: Counter, letters: list[str], businesses: Sequence[Business]
) -> list[WaitingTicket]:
    """The waiting tickets this counter may call: in its queues, or sent to it."""
    keys = {row.id: row.key for row in businesses}
    rows = session.execute(
        select(Ticket, Queue.letter)
        .join(Queue, Queue.id == Ticket.queue_id)
        .where(
            Ticket.hall_id == here.hall_id,
            Ticket.status == TicketStatus.WAITING,
            or_(
                Ticket.for_counter_id == here.id,
                Queue.letter.in_(letters) & Ticket.for_counter_id.is_(None),
            ),
        )
        .order_by(Ticket.waiting_since, Ticket.id)
        .limit(WAITING_SHOWN)
    ).all()
    return [
        WaitingTicket(
            ticket.code,
            letter,
            ticket.tier,
            keys[ticket.business_id],
            ticket.waiting_since,
            ticket.for_counter_id == here.id,
        )
        for ticket, letter in rows
    ]
