"""Staff sessions on the hall server: a member of staff signs in with staff id and PIN
(checked, throttled and locked out by the server's own clock, see `staff.sign_in`) and gets
a bearer token bound to the counter she signed in at. The token expires at the end of a
shift, is revoked at sign-out or by an administrator, and the store keeps only its SHA-256.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from sqlalchemy import select, update

from shared.errors import NotSignedIn, Rejected
from shared.rules.permissions import Actor, Permission, require
from shared.services import audit
from shared.services.changes import Changes
from shared.services.devices import key_digest
from shared.services.staff import sign_in
from shared.store.clock import Clock, clock_for
from shared.store.database import Store
from shared.store.lookup import find_clerk, find_counter, find_hall
from shared.store.models import Clerk, Counter, StaffSession

TOKEN_PREFIX = "hs_"
# A session lasts a long shift at most; signing in again is cheap, a stolen token is not.
SESSION_LENGTH = dt.timedelta(hours=12)


@dataclass(frozen=True)
class Opened:
    token: str
    staff_id: str
    name: str
    role: str
    counter: int | None
    expires_at: dt.datetime


def open_session(
    store: Store,
    hall_code: str | None,
    staff_id: str,
    pin: str,
    *,
    counter: int | None = None,
    device: Actor | None = None,
    clock: Clock | None = None,
) -> Opened:
    """Sign in (the PIN check is audited and throttled on its own) and open a session."""
    clock = clock or clock_for(store)
    source = device.source if device else f"counter {counter}" if counter else "server"
    try:
        signed = sign_in(store, hall_code, staff_id, pin, source=source, clock=clock)
    except Rejected as refusal:
        raise NotSignedIn(refusal.message, refusal.code, **refusal.params) from refusal
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = clock.now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        at = find_counter(session, hall, counter).id if counter is not None else None
        row = StaffSession(
            hall_id=hall.id,
            clerk_id=signed.clerk_id,
            counter_id=at,
            device_id=device.device_id if device else None,
            token_hash=key_digest(token),
            started_at=now,
            expires_at=now + SESSION_LENGTH,
        )
        session.add(row)
    return Opened(token, signed.staff_id, signed.name, signed.role, counter, row.expires_at)


def staff_actor(store: Store, token: str, now: dt.datetime) -> Actor:
    """The member of staff whose live session `token` is, or NotSignedIn."""
    with store.read() as session:
        row = session.execute(
            select(StaffSession, Clerk, Counter.number)
            .join(Clerk, Clerk.id == StaffSession.clerk_id)
            .outerjoin(Counter, Counter.id == StaffSession.counter_id)
            .where(StaffSession.token_hash == key_digest(token))
        ).first()
    if row is None:
        raise NotSignedIn("not signed in: unknown session")
    stint, clerk, number = row
    if stint.revoked_at is not None or clerk.pin_hash is None:
        raise NotSignedIn("not signed in: the session was ended; sign in again")
    if stint.expires_at <= now:
        raise NotSignedIn("not signed in: the session expired; sign in again")
    return Actor(
        hall_id=stint.hall_id,
        name=clerk.staff_id,
        role=clerk.role,
        clerk_id=clerk.id,
        device_id=stint.device_id,
        counter=number,
        session_id=stint.id,
    )


def close_session(store: Store, actor: Actor, *, clock: Clock | None = None) -> None:
    """Sign out: the session's token stops working at once."""
    if actor.session_id is None:
        raise Rejected("a device has no session to end")
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        session.execute(
            update(StaffSession)
            .where(StaffSession.id == actor.session_id, StaffSession.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        Changes(staff=True).note(session, actor.hall_id)  # its open change feed is closed
        audit.record(
            session, actor.hall_id, "sign_out", at=now, clerk_id=actor.clerk_id, source=actor.source
        )


def revoke_sessions(
    store: Store, hall_code: str | None, admin: Actor, staff_id: str, *, clock: Clock | None = None
) -> int:
    """An administrator ends every live session of a member of staff (a lost badge, a
    leaver); returns how many were ended."""
    require(admin, Permission.MANAGE_STAFF)
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        clerk = find_clerk(session, hall, staff_id)
        ended = session.execute(
            update(StaffSession)
            .where(StaffSession.clerk_id == clerk.id, StaffSession.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        count = int(getattr(ended, "rowcount", 0) or 0)
        Changes(staff=True).note(session, hall.id)  # their open change feeds are closed
        audit.record(
            session,
            hall.id,
            "sessions_revoked",
            at=now,
            clerk_id=admin.clerk_id,
            source=admin.source,
            staff_id=staff_id,
            sessions=count,
        )
    return count
