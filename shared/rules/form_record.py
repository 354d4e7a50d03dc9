"""What a service form's link in the hall's hash chain covers, as one canonical record.

chain_hash(n) = SHA-256(chain_hash(n-1) | n | record_sha256(n)), from 64 zeros, where the
record names the hall, the ticket and its day, the counter, the clerk, when the form was
made, whether it was signed, each business done with its outcome, the PDF's SHA-256 and a
digest of the personal fields (the customer's mobile, the pen strokes, a decline reason).
That digest is salted with a random value kept on the form and erased by the retention
purge with the fields themselves: until then a changed personal field is found; afterwards
no one can tell from the digest what the fields were.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence

GENESIS = "0" * 64
CHAINED = "record"  # how an anchor in the audit log says it holds a record chain's hash


def chain_link(previous: str, sequence: int, record_sha256: str) -> str:
    return hashlib.sha256(f"{previous}|{sequence}|{record_sha256}".encode()).hexdigest()


def _canonical(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def personal_digest(salt: str, phone: str | None, decline_reason: str, strokes: object) -> str:
    """SHA-256 of the salt and the form's personal fields."""
    fields = {"customer": phone or "", "decline_reason": decline_reason, "strokes": strokes}
    return hashlib.sha256(salt.encode() + b"|" + _canonical(fields)).hexdigest()


def record_digest(
    *,
    hall: str,
    sequence: int,
    ticket: str,
    business_day: dt.date,
    counter: int,
    clerk: str,
    created_at: dt.datetime,
    signed: bool,
    businesses: Sequence[tuple[str, str]],
    pdf_sha256: str,
    personal_sha256: str,
) -> str:
    """SHA-256 of the form's record; `businesses` is (business key, outcome) in order."""
    record = {
        "hall": hall,
        "sequence": sequence,
        "ticket": ticket,
        "business_day": business_day.isoformat(),
        "counter": counter,
        "clerk": clerk,
        "created_at": created_at.isoformat(),
        "signed": bool(signed),
        "businesses": [
            [key, str(getattr(outcome, "value", outcome))] for key, outcome in businesses
        ],
        "pdf_sha256": pdf_sha256,
        "personal_sha256": personal_sha256,
    }
    return hashlib.sha256(_canonical(record)).hexdigest()
