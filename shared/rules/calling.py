"""Pure queueing rules: which queue a ticket joins and which ticket a counter calls next.

No store here: the services hand in plain values, so every rule is testable on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from shared.vocabulary import Tier


def route(tier: str, business_queue: str, *, vip_queue: str, group_queue: str) -> str:
    """The queue a new ticket joins: VIP to the green channel, group to the group desk,
    everyone else to the queue of their business's class."""
    if tier == Tier.VIP:
        return vip_queue
    if tier == Tier.GROUP:
        return group_queue
    return business_queue


@dataclass(frozen=True)
class Waiting:
    """A waiting ticket as the calling rule sees it."""

    ticket_id: int
    queue: str
    waiting_since: dt.datetime
    issued_at: dt.datetime
    target_wait_s: int = 0


@dataclass(frozen=True)
class Policy:
    """The hall's calling policy (settings `ageing_cap` and `green_ratio`)."""

    vip_queue: str = "V"
    ageing_cap: bool = False
    green_ratio: int = 0


def _oldest(tickets: Sequence[Waiting]) -> Waiting | None:
    """Oldest by when it started waiting; ties go to the earlier-issued ticket."""
    return min(tickets, key=lambda t: (t.waiting_since, t.issued_at, t.ticket_id), default=None)


def choose_next(
    serves: Sequence[str],
    waiting: Sequence[Waiting],
    *,
    policy: Policy,
    now: dt.datetime,
    recent_calls: Sequence[str] = (),
) -> Waiting | None:
    """The ticket a counter serving `serves` calls next, or None when nothing waits for it.

    Default (docs/rules.md): where the counter serves the green channel, its oldest ticket
    first; otherwise the oldest ticket across the counter's other queues. `recent_calls`
    are the queues of this counter's latest calls, newest first, for the green ratio.
    """
    mine = [ticket for ticket in waiting if ticket.queue in serves]
    green = [t for t in mine if t.queue == policy.vip_queue]
    others = [t for t in mine if t.queue != policy.vip_queue]
    if not green or not others:
        return _oldest(green) or _oldest(others)
    if policy.ageing_cap:
        overdue = [t for t in mine if (now - t.waiting_since).total_seconds() > t.target_wait_s]
        overdue_green = [t for t in overdue if t.queue == policy.vip_queue]
        if overdue_green:
            return _oldest(overdue_green)
        if overdue:
            return _oldest(overdue)
    if policy.green_ratio and _green_streak(recent_calls, policy.vip_queue) >= policy.green_ratio:
        return _oldest(others)
    return _oldest(green)


def _green_streak(recent_calls: Sequence[str], vip_queue: str) -> int:
    streak = 0
    for queue in recent_calls:
        if queue != vip_queue:
            break
        streak += 1
    return streak
