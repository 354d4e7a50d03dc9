"""The administrator's routes: devices, staff sessions, the purge of personal data."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, status

from shared.errors import Rejected
from shared.rules.permissions import Permission, require
from shared.server.auth import Acting, DoorOf
from shared.server.encoding import to_json
from shared.server.requests import EnrolDevice, Purge
from shared.services.devices import enrol_device, list_devices, revoke_device
from shared.services.sessions import revoke_sessions

router = APIRouter(tags=["administrator"])
DeviceName = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]
StaffId = Annotated[str, Path(min_length=1, max_length=20)]


@router.get("/devices")
def devices(actor: Acting, door: DoorOf) -> list[Any]:
    require(actor, Permission.MANAGE_DEVICES)
    result: list[Any] = to_json(list_devices(door.store, door.hall_code))
    return result


@router.post("/devices", status_code=status.HTTP_201_CREATED)
def enrol(body: EnrolDevice, actor: Acting, door: DoorOf) -> dict[str, str]:
    """Enrol a device; its key is in this answer only."""
    key = enrol_device(
        door.store,
        door.hall_code,
        actor,
        body.name,
        body.kind,
        counter=body.counter,
        clock=door.acts.clock,
    )
    return {"name": body.name, "key": key}


@router.delete("/devices/{name}", status_code=status.HTTP_204_NO_CONTENT)
def revoke(name: DeviceName, actor: Acting, door: DoorOf) -> None:
    revoke_device(door.store, door.hall_code, actor, name, clock=door.acts.clock)


@router.post("/staff/{staff_id}/revoke-sessions")
def end_sessions(staff_id: StaffId, actor: Acting, door: DoorOf) -> dict[str, int]:
    count = revoke_sessions(door.store, door.hall_code, actor, staff_id, clock=door.acts.clock)
    return {"revoked": count}


@router.post("/purge")
def purge(body: Purge, actor: Acting, door: DoorOf) -> dict[str, Any]:
    """Erase personal data of days before `before` (default: past the retention)."""
    try:
        before = dt.date.fromisoformat(body.before) if body.before else None
    except ValueError as error:
        raise Rejected(f"{body.before!r} is not a date (YYYY-MM-DD)") from error
    result: dict[str, Any] = to_json(door.acts.purge(actor, before))
    return result
