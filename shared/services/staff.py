"""Staff sign-in: PINs kept only as salted scrypt hashes, and a lock after wrong PINs.

Five wrong PINs in a row lock the staff id for five minutes. Every sign-in, refusal and
lock goes to the audit log, committed even though the sign-in itself is refused. A wrong
PIN and an unknown staff id are refused in the same words, so trying ids cannot tell which
exist; only a lock, once it has happened, is named.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import select

from shared.errors import Rejected
from shared.rules.permissions import Actor
from shared.services import audit
from shared.services.changes import Changes
from shared.services.roles import LEADS
from shared.store.clock import Clock, clock_for
from shared.store.database import Store
from shared.store.lookup import find_hall
from shared.store.models import Clerk
from shared.vocabulary import Role

MAX_FAILED_PINS = 5
LOCK_TIME = dt.timedelta(minutes=5)
PIN = re.compile(r"[0-9]{4,8}")  # ASCII digits only: a keypad types no other
PIN_LONGEST = 8
# scrypt cost: about 30 ms a check here, so a stolen hash cannot be brute-forced cheaply.
_N, _R, _P = 2**14, 8, 1


def pin_problem(pin: str, shortest: int = 4) -> str | None:
    """Why `pin` cannot be set in a hall whose PINs have at least `shortest` digits."""
    if not PIN.fullmatch(pin) or len(pin) < shortest:
        return f"a PIN is {shortest} to {PIN_LONGEST} digits"
    return None


def hash_pin(pin: str, shortest: int = 4) -> str:
    if problem := pin_problem(pin, shortest):
        raise Rejected(problem, "pin_length", least=shortest, most=PIN_LONGEST)
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str | None) -> bool:
    if stored is None or not stored.startswith("scrypt$"):
        return False
    _, n, r, p, salt, digest = stored.split("$")
    candidate = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p))
    return hmac.compare_digest(candidate.hex(), digest)


@dataclass(frozen=True)
class SignedIn:
    clerk_id: int
    staff_id: str
    name: str
    role: Role

    @property
    def leads(self) -> bool:
        """A shift lead or an administrator: sees the whole hall, acknowledges alerts."""
        return self.role in LEADS


def sign_in(
    store: Store,
    hall_code: str | None,
    staff_id: str,
    pin: str,
    *,
    source: str,
    clock: Clock | None = None,
) -> SignedIn:
    """The clerk, or Rejected (wrong PIN, locked, unknown). A failure is still recorded."""
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        Changes(staff=True).note(session, hall.id)  # PIN failures and locks
        clerk = session.scalar(
            select(Clerk).where(Clerk.hall_id == hall.id, Clerk.staff_id == staff_id.strip())
        )
        if clerk is None:
            audit.record(
                session, hall.id, "sign_in_failed", at=now, source=source, staff_id=staff_id[:20]
            )
            refusal = Rejected("unknown staff id or wrong PIN", "pin_wrong")
        elif clerk.locked_until is not None and clerk.locked_until > now:
            audit.record(
                session, hall.id, "sign_in_refused", at=now, clerk_id=clerk.id, source=source
            )
            until = f"{clerk.locked_until:%H:%M:%S}"
            refusal = Rejected(
                f"{clerk.staff_id} is locked until {until} after wrong PINs",
                "pin_locked_until",
                staff=clerk.staff_id,
                until=until,
            )
        elif not pin_matches(pin, clerk.pin_hash):
            clerk.failed_pins += 1
            left = MAX_FAILED_PINS - clerk.failed_pins
            audit.record(
                session, hall.id, "sign_in_failed", at=now, clerk_id=clerk.id, source=source
            )
            # as for an unknown id: names no one
            refusal = Rejected("unknown staff id or wrong PIN", "pin_wrong")
            if left <= 0:
                clerk.failed_pins, clerk.locked_until = 0, now + LOCK_TIME
                audit.record(
                    session,
                    hall.id,
                    "locked_out",
                    at=now,
                    clerk_id=clerk.id,
                    source=source,
                    until=clerk.locked_until.isoformat(),
                )
                minutes = LOCK_TIME.seconds // 60
                refusal = Rejected(
                    f"wrong PIN; {clerk.staff_id} is locked for {minutes} minutes",
                    "pin_locked_now",
                    staff=clerk.staff_id,
                    minutes=minutes,
                )
        else:
            clerk.failed_pins, clerk.locked_until = 0, None
            audit.record(session, hall.id, "sign_in", at=now, clerk_id=clerk.id, source=source)
            return SignedIn(clerk.id, clerk.staff_id, clerk.name, clerk.role)
    raise refusal


def staff_actor(
    store: Store, hall_code: str | None, staff_id: str, counter: int | None = None
) -> Actor:
    """A member of staff signed in on this PC's store (no server session), as the services
    check her grants: at `counter` if she signed in at one."""
    with store.read() as session:
        hall = find_hall(session, hall_code)
        clerk = session.scalar(
            select(Clerk).where(Clerk.hall_id == hall.id, Clerk.staff_id == staff_id)
        )
        if clerk is None or clerk.pin_hash is None:
            raise Rejected(f"{staff_id} is not on the hall's staff")
        return Actor(
            hall_id=hall.id,
            name=clerk.staff_id,
            role=clerk.role,
            clerk_id=clerk.id,
            counter=counter,
        )
