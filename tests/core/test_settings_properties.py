"""Every setting, fed hostile values through `hallq settings NAME=VALUE` and through
`change_settings`: each value is stored as the valid value it reads as, or refused with one
line of reason, never a traceback, and a refusal stores nothing."""

from __future__ import annotations

import contextlib
import io
import math
from dataclasses import fields

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared.cli.main import main
from shared.errors import Rejected
from shared.rules.hall_settings import SETTING_NAMES, HallSettings
from shared.services.settings import NUMBER_PLACES, change_settings, load_settings
from shared.store.lookup import find_hall
from tests.core.test_hall_actions import snapshot

KINDS = {field.name: str(field.type) for field in fields(HallSettings)}
TRUE_WORDS = ("true", "yes", "on", "1")

hostile_values = st.one_of(
    st.integers().map(str),
    st.sampled_from(
        [
            str(10**30),
            str(-(10**30)),
            str(2**63),
            "-1",
            "0",
            "-0",
            "1e400",
            "-1e400",
            "nan",
            "NaN",
            "inf",
            "-inf",
            "Infinity",
            "1_000",
            "0x10",
            " 7 ",
            "+5",
            "١٢",
            "²",
            "１２",
            "٣.٥",
            "৪",
            "〇",
            "",
            " ",
            "9" * 10_000,
            "A" * 10_000,
            "file:" + "x" * 10_000,
            "network:" + "h" * 10_000,
            "\x00",
            "5\x00",
            "\x1b[2J",
            "1\n2",
            "\t3",
            "V\r",
            "\ud800",
            "usb:1234:abcd",
            "file:/dev/null",
            "network:printer:99999",
            "pdf",
            "none",
            "V",
            "C",
            "Z",
            "v",
        ]
    ),
    st.floats().map(str),
    st.text(max_size=40),
)


def _read_as(name: str, value: str) -> object:
    """What a stored value must equal: the text read as the setting's type."""
    kind, text = KINDS[name], value.strip()
    if kind == "bool":
        return text.lower() in TRUE_WORDS
    if kind == "int":
        return int(text)
    if kind == "float":
        return round(float(text), NUMBER_PLACES)
    return value


def _hallq(store_target: str, assignment: str) -> tuple[int, str]:
    """`hallq settings` in this process: its status and what it wrote to stderr."""
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        status = main(["--db", store_target, "settings", assignment], io.StringIO())
    return status, errors.getvalue()


EXAMPLES = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.slow
@pytest.mark.parametrize("name", SETTING_NAMES)
@EXAMPLES
@given(value=hostile_values)
def test_a_setting_changed_in_process_is_stored_valid_or_refused_storing_nothing(
    store, name, value
):
    before = snapshot(store)
    try:
        with store.write() as session:
            hall_id = find_hall(session, "demo").id
            changed = change_settings(session, hall_id, {name: value})
    except Rejected as refusal:
        assert refusal.message.strip() and "\n" not in refusal.message
        assert snapshot(store) == before
        return
    with store.read() as session:
        stored = load_settings(session, find_hall(session, "demo").id)
    stored.validate()
    assert getattr(stored, name) == getattr(changed, name) == _read_as(name, value)
    if isinstance(getattr(stored, name), float):
        assert math.isfinite(getattr(stored, name))


@pytest.mark.parametrize("name", SETTING_NAMES)
@settings(EXAMPLES, max_examples=25)
@given(value=hostile_values)
def test_hallq_settings_stores_a_valid_value_or_says_one_line(store, store_target, name, value):
    before = snapshot(store)
    status, said = _hallq(store_target, f"{name}={value}")
    assert "Traceback" not in said
    if status == 0:
        with store.read() as session:
            stored = load_settings(session, find_hall(session, "demo").id)
        stored.validate()
        assert getattr(stored, name) == _read_as(name, value)
    else:
        assert status == 1
        assert said.startswith("hallq: error: ") and said.count("\n") == 1, said[:200]
        assert snapshot(store) == before
