"""Who the customer of a ticket is, as far as the hall knows: the mobile number given at
the kiosk, else the first mobile field of the ticket's slip."""

from __future__ import annotations

from sqlalchemy.orm import Session

from shared.rules.number_lists import mobile_number
from shared.store.models import Business, Ticket
from shared.vocabulary import FieldKind


def customer_number(session: Session, ticket: Ticket) -> str | None:
    """The customer's mobile number, or None when neither the ticket nor its slip has one."""
    if ticket.phone:
        return ticket.phone
    if not ticket.slip:
        return None
    business = session.get(Business, ticket.business_id)
    assert business is not None
    for definition in business.slip_definition:
        value = ticket.slip.get(definition.key)
        is_mobile = definition.kind == FieldKind.MOBILE and isinstance(value, str)
        if is_mobile and (number := mobile_number(str(value))):
            return number
    return None
