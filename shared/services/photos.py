"""The clerk's photo for the customer screen: from the hall definition (hall_config), kept
with the clerk. A customer screen sees only the photo of the clerk at its own counter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from shared.store.database import Store
from shared.store.lookup import find_counter, find_hall
from shared.store.models import Clerk, CounterSession, StaffSession


@dataclass(frozen=True)
class ClerkPhoto:
    """Who is at a counter ("" when no one) and their photo (None when they have none)."""

    staff_id: str
    photo: bytes | None


def photo_of(store: Store, hall_code: str | None, staff_id: str) -> bytes | None:
    """A clerk's photo on this PC's store; None for a clerk without one (or unknown)."""
    with store.read() as session:
        hall = find_hall(session, hall_code)
        return session.scalar(
            select(Clerk.photo).where(Clerk.hall_id == hall.id, Clerk.staff_id == staff_id)
        )


def counter_photo(
    store: Store, hall_code: str | None, counter: int, now: dt.datetime
) -> ClerkPhoto:
    """The photo of the clerk at `counter`: the one signed in there through the server
    (the newest live sign-in), else the one whose counter session is open there."""
    with store.read() as session:
        hall = find_hall(session, hall_code)
        place = find_counter(session, hall, counter)
        signed_in = session.scalar(
            select(StaffSession.clerk_id)
            .where(
                StaffSession.hall_id == hall.id,
                StaffSession.counter_id == place.id,
                StaffSession.revoked_at.is_(None),
                StaffSession.expires_at > now,
            )
            .order_by(StaffSession.started_at.desc(), StaffSession.id.desc())
            .limit(1)
        )
        clerk_id = signed_in or session.scalar(
            select(CounterSession.clerk_id)
            .where(CounterSession.counter_id == place.id, CounterSession.closed_at.is_(None))
            .order_by(CounterSession.opened_at.desc())
            .limit(1)
        )
        if clerk_id is None:
            return ClerkPhoto("", None)
        row = session.execute(select(Clerk.staff_id, Clerk.photo).where(Clerk.id == clerk_id)).one()
        return ClerkPhoto(row.staff_id, row.photo)
