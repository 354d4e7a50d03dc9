"""One customer's way through the kiosk, from the first tap to the ticket."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from shared.vocabulary import Tier


@dataclass
class Visit:
    phone: str | None = None
    tier: Tier = Tier.NORMAL
    business: str | None = None
    slip: dict[str, object] = field(default_factory=dict)
    # Confirmed at level 2: this customer cannot use self-service, so a ticket is theirs.
    cannot_self_serve: bool = False
    help_called: bool = False
    reprint: bool = False  # the number or code typed finds today's ticket, issues none
    # One key per thing asked for in this visit: asked again (no answer came, the customer
    # taps again), it is the same tap, and the hall answers with the ticket it issued.
    taps: dict[str, str] = field(default_factory=dict)

    def tap_for(self, asked: object) -> str:
        return self.taps.setdefault(repr(asked), uuid.uuid4().hex)
