"""Free text that looks like it holds personal data: a transaction's notes are printed on the
service form as typed, unmasked, so the counter warns a clerk who writes a customer's
mobile number or resident ID there."""

from __future__ import annotations

import re
import unicodedata

MOBILE = "mobile"
RESIDENT_ID = "resident_id"

# ASCII digits only ([0-9], not \d, which would also read other scripts' digits). A mainland
# mobile number is 1 and ten digits, also written 3-4-4 with spaces or hyphens; a resident
# ID is 17 digits and a check digit or X. Neither inside a longer run of digits or letters.
_PATTERNS = (
    (MOBILE, re.compile(r"(?<![0-9A-Za-z])1[0-9]{2}[ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9A-Za-z])")),
    (RESIDENT_ID, re.compile(r"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")),
)


def personal_data_in(text: str) -> tuple[str, ...]:
    """The kinds of personal data `text` seems to hold (MOBILE, RESIDENT_ID), none if clean.
    Full-width digits, which a Chinese input method types, are read as the digits they are."""
    plain = unicodedata.normalize("NFKC", text)
    return tuple(kind for kind, pattern in _PATTERNS if pattern.search(plain))
