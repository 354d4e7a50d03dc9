"""An administrator's management of staff and counters: list the staff, add a clerk,
change a role, disable a clerk, give a new PIN; list the counters, add one, change the
queues it serves; read the businesses and their slip and form fields. Each act is one
audited transaction; anyone else is refused.

A disabled clerk keeps their history (figures refer to them) but loses their PIN and every
open session, so they can no longer sign in until an administrator gives them a new PIN.
"""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy import select, update

from shared.errors import Rejected
from shared.rules.input_text import check_text
from shared.services.changes import Changes
from shared.services.roles import ADMINS, Act, require_role, sensitive_act
from shared.services.settings import load_settings
from shared.services.staff import hash_pin
from shared.store.clock import Clock
from shared.store.database import Store
from shared.store.lookup import find_clerk, find_counter, find_hall, find_queue
from shared.store.models import Business, Clerk, Counter, CounterSession, Queue, StaffSession
from shared.vocabulary import Role


@dataclass(frozen=True)
class StaffNow:
    """A member of staff as the administrator sees them: `can_sign_in` is False for a
    disabled clerk (or one never given a PIN); `locked_until` after wrong PINs."""

    staff_id: str
    name: str
    role: Role
    can_sign_in: bool
    locked_until: dt.datetime | None

    def as_json(self) -> dict[str, object]:
        return {
            "staff_id": self.staff_id,
            "name": self.name,
            "role": str(self.role),
            "can_sign_in": self.can_sign_in,
            "locked_until": self.locked_until.isoformat() if self.locked_until else None,
        }


@dataclass(frozen=True)
class CounterNow:
    """A counter's set-up: its number, name, the queues it serves in calling order, state."""

    number: int
    name: str
    queues: str
    state: str

    def as_json(self) -> dict[str, object]:
        return {
            "number": self.number,
            "name": self.name,
            "queues": self.queues,
            "state": self.state,
        }


@dataclass(frozen=True)
class BusinessNow:
    """A business, the queue it joins, and the keys and labels of its slip and form fields."""

    key: str
    name: str
    name_en: str
    queue: str
    self_service: bool
    slip_fields: list[dict[str, object]]
    form_fields: list[dict[str, object]]

    def as_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "name": self.name,
            "name_en": self.name_en,
            "queue": self.queue,
            "self_service": self.self_service,
            "slip_fields": self.slip_fields,
            "form_fields": self.form_fields,
        }


def _read_as_admin(store: Store, hall_code: str | None, admin: str, what: str) -> None:
    """Refuse a read of the hall's set-up to anyone but an administrator."""
    with store.read() as session:
        require_role(find_clerk(session, find_hall(session, hall_code), admin), ADMINS, what)


def list_staff(store: Store, hall_code: str | None, admin: str) -> list[StaffNow]:
    _read_as_admin(store, hall_code, admin, "manage staff")
    with store.read() as session:
        hall = find_hall(session, hall_code)
        clerks = session.scalars(
            select(Clerk).where(Clerk.hall_id == hall.id).order_by(Clerk.staff_id)
        )
        return [
            StaffNow(c.staff_id, c.name, c.role, c.pin_hash is not None, c.locked_until)
            for c in clerks
        ]


def list_counters(store: Store, hall_code: str | None, admin: str) -> list[CounterNow]:
    _read_as_admin(store, hall_code, admin, "manage counters")
    with store.read() as session:
        hall = find_hall(session, hall_code)
        counters = session.scalars(
            select(Counter).where(Counter.hall_id == hall.id).order_by(Counter.number)
        )
        return [CounterNow(c.number, c.name, c.queues, str(c.state)) for c in counters]


def list_businesses(store: Store, hall_code: str | None, admin: str) -> list[BusinessNow]:
    _read_as_admin(store, hall_code, admin, "read the hall's definition")
    with store.read() as session:
        hall = find_hall(session, hall_code)
        rows = session.execute(
            select(Business, Queue.letter)
            .join(Queue, Queue.id == Business.queue_id)
            .where(Business.hall_id == hall.id)
            .order_by(Business.id)
        ).all()
        return [
            BusinessNow(
                b.key,
                b.name,
                b.name_en,
                letter,
                b.self_service,
                list(b.slip_fields or []),
                list(b.form_fields or []),
            )
            for b, letter in rows
        ]


def _check_role(role: str) -> Role:
    if role not in list(Role):
        raise Rejected(f"role must be one of {Role.words()}, not {role!r}")
    return Role(role)


def add_clerk(
    store: Store,
    hall_code: str | None,
    admin: str,
    staff_id: str,
    name: str,
    role: str = Role.CLERK,
    *,
    source: str,
    clock: Clock | None = None,
) -> None:
    """A new staff member, without a PIN until one is set at sign-in set-up."""
    checked = _check_role(role)
    for label, text, limit in (("staff id", staff_id, 20), ("name", name, 50)):
        if not text.strip() or len(text) > limit:
            raise Rejected(
                f"a clerk's {label} is text of 1 to {limit} characters",
                "staff_text_length",
                field=label,
                most=limit,
            )
        check_text(label, text)
    with _managing_staff(store, hall_code, admin, source, clock) as act:
        taken = act.session.scalar(
            select(Clerk.id).where(Clerk.hall_id == act.hall.id, Clerk.staff_id == staff_id)
        )
        if taken is not None:
            raise Rejected(
                f"staff id {staff_id} is already taken", "staff_id_taken", staff=staff_id
            )
        act.session.add(Clerk(hall_id=act.hall.id, staff_id=staff_id, name=name, role=checked))
        act.record("staff_added", staff_id=staff_id, role=role)


