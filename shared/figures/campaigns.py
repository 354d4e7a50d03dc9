"""Campaign feedback (活动执行反馈), per campaign and per clerk, over the campaign's days:
targets seen in the hall, offers made, accepted, declined and not made, and the acceptance
rate, and the revenue the accepted offers brought in. docs/rules.md defines each figure."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.services.customers import customer_number
from shared.store.lookup import staff_ids
from shared.store.models import Business, Campaign, CampaignTarget, Hall, Offer, Ticket
from shared.vocabulary import OFFERS_MADE, OfferOutcome


@dataclass(frozen=True)
class CampaignFeedback:
    """One campaign's figures, for the hall (`clerk` None) or for one clerk."""

    campaign: str
    business: str
    clerk: str | None
    targets: int
    seen: int
    offered: int
    accepted: int
    declined: int
    not_offered: int
    value: int = 0  # yuan one accepted offer brings in (0: not known)

    @property
    def acceptance_rate(self) -> float | None:
        return self.accepted / self.offered if self.offered else None

    @property
    def revenue(self) -> int:
        """Yuan the accepted offers brought in: accepted × the campaign's value."""
        return self.accepted * self.value

    def as_json(self) -> dict[str, object]:
        return {
            "campaign": self.campaign,
            "business": self.business,
            "clerk": self.clerk,
            "targets": self.targets,
            "seen": self.seen,
            "offered": self.offered,
            "accepted": self.accepted,
            "declined": self.declined,
            "not_offered": self.not_offered,
            "acceptance_rate": self.acceptance_rate,
            "value": self.value,
            "revenue": self.revenue,
        }


def campaign_feedback(
    session: Session,
    hall: Hall,
    campaign: str | None = None,
    *,
    running: tuple[dt.date, dt.date] | None = None,
) -> list[CampaignFeedback]:
    """Each campaign's hall row (of those running on some day of `running`, if given),
    followed by a row per clerk who saw one of its targets or recorded one of its offers
    (by staff id)."""
    query = (
        select(Campaign, Business.key)
        .join(Business, Business.id == Campaign.business_id)
        .where(Campaign.hall_id == hall.id)
        .order_by(Campaign.starts_on, Campaign.id)
    )
    if campaign is not None:
        query = query.where(Campaign.name == campaign)
    if running is not None:
        query = query.where(Campaign.starts_on <= running[1], Campaign.ends_on >= running[0])
    staff = staff_ids(session, hall)
    rows: list[CampaignFeedback] = []
    for run, business in session.execute(query).all():
        rows.extend(_one_campaign(session, hall, run, business, staff))
    return rows


def _one_campaign(
    session: Session, hall: Hall, run: Campaign, business: str, staff: dict[int, str]
) -> list[CampaignFeedback]:
    targets = set(
        session.scalars(select(CampaignTarget.phone).where(CampaignTarget.campaign_id == run.id))
    )
    seen: dict[int | None, set[str]] = defaultdict(set)
    served = session.scalars(
        select(Ticket).where(
            Ticket.hall_id == hall.id,
            Ticket.business_day.between(run.starts_on, run.ends_on),
            Ticket.clerk_id.is_not(None),
        )
    )
    for ticket in served:
        phone = customer_number(session, ticket)
        if phone in targets:
            seen[ticket.clerk_id].add(phone)
            seen[None].add(phone)
    outcomes: dict[int | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for clerk_id, outcome, count in session.execute(
        select(Offer.clerk_id, Offer.outcome, func.count(Offer.id))
        .where(Offer.campaign_id == run.id)
        .group_by(Offer.clerk_id, Offer.outcome)
    ):
        outcomes[clerk_id][outcome] += count
        outcomes[None][outcome] += count
    clerks = sorted((c for c in {*seen, *outcomes} if c is not None), key=staff.__getitem__)
    return [
        CampaignFeedback(
            campaign=run.name,
            business=business,
            clerk=None if clerk is None else staff[clerk],
            targets=len(targets),
            seen=len(seen[clerk]),
            offered=sum(outcomes[clerk][made] for made in OFFERS_MADE),
            accepted=outcomes[clerk][OfferOutcome.ACCEPTED],
            declined=outcomes[clerk][OfferOutcome.DECLINED],
            not_offered=outcomes[clerk][OfferOutcome.NOT_OFFERED],
            value=run.value,
        )
        for clerk in (None, *clerks)
    ]


def accepted_offers(session: Session, hall: Hall, since: dt.date, until: dt.date) -> dict[str, int]:
    """Campaign offers accepted per clerk (by staff id) over business days `since` to
    `until`, every campaign together."""
    staff = staff_ids(session, hall)
    return {
        staff[clerk_id]: count
        for clerk_id, count in session.execute(
            select(Offer.clerk_id, func.count(Offer.id))
            .where(
                Offer.hall_id == hall.id,
                Offer.business_day.between(since, until),
                Offer.outcome == OfferOutcome.ACCEPTED,
            )
            .group_by(Offer.clerk_id)
        )
    }
