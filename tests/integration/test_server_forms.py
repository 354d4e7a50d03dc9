"""A counter's paper through the real server: the slip its clerk scans, the service form
its customer reads and signs or declines, and the archive its clerk searches. Each allowed
pair gets past the server's door, each other pair is refused (401 not signed in, 403 not
allowed) and stores nothing; a screen never reads or signs another counter's form."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from shared.services.devices import enrol_device
from shared.store.database import Store, open_store
from shared.store.models import AuditEntry
from tests.integration.hall_server import HallServer, running_server, snapshot

pytestmark = [pytest.mark.integration]

SIM = {"name": "张三丰", "id_number": "11010519491231002X", "reason": "丢失"}
STROKES = [[[10, 10, 0, 0.5], [40, 30, 16, 0.6], [80, 20, 32, 0.5]]]
ACTORS = ("nobody", "kiosk", "screen_3", "screen_4", "clerk_3", "clerk_4", "lead")
DEVICES_AND_STAFF = {"kiosk", "screen_3", "screen_4", "clerk_3", "clerk_4", "lead"}


@dataclass
class Hall:
    server: HallServer
    store: Store
    keys: dict[str, str | None]
    slip: str  # the slip of the ticket counter 3 has called
    finished: str  # the ticket counter 3 finished, its form not yet signed
    elsewhere: str  # the ticket counter 4 finished


def _serve(server: HallServer, kiosk: str, clerk: str, counter: int, finish: bool) -> dict:
    """A kiosk issues a SIM replacement with a slip; the clerk at `counter` calls it (and
    finishes it)."""
    issued = server.request(
        "POST", "/api/kiosk/tickets", kiosk, {"business": "sim_replace", "slip": SIM}
    )
    assert issued.status == 201, issued
    called = server.request("POST", f"/api/counters/{counter}/call", clerk)
    assert called.body["ticket"] == issued.body["ticket"], called
    if finish:
        done = server.request(
            "POST", f"/api/counters/{counter}/finish", clerk, {"businesses": ["sim_replace"]}
        )
        assert done.status == 200, done
    body: dict = issued.body
    return body


@pytest.fixture
def hall(store_target: str, tmp_path: Path) -> Iterator[Hall]:
    store = open_store(store_target)
    enrolled = {
        name: enrol_device(store, None, None, device, kind, counter=counter)
        for name, device, kind, counter in (
            ("kiosk", "kiosk-1", "kiosk", None),
            ("screen_3", "screen-3", "customer_screen", 3),
            ("screen_4", "screen-4", "customer_screen", 4),
        )
    }
    with running_server(store_target, tmp_path) as server:
        keys: dict[str, str | None] = {
            "nobody": None,
            **enrolled,
            "clerk_3": server.sign_in("E003", "1234", 3),
            "clerk_4": server.sign_in("E004", "1234", 4),
            "lead": server.sign_in("M001", "2468"),
        }
        kiosk, clerk_3, clerk_4 = keys["kiosk"], keys["clerk_3"], keys["clerk_4"]
        assert kiosk and clerk_3 and clerk_4
        for clerk, counter in ((clerk_3, 3), (clerk_4, 4)):
            assert server.request("POST", f"/api/counters/{counter}/open", clerk, {}).status == 200
        elsewhere = _serve(server, kiosk, clerk_4, 4, finish=True)["ticket"]
        finished = _serve(server, kiosk, clerk_3, 3, finish=True)["ticket"]
        called = _serve(server, kiosk, clerk_3, 3, finish=False)
        yield Hall(server, store, keys, called["slip_code"], finished, elsewhere)
        assert server.tracebacks() == 0, server.log.read_text()
    store.close()


def acts(hall: Hall) -> dict[str, tuple[str, str, object, set[str]]]:
    """act: (method, path, body, who may)."""
    form = f"/api/counters/3/forms/{hall.finished}"
    return {
        "take the slip": ("POST", "/api/counters/3/slip", {"code": hall.slip}, {"clerk_3"}),
        "preview the form": ("GET", form, None, {"screen_3", "clerk_3"}),
        "decline the form": (
            "POST",
            form,
            {"decline_reason": "The details are wrong"},
            {"screen_3", "clerk_3"},
        ),
        "search the archive": ("GET", "/api/counters/3/archive", None, {"clerk_3"}),
        "open an archived form": ("GET", "/api/counters/3/archive/1", None, {"clerk_3"}),
    }


def test_every_paper_act_is_refused_to_every_actor_the_hall_does_not_allow(hall: Hall) -> None:
    for act, (method, path, body, allowed) in acts(hall).items():
        for actor in ACTORS:
            if actor in allowed:
                continue
            before = snapshot(hall.store)
            answer = hall.server.request(method, path, hall.keys[actor], body)
            expected = 403 if actor in DEVICES_AND_STAFF else 401
            assert answer.status == expected, (act, actor, answer)
            assert answer.detail and "\n" not in answer.detail, (act, actor, answer)
            assert snapshot(hall.store) == before, (act, actor)


def test_every_allowed_pair_gets_past_the_door(hall: Hall) -> None:
    for act, (method, path, body, allowed) in acts(hall).items():
        for actor in sorted(allowed):
            answer = hall.server.request(method, path, hall.keys[actor], body)
            # the second of two declines is refused by the archive, not by who asks
            assert answer.status in (200, 201, 422), (act, actor, answer)
            if answer.status == 422:
                assert "may not" not in answer.detail and "signed in" not in answer.detail


def test_the_slip_fills_the_form_and_the_customer_signs_it_once(hall: Hall) -> None:
    server, keys = hall.server, hall.keys
    taken = server.request("POST", "/api/counters/3/slip", keys["clerk_3"], {"code": hall.slip})
    assert taken.status == 200, taken
    assert taken.body["business"] == "sim_replace" and taken.body["fields"]["reason"] == "丢失"
    again = server.request("POST", "/api/counters/3/slip", keys["clerk_3"], {"code": hall.slip})
    assert again.status == 422 and "\n" not in again.detail
    form = f"/api/counters/3/forms/{hall.finished}"
    shown = server.request("GET", form, keys["screen_3"])
    assert shown.status == 200 and shown.body["ticket"] == hall.finished
    assert shown.body["counter"] == 3 and shown.body["staff_id"] == "E003"
    signed = server.request("POST", form, keys["screen_3"], {"strokes": STROKES})
    assert signed.status == 201 and signed.body["signed"] is True, signed
    before = snapshot(hall.store)
    twice = server.request("POST", form, keys["screen_3"], {"strokes": STROKES})
    assert twice.status == 422 and "\n" not in twice.detail
    assert snapshot(hall.store) == before
    found = server.request(
        "GET", f"/api/counters/3/archive?ticket={hall.finished}", keys["clerk_3"]
    )
    assert [(hit["ticket"], hit["signed"]) for hit in found.body] == [(hall.finished, True)]
    opened = server.request(
        "GET", f"/api/counters/3/archive/{found.body[0]['sequence']}", keys["clerk_3"]
    )
    assert base64.b64decode(opened.body["pdf"]).startswith(b"%PDF")
    with hall.store.read() as session:
        viewed = session.scalars(select(AuditEntry).where(AuditEntry.action == "form_viewed")).one()
        assert viewed.source == "counter 3"
    refused = server.request("GET", "/api/counters/3/archive?phone=123", keys["clerk_3"])
    assert refused.status == 422 and "\n" not in refused.detail


def test_a_screen_never_reads_or_signs_another_counters_form(hall: Hall) -> None:
    before = snapshot(hall.store)
    other = f"/api/counters/3/forms/{hall.elsewhere}"
    for method, body in (("GET", None), ("POST", {"strokes": STROKES})):
        answer = hall.server.request(method, other, hall.keys["screen_3"], body)
        assert answer.status == 403 and "counter 4" in answer.detail, answer
    assert snapshot(hall.store) == before


MALFORMED = (
    {"strokes": [[[1, 2, 3]]]},
    {"strokes": [[[1, 2, 3, 7]]]},
    {"strokes": "a picture"},
    {"decline_reason": ""},
    {"decline_reason": "x" * 201},
    {"strokes": STROKES, "signed_by": "someone else"},
)


def test_a_malformed_signature_is_refused_with_a_reason(hall: Hall) -> None:
    for body in MALFORMED:
        before = snapshot(hall.store)
        answer = hall.server.request(
            "POST", f"/api/counters/3/forms/{hall.finished}", hall.keys["screen_3"], body
        )
        assert answer.status == 422 and answer.detail and "\n" not in answer.detail, body
        assert snapshot(hall.store) == before, body
