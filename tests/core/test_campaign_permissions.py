"""Who may run campaigns, see and record offers, log complaints and handle cases: each
refused act names why and stores nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from shared.errors import Forbidden, Rejected
from shared.rules.permissions import Actor
from shared.services.campaigns import (
    add_campaign,
    campaign_report,
    import_special_list,
    import_targets,
)
from shared.services.cases import (
    assign_callback,
    case_report,
    close_case,
    list_cases,
    log_complaint,
)
from shared.services.hall import HallService
from shared.services.offers import offer_at_counter, record_offer
from shared.store.clock import FixedClock
from shared.store.database import Store
from shared.vocabulary import DeviceKind
from tests.core.test_campaign_month import actor
from tests.core.test_hall_actions import snapshot

DAY = dt.date(2026, 11, 23)


@pytest.fixture
def served(store: Store) -> tuple[Store, FixedClock]:
    """Counter 3's clerk has called 13700000001, a target of campaign 5G; A001 was
    finished by the clerk at counter 4."""
    clock = FixedClock(dt.datetime.combine(DAY, dt.time(9)))
    hall = HallService(store, "demo", clock)
    add_campaign(
        store, "demo", None, name="5G", business="plan_change",
        starts_on=DAY, ends_on=DAY, clock=clock,
    )  # fmt: skip
    import_targets(store, "demo", None, "5G", b"13700000001,,Ask\n", file_name="t", clock=clock)
    hall.open_counter(4, "E004")
    hall.issue("topup")
    hall.call(4)
    hall.finish(4)
    hall.open_counter(3, "E003")
    hall.issue("topup", phone="13700000001")
    hall.call(3)
    return store, clock


def test_a_clerk_sees_and_records_the_offer_only_at_her_own_counter(served) -> None:
    store, clock = served
    at_3, at_4 = actor(store, "E003", 3), actor(store, "E004", 4)
    shown = offer_at_counter(store, "demo", at_3, 3, clock=clock)
    assert shown is not None and (shown.campaign, shown.script) == ("5G", "Ask")
    before = snapshot(store)
    with pytest.raises(Forbidden, match="signed in at counter 4, not counter 3"):
        offer_at_counter(store, "demo", at_4, 3, clock=clock)
    with pytest.raises(Forbidden):
        record_offer(store, "demo", at_4, 3, campaign="5G", outcome="offered", clock=clock)
    screen = Actor(
        hall_id=at_3.hall_id, name="screen-3", device_kind=DeviceKind.CUSTOMER_SCREEN, counter=3
    )
    with pytest.raises(Forbidden, match="may not serve at a counter"):
        record_offer(store, "demo", screen, 3, campaign="5G", outcome="offered", clock=clock)
    assert snapshot(store) == before


def test_an_offer_not_made_needs_a_reason_and_a_made_one_takes_none(served) -> None:
    store, clock = served
    at_3 = actor(store, "E003", 3)
    before = snapshot(store)
    for outcome, reason, why in (
        ("not_offered", None, "needs a reason"),
        ("declined", "upset", "takes none"),
        ("not_offered", "bored", "unknown reason 'bored'"),
        ("maybe", None, "unknown offer outcome 'maybe'"),
    ):
        with pytest.raises(Rejected, match=why):
            record_offer(
                store, "demo", at_3, 3, campaign="5G", outcome=outcome, reason=reason, clock=clock
            )
    with pytest.raises(Rejected, match="no open offer of campaign 'other'"):
        record_offer(store, "demo", at_3, 3, campaign="other", outcome="offered", clock=clock)
    assert snapshot(store) == before


def test_only_a_lead_or_an_administrator_runs_campaigns_and_handles_cases(served) -> None:
    store, _ = served
    clerk, lead = actor(store, "E003", 3), actor(store, "M001")
    before = snapshot(store)
    refused = [
        lambda who: add_campaign(
            store, "demo", who, name="x", business="topup", starts_on=DAY, ends_on=DAY
        ),
        lambda who: import_targets(store, "demo", who, "5G", b"13700000002\n", file_name="t"),
        lambda who: import_special_list(
            store, "demo", who, "blacklist", b"13700000002\n", file_name="b"
        ),
        lambda who: campaign_report(store, "demo", who),
        lambda who: list_cases(store, "demo", who),
        lambda who: assign_callback(store, "demo", who, 1, "E001"),
        lambda who: close_case(store, "demo", who, 1),
        lambda who: case_report(store, "demo", who, DAY, DAY),
    ]
    for act in refused:
        with pytest.raises(Forbidden, match="E003 \\(clerk\\) may not"):
            act(clerk)
    assert snapshot(store) == before
    assert [row.clerk for row in campaign_report(store, "demo", lead)] == [None, "E003"]


def test_a_clerk_logs_a_complaint_only_about_a_customer_she_served(served) -> None:
    store, clock = served
    clerk_3, clerk_4, lead = actor(store, "E003", 3), actor(store, "E004", 4), actor(store, "M001")
    before = snapshot(store)
    with pytest.raises(Rejected, match="E003 did not serve A001"):
        log_complaint(store, "demo", clerk_3, "A001", note="rude", clock=clock)
    with pytest.raises(Rejected, match="no ticket A009 on 2026-11-23"):
        log_complaint(store, "demo", lead, "A009", note="rude", clock=clock)
    with pytest.raises(Rejected, match="note is 1 to 200"):
        log_complaint(store, "demo", clerk_4, "A001", note="  ", clock=clock)
    assert snapshot(store) == before
    case = log_complaint(store, "demo", clerk_4, "A001", note="等候太久", clock=clock)
    assert (case.clerk, case.reason) == ("E004", "complaint")
    with pytest.raises(Rejected, match="already has case 1 for complaint"):
        log_complaint(store, "demo", lead, "A001", note="again", clock=clock)
