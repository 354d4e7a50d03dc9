"""Sign-in: PINs are stored only as salted hashes; five wrong PINs lock the id for five
minutes; every attempt is in the audit log."""

import pytest
from sqlalchemy import select

from shared.errors import Rejected
from shared.services import audit
from shared.services.staff import hash_pin, pin_matches, sign_in
from shared.store.lookup import find_hall
from shared.store.models import Clerk


def test_a_pin_hash_is_salted_and_checks_only_its_pin():
    first, second = hash_pin("1234"), hash_pin("1234")
    assert first != second and "1234" not in first
    assert pin_matches("1234", first) and not pin_matches("1235", first)


def test_a_pin_must_be_four_to_eight_digits():
    with pytest.raises(Rejected, match="4 to 8 digits"):
        hash_pin("12a4")


@pytest.mark.parametrize("pin", ["١٢٣٤", "１２３４", "123456789", "123"])
def test_a_pin_is_four_to_eight_ascii_digits_only(pin):
    with pytest.raises(Rejected, match="a PIN is 4 to 8 digits"):
        hash_pin(pin)


def test_a_six_digit_pin_is_a_pin_and_a_hall_may_ask_for_six():
    assert pin_matches("135790", hash_pin("135790", 6))
    with pytest.raises(Rejected, match="a PIN is 6 to 8 digits"):
        hash_pin("13579", 6)


def test_the_right_pin_signs_in_and_is_audited(store, clock):
    clerk = sign_in(store, "demo", "E001", "1234", source="counter 1", clock=clock)
    assert (clerk.staff_id, clerk.role, clerk.leads) == ("E001", "clerk", False)
    with store.read() as session:
        actions = [entry.action for entry in audit.entries(session, find_hall(session, "demo").id)]
    assert actions == ["sign_in"]


def _attempt(store, clock, pin):
    with pytest.raises(Rejected) as refused:
        sign_in(store, "demo", "E002", pin, source="counter 2", clock=clock)
    return str(refused.value)


def test_five_wrong_pins_lock_the_id_for_five_minutes(store, clock):
    for _ in range(4):
        assert _attempt(store, clock, "0000") == "unknown staff id or wrong PIN"
    assert "locked for 5 minutes" in _attempt(store, clock, "0000")
    clock.advance(4 * 60 + 59)
    assert "is locked until" in _attempt(store, clock, "1234")  # even the right PIN
    clock.advance(1)
    assert sign_in(store, "demo", "E002", "1234", source="counter 2", clock=clock).name == "李娜"
    with store.read() as session:
        actions = [entry.action for entry in audit.entries(session, find_hall(session, "demo").id)]
        clerk = session.scalar(select(Clerk).where(Clerk.staff_id == "E002"))
    assert actions == ["sign_in_failed"] * 5 + ["locked_out", "sign_in_refused", "sign_in"]
    assert (clerk.failed_pins, clerk.locked_until) == (0, None)


def test_an_unknown_staff_id_is_refused_like_a_wrong_pin(store, clock):
    assert "unknown staff id or wrong PIN" in _attempt_unknown(store, clock)


def test_a_wrong_pin_says_the_very_words_an_unknown_id_gets_until_a_lock(store, clock):
    """Trying ids learns nothing: a known id's wrong PIN and an unknown id read alike."""
    unknown = _attempt_unknown(store, clock)
    for _ in range(4):
        assert _attempt(store, clock, "0000") == unknown
    assert _attempt(store, clock, "0000") == "wrong PIN; E002 is locked for 5 minutes"


def _attempt_unknown(store, clock):
    with pytest.raises(Rejected) as refused:
        sign_in(store, "demo", "X999", "1234", source="counter 1", clock=clock)
    return str(refused.value)
