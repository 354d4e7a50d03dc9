"""The audit log: one append-only row per sensitive act (sign-in, lock-out, settings change,
export, form view, purge). The store's triggers refuse any edit or delete of these rows.
"""

from __future__ import annotations

import datetime as dt
import getpass

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.store.models import AuditEntry


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
    """Add the entry to the caller's transaction, so it commits with the act it records."""
    session.add(
        AuditEntry(
            hall_id=hall_id, at=at, clerk_id=clerk_id, action=action, source=source, detail=detail
        )
    )


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
    """Who ran a `hallq` command, for the entries it records: the operating system's user."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        return "unknown"
