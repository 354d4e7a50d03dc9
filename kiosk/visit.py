"""One customer's way through the kiosk, from the first tap to the ticket."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Visit:
    phone: str | None = None
    tier: str = "normal"
    business: str | None = None
    slip: dict[str, object] = field(default_factory=dict)
