"""Hostile input from every way in (replay lines, slip fields, settings, hall definitions,
command arguments): each gets a clear refusal, never a traceback, and the store is left
exactly as it was. Runs on both stores: PostgreSQL refuses more than SQLite does."""

from __future__ import annotations

import contextlib
import copy
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared.cli import main as cli
from shared.errors import Rejected
from shared.rules.hall_settings import SETTING_NAMES
from shared.services.hall_config import check_definition, demo_definition, load_hall
from shared.services.replay import replay
from shared.services.settings import load_settings
from shared.services.slips import check_slip
from shared.store.lookup import find_business, find_hall
from tests.core.test_hall_actions import snapshot

AT = "2026-11-23T09:00:00"
STORE_EXAMPLES = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Values that break stores and parsers rather than rules: NUL and other control characters,
# lone surrogates, integers past any column, non-finite floats, deep nesting.
hostile_text = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["\x00", "E00\x002", "\ud800", "A\udcff", "\x1b[2J", "", " ", "９", "Ａ"]),
)
hostile_numbers = st.one_of(
    st.integers(),
    st.sampled_from([2**31, 2**63, -(2**63) - 1, 10**30]),
    st.floats(),  # NaN and the infinities included
)
hostile_scalars = st.one_of(st.none(), st.booleans(), hostile_numbers, hostile_text)
hostile_values = st.recursive(
    hostile_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=8,
)


def _rejected_cleanly(error: BaseException) -> bool:
    return isinstance(error, Rejected) and bool(error.message.strip())


# ----- replay lines -----

replay_ops = st.sampled_from(
    ["open", "issue", "call", "recall", "no_show", "transfer", "finish", "rate", "pause"]
)
field_names = st.sampled_from(
    [
        "counter",
        "clerk",
        "business",
        "queue",
        "rating",
        "phone",
        "tier",
        "slip",
        "queues",
        "recommended",
        "reason",
    ]
)
hostile_events = st.fixed_dictionaries(
    {"op": replay_ops, "at": st.one_of(st.just(AT), hostile_text)}
).flatmap(
    lambda base: st.dictionaries(field_names, hostile_values, min_size=1, max_size=3).map(
        lambda fields: {**base, **fields}
    )
)


def _json_line(event: dict) -> str:
    return json.dumps(event, allow_nan=True)


@STORE_EXAMPLES
@given(line=st.one_of(hostile_events.map(_json_line), st.sampled_from(["[" * 50_000, "NaN"])))
@pytest.mark.slow
def test_a_hostile_replay_line_is_refused_with_a_reason_and_stores_nothing(store, line):
    before = snapshot(store)
    (result,) = list(replay(store, "demo", [line]))
    if result["ok"] is False:
        assert isinstance(result["error"], str) and result["error"].strip()
        assert snapshot(store) == before


# ----- slip fields -----

slip_businesses = st.sampled_from(["sim_replace", "new_account", "plan_change", "topup"])


@given(business=slip_businesses, slip=hostile_values)
@settings(max_examples=300, deadline=None)
def test_any_slip_is_either_accepted_as_given_or_refused_with_a_reason(module_demo, business, slip):
    try:
        assert check_slip(module_demo[business], slip) == slip
    except Rejected as rejection:
        assert _rejected_cleanly(rejection)


@STORE_EXAMPLES
@given(business=slip_businesses, slip=st.dictionaries(hostile_text, hostile_values, max_size=4))
def test_a_ticket_with_a_refused_slip_stores_nothing(hall, store, business, slip):
    before = snapshot(store)
    try:
        hall.issue(business, slip=slip)
    except Rejected as rejection:
        assert _rejected_cleanly(rejection)
        assert snapshot(store) == before


@pytest.fixture(scope="module")
def module_demo(module_store_target):
    """The demo hall's businesses, read once (check_slip needs no session)."""
    from shared.store.database import open_store

    store = open_store(module_store_target)
    with store.write() as session:
        load_hall(session, demo_definition())
    with store.read() as session:
        hall = find_hall(session, "demo")
        businesses = {
            key: find_business(session, hall, key)
            for key in ("sim_replace", "new_account", "plan_change", "topup")
        }
    store.close()
    return businesses


# ----- settings and command arguments, through hallq itself -----


