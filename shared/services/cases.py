"""Complaints and call-backs (投诉与回访): a 不满意 rating, a declined signature, or a
complaint the clerk or the shift lead logs opens a case on the ticket, credited to the
clerk who served it; the shift lead assigns its call-back, records how the call went
(resolved, not reached, escalated) and closes it.

Each act is one transaction, checked against the actor's grant and audited; `actor` None
is the store's owner at the command line on the store file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from shared.errors import Rejected
from shared.figures.cases import CaseFigures, case_figures
from shared.rules.input_text import check_text
from shared.rules.permissions import Actor, Permission, allowed, require
from shared.services.audit import record_act
from shared.services.changes import Changes
from shared.store.clock import Clock, clock_for
from shared.store.database import Store
from shared.store.lookup import find_clerk, find_hall
from shared.store.models import Case, Clerk, Hall, Ticket
from shared.vocabulary import CallbackOutcome, CaseReason

MAX_NOTE = 200


@dataclass(frozen=True)
class CaseNow:
    """A case as the shift lead's list shows it."""

    number: int
    ticket: str
    business_day: dt.date
    clerk: str
    reason: str
    note: str
    opened_at: dt.datetime
    callback_by: str | None
    callback_outcome: str | None
    closed_at: dt.datetime | None

    def as_json(self) -> dict[str, object]:
        return {
            "case": self.number,
            "ticket": self.ticket,
            "business_day": self.business_day.isoformat(),
            "clerk": self.clerk,
            "reason": self.reason,
            "note": self.note,
            "opened_at": self.opened_at.isoformat(),
            "callback_by": self.callback_by,
            "callback_outcome": self.callback_outcome,
            "closed_at": self.closed_at.isoformat() if self.closed_at else None,
        }


def open_case_on(
    session: Session,
    ticket: Ticket,
    reason: CaseReason,
    now: dt.datetime,
    *,
    opened_by: int | None = None,
    note: str = "",
) -> Case:
    """Open a case on a served ticket in the caller's transaction (its rating, its form or
    a logged complaint)."""
    if ticket.clerk_id is None:
        raise Rejected(f"{ticket.code} was never served; a complaint names a served ticket")
    taken = session.scalar(
        select(Case.id).where(Case.ticket_id == ticket.id, Case.reason == reason)
    )
    if taken is not None:
        raise Rejected(f"{ticket.code} already has case {taken} for {reason}")
    case = Case(
        hall_id=ticket.hall_id,
        ticket_id=ticket.id,
        clerk_id=ticket.clerk_id,
        reason=reason,
        note=note,
        opened_at=now,
        opened_by=opened_by,
    )
    session.add(case)
    session.flush()
    Changes(incidents=True).note(session, ticket.hall_id)
    return case


def log_complaint(
    store: Store,
    hall_code: str | None,
    actor: Actor | None,
    ticket: str,
    *,
    note: str,
    day: dt.date | None = None,
    clock: Clock | None = None,
) -> CaseNow:
    """A complaint about `ticket` (of `day`, today by default): a clerk logs one about a
    customer she served; the shift lead about any."""
    if actor is not None:
        require(actor, Permission.LOG_COMPLAINT)
    note = check_text("a complaint's note", note.strip())
    if not 1 <= len(note) <= MAX_NOTE:
        raise Rejected(f"a complaint's note is 1 to {MAX_NOTE} characters")
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        served = session.scalar(
            select(Ticket).where(
                Ticket.hall_id == hall.id,
                Ticket.business_day == (day or now.date()),
                Ticket.code == ticket,
            )
        )
        if served is None:
            raise Rejected(f"no ticket {ticket} on {day or now.date()}")
        lead = actor is None or allowed(actor, Permission.HANDLE_CASES)
        if actor is not None and not lead and served.clerk_id != actor.clerk_id:
            raise Rejected(f"{actor.name} did not serve {ticket}; the shift lead logs this")
        case = open_case_on(
            session,
            served,
            CaseReason.COMPLAINT,
            now,
            opened_by=actor.clerk_id if actor else None,
            note=note,
        )
        record_act(session, hall.id, "complaint_logged", at=now, actor=actor, case=case.id)
        return _case_now(session, hall, case.id)


