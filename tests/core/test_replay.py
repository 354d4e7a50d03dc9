"""`hallq replay`'s line handling: one result per event line, and a rejected line stores nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from shared.archive.forms import FORM_ARCHIVED, verify_chain
from shared.errors import Rejected
from shared.services.replay import OPS, parse_event, replay
from shared.store.lookup import find_hall
from shared.store.models import AuditEntry, ServiceForm
from tests.core.test_hall_actions import snapshot

AT = "2026-11-23T09:00:00"


def lines(*events: dict | str) -> list[str]:
    return [event if isinstance(event, str) else json.dumps(event) for event in events]


def test_results_follow_file_lines_skipping_blanks_and_comments(store):
    results = list(
        replay(
            store,
            "demo",
            lines(
                "# opening",
                {"op": "open", "counter": 2, "clerk": "E002", "at": AT},
                "",
                {"op": "issue", "business": "topup", "at": "2026-11-23T09:01:00"},
                {"op": "call", "counter": 2, "at": "2026-11-23T09:02:30"},
                {"op": "call", "counter": 3, "at": "2026-11-23T09:02:40"},
            ),
        )
    )
    assert results == [
        {"line": 2, "ok": True},
        {"line": 4, "ok": True, "ticket": "A001", "queue": "A", "ahead": 0, "tier": "normal"},
        {"line": 5, "ok": True, "ticket": "A001", "queue": "A", "waited_s": 90.0},
        {"line": 6, "ok": False, "error": "counter 3 is closed; open or resume it to call"},
    ]


def test_each_op_returns_the_contracts_result_fields(store):
    day = [
        {"op": "open", "counter": 2, "clerk": "E002", "queues": ["A", "B"], "at": AT},
        {"op": "issue", "business": "topup", "phone": "13712345678", "at": AT},
        {"op": "issue", "business": "topup", "at": AT},
        {"op": "call", "counter": 2, "at": AT},
        {"op": "recall", "counter": 2, "at": AT},
        {"op": "transfer", "counter": 2, "queue": "B", "at": AT},
        {"op": "call", "counter": 2, "at": AT},
        {"op": "no_show", "counter": 2, "at": AT},
        {"op": "call", "counter": 2, "at": AT},
        {"op": "finish", "counter": 2, "business": "plan_change", "recommended": True, "at": AT},
        {"op": "rate", "counter": 2, "rating": "neutral", "at": AT},
        {"op": "pause", "counter": 2, "reason": "lunch", "at": AT},
        {"op": "resume", "counter": 2, "at": AT},
        {"op": "close", "counter": 2, "at": AT},
    ]
    results = list(replay(store, "demo", lines(*day)))
    assert all(result["ok"] for result in results), results
    assert [result.get("ticket") for result in results] == [
        None, "A001", "A002", "A001", "A001", "A001", "A001", "A001", "A002", "A002", "A002",
        None, None, None,
    ]  # fmt: skip
    # A001, transferred to B at 09:00, ties with A002 (waiting since 09:00): the earlier
    # issued goes first.
    assert results[5]["queue"] == "B"


def at_nine(**event: object) -> str:
    return json.dumps({**event, "at": AT})


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "each line must be a JSON object"),
        (at_nine(op="dance"), "unknown op 'dance'"),
        ('{"op": "call", "counter": 2}', "missing field 'at'"),
        ('{"op": "call", "counter": 2, "at": "yesterday"}', "is not an ISO-8601 time"),
        ('{"op": "call", "counter": 2, "at": "2026-11-23T09:00:00+08:00"}', "has a UTC offset"),
        (at_nine(op="call"), "call needs field 'counter'"),
        (at_nine(op="call", counter=True), "counter must be a counter number"),
        (at_nine(op="call", counter=-1), "counter must be a counter number"),
        (at_nine(op="issue", business=""), "business must be text"),
        (at_nine(op="issue", business="topup", slip=[1]), "slip must be an object"),
        (at_nine(op="finish", counter=2, signed="yes"), "signed must be true or false"),
        (at_nine(op="open", counter=2, clerk="E002", queues="AB"), "list of queue letters"),
        (at_nine(op="rate", counter=2, rating="ok", colour=1), "rate has no field 'colour'"),
    ],
)
def test_a_malformed_line_is_rejected_with_its_reason(line, reason):
    with pytest.raises(Rejected, match=reason.replace("(", r"\(")):
        parse_event(line)


def test_a_counter_given_as_digits_is_accepted():
    assert parse_event('{"op": "call", "counter": "3", "at": "2026-11-23T09:00:00"}')[2] == {
        "counter": 3
    }


def test_a_rejected_line_stores_nothing_and_the_replay_goes_on(store):
    setup = lines(
        {"op": "open", "counter": 2, "clerk": "E002", "at": AT},
        {"op": "issue", "business": "topup", "at": AT},
    )
    list(replay(store, "demo", setup))
    before = snapshot(store)
    results = list(
        replay(
            store,
            "demo",
            lines(
                {"op": "finish", "counter": 2, "at": AT},  # nothing called yet
                {"op": "issue", "business": "topup", "phone": "999", "at": AT},
                {"op": "call", "counter": 2, "at": AT},
            ),
        )
    )
    assert [result["ok"] for result in results] == [False, False, True]
    after = snapshot(store)
    assert after != before  # the good line was applied…
    assert len(after["tickets"]) == len(before["tickets"])  # …and the bad issue stored no ticket


# ----- property: whatever a line holds, a rejected one writes nothing -----

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 1200),
    st.floats(allow_nan=False),
    st.text(max_size=12),
)
field_values = st.one_of(
    json_scalars,
    st.sampled_from(
        ["topup", "sim_replace", "V", "A", "Q", "E001", "E002", "satisfied", AT, "13800000001"]
    ),
    st.lists(st.sampled_from(["A", "B", "V", "Z", 1]), max_size=3),
    st.dictionaries(st.text(max_size=5), json_scalars, max_size=3),
)
field_names = st.sampled_from(
    sorted(
        {name for required, optional in OPS.values() for name in [*required, *optional]}
        | {"op", "at", "x"}
    )
)
times = st.sampled_from([AT, "2026-11-23T08:00:00", "2026-11-22T09:00:00", "x"])
optional_fields = ["counter", "clerk", "business", "queue", "rating", "phone", "tier", "slip",
                   "queues", "recommended", "accepted", "signed", "reason", "x"]  # fmt: skip
events = st.dictionaries(field_names, field_values, max_size=6) | st.fixed_dictionaries(
    {"op": st.sampled_from(sorted(OPS)), "at": times},
    optional={name: field_values for name in optional_fields},
)
junk = st.one_of(events.map(json.dumps), st.text(max_size=40))


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(line=junk)
@pytest.mark.slow
def test_any_rejected_line_leaves_the_store_unchanged(store, line):
    list(
        replay(
            store,
            "demo",
            lines(
                {"op": "open", "counter": 2, "clerk": "E002", "at": AT},
                {"op": "issue", "business": "topup", "at": AT},
                {"op": "call", "counter": 2, "at": AT},
            ),
        )
    )  # a counter serving, whatever earlier examples left behind
    before = snapshot(store)
    (result,) = list(replay(store, "demo", [line])) or [{"ok": None}]
    if result["ok"] is False:
        assert isinstance(result["error"], str) and result["error"]
        assert snapshot(store) == before


def test_a_signed_finish_archives_its_form_marked_as_replayed(store):
    results = list(
        replay(
            store,
            "demo",
            lines(
                {"op": "open", "counter": 2, "clerk": "E002", "at": AT},
                {"op": "issue", "business": "topup", "at": "2026-11-23T09:01:00"},
                {"op": "issue", "business": "topup", "at": "2026-11-23T09:01:10"},
                {"op": "call", "counter": 2, "at": "2026-11-23T09:02:00"},
                {"op": "finish", "counter": 2, "signed": True, "at": "2026-11-23T09:04:00"},
                {"op": "call", "counter": 2, "at": "2026-11-23T09:05:00"},
                {"op": "finish", "counter": 2, "at": "2026-11-23T09:07:00"},
            ),
        )
    )
    assert [result["ok"] for result in results] == [True] * 7
    assert results[4] == {"line": 5, "ok": True, "ticket": "A001"}
    with store.read() as session:
        (form,) = session.scalars(select(ServiceForm)).all()
        archived = session.scalars(
            select(AuditEntry).where(AuditEntry.action == FORM_ARCHIVED)
        ).all()
        chain = verify_chain(session, find_hall(session, "demo"))
    assert (form.ticket_code, form.signed, form.strokes, form.decline_reason) == (
        "A001",
        True,
        None,
        "",
    )
    assert form.created_at == dt.datetime(2026, 11, 23, 9, 4)
    assert form.pdf.startswith(b"%PDF") and [entry.source for entry in archived] == ["replay"]
    assert chain.intact and chain.forms == 1
