"""What the kiosk offers and shows: the hall's business by class, its queues, the live
crowding level and settings, a customer's tier, and what a ticket prints."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from shared.documents.ticket_text import SlipLine, TicketPrint
from shared.rules.masking import mask_field, mask_phone
from shared.services.hall import Issued
from shared.services.settings import HallSettings, load_settings
from shared.store.database import Store
from shared.store.lookup import find_hall
from shared.store.models import Business, Customer, Hall, Queue

CLASS_ORDER = ("routine", "long", "handset", "group")


@dataclass(frozen=True)
class Offer:
    """One business on the kiosk's menu, with the form its slip asks for."""

    key: str
    name: str
    name_en: str
    business_class: str
    queue: str
    self_service: bool
    slip_fields: list[dict[str, object]]


@dataclass(frozen=True)
class Menu:
    hall_code: str
    hall_name: str
    hall_name_en: str
    offers: list[Offer]
    queue_names: dict[str, tuple[str, str]]

    def offer(self, key: str) -> Offer:
        return next(offer for offer in self.offers if offer.key == key)

    def by_class(self) -> list[tuple[str, list[Offer]]]:
        """The offers grouped by class, in the order a customer scans them."""
        classes = sorted(
            {offer.business_class for offer in self.offers},
            key=lambda name: (*CLASS_ORDER, name).index(name),
        )
        return [
            (name, [offer for offer in self.offers if offer.business_class == name])
            for name in classes
        ]

    def slip_lines(self, business: str, slip: Mapping[str, object] | None) -> list[SlipLine]:
        """The slip's fields in the form's order, as shown and printed: labels in both
        languages, values masked."""
        fields = {str(item["key"]): item for item in self.offer(business).slip_fields}
        values = dict(slip or {})
        ordered = [key for key in fields if key in values] + [k for k in values if k not in fields]
        return [
            SlipLine(
                str(fields.get(key, {}).get("label", key)),
                str(fields.get(key, {}).get("label_en", key)),
                mask_field(printed_kind(key, fields.get(key, {})), values[key]),
            )
            for key in ordered
        ]

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


def printed_kind(key: str, field: Mapping[str, object]) -> object:
    """The masking kind of a slip field: a free-text field named like a person's name
    (name, contact_name) is masked as a name, so no full name leaves the kiosk."""
    kind = field.get("kind")
    if kind == "text" and (key == "name" or key.endswith("_name")):
        return "name"
    return kind


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
                list(row.slip_fields or []),
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


def customer_tier(store: Store, hall_code: str | None, phone: str) -> str:
    """The tier the customer directory gives this number (normal when it is not listed)."""
    with store.read() as session:
        hall = find_hall(session, hall_code)
        tier = session.scalar(
            select(Customer.tier).where(Customer.hall_id == hall.id, Customer.phone == phone)
        )
        return tier or "normal"