def assign_callback(
    store: Store,
    hall_code: str | None,
    actor: Actor | None,
    number: int,
    staff_id: str,
    *,
    clock: Clock | None = None,
) -> CaseNow:
    """The shift lead gives an open case's call-back to a member of staff."""
    with _case_act(store, hall_code, actor, number, clock) as (session, hall, case, now):
        case.callback_by = find_clerk(session, hall, staff_id).id
        case.assigned_at = now
        record_act(
            session, hall.id, "callback_assigned", at=now, actor=actor, case=number, to=staff_id
        )
        return _case_now(session, hall, number)


def record_callback(
    store: Store,
    hall_code: str | None,
    actor: Actor | None,
    number: int,
    outcome: str,
    *,
    clock: Clock | None = None,
) -> CaseNow:
    """How the assigned call-back went: resolved, not reached or escalated."""
    went = CallbackOutcome.parse(outcome, "call-back outcome")
    with _case_act(store, hall_code, actor, number, clock) as (session, hall, case, now):
        if case.callback_by is None:
            raise Rejected(f"case {number}'s call-back is not assigned yet")
        case.callback_outcome = went
        case.called_back_at = now
        record_act(
            session, hall.id, "callback_recorded", at=now, actor=actor, case=number, outcome=went
        )
        return _case_now(session, hall, number)


def close_case(
    store: Store,
    hall_code: str | None,
    actor: Actor | None,
    number: int,
    *,
    clock: Clock | None = None,
) -> CaseNow:
    """The shift lead closes a case; its times say whether within the hall's deadline."""
    with _case_act(store, hall_code, actor, number, clock) as (session, hall, case, now):
        case.closed_at = now
        case.closed_by = actor.clerk_id if actor else None
        record_act(session, hall.id, "case_closed", at=now, actor=actor, case=number)
        return _case_now(session, hall, number)


def list_cases(
    store: Store,
    hall_code: str | None,
    actor: Actor | None,
    *,
    open_only: bool = False,
) -> list[CaseNow]:
    """The hall's cases, oldest first (only those still open, if asked)."""
    if actor is not None:
        require(actor, Permission.HANDLE_CASES)
    with store.read() as session:
        hall = find_hall(session, hall_code)
        query = select(Case.id).where(Case.hall_id == hall.id).order_by(Case.opened_at, Case.id)
        if open_only:
            query = query.where(Case.closed_at.is_(None))
        return [_case_now(session, hall, number) for number in session.scalars(query)]


@contextmanager
def _case_act(
    store: Store,
    hall_code: str | None,
    actor: Actor | None,
    number: int,
    clock: Clock | None,
) -> Iterator[tuple[Session, Hall, Case, dt.datetime]]:
    """One transaction acting on an open case of the hall, for HANDLE_CASES."""
    if actor is not None:
        require(actor, Permission.HANDLE_CASES)
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        case = session.get(Case, number)
        if case is None or case.hall_id != hall.id:
            raise Rejected(f"no case {number} in hall {hall.code}")
        if case.closed_at is not None:
            raise Rejected(f"case {number} is closed")
        Changes(incidents=True).note(session, hall.id)
        yield session, hall, case, now


def _case_now(session: Session, hall: Hall, number: int) -> CaseNow:
    served_by, calls_back = aliased(Clerk), aliased(Clerk)
    case, code, day, clerk, caller = session.execute(
        select(Case, Ticket.code, Ticket.business_day, served_by.staff_id, calls_back.staff_id)
        .join(Ticket, Ticket.id == Case.ticket_id)
        .join(served_by, served_by.id == Case.clerk_id)
        .outerjoin(calls_back, calls_back.id == Case.callback_by)
        .where(Case.id == number, Case.hall_id == hall.id)
    ).one()
    return CaseNow(
        case.id,
        code,
        day,
        clerk,
        str(case.reason),
        case.note,
        case.opened_at,
        caller,
        str(case.callback_outcome) if case.callback_outcome else None,
        case.closed_at,
    )


def case_report(
    store: Store, hall_code: str | None, actor: Actor | None, since: dt.date, until: dt.date
) -> list[CaseFigures]:
    """Complaint and call-back figures, for whoever sees every clerk's figures."""
    if actor is not None:
        require(actor, Permission.SEE_ALL_FIGURES)
    if until < since:
        raise Rejected(f"the span ends ({until}) before it starts ({since})")
    with store.read() as session:
        return case_figures(session, find_hall(session, hall_code), since, until)
