"""The counter's typed number, the care mark, flagged customers on the lead's list, and a
campaign's value and revenue: each refused act names why and stores nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from shared.errors import Forbidden, Rejected
from shared.services.campaigns import add_campaign, import_special_list, import_targets
from shared.services.customer_flags import acknowledge_flag
from shared.services.hall import HallService
from shared.services.lead_service import read_lead_service
from shared.services.offers import customer_at_counter, give_number, record_offer
from shared.store.clock import FixedClock
from shared.store.database import Store
from tests.core.test_campaign_month import actor
from tests.core.test_hall_actions import snapshot

DAY = dt.date(2026, 11, 23)
TARGET, CARE = "13700000001", "13700000002"


@pytest.fixture
def hall(store: Store) -> tuple[HallService, FixedClock]:
    clock = FixedClock(dt.datetime.combine(DAY, dt.time(9)))
    add_campaign(
        store, "demo", None, name="5G", business="plan_change",
        starts_on=DAY, ends_on=DAY, value=25, clock=clock,
    )  # fmt: skip
    targets = f"{TARGET},,Ask\n{CARE},,Ask\n".encode()
    import_targets(store, "demo", None, "5G", targets, file_name="t", clock=clock)
    import_special_list(
        store, "demo", None, "sensitive_complaint", f"{CARE}\n".encode(), file_name="s",
        clock=clock,
    )  # fmt: skip
    hall = HallService(store, "demo", clock)
    hall.open_counter(3, "E003")
    return hall, clock


def test_a_campaigns_value_is_whole_yuan_within_bounds(store: Store) -> None:
    for value in (-1, 100_001):
        before = snapshot(store)
        with pytest.raises(Rejected, match="0 to 100000 yuan"):
            add_campaign(
                store, "demo", None, name="x", business="topup",
                starts_on=DAY, ends_on=DAY, value=value,
            )  # fmt: skip
        assert snapshot(store) == before


def test_a_typed_number_is_checked_kept_and_shows_the_offer(store: Store, hall) -> None:
    service, clock = hall
    clerk = actor(store, "E003", 3)
    service.issue("topup")
    service.call(3)
    told = customer_at_counter(store, "demo", clerk, 3, clock=clock)
    assert (told.known, told.care, told.offer) == (False, False, None)
    before = snapshot(store)
    with pytest.raises(Rejected, match="not a mobile number"):
        give_number(store, "demo", clerk, 3, "12345", clock=clock)
    with pytest.raises(Forbidden):
        give_number(store, "demo", actor(store, "E004", 4), 3, TARGET, clock=clock)
    assert snapshot(store) == before
    assert give_number(store, "demo", clerk, 3, f"+86 {TARGET}", clock=clock) == "A001"
    told = customer_at_counter(store, "demo", clerk, 3, clock=clock)
    assert told.known and told.offer is not None and told.offer.campaign == "5G"
    with pytest.raises(Rejected, match="known already"):
        give_number(store, "demo", clerk, 3, CARE, clock=clock)
    record_offer(store, "demo", clerk, 3, campaign="5G", outcome="accepted", clock=clock)
    lead = actor(store, "M001")
    [row] = read_lead_service(store, "demo", lead, clock.now()).feedback
    assert (row.accepted, row.value, row.revenue) == (1, 25, 25)


def test_a_flagged_customer_is_a_mark_for_the_clerk_and_a_flag_for_the_lead(
    store: Store, hall
) -> None:
    service, clock = hall
    clerk, lead = actor(store, "E003", 3), actor(store, "M001")
    issued = service.issue("topup", phone=CARE)
    service.call(3)
    told = customer_at_counter(store, "demo", clerk, 3, clock=clock)
    assert (told.care, told.offer) == (True, None)  # on a list: no offer either
    [flag] = read_lead_service(store, "demo", lead, clock.now()).flags
    assert (flag.ticket, flag.list, flag.acknowledged_by) == (
        issued.ticket, "sensitive_complaint", None,
    )  # fmt: skip
    before = snapshot(store)
    with pytest.raises(Forbidden):
        acknowledge_flag(store, "demo", clerk, issued.ticket, clock=clock)
    with pytest.raises(Forbidden):
        read_lead_service(store, "demo", clerk, clock.now())
    with pytest.raises(Rejected, match="not flagged"):
        acknowledge_flag(store, "demo", lead, "A999", clock=clock)
    assert snapshot(store) == before
    clock.advance(60)
    seen = acknowledge_flag(store, "demo", lead, issued.ticket, clock=clock)
    assert (seen.acknowledged_by, seen.acknowledged_at) == ("M001", clock.now())
    with pytest.raises(Rejected, match="acknowledged by M001"):
        acknowledge_flag(store, "demo", lead, issued.ticket, clock=clock)
