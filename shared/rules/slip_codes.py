"""The QR code on a pre-processing slip: the slip's id and an HMAC under the hall's secret.

Nothing personal is in it. A USB scanner types it like a keyboard, so it is plain ASCII:
`HQS1-<hall code>-<slip id>-<YYYYMMDD>-<mac>`. The counter trusts the fields only after
`verified()` recomputes the MAC with the hall's secret.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from dataclasses import dataclass

from shared.errors import Rejected

PREFIX = "HQS1"
_MAC_HEX = 20  # 80 bits: far beyond guessing at a counter, short enough for a small QR
_SHAPE = re.compile(
    rf"{PREFIX}-(?P<hall>[^\s]{{1,32}})-(?P<slip>\d{{1,12}})-(?P<day>\d{{8}})-(?P<mac>[0-9a-f]{{{_MAC_HEX}}})"
)


@dataclass(frozen=True)
class SlipCode:
    hall_code: str
    slip_id: int
    business_day: dt.date
    mac: str


def _mac(secret: str, hall_code: str, slip_id: int, day: dt.date) -> str:
    message = f"{hall_code}|{slip_id}|{day:%Y%m%d}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:_MAC_HEX]


def slip_code(secret: str, hall_code: str, slip_id: int, day: dt.date) -> str:
    return f"{PREFIX}-{hall_code}-{slip_id}-{day:%Y%m%d}-{_mac(secret, hall_code, slip_id, day)}"


def read_slip_code(text: str) -> SlipCode:
    """Parse what the scanner typed; Rejected when it is not a hallq slip code at all."""
    match = _SHAPE.fullmatch(text.strip())
    if match is None:
        raise Rejected("this is not a hallq slip code; scan the QR code on the slip again")
    try:
        day = dt.datetime.strptime(match["day"], "%Y%m%d").date()
    except ValueError as error:
        raise Rejected("the slip code's date is not a real date") from error
    return SlipCode(match["hall"], int(match["slip"]), day, match["mac"])


def verified(code: SlipCode, secret: str) -> bool:
    """True only when the code was made with this hall's secret and not altered."""
    expected = _mac(secret, code.hall_code, code.slip_id, code.business_day)
    return hmac.compare_digest(expected, code.mac)
