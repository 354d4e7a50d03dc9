"""What the kiosk offers and shows: the hall's business by class, its queues, the live
crowding level and settings, a customer's tier, and what a ticket prints."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.documents.ticket_text import SlipLine, TicketPrint
from shared.field_definitions import FieldDefinition
from shared.forecast.wait_estimate import (
    Ahead,
    estimate_wait_s,
    open_counters,
    projected_counters,
    projected_wait_s,
    recent_pace,
    waiting_in_calling_order,
)
from shared.rules.calling import route
from shared.rules.hall_settings import HallSettings
from shared.rules.masking import mask_field, mask_phone
from shared.rules.slip_codes import slip_code
from shared.services.hall import Issued
from shared.services.settings import load_settings
from shared.store.database import Store
from shared.store.lookup import find_hall
from shared.store.models import Appointment, Business, Customer, Hall, Queue, Slip, Ticket
from shared.vocabulary import BusinessClass, FieldKind, TicketStatus, Tier


@dataclass(frozen=True)
class Offer:
    """One business on the kiosk's menu, with the form its slip asks for."""

    key: str
    name: str
    name_en: str
    business_class: BusinessClass
    queue: str
    self_service: bool
    slip_fields: tuple[FieldDefinition, ...]


@dataclass(frozen=True)
class Menu:
    hall_code: str
    hall_name: str
    hall_name_en: str
    offers: list[Offer]
    queue_names: dict[str, tuple[str, str]]

    def offer(self, key: str) -> Offer:
        return next(offer for offer in self.offers if offer.key == key)

    def by_class(self) -> list[tuple[BusinessClass, list[Offer]]]:
        """The offers grouped by class, in the order a customer scans them (the classes'
        own order: everyday business first)."""
        return [
            (name, [offer for offer in self.offers if offer.business_class == name])
            for name in BusinessClass
            if any(offer.business_class == name for offer in self.offers)
        ]

    def slip_lines(self, business: str, slip: Mapping[str, object] | None) -> list[SlipLine]:
        """The slip's fields in the form's order, as shown and printed: labels in both
        languages, values masked."""
        fields = {field.key: field for field in self.offer(business).slip_fields}
        values = dict(slip or {})
        ordered = [key for key in fields if key in values] + [k for k in values if k not in fields]
        return [_slip_line(fields.get(key), key, values[key]) for key in ordered]

    def ticket_print(
        self, issued: Issued, phone: str | None, slip: Mapping[str, object] | None
    ) -> TicketPrint:
        """The ticket as printed: personal data masked, labels in both languages."""
        offer = self.offer(issued.business)
        queue_name, queue_name_en = self.queue_names[issued.queue]
        return TicketPrint(
            hall_name=self.hall_name,
            hall_name_en=self.hall_name_en,
            ticket=issued.ticket,
            queue_name=queue_name,
            queue_name_en=queue_name_en,
            ahead=issued.ahead,
            estimated_wait_s=issued.estimated_wait_s,
            issued_at=issued.issued_at,
            phone_masked=mask_phone(phone),
            business_name=offer.name,
            business_name_en=offer.name_en,
            slip_lines=self.slip_lines(issued.business, slip),
            slip_code=issued.slip_code,
        )


def printed_kind(field: FieldDefinition) -> FieldKind:
    """The masking kind of a slip field: a free-text field named like a person's name
    (name, contact_name) is masked as a name, so no full name leaves the kiosk."""
    if field.kind == FieldKind.TEXT and (field.key == "name" or field.key.endswith("_name")):
        return FieldKind.NAME
    return field.kind


def _slip_line(field: FieldDefinition | None, key: str, value: object) -> SlipLine:
    """A field the business does not define prints under its key, unmasked by kind."""
    if field is None:
        return SlipLine(key, key, mask_field(None, value))
    return SlipLine(field.label, field.label_en or key, mask_field(printed_kind(field), value))


def kiosk_menu(store: Store, hall_code: str | None) -> Menu:
    with store.read() as session:
        hall = find_hall(session, hall_code)
        queue_rows = session.scalars(select(Queue).where(Queue.hall_id == hall.id)).all()
        letters = {row.id: row.letter for row in queue_rows}
        offers = [
            Offer(
                row.key,
                row.name,
                row.name_en or row.name,
                row.business_class,
                letters[row.queue_id],
                row.self_service,
                row.slip_definition,
            )
            for row in session.scalars(
                select(Business).where(Business.hall_id == hall.id).order_by(Business.id)
            )
        ]
        queues = {row.letter: (row.name, row.name_en or row.name) for row in queue_rows}
        return Menu(hall.code, hall.name, hall.name_en or hall.name, offers, queues)


@dataclass(frozen=True)
class KioskState:
    """What the kiosk re-reads when the store changes: the level and the hall's settings."""

    level: int
    settings: HallSettings


def kiosk_state(store: Store, hall_code: str | None) -> KioskState:
    with store.read() as session:
        hall: Hall = find_hall(session, hall_code)
        return KioskState(hall.alert_level, load_settings(session, hall.id))


