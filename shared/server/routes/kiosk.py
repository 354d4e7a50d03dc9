"""The kiosk's routes: its menu, issuing a ticket, checking an appointment in."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, status

from shared.rules.permissions import Permission, require
from shared.server.auth import Acting, DoorOf
from shared.server.encoding import to_json
from shared.server.requests import CheckIn, IssueTicket
from shared.views.kiosk_menu import kiosk_menu

router = APIRouter(prefix="/kiosk", tags=["kiosk"])


@router.get("/menu")
def menu(actor: Acting, door: DoorOf) -> dict[str, Any]:
    require(actor, Permission.READ_KIOSK)
    result: dict[str, Any] = to_json(kiosk_menu(door.store, door.hall_code))
    return result


@router.post("/tickets", status_code=status.HTTP_201_CREATED)
def issue(body: IssueTicket, actor: Acting, door: DoorOf) -> dict[str, Any]:
    """A new ticket; the customer's tier comes from the hall's directory, never the kiosk."""
    issued = door.acts.issue(actor, body.business, phone=body.phone, slip=body.slip)
    result: dict[str, Any] = to_json(issued)
    return result


@router.post("/check-in", status_code=status.HTTP_201_CREATED)
def check_in(body: CheckIn, actor: Acting, door: DoorOf) -> dict[str, Any]:
    result: dict[str, Any] = to_json(door.acts.check_in(actor, body.code))
    return result
