"""What an audit log entry's link in the hall's hash chain covers.

chain_hash(n) = SHA-256(chain_hash(n-1) | n | SHA-256(the entry's fields)), from 64 zeros,
where the fields are the hall, the time, the clerk, the action, where it came from and its
detail, in one canonical JSON. An edited entry breaks its own link, a removed one leaves a
gap in the sequence, and an entry inserted past hallq has no link at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from shared.rules.form_record import chain_link


def entry_digest(
    hall_id: int,
    at: dt.datetime,
    clerk_id: int | None,
    action: str,
    source: str,
    detail: object,
) -> str:
    fields = {
        "hall": hall_id,
        "at": at.isoformat(),
        "clerk": clerk_id,
        "action": action,
        "source": source,
        "detail": detail,
    }
    canonical = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def audit_link(
    previous: str,
    sequence: int,
    hall_id: int,
    at: dt.datetime,
    clerk_id: int | None,
    action: str,
    source: str,
    detail: object,
) -> str:
    """The chain hash of entry `sequence` that follows `previous`."""
    return chain_link(
        previous, sequence, entry_digest(hall_id, at, clerk_id, action, source, detail)
    )
