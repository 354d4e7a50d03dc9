"""A slip's QR code names the slip, carries nothing personal, and cannot be forged."""

import datetime as dt

import pytest
from sqlalchemy import select

from shared.errors import Rejected
from shared.rules.slip_codes import read_slip_code, slip_code, verified
from shared.store.lookup import find_hall
from shared.store.models import Slip

DAY = dt.date(2026, 11, 23)
SLIP = {"name": "张三", "id_number": "11010519491231002X", "reason": "丢失"}


def test_a_ticket_with_a_slip_gets_one_slip_row_and_a_verifiable_code(hall, store):
    issued = hall.issue("sim_replace", slip=SLIP)
    code = read_slip_code(issued.slip_code)
    with store.read() as session:
        secret = find_hall(session, "demo").secret
        (slip,) = session.scalars(select(Slip)).all()
    assert (code.hall_code, code.slip_id, code.business_day) == ("demo", slip.id, DAY)
    assert verified(code, secret)
    assert "11010519491231002X" not in issued.slip_code and "张三" not in issued.slip_code


def test_a_ticket_without_a_slip_has_no_code(hall):
    assert hall.issue("topup").slip_code is None


@pytest.mark.parametrize(
    "altered",
    [
        lambda code: code.replace("-demo-", "-dema-"),
        lambda code: code.replace("-42-", "-43-"),
        lambda code: code.replace("-20261123-", "-20261124-"),
        lambda code: code[:-1] + ("0" if code[-1] != "0" else "1"),
    ],
    ids=["hall", "slip id", "day", "mac"],
)
def test_altering_any_part_of_the_code_fails_verification(altered):
    good = slip_code("s3cret", "demo", 42, DAY)
    assert verified(read_slip_code(good), "s3cret")
    assert not verified(read_slip_code(altered(good)), "s3cret")


def test_a_code_made_with_another_secret_is_not_verified():
    assert not verified(read_slip_code(slip_code("other", "demo", 1, DAY)), "s3cret")


@pytest.mark.parametrize(
    "text", ["", "A012", "HQS1-demo-1-20261323-" + "0" * 20, "HQS1-demo-x-1-2"]
)
def test_text_that_is_not_a_slip_code_is_refused_clearly(text):
    with pytest.raises(Rejected, match="slip code"):
        read_slip_code(text)
