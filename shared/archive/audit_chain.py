"""The check of the audit log's hash chain, per hall.

Entries are walked in their sequence: an entry with no link was written past hallq (a raw
INSERT), a gap is an entry deleted (possible only once the store's triggers are dropped),
and a link that does not follow is an edited entry. Someone who can write the store could
still append an entry with a well-computed link, or remove the newest ones: the signed
checkpoints outside the store (shared/archive/checkpoints.py) pin each head signed, and an
entry after the newest signed head dated before that checkpoint was back-dated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.rules.audit_record import audit_link
from shared.rules.form_record import GENESIS
from shared.store.models import AuditEntry, Hall

# Entries are timed by the PC that writes them, a checkpoint by the one that signs it: an
# entry chained after a checkpoint may be dated this much before it, not more.
CLOCKS_DIFFER = dt.timedelta(minutes=1)


@dataclass(frozen=True)
class SignedHead:
    """An audit-log head signed outside the store: its sequence, hash, when and by what."""

    sequence: int
    chain_hash: str
    at: dt.datetime
    signer: str


@dataclass(frozen=True)
class AuditCheck:
    entries: int
    broken_at: int | None = None
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None and not self.problem


def verify_audit(
    session: Session, hall: Hall, signed_heads: Sequence[SignedHead] = ()
) -> AuditCheck:
    """Walk the hall's audit log in sequence; the first entry that does not hold, and why."""
    unchained = session.execute(
        select(AuditEntry.id, AuditEntry.action, AuditEntry.at)
        .where(AuditEntry.hall_id == hall.id, AuditEntry.sequence.is_(None))
        .order_by(AuditEntry.id)
        .limit(1)
    ).first()
    if unchained is not None:
        return AuditCheck(
            0,
            0,
            f"audit log row {unchained.id} ({unchained.action}, {unchained.at:%Y-%m-%d %H:%M}) "
            "is not chained: it was written past hallq",
        )
    rows = session.execute(
        select(
            AuditEntry.sequence,
            AuditEntry.chain_hash,
            AuditEntry.at,
            AuditEntry.clerk_id,
            AuditEntry.action,
            AuditEntry.source,
            AuditEntry.detail,
        )
        .where(AuditEntry.hall_id == hall.id)
        .order_by(AuditEntry.sequence)
        .execution_options(yield_per=1000)
    )
    previous, expected = GENESIS, 1
    chains: dict[int, tuple[str, dt.datetime]] = {}
    for row in rows:
        if row.sequence != expected:
            return AuditCheck(
                expected - 1,
                expected,
                f"audit log entry #{expected} is missing (next is #{row.sequence})",
            )
        link = audit_link(
            previous, expected, hall.id, row.at, row.clerk_id, row.action, row.source, row.detail
        )
        if link != row.chain_hash:
            return AuditCheck(
                expected - 1,
                expected,
                f"audit log entry #{expected} ({row.action}) was changed, or does not follow "
                f"entry #{expected - 1}",
            )
        chains[expected] = (link, row.at)
        previous, expected = link, expected + 1
    return _check_heads(expected - 1, chains, signed_heads)


def _check_heads(
    count: int, chains: dict[int, tuple[str, dt.datetime]], heads: Sequence[SignedHead]
) -> AuditCheck:
    """Every signed head is still in the chain; nothing after the newest is back-dated."""
    for head in sorted(heads, key=lambda head: head.sequence):
        if head.sequence > count:
            return AuditCheck(
                count,
                count + 1,
                f"audit log entry #{count + 1} is missing ({head.signer} signed #{head.sequence})",
            )
        if chains[head.sequence][0] != head.chain_hash:
            return AuditCheck(
                count,
                head.sequence,
                f"audit log entry #{head.sequence} is not the entry {head.signer} signed",
            )
    if heads:
        newest = max(heads, key=lambda head: (head.sequence, head.at))
        for sequence in range(newest.sequence + 1, count + 1):
            if chains[sequence][1] < newest.at - CLOCKS_DIFFER:
                return AuditCheck(
                    count,
                    sequence,
                    f"audit log entry #{sequence} is dated {chains[sequence][1]:%Y-%m-%d %H:%M},"
                    f" before the checkpoint of {newest.at:%Y-%m-%d %H:%M:%S} that came first",
                )
    return AuditCheck(count)