def run_hallq(store_target: str, *argv: str) -> int:
    """`hallq` in this process: its exit status, a usage error being 2, never an exception."""
    with (
        contextlib.redirect_stderr(io.StringIO()),
        contextlib.redirect_stdout(io.StringIO()) as out,
    ):
        try:
            return cli.main(["--db", store_target, *argv], out)
        except SystemExit as usage:  # argparse: a usage error (2) or --help (0)
            return int(usage.code or 0)


setting_names = st.one_of(st.sampled_from(SETTING_NAMES), hostile_text)
setting_values = st.one_of(
    hostile_text,
    st.sampled_from(["nan", "inf", "-inf", "1e400", "9" * 5000, "0", "-1", "true", "2.5"]),
    hostile_numbers.map(str),
)


@STORE_EXAMPLES
@given(name=setting_names, value=setting_values)
@pytest.mark.slow
def test_a_settings_change_is_stored_valid_or_refused_whole(store, store_target, name, value):
    before = snapshot(store)
    status = run_hallq(store_target, "settings", f"{name}={value}", "alert_margin=0.5")
    assert status in (0, 1, 2)  # 2: a name such as "-" reads as an option, a usage error
    if status != 0:
        assert snapshot(store) == before
    with store.read() as session:
        load_settings(session, find_hall(session, "demo").id).validate()


# Not "demo": it opens the three programs and plays a whole day (tests/core/test_demo.py).
command_words = st.sampled_from(
    [
        "status",
        "metrics",
        "queues",
        "alerts",
        "ack",
        "settings",
        "hall",
        "load",
        "replay",
        "--json",
        "--date",
        "--clerk",
        "--hall",
        "E001",
        "E008",
        "2026-11-23",
        "2026-02-30",
        "alert_level1=3",
        "x=1",
        "/nonexistent/day.jsonl",
        "-x",
        "--",
    ]
)


@STORE_EXAMPLES
@given(argv=st.lists(st.one_of(command_words, hostile_text), min_size=1, max_size=5))
def test_any_command_line_ends_in_an_exit_status_and_a_refusal_stores_nothing(
    store, store_target, argv
):
    before = snapshot(store)
    status = run_hallq(store_target, *argv)
    assert status in (0, 1, 2)
    if status != 0:
        assert snapshot(store) == before


# ----- hall definitions -----


def _paths(value: object, path: tuple = ()) -> list[tuple]:
    """Every place in a definition a value could be replaced."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


DEMO_PATHS = _paths(demo_definition())[1:]


def _replaced(path: tuple, value: object) -> dict:
    definition = copy.deepcopy(demo_definition())
    definition["code"] = "north"
    place = definition
    for step in path[:-1]:
        place = place[step]
    place[path[-1]] = value
    return definition


@STORE_EXAMPLES
@given(path=st.sampled_from(DEMO_PATHS), value=hostile_values)
@pytest.mark.slow
def test_a_broken_hall_definition_is_refused_whole(store, path, value):
    definition = _replaced(path, value)
    before = snapshot(store)
    try:
        check_definition(definition)
    except Rejected as rejection:
        assert _rejected_cleanly(rejection)
        with pytest.raises(Rejected), store.write() as session:
            load_hall(session, definition)
        assert snapshot(store) == before
        return
    with store.write() as session:  # a definition the check passes must load
        load_hall(session, definition)


# ----- scanned slip codes -----

SLIP = {"name": "张三", "id_number": "11010519491231002X", "reason": "丢失"}


@pytest.fixture
def counter_with_a_slip(hall):
    hall.open_counter(4, "E004")
    code = hall.issue("sim_replace", slip=SLIP).slip_code
    hall.call(4)
    return code


@STORE_EXAMPLES
@given(
    scanned=st.one_of(
        hostile_text,
        st.builds(lambda head, tail: f"HQS1-{head}-{tail}", hostile_text, hostile_text),
    ),
    cut=st.integers(min_value=0, max_value=60),
    junk=hostile_text,
)
def test_a_scanned_code_that_is_not_the_genuine_slip_is_refused_and_stores_nothing(
    store, counter_with_a_slip, scanned, cut, junk
):
    from shared.services.slip_use import take_slip

    genuine = counter_with_a_slip
    for candidate in (scanned, genuine[:cut] + junk + genuine[cut + len(junk) :]):
        if candidate.strip() == genuine:
            continue
        before = snapshot(store)
        with pytest.raises(Rejected) as refused:
            take_slip(store, "demo", 4, candidate)
        assert _rejected_cleanly(refused.value)
        assert snapshot(store) == before
