"""The counter's view a workstation rebuilds from the server's JSON equals the one read from
the store, the customer's free-form slip included; one that does not fit is refused."""

from __future__ import annotations

import json

import pytest

from shared.client.counter_decoding import counter_view_of
from shared.client.decoding import Undecodable
from shared.server.encoding import to_json
from shared.views.counter import counter_view

SIM = {"name": "张三丰", "id_number": "11010519491231002X", "reason": "丢失"}


def _over_the_wire(value: object) -> object:
    return json.loads(json.dumps(to_json(value)))


def test_a_counter_serving_a_ticket_with_a_slip_reads_the_same_from_the_json(hall, clock):
    hall.open_counter(2, "E002")
    hall.issue("sim_replace", phone="13812345678", slip=SIM)
    clock.advance(90)
    hall.call(2)
    view = counter_view(hall.store, "demo", 2, "E002", clock.now())
    assert view.serving is not None and view.serving.slip == SIM and view.figures is not None
    assert counter_view_of(_over_the_wire(view)) == view


def test_a_closed_counter_reads_the_same_and_a_bad_answer_names_the_field(hall, clock):
    view = counter_view(hall.store, "demo", 2, "E002", clock.now())
    assert view.serving is None
    assert counter_view_of(_over_the_wire(view)) == view
    wire = _over_the_wire(view)
    assert isinstance(wire, dict)
    with pytest.raises(Undecodable, match=r"CounterView\.state: 'sleeping'"):
        counter_view_of({**wire, "state": "sleeping"})
    with pytest.raises(Undecodable, match=r"slip: not an object"):
        counter_view_of({**wire, "serving": {"slip": "a picture"}})
    with pytest.raises(Undecodable, match="not an object"):
        counter_view_of(["not", "a", "view"])
