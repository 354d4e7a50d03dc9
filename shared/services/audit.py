"""The audit log: one append-only row per sensitive act (sign-in, lock-out, settings change,
export, form view, purge). The store's triggers refuse any edit or delete of these rows.
"""

from __future__ import annotations

import datetime as dt
import os

try:
    import pwd
except ImportError:  # pragma: no cover - Windows
    pwd = None  # type: ignore[assignment]

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
