"""Loading a hall's set-up: every impossible definition refused whole, reloading changes nothing,
and one store holding several halls."""

from __future__ import annotations

import copy
import json

import pytest

from shared.errors import Rejected
from shared.services.hall import HallService
from shared.services.hall_config import demo_definition, load_hall
from shared.services.staff import sign_in
from tests.core.test_cli import hallq
from tests.core.test_hall_actions import snapshot


def broken(change) -> dict:
    definition = copy.deepcopy(demo_definition())
    change(definition)
    return definition


BROKEN = {
    "no queues": (lambda d: d.update(queues=[]), "queues must be a non-empty list"),
    "two queues share a letter": (
        lambda d: d["queues"].append(dict(d["queues"][0])),
        "share a letter",
    ),
    "lower-case queue letter": (
        lambda d: d["queues"][0].update(letter="v"),
        "letter must be A to Z",
    ),
    "business of no queue": (lambda d: d["businesses"][0].update(queue="Z"), "does not exist"),
    "unknown class": (
        lambda d: d["businesses"][0].update({"class": "fast"}),
        "class must be one of",
    ),
    "counter serving nothing": (lambda d: d["counters"][0].update(queues=""), "serves no queue"),
    "counter serving a missing queue": (
        lambda d: d["counters"][0].update(queues="VZ"),
        "does not exist",
    ),
    "two clerks share an id": (
        lambda d: d["clerks"].append(dict(d["clerks"][0])),
        "share a staff id",
    ),
    "unknown role": (lambda d: d["clerks"][0].update(role="boss"), "role must be one of"),
    "customer phone": (lambda d: d["customers"][0].update(phone="12345"), "not a mobile number"),
    "choice without choices": (
        lambda d: d["businesses"][3]["slip_fields"][0].pop("choices"),
        "a choice needs choices",
    ),
    "impossible settings": (lambda d: d.update(settings={"alert_level2": 1.0}), "alert_level2"),
    "a PIN in other digits": (
        lambda d: d["clerks"][0].update(pin="١٢٣٤"),
        "clerk E001: a PIN is 4 to 8 digits",
    ),
    "a PIN shorter than the hall allows": (
        lambda d: (d.update(settings={"pin_min_length": 6}), d["clerks"][0].update(pin="1234")),
        "clerk E001: a PIN is 6 to 8 digits",
    ),
    "a PIN length the hall cannot have": (
        lambda d: d.update(settings={"pin_min_length": 9}),
        "pin_min_length must be from 4 to 8",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_an_impossible_hall_definition_is_refused_and_nothing_is_stored(store, case):
    change, reason = BROKEN[case]
    definition = broken(change)
    definition["code"] = "north"
    before = snapshot(store)
    with pytest.raises(Rejected, match=reason), store.write() as session:
        load_hall(session, definition)
    assert snapshot(store) == before


def test_a_hall_asking_six_digit_pins_takes_them_and_refuses_shorter_ones_set_later(store):
    definition = copy.deepcopy(demo_definition())
    definition["settings"] = {"pin_min_length": 6}
    for clerk in definition["clerks"]:
        clerk["pin"] = "246810"
    with store.write() as session:
        load_hall(session, definition)
    assert sign_in(store, "demo", "E001", "246810", source="test").staff_id == "E001"
    del definition["settings"]  # the stored setting still holds for a PIN set later
    definition["clerks"][1]["pin"] = "4321"
    before = snapshot(store)
    with pytest.raises(Rejected, match="clerk E002: a PIN is 6 to 8 digits"), store.write() as s:
        load_hall(s, definition)
    assert snapshot(store) == before


def test_loading_the_same_definition_again_changes_nothing(store):
    before = snapshot(store)
    with store.write() as session:
        load_hall(session, demo_definition())
    assert snapshot(store) == before


@pytest.mark.slow
def test_a_store_holds_several_halls_each_with_its_own_numbers(
    store, clock, tmp_path, store_target
):
    north = {**demo_definition(), "code": "north", "name": "北区营业厅"}
    definition = tmp_path / "north.json"
    definition.write_text(json.dumps(north, ensure_ascii=False), encoding="utf-8")
    loaded = hallq("hall", "load", str(definition), db=store_target)
    assert loaded.returncode == 0, loaded.stderr
    assert HallService(store, "demo", clock).issue("topup").ticket == "A001"
    assert HallService(store, "north", clock).issue("topup").ticket == "A001"
    ambiguous = hallq("status", db=store_target)
    assert ambiguous.returncode == 1 and "several halls" in ambiguous.stderr
    assert hallq("--hall", "north", "status", db=store_target).returncode == 0


def test_a_hall_file_that_is_not_json_is_a_clear_error(store_target, tmp_path):
    bad = tmp_path / "hall.json"
    bad.write_text("{ not json", encoding="utf-8")
    done = hallq("hall", "load", str(bad), db=store_target)
    assert done.returncode == 1 and "is not valid JSON" in done.stderr
    assert done.stderr.count("\n") == 1
