"""A counter takes a slip only when it is genuine, today's, unused and the served ticket's."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from shared.errors import Rejected
from shared.rules.slip_codes import read_slip_code, slip_code
from shared.services.slip_use import take_slip
from shared.store.lookup import find_hall
from shared.store.models import Slip
from tests.core.test_hall_actions import snapshot

PLAN = {"new_plan": "5G智享 168元", "effective": "次月生效"}


@pytest.fixture
def served(hall):
    """Counter 2 serving A001, which carries a slip; A002 waits with another slip."""
    first = hall.issue("plan_change", phone="13812345678", slip=PLAN)
    second = hall.issue("plan_change", slip={"new_plan": "4G飞享 38元", "effective": "立即生效"})
    hall.open_counter(2, "E002")
    assert hall.call(2).ticket == "A001"
    return first.slip_code, second.slip_code


def test_a_genuine_slip_fills_the_form_and_is_marked_used_by_the_clerk(served, store, clock):
    taken = take_slip(store, "demo", 2, served[0] + "\n", clock)
    assert (taken.ticket, taken.business, taken.fields) == ("A001", "plan_change", PLAN)
    with store.read() as session:
        slip = session.scalars(select(Slip).order_by(Slip.id)).first()
    assert slip.used_at == clock.now() and slip.used_by is not None


def _other_day(store, code: str) -> str:
    with store.read() as session:
        secret = find_hall(session, "demo").secret
    read = read_slip_code(code)
    return slip_code(secret, "demo", read.slip_id, read.business_day - dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda store, codes: "hello world", "not a hallq slip code"),
        (lambda store, codes: codes[0][:-1] + ("0" if codes[0][-1] != "0" else "1"), "forged"),
        (lambda store, codes: codes[0].replace("-1-", "-2-", 1), "forged or altered"),
        (lambda store, codes: codes[0].replace("-demo-", "-other-"), "another hall"),
        (lambda store, codes: _other_day(store, codes[0]), "from 2026-11-22"),
        (lambda store, codes: codes[1], "belongs to ticket A002, not A001"),
    ],
    ids=["not a code", "forged mac", "altered id", "other hall", "other day", "other ticket"],
)
def test_a_bad_slip_is_refused_clearly_and_stores_nothing(served, store, clock, make, message):
    scanned = make(store, served)
    before = snapshot(store)
    with pytest.raises(Rejected, match=message):
        take_slip(store, "demo", 2, scanned, clock)
    assert snapshot(store) == before


def test_a_slip_is_taken_once(served, store, clock):
    take_slip(store, "demo", 2, served[0], clock)
    before = snapshot(store)
    with pytest.raises(Rejected, match="already used at 08:30 by E002"):
        take_slip(store, "demo", 2, served[0], clock)
    assert snapshot(store) == before


def test_a_slip_at_a_counter_serving_no_one_is_refused(hall, store, clock):
    code = hall.issue("plan_change", slip=PLAN).slip_code
    hall.open_counter(3, "E003")
    with pytest.raises(Rejected, match="serving no ticket; call A001 first"):
        take_slip(store, "demo", 3, code, clock)
