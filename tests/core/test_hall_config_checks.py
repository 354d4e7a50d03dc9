"""Impossible hall definitions are refused by the check alone, before any store is touched,
with an error that names what is wrong."""

from __future__ import annotations

import pytest

from shared.errors import Rejected
from shared.services.hall_config import check_definition, demo_definition
from tests.core.test_hall_config import broken


def _field(d: dict, business: str, list_name: str = "slip_fields") -> list:
    return next(b for b in d["businesses"] if b["key"] == business).setdefault(list_name, [])


IMPOSSIBLE = {
    "level-2 threshold below level-1": (
        lambda d: d.update(settings={"alert_level1": 3.0, "alert_level2": 2.0}),
        "alert_level2 must be above alert_level1",
    ),
    "a margin as large as level 1": (
        lambda d: d.update(settings={"alert_margin": 2.5}),
        "alert_margin must be at least 0 and below alert_level1",
    ),
    "a threshold that is not a number": (
        lambda d: d.update(settings={"alert_level1": "many"}),
        "alert_level1 must be a number",
    ),
    "an unknown setting": (lambda d: d.update(settings={"colour": "red"}), "unknown setting"),
    "a counter serving no queue": (
        lambda d: d["counters"][0].pop("queues"),
        "counter 1 serves no queue",
    ),
    "a counter serving an unknown queue": (
        lambda d: d["counters"][1].update(queues="AQ"),
        "counter 2 serves a queue that does not exist",
    ),
    "a business with no queue": (
        lambda d: d["businesses"][0].pop("queue"),
        "business topup has no queue",
    ),
    "a business with an unknown queue": (
        lambda d: d["businesses"][0].update(queue="Q"),
        "its queue 'Q' does not exist",
    ),
    "two counters share a number": (
        lambda d: d["counters"].append(dict(d["counters"][0])),
        "two counters share a number",
    ),
    "two businesses share a key": (
        lambda d: d["businesses"].append(dict(d["businesses"][0])),
        "two businesses share a key",
    ),
    "a customer listed twice": (
        lambda d: d["customers"].append(dict(d["customers"][0])),
        "is listed twice",
    ),
    "a slip field of an unknown kind": (
        lambda d: _field(d, "sim_replace")[0].update(kind="photo"),
        "sim_replace slip field name: kind must be one of",
    ),
    "a slip field defined twice": (
        lambda d: _field(d, "sim_replace").append(dict(_field(d, "sim_replace")[0])),
        "sim_replace slip field name is defined twice",
    ),
    "a choice with an empty list": (
        lambda d: _field(d, "sim_replace")[2].update(choices=[]),
        "a choice needs choices",
    ),
    "a choice listed twice": (
        lambda d: _field(d, "sim_replace")[2].update(choices=["lost", "lost"]),
        "a choice is listed twice",
    ),
    "a form field of an unknown kind": (
        lambda d: _field(d, "topup", "form_fields").append(
            {"key": "deposit", "label": "金额", "kind": "money"}
        ),
        "topup form field deposit: kind must be one of",
    ),
    "form fields that are not a list": (
        lambda d: next(b for b in d["businesses"] if b["key"] == "topup").update(
            form_fields="amount"
        ),
        "topup form fields must be a list",
    ),
    "required that is not true or false": (
        lambda d: _field(d, "sim_replace")[0].update(required="yes"),
        "required must be true or false",
    ),
    "a target wait of true": (
        lambda d: d["queues"][0].update(target_wait_s=True),
        "target_wait_s must be a positive whole number",
    ),
}


@pytest.mark.parametrize("case", sorted(IMPOSSIBLE))
def test_an_impossible_definition_is_refused_with_a_clear_error(case):
    change, reason = IMPOSSIBLE[case]
    with pytest.raises(Rejected, match=reason):
        check_definition(broken(change))


def test_the_demo_definition_passes_the_check():
    check_definition(demo_definition())
