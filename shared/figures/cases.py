"""Complaint and call-back figures (投诉率, 投诉处理率, 回访率) per clerk and for the hall,
over the tickets of a span of business days. docs/rules.md defines each figure."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.services.settings import load_settings
from shared.store.lookup import staff_ids
from shared.store.models import Case, Hall, Ticket
from shared.vocabulary import TicketStatus


@dataclass(frozen=True)
class CaseFigures:
    """One clerk's (or, `clerk` None, the hall's) cases over the span."""

    clerk: str | None
    handled: int
    cases: int
    closed_in_time: int
    called_back: int

    @property
    def complaint_rate(self) -> float | None:
        return self.cases / self.handled if self.handled else None

    @property
    def closed_in_time_rate(self) -> float | None:
        return self.closed_in_time / self.cases if self.cases else None

    @property
    def callback_rate(self) -> float | None:
        return self.called_back / self.cases if self.cases else None

    def as_json(self) -> dict[str, object]:
        return {
            "clerk": self.clerk,
            "handled": self.handled,
            "cases": self.cases,
            "complaint_rate": self.complaint_rate,
            "closed_in_time": self.closed_in_time,
            "closed_in_time_rate": self.closed_in_time_rate,
            "called_back": self.called_back,
            "callback_rate": self.callback_rate,
        }


def case_figures(session: Session, hall: Hall, since: dt.date, until: dt.date) -> list[CaseFigures]:
    """The hall's row, then a row per clerk who finished a ticket or has a case (by staff
    id), over the tickets of business days `since` to `until`."""
    deadline = dt.timedelta(hours=load_settings(session, hall.id).case_deadline_hours)
    days = Ticket.business_day.between(since, until)
    handled: dict[int | None, int] = defaultdict(int)
    for clerk_id, count in session.execute(
        select(Ticket.clerk_id, func.count(Ticket.id))
        .where(Ticket.hall_id == hall.id, days, Ticket.status == TicketStatus.FINISHED)
        .group_by(Ticket.clerk_id)
    ):
        handled[clerk_id] += count
        handled[None] += count
    counts: dict[int | None, list[int]] = defaultdict(lambda: [0, 0, 0])
    for case in session.scalars(
        select(Case).join(Ticket, Ticket.id == Case.ticket_id).where(Case.hall_id == hall.id, days)
    ):
        in_time = case.closed_at is not None and case.closed_at - case.opened_at <= deadline
        for who in (case.clerk_id, None):
            counts[who][0] += 1
            counts[who][1] += in_time
            counts[who][2] += case.callback_outcome is not None
    staff = staff_ids(session, hall)
    clerks = sorted((c for c in {*handled, *counts} if c is not None), key=staff.__getitem__)
    return [
        CaseFigures(None if clerk is None else staff[clerk], handled[clerk], *counts[clerk])
        for clerk in (None, *clerks)
    ]
