"""One customer's way through the kiosk, from the first tap to the ticket."""

from __future__ import annotations

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
