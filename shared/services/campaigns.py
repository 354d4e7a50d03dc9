"""Campaigns run through the hall (营销服务一体化): a campaign offers one of the hall's
businesses to the target customers its list names, from its first to its last day. The
hall's special lists (黑名单, 灰名单, 免打扰, 敏感投诉) and a recent offer of any campaign
keep a customer out, both when the targets are imported and at the counter.

Each act is one transaction, checked against the actor's grant and audited with who did it
(a shift lead through the server, or the store's owner at the command line).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter as Tally
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from shared.errors import Rejected
from shared.figures.campaigns import CampaignFeedback, campaign_feedback
from shared.rules.input_text import check_text
from shared.rules.masking import mask_phone
from shared.rules.number_lists import read_number_list
from shared.rules.permissions import Actor, Permission, require
from shared.services.audit import entries, record_act
from shared.services.settings import load_settings
from shared.store.clock import Clock, clock_for
from shared.store.database import Store
from shared.store.lookup import find_business, find_hall, staff_ids
from shared.store.models import (
    Base,
    Business,
    Campaign,
    CampaignTarget,
    Hall,
    Offer,
    SpecialListEntry,
)
from shared.vocabulary import OFFERS_MADE, SpecialList

MAX_NAME = 60
MAX_VALUE = 100_000  # yuan one accepted offer may bring in
RECENTLY_OFFERED = "recently_offered"  # the exclusion of a recent offer, beside the lists


@dataclass(frozen=True)
class CampaignNow:
    name: str
    business: str
    starts_on: dt.date
    ends_on: dt.date
    targets: int
    value: int = 0  # yuan one accepted offer brings in

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "business": self.business,
            "starts_on": self.starts_on.isoformat(),
            "ends_on": self.ends_on.isoformat(),
            "targets": self.targets,
            "value": self.value,
        }


@dataclass(frozen=True)
class Imported:
    """What an import did: rows read, numbers added, numbers already there, numbers left
    out by each exclusion (a list's kind, or recently_offered)."""

    rows: int
    added: int
    already: int
    excluded: dict[str, int]

    def as_json(self) -> dict[str, object]:
        return {
            "rows": self.rows,
            "added": self.added,
            "already": self.already,
            "excluded": dict(self.excluded),
        }


def exclusions(
    session: Session, hall_id: int, phones: Collection[str], now: dt.datetime
) -> dict[str, str]:
    """Why each of `phones` may not be offered a campaign now, for those that may not: the
    first special list it is on, or recently_offered (any offer made within the hall's
    `offer_rest_days`)."""
    excluded: dict[str, str] = {}
    if not phones:
        return excluded
    few = len(phones) <= 500  # a counter's one number, or a big import's whole list
    lists = select(SpecialListEntry.phone, SpecialListEntry.kind).where(
        SpecialListEntry.hall_id == hall_id
    )
    if few:
        lists = lists.where(SpecialListEntry.phone.in_(phones))
    wanted = set(phones)
    for phone, kind in session.execute(lists.order_by(SpecialListEntry.id)):
        if phone in wanted:
            excluded.setdefault(phone, str(kind))
    rest_days = load_settings(session, hall_id).offer_rest_days
    if rest_days:
        recent = select(Offer.phone).where(
            Offer.hall_id == hall_id,
            Offer.outcome.in_(OFFERS_MADE),
            Offer.at > now - dt.timedelta(days=rest_days),
        )
        if few:
            recent = recent.where(Offer.phone.in_(phones))
        for phone in session.scalars(recent):
            if phone in wanted:
                excluded.setdefault(phone, RECENTLY_OFFERED)
    return excluded


def add_campaign(
    store: Store,
    hall_code: str | None,
    actor: Actor | None,
    *,
    name: str,
    business: str,
    starts_on: dt.date,
    ends_on: dt.date,
    value: int = 0,
    clock: Clock | None = None,
) -> CampaignNow:
    """A new campaign offering `business` from `starts_on` to `ends_on`, with no target yet;
    `value` is what one accepted offer brings in (whole yuan, 0 when not known)."""
    if actor is not None:
        require(actor, Permission.RUN_CAMPAIGNS)
    name = check_text("a campaign's name", name.strip())
    if not 1 <= len(name) <= MAX_NAME:
        raise Rejected(f"a campaign's name is 1 to {MAX_NAME} characters")
    if ends_on < starts_on:
        raise Rejected(f"the campaign ends ({ends_on}) before it starts ({starts_on})")
    if not 0 <= value <= MAX_VALUE:
        raise Rejected(f"an accepted offer's value is 0 to {MAX_VALUE} yuan")
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        offer = find_business(session, hall, business)
        if _campaign_id(session, hall, name) is not None:
            raise Rejected(f"a campaign named {name!r} exists already")
        session.add(
            Campaign(
                hall_id=hall.id,
                name=name,
                business_id=offer.id,
                starts_on=starts_on,
                ends_on=ends_on,
                created_at=now,
                value=value,
            )
        )
        record_act(
            session,
            hall.id,
            "campaign_added",
            at=now,
            actor=actor,
            campaign=name,
            business=offer.key,
            starts_on=starts_on.isoformat(),
            ends_on=ends_on.isoformat(),
            value=value,
        )
    return CampaignNow(name, offer.key, starts_on, ends_on, 0, value)


def import_targets(
    store: Store,
    hall_code: str | None,
    actor: Actor | None,
    campaign: str,
    content: bytes,
    *,
    file_name: str,
    clock: Clock | None = None,
) -> Imported:
    """Add the targets of a CSV list (number, segment, script line) to `campaign`, leaving
    out the excluded; a list with a bad row imports nothing."""
    if actor is not None:
        require(actor, Permission.RUN_CAMPAIGNS)
    rows = read_number_list(content, file_name, columns=3)
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        campaign_id = _campaign_id(session, hall, campaign)
        if campaign_id is None:
            raise Rejected(f"no campaign named {campaign!r}")
        there = set(
            session.scalars(
                select(CampaignTarget.phone).where(CampaignTarget.campaign_id == campaign_id)
            )
        )
        excluded = exclusions(session, hall.id, [row.phone for row in rows], now)
        new = [row for row in rows if row.phone not in there and row.phone not in excluded]
        if new:
            session.execute(
                insert(Base.metadata.tables["campaign_targets"]),
                [
                    {
                        "hall_id": hall.id,
                        "campaign_id": campaign_id,
                        "phone": row.phone,
                        "segment": row.segment,
                        "script": row.script,
                    }
                    for row in new
                ],
            )
        imported = Imported(
            rows=len(rows),
            added=len(new),
            already=sum(row.phone in there for row in rows),
            excluded=dict(Tally(excluded[row.phone] for row in rows if row.phone in excluded)),
        )
        record_act(
            session,
            hall.id,
            "targets_imported",
            at=now,
            actor=actor,
            campaign=campaign,
            file=file_name[:100],
            **imported.as_json(),
        )
    return imported


def import_special_list(
    store: Store,
    hall_code: str | None,
    actor: Actor | None,
    kind: str,
    content: bytes,
    *,
    file_name: str,
    clock: Clock | None = None,
) -> Imported:
    """Add a CSV list of numbers to one of the hall's special lists."""
    if actor is not None:
        require(actor, Permission.RUN_CAMPAIGNS)
    checked = SpecialList.parse(kind, "special list")
    rows = read_number_list(content, file_name, columns=1)
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        there = set(
            session.scalars(
                select(SpecialListEntry.phone).where(
                    SpecialListEntry.hall_id == hall.id, SpecialListEntry.kind == checked
                )
            )
        )
        new = [row.phone for row in rows if row.phone not in there]
        if new:
            session.execute(
                insert(Base.metadata.tables["special_list_entries"]),
                [
                    {"hall_id": hall.id, "kind": checked, "phone": phone, "added_at": now}
                    for phone in new
                ],
            )
        imported = Imported(
            rows=len(rows), added=len(new), already=len(rows) - len(new), excluded={}
        )
        record_act(
            session,
            hall.id,
            "list_imported",
            at=now,
            actor=actor,
            list=str(checked),
            file=file_name[:100],
            rows=imported.rows,
            added=imported.added,
            already=imported.already,
        )
    return imported


def list_campaigns(store: Store, hall_code: str | None, actor: Actor | None) -> list[CampaignNow]:
    """The hall's campaigns, newest first, with their number of targets."""
    if actor is not None:
        require(actor, Permission.SEE_ALL_FIGURES)
    with store.read() as session:
        hall = find_hall(session, hall_code)
        targets = (
            select(func.count(CampaignTarget.id))
            .where(CampaignTarget.campaign_id == Campaign.id)
            .scalar_subquery()
        )
        found = session.execute(
            select(Campaign, Business.key, targets)
            .join(Business, Business.id == Campaign.business_id)
            .where(Campaign.hall_id == hall.id)
            .order_by(Campaign.starts_on.desc(), Campaign.id.desc())
        ).all()
    return [
        CampaignNow(campaign.name, key, campaign.starts_on, campaign.ends_on, count, campaign.value)
        for campaign, key, count in found
    ]


def special_list_sizes(store: Store, hall_code: str | None, actor: Actor | None) -> dict[str, int]:
    """How many numbers each special list holds (the numbers themselves stay in the store)."""
    if actor is not None:
        require(actor, Permission.RUN_CAMPAIGNS)
    with store.read() as session:
        hall = find_hall(session, hall_code)
        counted = dict(
            session.execute(
                select(SpecialListEntry.kind, func.count(SpecialListEntry.id))
                .where(SpecialListEntry.hall_id == hall.id)
                .group_by(SpecialListEntry.kind)
            ).all()
        )
    return {str(kind): counted.get(kind, 0) for kind in SpecialList}


def _campaign_id(session: Session, hall: Hall, name: str) -> int | None:
    return session.scalar(
        select(Campaign.id).where(Campaign.hall_id == hall.id, Campaign.name == name)
    )


def campaign_report(
    store: Store, hall_code: str | None, actor: Actor | None, campaign: str | None = None
) -> list[CampaignFeedback]:
    """Campaign feedback, for whoever sees every clerk's figures."""
    if actor is not None:
        require(actor, Permission.SEE_ALL_FIGURES)
    with store.read() as session:
        hall = find_hall(session, hall_code)
        if campaign is not None and _campaign_id(session, hall, campaign) is None:
            raise Rejected(f"no campaign named {campaign!r}")
        return campaign_feedback(session, hall, campaign)


def list_imports(
    store: Store, hall_code: str | None, actor: Actor | None
) -> list[dict[str, object]]:
    """Who imported what into the special lists, oldest first, from the audit log."""
    if actor is not None:
        require(actor, Permission.RUN_CAMPAIGNS)
    with store.read() as session:
        hall = find_hall(session, hall_code)
        staff = staff_ids(session, hall)
        return [
            {
                "at": entry.at.isoformat(),
                "by": staff.get(entry.clerk_id) if entry.clerk_id else entry.detail.get("user"),
                "source": entry.source,
                **{key: entry.detail.get(key) for key in ("list", "file", "added", "already")},
            }
            for entry in entries(session, hall.id, action="list_imported")
        ]


@dataclass(frozen=True)
class ListEntry:
    """One number on a special list, and when it was added."""

    phone: str
    added_at: dt.datetime

    def as_json(self) -> dict[str, object]:
        return {"phone": self.phone, "added_at": self.added_at.isoformat()}


def special_list_entries(
    store: Store, hall_code: str | None, actor: Actor | None, kind: str
) -> list[ListEntry]:
    """The numbers on one special list, in number order, for whoever keeps the lists."""
    if actor is not None:
        require(actor, Permission.RUN_CAMPAIGNS)
    checked = SpecialList.parse(kind, "special list")
    with store.read() as session:
        hall = find_hall(session, hall_code)
        rows = session.execute(
            select(SpecialListEntry.phone, SpecialListEntry.added_at)
            .where(SpecialListEntry.hall_id == hall.id, SpecialListEntry.kind == checked)
            .order_by(SpecialListEntry.phone)
        ).all()
    return [ListEntry(phone, added_at) for phone, added_at in rows]


def remove_from_special_list(
    store: Store,
    hall_code: str | None,
    actor: Actor | None,
    kind: str,
    phone: str,
    *,
    clock: Clock | None = None,
) -> None:
    """Take one number off a special list; audited with the number masked, as the audit log
    is kept past the retention of personal data."""
    if actor is not None:
        require(actor, Permission.RUN_CAMPAIGNS)
    checked = SpecialList.parse(kind, "special list")
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        entry = session.scalar(
            select(SpecialListEntry).where(
                SpecialListEntry.hall_id == hall.id,
                SpecialListEntry.kind == checked,
                SpecialListEntry.phone == phone.strip(),
            )
        )
        if entry is None:
            raise Rejected(
                f"{mask_phone(phone.strip())} is not on the {checked} list",
                "not_on_list",
                phone=mask_phone(phone.strip()),
            )
        session.delete(entry)
        record_act(
            session,
            hall.id,
            "list_entry_removed",
            at=now,
            actor=actor,
            list=str(checked),
            phone=mask_phone(entry.phone),
        )
