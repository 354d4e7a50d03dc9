"""The offer at the counter through the hall server, for a program signed in at the counter
(call off the GUI thread): the one campaign to offer the customer called there, and the
clerk's record of what came of it."""

from __future__ import annotations

from shared.client import http
from shared.client.decoding import decode
from shared.client.http import ServerAddress
from shared.services.lead_service import LeadService
from shared.services.offers import CustomerAtCounter, OfferShown


def read_offer(address: ServerAddress, key: str, counter: int) -> OfferShown | None:
    """The offer for the customer called to `counter`, or None when there is none."""
    answer = http.request(address, "GET", f"/api/counters/{counter}/offer", key)
    shown = answer.get("offer") if isinstance(answer, dict) else None
    return None if shown is None else decode(OfferShown, shown)


def record_offer(
    address: ServerAddress,
    key: str,
    counter: int,
    campaign: str,
    outcome: str,
    reason: str | None = None,
) -> None:
    """Record offered, accepted, declined, or not_offered with its reason."""
    body: dict[str, object] = {"campaign": campaign, "outcome": outcome}
    if reason is not None:
        body["reason"] = reason
    http.request(address, "POST", f"/api/counters/{counter}/offer", key, body)


def read_customer(address: ServerAddress, key: str, counter: int) -> CustomerAtCounter:
    """What the clerk at `counter` is told of the customer she called."""
    answer = http.request(address, "GET", f"/api/counters/{counter}/offer", key)
    return customer_at_counter_of(answer)


def customer_at_counter_of(answer: object) -> CustomerAtCounter:
    return decode(CustomerAtCounter, answer)


def lead_service_of(answer: object) -> LeadService:
    return decode(LeadService, answer)
