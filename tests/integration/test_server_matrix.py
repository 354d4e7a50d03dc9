"""Every act × every kind of actor, through the real server: each allowed pair gets past
the server's door, each other pair is refused (401 not signed in, 403 not allowed) and
stores nothing. The oracle is the hall's rule of who does what, written out here by hand,
not read from the code's own table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from shared.services.devices import enrol_device, revoke_device
from shared.store.database import Store, open_store
from shared.store.models import AuditEntry, Clerk, StaffSession
from tests.integration.hall_server import HallServer, running_server, snapshot

pytestmark = [pytest.mark.integration]

# Demo staff: clerks E001-E008 (PIN 1234), shift lead M001 (2468), administrator S001 (1357).
ACTORS = (
    "nobody",
    "forged",
    "kiosk",
    "board",
    "screen_3",
    "clerk_3",
    "clerk_4",
    "lead",
    "admin",
    "expired",
    "signed_out",
    "revoked_device",
)
STAFF = {"clerk_3", "clerk_4", "lead", "admin"}
AT_3 = {"clerk_3"}
LEADS = {"lead", "admin"}
# act: (method, path, body, who may)
ACTS: dict[str, tuple[str, str, object, set[str]]] = {
    "status": ("GET", "/api/status", None, {"kiosk", "board"} | STAFF),
    "kiosk menu": ("GET", "/api/kiosk/menu", None, {"kiosk"}),
    "issue": ("POST", "/api/kiosk/tickets", {"business": "plan_change"}, {"kiosk"}),
    "check in": ("POST", "/api/kiosk/check-in", {"code": "000000"}, {"kiosk"}),
    "kiosk level": ("GET", "/api/kiosk/state", None, {"kiosk"}),
    "kiosk waits": ("GET", "/api/kiosk/waits?tier=vip", None, {"kiosk"}),
    "customer tier": ("GET", "/api/kiosk/customers/13800000001", None, {"kiosk"}),
    "reprint": ("GET", "/api/kiosk/reprint?phone=13800000001", None, {"kiosk"}),
    "call staff": (
        "POST",
        "/api/kiosk/incidents",
        {"kind": "help_requested", "message": "help"},
        {"kiosk"},
    ),
    "board": ("GET", "/api/board", None, {"board"} | STAFF),
    "counter view": ("GET", "/api/counters/3", None, {"screen_3"} | AT_3),
    "clerk photo": ("GET", "/api/counters/3/clerk-photo", None, {"screen_3"} | AT_3),
    "open": ("POST", "/api/counters/3/open", {}, AT_3),
    "pause": ("POST", "/api/counters/3/pause", {"reason": "lunch"}, AT_3),
    "resume": ("POST", "/api/counters/3/resume", None, AT_3),
    "call chosen": (
        "POST",
        "/api/counters/3/call-ticket",
        {"ticket": "A001", "reason": "priority_care"},
        AT_3,
    ),
    "call": ("POST", "/api/counters/3/call", None, AT_3),
    "recall": ("POST", "/api/counters/3/recall", None, AT_3),
    "transfer": ("POST", "/api/counters/3/transfer", {"queue": "B"}, AT_3),
    "no show": ("POST", "/api/counters/3/no-show", None, AT_3),
    "finish": ("POST", "/api/counters/3/finish", {"businesses": ["plan_change"]}, AT_3),
    "rate": ("POST", "/api/counters/3/rate", {"rating": "satisfied"}, {"screen_3"} | AT_3),
    "rate a visit with a reason": (
        "POST",
        "/api/counters/3/rate",
        {"rating": "dissatisfied", "ticket": "A001", "reason": "long_wait"},
        {"screen_3"} | AT_3,
    ),
    "close": ("POST", "/api/counters/3/close", None, AT_3),
    "floor": ("GET", "/api/floor", None, {"lead", "admin"}),
    "early warnings": ("GET", "/api/warnings", None, {"lead", "admin"}),
    "acknowledge": ("POST", "/api/alerts/acknowledge", None, {"lead", "admin"}),
    "own figures": ("GET", "/api/figures", None, STAFF),
    "a colleague's figures": ("GET", "/api/figures?clerk=E001", None, {"lead", "admin"}),
    "day report": ("GET", "/api/reports/day", None, {"lead", "admin"}),
    "read settings": ("GET", "/api/settings", None, {"lead", "admin"}),
    "change settings": (
        "PATCH",
        "/api/settings",
        {"changes": {"alert_level1": 2.5}},
        {"lead", "admin"},
    ),
    "open for a clerk": (
        "POST",
        "/api/floor/counters/5/open",
        {"clerk": "E007", "queues": ["A"]},
        {"lead", "admin"},
    ),
    "change queues": ("PUT", "/api/floor/counters/5/queues", {"queues": ["B"]}, {"lead", "admin"}),
    "order a pause": (
        "POST",
        "/api/floor/counters/5/pause",
        {"reason": "lunch"},
        {"lead", "admin"},
    ),
    "order a resume": ("POST", "/api/floor/counters/5/resume", None, {"lead", "admin"}),
    "order a close": ("POST", "/api/floor/counters/5/close", None, {"lead", "admin"}),
    "post a notice": ("PUT", "/api/floor/notice", {"text": "系统维护"}, {"lead", "admin"}),
    "campaigns": ("GET", "/api/campaigns", None, LEADS),
    "add a campaign": (
        "POST",
        "/api/campaigns",
        {
            "name": "5G",
            "business": "plan_change",
            "starts_on": "2026-01-01",
            "ends_on": "2036-12-31",
        },
        LEADS,
    ),
    "import targets": ("POST", "/api/campaigns/5G/targets?file=t.csv", b"13700000001\n", LEADS),
    "campaign report": ("GET", "/api/campaigns/report", None, LEADS),
    "special lists": ("GET", "/api/lists", None, LEADS),
    "import a list": ("POST", "/api/lists/greylist?file=g.csv", b"13700000002\n", LEADS),
    "offer": ("GET", "/api/counters/3/offer", None, AT_3),
    "record an offer": (
        "POST",
        "/api/counters/3/offer",
        {"campaign": "5G", "outcome": "declined"},
        AT_3,
    ),
    "log a complaint": ("POST", "/api/cases", {"ticket": "A001", "note": "等候太久"}, STAFF),
    "cases": ("GET", "/api/cases?open=true", None, LEADS),
    "assign a call-back": ("POST", "/api/cases/1/assign", {"staff_id": "E001"}, LEADS),
    "record a call-back": ("POST", "/api/cases/1/callback", {"outcome": "resolved"}, LEADS),
    "close a case": ("POST", "/api/cases/1/close", None, LEADS),
    "case figures": ("GET", "/api/cases/figures", None, LEADS),
    "score entries": ("GET", "/api/scores?month=2026-01", None, LEADS),
    "enter a score": (
        "POST",
        "/api/scores",
        {"kind": "teamwork", "clerk": "E001", "month": "2026-01", "points": 90},
        LEADS,
    ),
    "remove a score entry": ("DELETE", "/api/scores/1", None, LEADS),
    "performance sheet": ("GET", "/api/performance?month=2026-01", None, LEADS),
    "list devices": ("GET", "/api/devices", None, {"admin"}),
    "enrol a device": ("POST", "/api/devices", {"name": "kiosk-9", "kind": "kiosk"}, {"admin"}),
    "revoke a device": ("DELETE", "/api/devices/kiosk-9", None, {"admin"}),
    "revoke sessions": ("POST", "/api/staff/E008/revoke-sessions", None, {"admin"}),
    "purge": ("POST", "/api/purge", {"before": "2000-01-01"}, {"admin"}),
    "staff": ("GET", "/api/staff", None, {"admin"}),
    "add staff": ("POST", "/api/staff", {"staff_id": "E009", "name": "孙悦"}, {"admin"}),
    "new PIN": ("POST", "/api/staff/E009/pin", {"pin": "4321"}, {"admin"}),
    "change a role": ("POST", "/api/staff/E009/role", {"role": "lead"}, {"admin"}),
    "disable staff": ("POST", "/api/staff/E009/disable", None, {"admin"}),
    "counters' set-up": ("GET", "/api/setup/counters", None, {"admin"}),
    "add a counter": ("POST", "/api/setup/counters", {"number": 7, "queues": "A"}, {"admin"}),
    "set a counter's queues": ("POST", "/api/setup/counters/7/queues", {"queues": "B"}, {"admin"}),
    "businesses": ("GET", "/api/setup/businesses", None, {"admin"}),
    "settings with bounds": ("GET", "/api/setup/settings", None, LEADS),
    "a list's numbers": ("GET", "/api/lists/greylist", None, LEADS),
    "remove a number": ("DELETE", "/api/lists/greylist/13700000002", None, LEADS),
}


@pytest.fixture
def keys(
    store_target: str, tmp_path: Path
) -> Iterator[tuple[HallServer, Store, dict[str, str | None]]]:
    store = open_store(store_target)
    enrolled = {
        name: enrol_device(store, None, None, device, kind, counter=counter)
        for name, device, kind, counter in (
            ("kiosk", "kiosk-1", "kiosk", None),
            ("board", "board-1", "board", None),
            ("screen_3", "screen-3", "customer_screen", 3),
            ("revoked_device", "kiosk-old", "kiosk", None),
        )
    }
    revoke_device(store, None, None, "kiosk-old")
    with running_server(store_target, tmp_path) as server:
        keys: dict[str, str | None] = {
            "nobody": None,
            "forged": "hs_" + "A" * 43,
            **enrolled,
            "clerk_3": server.sign_in("E003", "1234", 3),
            "clerk_4": server.sign_in("E004", "1234", 4),
            "lead": server.sign_in("M001", "2468"),
            "admin": server.sign_in("S001", "1357"),
            "expired": server.sign_in("E005", "1234", 5),
            "signed_out": server.sign_in("E006", "1234", 6),
        }
        assert server.request("DELETE", "/api/sessions/current", keys["signed_out"]).status == 204
        with store.write() as session:  # the store's owner ends E005's shift in the past
            clerk_id = session.scalar(select(Clerk.id).where(Clerk.staff_id == "E005"))
            session.execute(
                update(StaffSession)
                .where(StaffSession.clerk_id == clerk_id)
                .values(expires_at=dt.datetime(2000, 1, 1))
            )
        yield server, store, keys
        assert server.tracebacks() == 0, server.log.read_text()
    store.close()


def test_every_act_is_refused_to_every_actor_the_hall_does_not_allow(
    keys: tuple[HallServer, Store, dict[str, str | None]],
) -> None:
    server, store, actor_keys = keys
    before = snapshot(store)  # a refusal stores nothing: each pair leaves it as it was
    for act, (method, path, body, allowed) in ACTS.items():
        for actor in ACTORS:
            if actor in allowed:
                continue
            answer = server.request(method, path, actor_keys[actor], body)
            expected = 403 if actor in STAFF | {"kiosk", "board", "screen_3"} else 401
            assert answer.status == expected, (act, actor, answer)
            assert answer.detail and "\n" not in answer.detail, (act, actor, answer)
            assert snapshot(store) == before, (act, actor)


def test_every_allowed_pair_gets_past_the_door_and_the_audit_names_the_real_actor(
    keys: tuple[HallServer, Store, dict[str, str | None]],
) -> None:
    server, store, actor_keys = keys
    server.request("POST", "/api/kiosk/tickets", actor_keys["kiosk"], {"business": "plan_change"})
    for act, (method, path, body, allowed) in ACTS.items():
        for actor in sorted(allowed):
            answer = server.request(method, path, actor_keys[actor], body)
            # Allowed acts may still be refused by the hall's rules (nothing to recall),
            # with a reason: never as a question of who is asking.
            assert answer.status in (200, 201, 204, 422), (act, actor, answer)
            if answer.status == 422:
                assert "may not" not in answer.detail and "signed in" not in answer.detail
    with store.read() as session:
        entries = session.scalars(select(AuditEntry)).all()
        names = {clerk.id: clerk.staff_id for clerk in session.scalars(select(Clerk))}
    by_action = {entry.action: entry for entry in entries}
    assert names[by_action["settings_changed"].clerk_id] in {"M001", "S001"}
    for ordered in ("counter_opened", "counter_queues_changed", "counter_paused", "notice_posted"):
        assert names[by_action[ordered].clerk_id] in {"M001", "S001"}, ordered
    assert by_action["device_enrolled"].source != "server console"
    assert names[by_action["device_enrolled"].clerk_id] == "S001"
    assert names[by_action["sessions_revoked"].clerk_id] == "S001"
    chosen = by_action["ticket_chosen"]
    assert names[chosen.clerk_id] == "E003" and chosen.source == "counter 3"
    assert chosen.detail == {"ticket": "A001", "counter": 3, "reason": "priority_care"}
    assert all("user" not in entry.detail for entry in entries if entry.action != "purge")


def test_a_clerk_serves_a_customer_end_to_end_through_the_server(
    keys: tuple[HallServer, Store, dict[str, str | None]],
) -> None:
    server, _, actor_keys = keys
    kiosk, clerk, screen = actor_keys["kiosk"], actor_keys["clerk_3"], actor_keys["screen_3"]
    issued = server.request("POST", "/api/kiosk/tickets", kiosk, {"business": "plan_change"})
    assert issued.status == 201 and issued.body["ticket"].startswith("A")
    assert server.request("POST", "/api/counters/3/open", clerk, {}).status == 200
    called = server.request("POST", "/api/counters/3/call", clerk)
    assert called.body["ticket"] == issued.body["ticket"]
    finished = server.request(
        "POST", "/api/counters/3/finish", clerk, {"businesses": ["plan_change"]}
    )
    assert finished.status == 200, finished
    assert (
        server.request("POST", "/api/counters/3/rate", screen, {"rating": "satisfied"}).status
        == 200
    )
    again = server.request("POST", "/api/counters/3/rate", screen, {"rating": "satisfied"})
    assert again.status == 422 and "already rated" in again.detail
    mine = server.request("GET", "/api/figures", clerk)
    assert [(row["clerk"], row["handled"]) for row in mine.body] == [("E003", 1)]
