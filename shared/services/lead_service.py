"""What the shift lead's monitor shows of service and sales (营销服务一体化): the open
complaint cases with their call-backs, the day's flagged customers, the feedback of the
campaigns running today, and the staff a call-back can be given to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from shared.figures.campaigns import CampaignFeedback, campaign_feedback
from shared.rules.permissions import Actor, Permission, require
from shared.services.cases import CaseNow, list_cases
from shared.services.customer_flags import FlagNow, flags_on
from shared.store.database import Store
from shared.store.lookup import find_hall
from shared.store.models import Clerk


@dataclass(frozen=True)
class StaffMember:
    staff_id: str
    name: str


@dataclass(frozen=True)
class LeadService:
    day: dt.date
    cases: list[CaseNow]
    flags: list[FlagNow]
    feedback: list[CampaignFeedback]  # the hall's row of each campaign running today
    staff: list[StaffMember]

    @property
    def unacknowledged(self) -> int:
        return sum(flag.acknowledged_at is None for flag in self.flags)


def read_lead_service(
    store: Store, hall_code: str | None, actor: Actor | None, now: dt.datetime
) -> LeadService:
    if actor is not None:
        require(actor, Permission.HANDLE_CASES)
    cases = list_cases(store, hall_code, actor, open_only=True)
    day = now.date()
    with store.read() as session:
        hall = find_hall(session, hall_code)
        flags = flags_on(session, hall, day)
        feedback = [
            row for row in campaign_feedback(session, hall, running=(day, day)) if row.clerk is None
        ]
        staff = [
            StaffMember(staff_id, name)
            for staff_id, name in session.execute(
                select(Clerk.staff_id, Clerk.name)
                .where(Clerk.hall_id == hall.id, Clerk.pin_hash.is_not(None))
                .order_by(Clerk.staff_id)
            )
        ]
    return LeadService(day, cases, flags, feedback, staff)
