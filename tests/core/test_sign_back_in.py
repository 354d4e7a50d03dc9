"""A clerk whose workstation died signs back in to the counter as it stood, called ticket
and all; nobody else can take over a counter that is still open."""

import pytest

from shared.errors import Rejected
from tests.core.test_hall_actions import snapshot, ticket_row


def test_a_clerk_signing_back_in_gets_the_ticket_still_called_to_the_counter(hall, clock, store):
    hall.open_counter(2, "E002")
    hall.issue("topup")
    clock.advance(30)
    called = hall.call(2).ticket
    before = snapshot(store)
    clock.advance(30)
    assert hall.open_counter(2, "E002").ticket == called
    assert snapshot(store) == before
    clock.advance(30)
    assert hall.finish(2).ticket == called
    assert ticket_row(store, called).status == "finished"


def test_signing_back_in_to_an_open_counter_with_no_ticket_keeps_it_open(hall, store):
    hall.open_counter(2, "E002")
    before = snapshot(store)
    assert hall.open_counter(2, "E002").ticket is None
    assert snapshot(store) == before


def test_another_clerk_cannot_open_a_counter_still_open(hall, clock, store):
    hall.open_counter(2, "E002")
    hall.issue("topup")
    hall.call(2)
    before = snapshot(store)
    with pytest.raises(Rejected, match="counter 2 is already open"):
        hall.open_counter(2, "E003")
    assert snapshot(store) == before