def change_role(
    store: Store,
    hall_code: str | None,
    admin: str,
    staff_id: str,
    role: str,
    *,
    source: str,
    clock: Clock | None = None,
) -> None:
    checked = _check_role(role)
    with _managing_staff(store, hall_code, admin, source, clock) as act:
        clerk = find_clerk(act.session, act.hall, staff_id)
        if clerk.id == act.clerk.id:
            raise Rejected("an administrator cannot change their own role", "own_role")
        act.record("role_changed", staff_id=staff_id, role=role, previous=clerk.role)
        clerk.role = checked


def disable_clerk(
    store: Store,
    hall_code: str | None,
    admin: str,
    staff_id: str,
    *,
    source: str,
    clock: Clock | None = None,
) -> None:
    """Remove the clerk's PIN so they cannot sign in; refused while they hold a counter."""
    with _managing_staff(store, hall_code, admin, source, clock) as act:
        clerk = find_clerk(act.session, act.hall, staff_id)
        if clerk.id == act.clerk.id:
            raise Rejected("an administrator cannot disable themselves", "disable_self")
        at_counter = act.session.scalar(
            select(Counter.number)
            .join(CounterSession, CounterSession.counter_id == Counter.id)
            .where(CounterSession.clerk_id == clerk.id, CounterSession.closed_at.is_(None))
        )
        if at_counter is not None:
            raise Rejected(
                f"{staff_id} is at counter {at_counter}; close it first",
                "staff_at_counter",
                staff=staff_id,
                counter=at_counter,
            )
        clerk.pin_hash, clerk.failed_pins, clerk.locked_until = None, 0, None
        ended = act.session.execute(
            update(StaffSession)
            .where(StaffSession.clerk_id == clerk.id, StaffSession.revoked_at.is_(None))
            .values(revoked_at=act.now)
        )
        act.record(
            "staff_disabled", staff_id=staff_id, sessions=int(getattr(ended, "rowcount", 0) or 0)
        )


def reset_pin(
    store: Store,
    hall_code: str | None,
    admin: str,
    staff_id: str,
    pin: str,
    *,
    source: str,
    clock: Clock | None = None,
) -> None:
    """Give a member of staff a new PIN (of the hall's `pin_min_length` digits at least),
    which also lifts a lock and enables a disabled clerk. The PIN itself is never recorded."""
    with _managing_staff(store, hall_code, admin, source, clock) as act:
        clerk = find_clerk(act.session, act.hall, staff_id)
        shortest = load_settings(act.session, act.hall.id).pin_min_length
        clerk.pin_hash = hash_pin(pin, shortest)
        clerk.failed_pins, clerk.locked_until = 0, None
        act.record("pin_reset", staff_id=staff_id)


def add_counter(
    store: Store,
    hall_code: str | None,
    admin: str,
    number: int,
    queues: str,
    name: str = "",
    *,
    source: str,
    clock: Clock | None = None,
) -> None:
    """A new counter serving `queues` (letters in calling order), closed until opened."""
    if isinstance(number, bool) or not 0 < number <= 9999:
        raise Rejected("a counter number is a whole number from 1 to 9999")
    if not queues or len(set(queues)) != len(queues):
        raise Rejected("a counter serves at least one queue, each listed once", "counter_queues")
    if len(name) > 50:
        raise Rejected("a counter's name is at most 50 characters")
    check_text("the counter's name", name)
    with sensitive_act(
        store,
        hall_code,
        admin,
        ADMINS,
        "manage counters",
        changes=Changes(counters=frozenset({number})),
        source=source,
        clock=clock,
    ) as act:
        for letter in queues:
            find_queue(act.session, act.hall, letter)
        taken = act.session.scalar(
            select(Counter.id).where(Counter.hall_id == act.hall.id, Counter.number == number)
        )
        if taken is not None:
            raise Rejected(f"counter {number} already exists", "counter_exists", counter=number)
        act.session.add(Counter(hall_id=act.hall.id, number=number, queues=queues, name=name))
        act.record("counter_added", number=number, queues=queues)


def change_counter_queues(
    store: Store,
    hall_code: str | None,
    admin: str,
    number: int,
    queues: str,
    *,
    source: str,
    clock: Clock | None = None,
) -> None:
    """The queues a counter serves (letters in calling order) from its next opening."""
    if not queues or len(set(queues)) != len(queues):
        raise Rejected("a counter serves at least one queue, each listed once", "counter_queues")
    with sensitive_act(
        store,
        hall_code,
        admin,
        ADMINS,
        "manage counters",
        changes=Changes(counters=frozenset({number})),
        source=source,
        clock=clock,
    ) as act:
        counter = find_counter(act.session, act.hall, number)
        for letter in queues:
            find_queue(act.session, act.hall, letter)
        act.record("counter_queues_set", number=number, queues=queues, previous=counter.queues)
        counter.queues = queues


def _managing_staff(
    store: Store, hall_code: str | None, admin: str, source: str, clock: Clock | None
) -> AbstractContextManager[Act]:
    return sensitive_act(
        store,
        hall_code,
        admin,
        ADMINS,
        "manage staff",
        changes=Changes(staff=True),
        source=source,
        clock=clock,
    )
