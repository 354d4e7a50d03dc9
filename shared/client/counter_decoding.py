"""The counter's view rebuilt from the server's JSON. The slip a customer filled in at the
kiosk is free-form (its fields are whatever the business's form defines), so it is taken
as the JSON object it is; every other field is decoded by its type, as the board's are."""

from __future__ import annotations

import dataclasses
from typing import Any

from shared.client.decoding import Undecodable, decode
from shared.views.counter import CounterView


def counter_view_of(value: Any) -> CounterView:
    """`value` (the answer of GET /api/counters/N) as a CounterView, or Undecodable."""
    if not isinstance(value, dict):
        raise Undecodable("CounterView: not an object")
    serving = value.get("serving")
    if not isinstance(serving, dict):
        return decode(CounterView, value)
    slip = serving.get("slip", {})
    if not isinstance(slip, dict):
        raise Undecodable("CounterView.serving.slip: not an object")
    view = decode(CounterView, {**value, "serving": {**serving, "slip": {}}})
    assert view.serving is not None
    return dataclasses.replace(view, serving=dataclasses.replace(view.serving, slip=dict(slip)))