def customer_tier(store: Store, hall_code: str | None, phone: str) -> Tier:
    """The tier the customer directory gives this number (normal when it is not listed)."""
    with store.read() as session:
        hall = find_hall(session, hall_code)
        tier = session.scalar(
            select(Customer.tier).where(Customer.hall_id == hall.id, Customer.phone == phone)
        )
        return tier or Tier.NORMAL


@dataclass(frozen=True)
class QueueWait:
    """What a customer can expect before choosing: the people waiting in the queue a
    ticket would join, and the wait the ticket itself would print (None: no counter open)."""

    ahead: int
    wait_s: float | None


def queue_waits(
    store: Store, hall_code: str | None, tier: Tier, now: dt.datetime
) -> dict[str, QueueWait]:
    """Per business key, for a customer of `tier`: the queue is routed as the ticket would
    be, and the wait is the very estimate the ticket prints, so the two never disagree."""
    with store.read() as session:
        hall = find_hall(session, hall_code)
        settings = load_settings(session, hall.id)
        queues = {
            row.id: row for row in session.scalars(select(Queue).where(Queue.hall_id == hall.id))
        }
        by_letter = {queue.letter: queue for queue in queues.values()}
        waiting = dict(
            session.execute(
                select(Ticket.queue_id, func.count())
                .where(Ticket.hall_id == hall.id, Ticket.status == TicketStatus.WAITING)
                .group_by(Ticket.queue_id)
            ).all()
        )
        per_queue: dict[str, QueueWait] = {}
        found: dict[str, QueueWait] = {}
        for key, queue_id in session.execute(
            select(Business.key, Business.queue_id).where(Business.hall_id == hall.id)
        ):
            letter = route(
                tier,
                queues[queue_id].letter,
                vip_queue=settings.vip_queue,
                group_queue=settings.group_queue,
            )
            queue = by_letter.get(letter, queues[queue_id])
            if queue.letter not in per_queue:
                per_queue[queue.letter] = QueueWait(
                    int(waiting.get(queue.id, 0)),
                    estimate_wait_s(session, hall, queue, settings, now),
                )
            found[key] = per_queue[queue.letter]
        return found


@dataclass(frozen=True)
class Reprint:
    """A ticket of today found again, as it stands now, with what its paper showed."""

    issued: Issued
    phone: str | None
    slip: dict[str, object] | None


STILL_IN_HALL = (TicketStatus.WAITING, TicketStatus.CALLED)


def todays_ticket(
    store: Store,
    hall_code: str | None,
    now: dt.datetime,
    *,
    phone: str | None = None,
    appointment_code: str | None = None,
) -> Reprint | None:
    """The newest ticket of today, still waiting or called, for this mobile number or this
    appointment code; None when there is none (a ticket of another day never reprints).
    People ahead and the wait are as they are now, from the same estimate as a new ticket."""
    with store.read() as session:
        hall = find_hall(session, hall_code)
        query = select(Ticket).where(
            Ticket.hall_id == hall.id,
            Ticket.business_day == now.date(),
            Ticket.status.in_(STILL_IN_HALL),
        )
        if appointment_code is not None:
            query = query.join(Appointment, Appointment.ticket_id == Ticket.id).where(
                Appointment.hall_id == hall.id, Appointment.code == appointment_code
            )
        elif phone is not None:
            query = query.where(Ticket.phone == phone)
        else:
            return None
        ticket = session.scalars(query.order_by(Ticket.id.desc()).limit(1)).first()
        if ticket is None:
            return None
        settings = load_settings(session, hall.id)
        queue = session.get(Queue, ticket.queue_id)
        business = session.get(Business, ticket.business_id)
        assert queue is not None and business is not None
        ahead, wait = _standing(session, hall, ticket, queue, settings, now)
        slip_id = session.scalar(select(Slip.id).where(Slip.ticket_id == ticket.id))
        code = None
        if slip_id is not None:
            code = slip_code(hall.secret, hall.code, slip_id, ticket.business_day)
        issued = Issued(
            ticket.code,
            queue.letter,
            ahead,
            ticket.tier,
            business.key,
            ticket.issued_at,
            wait,
            code,
        )
        return Reprint(issued, ticket.phone, dict(ticket.slip) if ticket.slip else None)


def _standing(
    session: Session,
    hall: Hall,
    ticket: Ticket,
    queue: Queue,
    settings: HallSettings,
    now: dt.datetime,
) -> tuple[int, float | None]:
    """The people before `ticket` in its queue and its wait now: the calling order played
    forward over the tickets called before it (a called ticket waits no more)."""
    if ticket.status != TicketStatus.WAITING:
        return 0, 0.0
    waiting = waiting_in_calling_order(session, hall, settings)
    before = []
    for ticket_id, queue_id, letter in waiting:
        if ticket_id == ticket.id:
            break
        before.append((queue_id, letter))
    ahead = sum(1 for queue_id, _ in before if queue_id == queue.id)
    counters = open_counters(session, hall)
    if not any(queue.letter in counter.serves for counter in counters):
        return ahead, None
    pace = recent_pace(session, hall, now, settings)
    tickets = [Ahead(letter, pace.handling_s(queue_id)) for queue_id, letter in before]
    projected = projected_counters(counters, pace, now)
    wait = projected_wait_s(queue.letter, projected, tickets, vip_queue=settings.vip_queue)
    return ahead, wait
