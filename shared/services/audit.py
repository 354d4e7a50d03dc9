"""The audit log: one append-only row per sensitive act (sign-in, lock-out, settings change,
export, form view, purge, backup, restore). The store's triggers refuse any edit or delete
of these rows, and each row is chained to the hall's previous one
(shared/rules/audit_record.py), so one edited, removed or slipped in past hallq is found
even where the triggers were dropped (shared/archive/audit_chain.py).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import TYPE_CHECKING, Any

try:
    import pwd
except ImportError:  # pragma: no cover - Windows
    pwd = None  # type: ignore[assignment]

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from shared.rules.audit_record import audit_link
from shared.rules.form_record import GENESIS
from shared.store.models import AuditEntry

if TYPE_CHECKING:
    from shared.rules.permissions import Actor

# Writers to a PostgreSQL store hold the hall's row while they chain an entry, so two
# transactions never both follow the same last entry. It is the lock every hall action takes
# first, so a writer that records an entry without acting on the hall (a sign-out) waits in
# the same order as the actions and cannot deadlock with them. SQLite has one writer.
_HOLD_HALL = text("SELECT id FROM halls WHERE id = :hall FOR UPDATE")


def record(
    session: Session,
    hall_id: int,
    action: str,
    *,
    at: dt.datetime,
    clerk_id: int | None = None,
    source: str = "",
    **detail: object,
) -> None:
    """Add the entry to the caller's transaction, so it commits with the act it records,
    chained after the hall's last entry: the one place an entry is written."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(_HOLD_HALL, {"hall": hall_id})
    last = session.execute(
        select(AuditEntry.sequence, AuditEntry.chain_hash)
        .where(AuditEntry.hall_id == hall_id, AuditEntry.sequence.is_not(None))
        .order_by(AuditEntry.sequence.desc())
        .limit(1)
    ).first()
    sequence = last.sequence + 1 if last else 1
    detail = json.loads(json.dumps(detail))  # the link covers the detail as it is stored
    link = audit_link(
        last.chain_hash if last else GENESIS,
        sequence,
        hall_id,
        at,
        clerk_id,
        action,
        source,
        detail,
    )
    session.add(
        AuditEntry(
            hall_id=hall_id,
            at=at,
            clerk_id=clerk_id,
            action=action,
            source=source,
            detail=detail,
            sequence=sequence,
            chain_hash=link,
        )
    )
    session.flush()  # the next entry of this transaction follows this one


def entries(
    session: Session,
    hall_id: int,
    *,
    since: dt.datetime | None = None,
    action: str | None = None,
) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.hall_id == hall_id)
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    return list(session.scalars(query.order_by(AuditEntry.id)))


def command_line_user() -> str:
    """Who ran a `hallq` command on the store file, for the entries it records: the
    operating system's account the process runs as (its uid, as the OS proved it), never
    an environment variable such as LOGNAME, which anyone sets."""
    if pwd is None:  # pragma: no cover - Windows: no uid; the login name is all there is
        return os.environ.get("USERNAME", "unknown")
    uid = os.getuid()
    try:
        return f"{pwd.getpwuid(uid).pw_name} (uid {uid})"
    except KeyError:  # an account without a name in the password database
        return f"uid {uid}"


def record_act(
    session: Session,
    hall_id: int,
    action: str,
    *,
    at: dt.datetime,
    actor: Actor | None,
    **detail: Any,
) -> None:
    """Record an act of a proved `actor`, or of the store's owner at the command line on the
    store file (`actor` None), named by the operating system's account."""
    if actor is None:
        record(session, hall_id, action, at=at, source="cli", user=command_line_user(), **detail)
    else:
        record(
            session, hall_id, action, at=at, clerk_id=actor.clerk_id, source=actor.source, **detail
        )
