"""The heads of a hall's two chains, the service forms' and the audit log's: what a
checkpoint signs and what the day report prints, so each anchors the chains outside the
store."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.rules.form_record import GENESIS
from shared.store.models import AuditEntry, Hall, ServiceForm

PRINTED_DIGITS = 16  # hex digits of a chain hash printed on paper: 64 bits


@dataclass(frozen=True)
class ChainHeads:
    """Sequence 0 with the genesis hash while a chain has no link yet."""

    form_sequence: int
    form_hash: str
    audit_sequence: int
    audit_hash: str

    @property
    def empty(self) -> bool:
        return not self.form_sequence and not self.audit_sequence


def form_head(session: Session, hall: Hall) -> tuple[int, str]:
    """The newest link of the hall's service-form chain: (0, genesis) while it has none."""
    form = session.execute(
        select(ServiceForm.sequence, ServiceForm.chain_hash)
        .where(ServiceForm.hall_id == hall.id)
        .order_by(ServiceForm.sequence.desc())
        .limit(1)
    ).first()
    return (form.sequence, form.chain_hash) if form else (0, GENESIS)


def chain_heads(session: Session, hall: Hall) -> ChainHeads:
    """The newest link of each of the hall's chains, as the session sees them."""
    form_sequence, form_hash = form_head(session, hall)
    entry = session.execute(
        select(AuditEntry.sequence, AuditEntry.chain_hash)
        .where(AuditEntry.hall_id == hall.id, AuditEntry.sequence.is_not(None))
        .order_by(AuditEntry.sequence.desc())
        .limit(1)
    ).first()
    return ChainHeads(
        form_sequence,
        form_hash,
        entry.sequence if entry else 0,
        (entry.chain_hash or "") if entry else GENESIS,
    )
