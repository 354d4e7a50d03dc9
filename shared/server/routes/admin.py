"""The administrator's routes: devices; staff (list, add, disable, new PIN, role) and their
sessions; counters and the queues they serve; the businesses and their fields; every
setting with its meaning and bounds; the special lists' numbers; the purge of personal data.
Each checks the proved actor's grant first, then the service checks the role again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Path, status

from shared.errors import Rejected
from shared.rules.permissions import Actor, Permission, require
from shared.server.auth import Acting, Door, DoorOf
from shared.server.encoding import to_json
from shared.server.requests import (
    AddCounter,
    AddStaff,
    ChangeRole,
    CounterQueues,
    EnrolDevice,
    NewPin,
    Purge,
)
from shared.services import campaigns, staff_admin
from shared.services.devices import enrol_device, list_devices, revoke_device
from shared.services.sessions import revoke_sessions
from shared.services.settings import load_settings, setting_rules

router = APIRouter(tags=["administrator"])
DeviceName = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]
StaffId = Annotated[str, Path(min_length=1, max_length=20)]
ListKind = Annotated[str, Path(min_length=1, max_length=40)]
Phone = Annotated[str, Path(min_length=1, max_length=20)]
Number = Annotated[int, Path(ge=1, le=9999)]
_T = TypeVar("_T")


def _admin(actor: Actor) -> str:
    """The administrator's staff id, once the actor is a member of staff who may manage."""
    require(actor, Permission.MANAGE_STAFF)
    return actor.name


def _administer(act: Callable[..., _T], actor: Actor, door: Door, *args: object) -> _T:
    """One of the administrator's acts on staff or counters, as the proved administrator,
    from where the request came, on the server's clock."""
    return act(
        door.store,
        door.hall_code,
        _admin(actor),
        *args,
        source=actor.source,
        clock=door.acts.clock,
    )


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


@router.get("/staff")
def staff(actor: Acting, door: DoorOf) -> list[Any]:
    """Every member of staff, whether they can sign in, and any lock."""
    rows = staff_admin.list_staff(door.store, door.hall_code, _admin(actor))
    return [row.as_json() for row in rows]


@router.post("/staff", status_code=status.HTTP_201_CREATED)
def add_staff(body: AddStaff, actor: Acting, door: DoorOf) -> dict[str, str]:
    """A new member of staff, who signs in once given a PIN."""
    _administer(staff_admin.add_clerk, actor, door, body.staff_id, body.name, body.role)
    return {"staff_id": body.staff_id}


@router.post("/staff/{staff_id}/disable", status_code=status.HTTP_204_NO_CONTENT)
def disable_staff(staff_id: StaffId, actor: Acting, door: DoorOf) -> None:
    """No more sign-ins, and every open session ended; the history stays."""
    _administer(staff_admin.disable_clerk, actor, door, staff_id)


@router.post("/staff/{staff_id}/pin", status_code=status.HTTP_204_NO_CONTENT)
def new_pin(staff_id: StaffId, body: NewPin, actor: Acting, door: DoorOf) -> None:
    """A new PIN: lifts a lock and enables a disabled member of staff."""
    _administer(staff_admin.reset_pin, actor, door, staff_id, body.pin)


@router.post("/staff/{staff_id}/role", status_code=status.HTTP_204_NO_CONTENT)
def change_role(staff_id: StaffId, body: ChangeRole, actor: Acting, door: DoorOf) -> None:
    _administer(staff_admin.change_role, actor, door, staff_id, body.role)


@router.get("/setup/counters")
def counters(actor: Acting, door: DoorOf) -> list[Any]:
    rows = staff_admin.list_counters(door.store, door.hall_code, _admin(actor))
    return [row.as_json() for row in rows]


@router.post("/setup/counters", status_code=status.HTTP_201_CREATED)
def add_counter(body: AddCounter, actor: Acting, door: DoorOf) -> dict[str, int]:
    _administer(staff_admin.add_counter, actor, door, body.number, body.queues, body.name)
    return {"number": body.number}


@router.post("/setup/counters/{number}/queues", status_code=status.HTTP_204_NO_CONTENT)
def counter_queues(number: Number, body: CounterQueues, actor: Acting, door: DoorOf) -> None:
    """The queues the counter serves, in calling order, from its next opening."""
    _administer(staff_admin.change_counter_queues, actor, door, number, body.queues)


@router.get("/setup/businesses")
def businesses(actor: Acting, door: DoorOf) -> list[Any]:
    rows = staff_admin.list_businesses(door.store, door.hall_code, _admin(actor))
    return [row.as_json() for row in rows]


@router.get("/setup/settings")
def settings_rules(actor: Acting, door: DoorOf) -> list[Any]:
    """Every setting: its value now, default, meaning and bounds (change with PATCH
    /settings, checked as `hallq settings` checks)."""
    require(actor, Permission.CHANGE_SETTINGS)
    with door.store.read() as session:
        now = load_settings(session, door.hall_id)
    result: list[Any] = [
        {**to_json(rule), "value": to_json(getattr(now, rule.name))} for rule in setting_rules()
    ]
    return result


@router.get("/lists/{kind}")
def list_entries(kind: ListKind, actor: Acting, door: DoorOf) -> list[Any]:
    """The numbers on one special list."""
    rows = campaigns.special_list_entries(door.store, door.hall_code, actor, kind)
    return [row.as_json() for row in rows]


@router.delete("/lists/{kind}/{phone}", status_code=status.HTTP_204_NO_CONTENT)
def remove_entry(kind: ListKind, phone: Phone, actor: Acting, door: DoorOf) -> None:
    campaigns.remove_from_special_list(
        door.store, door.hall_code, actor, kind, phone, clock=door.acts.clock
    )
