"""Enrolled devices: an administrator enrols each kiosk, board and customer screen and is
shown its key once; the store keeps only the key's SHA-256. A device acts only as its kind
allows, and a revoked key stops working at its next request.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.errors import NotSignedIn, Rejected
from shared.rules.permissions import Actor, Permission, require
from shared.services import audit
from shared.services.changes import Changes
from shared.store.clock import Clock, clock_for
from shared.store.database import Store
from shared.store.lookup import find_counter, find_hall
from shared.store.models import Counter, Device
from shared.vocabulary import DeviceKind

KEY_PREFIX = "hd_"
DEVICE_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")


def key_digest(key: str) -> str:
    """What the store keeps of a key or token: 256 random bits need no slow hash."""
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class DeviceNow:
    name: str
    kind: DeviceKind
    counter: int | None
    enrolled_at: dt.datetime
    revoked_at: dt.datetime | None


def enrol_device(
    store: Store,
    hall_code: str | None,
    admin: Actor | None,
    name: str,
    kind: str,
    *,
    counter: int | None = None,
    clock: Clock | None = None,
) -> str:
    """Enrol a device and return its key, shown once. `admin` None is the store's owner at
    the server's console (`hallq device add` on the store file)."""
    if admin is not None:
        require(admin, Permission.MANAGE_DEVICES)
    if not DEVICE_NAME.fullmatch(name):
        raise Rejected(
            f"a device name is 1 to 40 lowercase letters, digits and '-' (kiosk-1), not {name!r}",
            "device_name",
        )
    checked = DeviceKind.parse(kind, "device kind")
    if (checked == DeviceKind.CUSTOMER_SCREEN) != (counter is not None):
        raise Rejected("a customer screen faces one counter (--counter N); no other device does")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        taken = session.scalar(
            select(Device.id).where(Device.hall_id == hall.id, Device.name == name)
        )
        if taken is not None:
            raise Rejected(
                f"a device named {name} is already enrolled; revoke it first",
                "device_enrolled",
                device=name,
            )
        faces = find_counter(session, hall, counter).id if counter is not None else None
        session.add(
            Device(
                hall_id=hall.id,
                name=name,
                kind=checked,
                counter_id=faces,
                key_hash=key_digest(key),
                enrolled_at=now,
            )
        )
        _record(session, hall.id, "device_enrolled", now, admin, device=name, kind=str(checked))
        Changes(staff=True).note(session, hall.id)
    return key


def revoke_device(
    store: Store,
    hall_code: str | None,
    admin: Actor | None,
    name: str,
    *,
    clock: Clock | None = None,
) -> None:
    """Revoke a device's key: a lost or replaced kiosk stops acting at once. Its name stays
    taken by the revoked record, so history keeps naming it."""
    if admin is not None:
        require(admin, Permission.MANAGE_DEVICES)
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        device = session.scalar(
            select(Device).where(
                Device.hall_id == hall.id, Device.name == name, Device.revoked_at.is_(None)
            )
        )
        if device is None:
            raise Rejected(f"no enrolled device named {name!r}")
        device.revoked_at = now
        device.name = f"{name[:25]}~{device.id}"  # frees the name for a new enrolment
        _record(session, hall.id, "device_revoked", now, admin, device=name)
        Changes(staff=True).note(session, hall.id)


def list_devices(store: Store, hall_code: str | None) -> list[DeviceNow]:
    with store.read() as session:
        hall = find_hall(session, hall_code)
        rows = session.execute(
            select(Device, Counter.number)
            .outerjoin(Counter, Counter.id == Device.counter_id)
            .where(Device.hall_id == hall.id)
            .order_by(Device.revoked_at.is_not(None), Device.name)
        ).all()
        return [
            DeviceNow(d.name, d.kind, number, d.enrolled_at, d.revoked_at) for d, number in rows
        ]


def device_actor(store: Store, key: str) -> Actor:
    """The enrolled, unrevoked device holding `key`, or NotSignedIn."""
    with store.read() as session:
        row = session.execute(
            select(Device, Counter.number)
            .outerjoin(Counter, Counter.id == Device.counter_id)
            .where(Device.key_hash == key_digest(key), Device.revoked_at.is_(None))
        ).first()
    if row is None:
        raise NotSignedIn("unknown or revoked device key")
    device, number = row
    return Actor(
        hall_id=device.hall_id,
        name=device.name,
        device_kind=device.kind,
        device_id=device.id,
        counter=number,
    )


def _record(
    session: Session,
    hall_id: int,
    action: str,
    now: dt.datetime,
    admin: Actor | None,
    **detail: object,
) -> None:
    audit.record(
        session,
        hall_id,
        action,
        at=now,
        clerk_id=admin.clerk_id if admin else None,
        source=admin.source if admin else "server console",
        **detail,
    )
