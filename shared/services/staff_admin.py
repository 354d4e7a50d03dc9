"""An administrator's management of staff and counters: add a clerk, change a role, disable
a clerk, add a counter. Each act is one audited transaction; anyone else is refused.

A disabled clerk keeps their history (figures refer to them) but loses their PIN, so they
can no longer sign in until an administrator gives them a new one.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from sqlalchemy import select

from shared.errors import Rejected
from shared.rules.input_text import check_text
from shared.services.changes import Changes
from shared.services.roles import ADMINS, Act, sensitive_act
from shared.store.clock import Clock
from shared.store.database import Store
from shared.store.lookup import find_clerk, find_queue
from shared.store.models import Clerk, Counter, CounterSession
from shared.vocabulary import Role


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
            raise Rejected(f"a clerk's {label} is text of 1 to {limit} characters")
        check_text(label, text)
    with _managing_staff(store, hall_code, admin, source, clock) as act:
        taken = act.session.scalar(
            select(Clerk.id).where(Clerk.hall_id == act.hall.id, Clerk.staff_id == staff_id)
        )
        if taken is not None:
            raise Rejected(f"staff id {staff_id} is already taken")
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
            raise Rejected("an administrator cannot change their own role")
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
            raise Rejected("an administrator cannot disable themselves")
        at_counter = act.session.scalar(
            select(Counter.number)
            .join(CounterSession, CounterSession.counter_id == Counter.id)
            .where(CounterSession.clerk_id == clerk.id, CounterSession.closed_at.is_(None))
        )
        if at_counter is not None:
            raise Rejected(f"{staff_id} is at counter {at_counter}; close it first")
        clerk.pin_hash, clerk.failed_pins, clerk.locked_until = None, 0, None
        act.record("staff_disabled", staff_id=staff_id)


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
        raise Rejected("a counter serves at least one queue, each listed once")
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
            raise Rejected(f"counter {number} already exists")
        act.session.add(Counter(hall_id=act.hall.id, number=number, queues=queues, name=name))
        act.record("counter_added", number=number, queues=queues)


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
