"""The offer at the counter: for the customer of the ticket called to a counter, whose
number the ticket or its slip gives, the one campaign to offer now (a target of it, on no
special list, not offered any campaign lately), with its script line; and the clerk's
record of what came of it. An accepted offer is a transaction of the campaign's business
on the same ticket, recommended and accepted, so the day's "recommended / taken" figures
count it as they count a recommendation made without a campaign.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Integer, bindparam, select
from sqlalchemy.orm import Session

from shared.errors import Rejected
from shared.rules.number_lists import mobile_number
from shared.rules.permissions import Actor, Permission, require
from shared.services.audit import record_act
from shared.services.campaigns import exclusions
from shared.services.changes import Changes
from shared.services.customers import customer_number
from shared.store import direct
from shared.store.clock import Clock, clock_for
from shared.store.database import Store
from shared.store.lookup import find_counter, find_hall
from shared.store.models import (
    Business,
    Campaign,
    CampaignTarget,
    Hall,
    Offer,
    SpecialListEntry,
    Ticket,
    Transaction,
)
from shared.vocabulary import (
    OFFERS_MADE,
    NoOfferReason,
    OfferOutcome,
    SpecialList,
    TicketStatus,
)


@dataclass(frozen=True)
class OfferShown:
    """The campaign the clerk may offer the customer in front of her, and how to say it."""

    ticket: str
    campaign: str
    business: str
    business_name: str
    business_name_en: str
    segment: str
    script: str


@dataclass(frozen=True)
class CustomerAtCounter:
    """What the clerk is told of the customer called to her counter: whether the hall knows
    the customer's number (else she may type it), whether to take special care (the
    customer is on the sensitive-complaint list: a mark, never the list's name), and the
    one offer to make, if any."""

    ticket: str
    known: bool
    care: bool
    offer: OfferShown | None


@dataclass(frozen=True)
class OfferRecorded:
    ticket: str
    campaign: str
    outcome: str
    changes: Changes


def _called_ticket(session: Session, hall: Hall, counter: int) -> Ticket:
    desk = find_counter(session, hall, counter)
    ticket = session.scalars(
        select(Ticket).where(Ticket.counter_id == desk.id, Ticket.status == TicketStatus.CALLED)
    ).first()
    if ticket is None:
        raise Rejected(f"counter {counter} has no called ticket")
    return ticket


def _offers_open(
    session: Session, hall: Hall, ticket: Ticket, now: dt.datetime
) -> list[tuple[Campaign, CampaignTarget, str]]:
    """The campaigns running today this ticket's customer is a target of, not excluded,
    not yet recorded on this ticket nor made to this customer before, in the order they
    started; each with the number."""
    phone = customer_number(session, ticket)
    if phone is None or exclusions(session, hall.id, [phone], now):
        return []
    # A campaign is made to a customer once; one the clerk did not make may come again.
    recorded = select(Offer.campaign_id).where(
        (Offer.ticket_id == ticket.id)
        | ((Offer.hall_id == hall.id) & (Offer.phone == phone) & Offer.outcome.in_(OFFERS_MADE))
    )
    found = session.execute(
        select(Campaign, CampaignTarget)
        .join(CampaignTarget, CampaignTarget.campaign_id == Campaign.id)
        .where(
            Campaign.hall_id == hall.id,
            Campaign.starts_on <= now.date(),
            Campaign.ends_on >= now.date(),
            CampaignTarget.phone == phone,
            Campaign.id.not_in(recorded),
        )
        .order_by(Campaign.starts_on, Campaign.id)
    ).all()
    return [(campaign, target, phone) for campaign, target in found]


def _shown(session: Session, campaign: Campaign, target: CampaignTarget, code: str) -> OfferShown:
    business = session.get(Business, campaign.business_id)
    assert business is not None
    return OfferShown(
        code,
        campaign.name,
        business.key,
        business.name,
        business.name_en,
        target.segment,
        target.script,
    )


def takes_care(session: Session, hall_id: int, phone: str | None) -> bool:
    """Whether the customer of `phone` is on the sensitive-complaint list."""
    if phone is None:
        return False
    return (
        session.scalar(
            select(SpecialListEntry.id).where(
                SpecialListEntry.hall_id == hall_id,
                SpecialListEntry.kind == SpecialList.SENSITIVE_COMPLAINT,
                SpecialListEntry.phone == phone,
            )
        )
        is not None
    )


def customer_at_counter(
    store: Store,
    hall_code: str | None,
    actor: Actor,
    counter: int,
    *,
    clock: Clock | None = None,
) -> CustomerAtCounter:
    """What the clerk at `counter` is told of the customer she called."""
    require(actor, Permission.SERVE, counter)
    now = (clock or clock_for(store)).now()
    with store.read() as session:
        hall = find_hall(session, hall_code)
        ticket = _called_ticket(session, hall, counter)
        phone = customer_number(session, ticket)
        open_offers = _offers_open(session, hall, ticket, now)
        offer = _shown(session, *open_offers[0][:2], ticket.code) if open_offers else None
        return CustomerAtCounter(
            ticket.code, phone is not None, takes_care(session, hall.id, phone), offer
        )


def give_number(
    store: Store,
    hall_code: str | None,
    actor: Actor,
    counter: int,
    number: str,
    *,
    clock: Clock | None = None,
) -> str:
    """The customer's mobile number as the clerk typed it, for a called ticket whose
    customer the hall did not know (no number at the kiosk, none on the slip); the ticket's
    code. The number is personal data: the audit names the ticket, not the number."""
    require(actor, Permission.SERVE, counter)
    phone = mobile_number(number)
    if phone is None:
        raise Rejected("not a mobile number: 11 digits starting with 1")
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        ticket = _called_ticket(session, hall, counter)
        if customer_number(session, ticket) is not None:
            raise Rejected(f"{ticket.code}'s customer number is known already")
        ticket.phone = phone
        record_act(
            session, hall.id, "customer_number_given", at=now, actor=actor, ticket=ticket.code
        )
        Changes(tickets=frozenset({ticket.code})).note(session, hall.id)
        return ticket.code


def offer_at_counter(
    store: Store,
    hall_code: str | None,
    actor: Actor,
    counter: int,
    *,
    clock: Clock | None = None,
) -> OfferShown | None:
    """The one offer for the customer called to `counter`, or None."""
    require(actor, Permission.SERVE, counter)
    now = (clock or clock_for(store)).now()
    with store.read() as session:
        hall = find_hall(session, hall_code)
        ticket = _called_ticket(session, hall, counter)
        open_offers = _offers_open(session, hall, ticket, now)
        if not open_offers:
            return None
        campaign, target, _ = open_offers[0]
        return _shown(session, campaign, target, ticket.code)


def record_offer(
    store: Store,
    hall_code: str | None,
    actor: Actor,
    counter: int,
    *,
    campaign: str,
    outcome: str,
    reason: str | None = None,
    clock: Clock | None = None,
) -> OfferRecorded:
    """Record what came of the offer of `campaign` to the customer called to `counter`:
    offered, accepted (a transaction of its business on the ticket), declined, or not
    offered with a reason."""
    require(actor, Permission.SERVE, counter)
    came = OfferOutcome.parse(outcome, "offer outcome")
    if (came == OfferOutcome.NOT_OFFERED) != (reason is not None):
        raise Rejected("an offer not made needs a reason; one made takes none")
    why = NoOfferReason.parse(reason, "reason") if reason is not None else None
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        ticket = _called_ticket(session, hall, counter)
        chosen = [
            row for row in _offers_open(session, hall, ticket, now) if row[0].name == campaign
        ]
        if not chosen:
            raise Rejected(f"{ticket.code}'s customer has no open offer of campaign {campaign!r}")
        offer, _, phone = chosen[0]
        assert ticket.clerk_id is not None and ticket.counter_id is not None
        transaction_id = None
        if came == OfferOutcome.ACCEPTED:
            taken = Transaction(
                hall_id=hall.id,
                ticket_id=ticket.id,
                business_id=offer.business_id,
                clerk_id=ticket.clerk_id,
                counter_id=ticket.counter_id,
                at=now,
                recommended=True,
                accepted=True,
            )
            session.add(taken)
            session.flush()
            transaction_id = taken.id
        session.add(
            Offer(
                hall_id=hall.id,
                ticket_id=ticket.id,
                campaign_id=offer.id,
                clerk_id=ticket.clerk_id,
                counter_id=ticket.counter_id,
                phone=phone,
                at=now,
                business_day=ticket.business_day,
                outcome=came,
                reason=why,
                transaction_id=transaction_id,
            )
        )
        record_act(
            session,
            hall.id,
            "offer_recorded",
            at=now,
            actor=actor,
            ticket=ticket.code,
            campaign=campaign,
            outcome=str(came),
            reason=str(why) if why else None,
        )
        changes = Changes(tickets=frozenset({ticket.code})).note(session, hall.id)
    return OfferRecorded(ticket.code, campaign, str(came), changes)


# Built once: every finish asks it.
_OFFERS_MADE_ON = select(Offer.outcome).where(
    Offer.ticket_id == bindparam("ticket", type_=Integer()), Offer.outcome.in_(OFFERS_MADE)
)


def offer_made_on(session: Session, ticket_id: int) -> tuple[bool, bool]:
    """(made, accepted): whether a campaign was offered on the ticket, and taken."""
    session._autoflush()  # as a query through the session would
    made = {row[0] for row in direct.run(session, _OFFERS_MADE_ON, {"ticket": ticket_id})}
    return bool(made), OfferOutcome.ACCEPTED in made
