"""The kiosk's routes: its menu, the level and settings it follows, the waits a customer
sees before choosing, issuing a ticket, checking an appointment in, finding today's ticket
again and calling the floor staff."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, status
from fastapi.responses import JSONResponse

from shared.errors import Rejected
from shared.rules.permissions import Permission, require
from shared.server.auth import Acting, DoorOf
from shared.server.encoding import to_json
from shared.server.requests import AppointmentCode, CallStaff, CheckIn, IssueTicket, Mobile
from shared.services.appointments import CheckInRefused
from shared.views.kiosk_menu import (
    customer_tier,
    kiosk_menu,
    kiosk_state,
    queue_waits,
    todays_ticket,
)
from shared.vocabulary import IncidentKind, Tier

router = APIRouter(prefix="/kiosk", tags=["kiosk"])


def _json(value: object) -> dict[str, Any]:
    result: dict[str, Any] = to_json(value)
    return result


@router.get("/menu")
def menu(actor: Acting, door: DoorOf) -> dict[str, Any]:
    require(actor, Permission.READ_KIOSK)
    return _json(kiosk_menu(door.store, door.hall_code))


@router.get("/state")
def state(actor: Acting, door: DoorOf) -> dict[str, Any]:
    """The crowding level and the settings the kiosk acts on (diversion, idle time, printer)."""
    require(actor, Permission.READ_KIOSK)
    return _json(kiosk_state(door.store, door.hall_code))


@router.get("/waits")
def waits(
    actor: Acting, door: DoorOf, tier: Annotated[Tier, Query()] = Tier.NORMAL
) -> dict[str, Any]:
    """Per business, the people waiting and the wait a ticket of `tier` would print."""
    require(actor, Permission.READ_KIOSK)
    return _json(queue_waits(door.store, door.hall_code, tier, door.acts.now()))


@router.get("/customers/{phone}")
def customer(phone: Mobile, actor: Acting, door: DoorOf) -> dict[str, Any]:
    """The tier the hall's directory gives a mobile number: nothing else of the customer."""
    require(actor, Permission.READ_KIOSK)
    return {"tier": customer_tier(door.store, door.hall_code, phone)}


@router.get("/reprint")
def reprint(
    actor: Acting,
    door: DoorOf,
    phone: Annotated[Mobile | None, Query()] = None,
    code: Annotated[AppointmentCode | None, Query()] = None,
) -> dict[str, Any]:
    """Today's ticket of a mobile number or an appointment code, as its paper prints (masked);
    `ticket` is null when there is none."""
    require(actor, Permission.ISSUE)
    if (phone is None) == (code is None):
        raise Rejected("give a mobile number or an appointment code, one of them")
    found = todays_ticket(
        door.store, door.hall_code, door.acts.now(), phone=phone, appointment_code=code
    )
    if found is None:
        return {"ticket": None}
    printed = kiosk_menu(door.store, door.hall_code).ticket_print(
        found.issued, found.phone, found.slip
    )
    return {"ticket": _json(printed)}


@router.post("/tickets", status_code=status.HTTP_201_CREATED)
def issue(body: IssueTicket, actor: Acting, door: DoorOf) -> dict[str, Any]:
    """A new ticket; the customer's tier comes from the hall's directory, never the kiosk.
    The same `tap` sent again is answered with the ticket it already got."""
    return _json(
        door.acts.issue(actor, body.business, phone=body.phone, slip=body.slip, tap=body.tap)
    )


@router.post("/check-in", status_code=status.HTTP_201_CREATED, response_model=None)
def check_in(body: CheckIn, actor: Acting, door: DoorOf) -> dict[str, Any] | JSONResponse:
    """The booking's ticket; a refused code says why in a word (`reason`: unknown, used,
    other_day) for the kiosk to say in the customer's language."""
    try:
        return _json(door.acts.check_in(actor, body.code, body.tap))
    except CheckInRefused as refused:
        return JSONResponse(
            {"detail": refused.message, "reason": refused.reason},
            status_code=status.HTTP_422_UNPROCESSABLE_ENTITY,
        )


@router.post("/incidents", status_code=status.HTTP_201_CREATED)
def call_staff(body: CallStaff, actor: Acting, door: DoorOf) -> dict[str, Any]:
    """Shown on the shift lead's monitor under this kiosk's enrolled name."""
    door.acts.call_staff(actor, IncidentKind(body.kind), body.message, body.ticket)
    return {"recorded": True}
