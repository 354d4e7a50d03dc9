"""The administration through the real hall server: the administrator disables a clerk,
whose open session ends and who cannot sign in again until given a new PIN; a setting out
of bounds is refused in one line; a number comes off a special list; every change is
audited under the administrator; a clerk and a shift lead are refused the staff's routes.
Also `hallq --server` keeps a command for each of these acts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from shared.services.devices import enrol_device
from shared.store.database import Store, open_store
from shared.store.models import AuditEntry, Clerk
from tests.integration.hall_server import HallServer, running_server
from tests.integration.test_server_clients import hallq

pytestmark = [pytest.mark.integration]


@pytest.fixture
def served(store_target: str, tmp_path: Path) -> Iterator[tuple[HallServer, Store, str]]:
    store = open_store(store_target)
    board = enrol_device(store, None, None, "board-1", "board")
    with running_server(store_target, tmp_path) as server:
        yield server, store, board
        assert server.tracebacks() == 0, server.log.read_text()
    store.close()


def audited(store: Store, action: str) -> list[tuple[str | None, dict[str, object]]]:
    with store.read() as session:
        names = {c.id: c.staff_id for c in session.scalars(select(Clerk))}
        return [
            (names.get(entry.clerk_id) if entry.clerk_id else None, entry.detail)
            for entry in session.scalars(select(AuditEntry).where(AuditEntry.action == action))
        ]


def test_a_disabled_clerk_loses_her_session_and_her_sign_in_until_a_new_pin(served) -> None:
    server, store, _ = served
    admin = server.sign_in("S001", "1357")
    clerk = server.sign_in("E004", "1234", 4)
    assert server.request("POST", "/api/staff/E004/disable", admin).status == 204
    assert server.request("GET", "/api/counters/4", clerk).status == 401
    refused = server.request(
        "POST", "/api/sessions", body={"staff_id": "E004", "pin": "1234", "counter": 4}
    )
    assert refused.status == 401 and refused.detail == "unknown staff id or wrong PIN"
    staff = {row["staff_id"]: row for row in server.request("GET", "/api/staff", admin).body}
    assert staff["E004"]["can_sign_in"] is False and staff["E004"]["name"] == "刘洋"
    assert audited(store, "staff_disabled") == [("S001", {"staff_id": "E004", "sessions": 1})]

    short = server.request("POST", "/api/staff/E004/pin", admin, {"pin": "12"})
    assert short.status == 422 and "\n" not in short.detail
    assert server.request("POST", "/api/staff/E004/pin", admin, {"pin": "5678"}).status == 204
    assert server.sign_in("E004", "5678", 4)
    assert audited(store, "pin_reset") == [("S001", {"staff_id": "E004"})]


def test_settings_lists_and_counters_through_the_server(served) -> None:
    server, store, _ = served
    admin = server.sign_in("S001", "1357")
    rules = {row["name"]: row for row in server.request("GET", "/api/setup/settings", admin).body}
    assert rules["rating_timeout_s"] == {
        "name": "rating_timeout_s",
        "kind": "int",
        "default": 20,
        "meaning": "Seconds the customer-facing screen waits for a rating before it closes.",
        "bounds": "5 to 3600",
        "value": 20,
    }
    refused = server.request(
        "PATCH", "/api/settings", admin, {"changes": {"rating_timeout_s": "4"}}
    )
    assert refused.status == 422 and refused.detail == "rating_timeout_s must be from 5 to 3600"

    imported = server.request(
        "POST", "/api/lists/blacklist?file=b.csv", admin, b"13800000001\n13900000002\n"
    )
    assert imported.status == 200 and imported.body["added"] == 2
    assert server.request("DELETE", "/api/lists/blacklist/13800000001", admin).status == 204
    again = server.request("DELETE", "/api/lists/blacklist/13800000001", admin)
    assert again.status == 422 and again.detail == "138****0001 is not on the blacklist list"
    entries = server.request("GET", "/api/lists/blacklist", admin).body
    assert [row["phone"] for row in entries] == ["13900000002"]
    assert audited(store, "list_entry_removed") == [
        ("S001", {"list": "blacklist", "phone": "138****0001"})
    ]

    body = {"queues": "BA"}
    assert server.request("POST", "/api/setup/counters/2/queues", admin, body).status == 204
    counters = server.request("GET", "/api/setup/counters", admin).body
    assert [c["queues"] for c in counters if c["number"] == 2] == ["BA"]
    assert audited(store, "counter_queues_set") == [
        ("S001", {"number": 2, "queues": "BA", "previous": "AB"})
    ]
    businesses = server.request("GET", "/api/setup/businesses", admin).body
    plan = next(b for b in businesses if b["key"] == "plan_change")
    assert plan["queue"] == "A" and [f["key"] for f in plan["slip_fields"]]


def test_a_clerk_and_a_lead_are_refused_the_staff_routes(served) -> None:
    server, store, _ = served
    for staff_id, pin, counter in (("E003", "1234", 3), ("M001", "2468", None)):
        key = server.sign_in(staff_id, pin, counter)
        for method, path, body in (
            ("GET", "/api/staff", None),
            ("POST", "/api/staff/E004/disable", None),
            ("POST", "/api/staff/E004/pin", {"pin": "1111"}),
            ("POST", "/api/staff/E004/role", {"role": "admin"}),
            ("GET", "/api/setup/counters", None),
            ("GET", "/api/setup/businesses", None),
        ):
            answer = server.request(method, path, key, body)
            assert answer.status == 403, (staff_id, path, answer)
            assert "may not manage staff and counters" in answer.detail
    assert audited(store, "staff_disabled") == [] and audited(store, "pin_reset") == []


def test_hallq_keeps_a_command_for_each_act(served, tmp_path: Path) -> None:
    server, store, _ = served

    def admin(*args: str) -> str:
        done = hallq(server, "--staff", "S001", *args, pin="1357")
        assert done.returncode == 0, done.stderr
        return done.stdout

    admin("staff", "add", "E009", "--name", "孙悦")
    admin("staff", "role", "E009", "--role", "lead")
    admin("staff", "disable", "E007")
    listed = {row["staff_id"]: row for row in json.loads(admin("staff", "list"))}
    assert listed["E009"]["role"] == "lead" and listed["E007"]["can_sign_in"] is False
    admin("counter", "queues", "6", "--queues", "DA")
    assert [c["queues"] for c in json.loads(admin("counter", "list")) if c["number"] == 6] == ["DA"]
    (tmp_path / "grey.csv").write_bytes(b"13700000009\n")
    admin("lists", "import", "greylist", str(tmp_path / "grey.csv"))
    admin("lists", "remove", "greylist", "13700000009")
    assert json.loads(admin("lists", "entries", "greylist")) == []
    refused = hallq(server, "--staff", "E003", "staff", "disable", "E004", pin="1234")
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert [detail for _, detail in audited(store, "staff_disabled")] == [
        {"staff_id": "E007", "sessions": 0}
    ]
