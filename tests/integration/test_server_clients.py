"""The hall server's clients over real sockets: the command line signed in as a person,
the change feed over a WebSocket, and the server as the only clock."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from websockets.sync.client import connect

from shared.services.devices import enrol_device
from shared.store.database import Store, open_store
from shared.store.models import AuditEntry, Clerk, Ticket
from tests.integration.hall_server import REPO, HallServer, running_server, snapshot

pytestmark = [pytest.mark.integration]


@pytest.fixture
def served(store_target: str, tmp_path: Path) -> Iterator[tuple[HallServer, Store, dict[str, str]]]:
    store = open_store(store_target)
    keys = {
        "kiosk": enrol_device(store, None, None, "kiosk-1", "kiosk"),
        "board": enrol_device(store, None, None, "board-1", "board"),
    }
    with running_server(store_target, tmp_path) as server:
        yield server, store, keys
        assert server.tracebacks() == 0, server.log.read_text()
    store.close()


def hallq(
    server: HallServer, *args: str, pin: str | None = None, key: str | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("HALLQ_")}
    environment.update({"HALLQ_PIN": pin or "", "HALLQ_DEVICE_KEY": key or "", "TZ": "Etc/GMT-14"})
    return subprocess.run(
        [sys.executable, "-m", "shared.cli", "--server", f"127.0.0.1:{server.port}", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_the_command_line_acts_as_the_person_signed_in_and_nothing_more(served) -> None:
    server, store, _ = served
    refused = hallq(server, "--staff", "E003", "settings", "alert_level1=3", pin="1234")
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1 and "may not change settings" in refused.stderr
    changed = hallq(server, "--staff", "M001", "settings", "alert_level1=3", "--json", pin="2468")
    assert changed.returncode == 0, changed.stderr
    assert json.loads(changed.stdout)["alert_level1"] == 3.0
    enrolled = hallq(
        server, "--staff", "S001", "device", "add", "kiosk-2", "--kind", "kiosk", pin="1357"
    )
    assert enrolled.returncode == 0 and enrolled.stdout.splitlines()[-1].startswith("hd_")
    status = hallq(server, "status", "--json", key=enrolled.stdout.splitlines()[-1])
    assert status.returncode == 0 and json.loads(status.stdout)["hall"] == "demo"
    no_pin = hallq(server, "--staff", "E003", "status")
    assert no_pin.returncode == 1 and "HALLQ_PIN" in no_pin.stderr
    with store.read() as session:
        names = dict(session.execute(select(Clerk.id, Clerk.staff_id)).all())
        acts = {
            entry.action: names.get(entry.clerk_id) for entry in session.scalars(select(AuditEntry))
        }
    assert acts["settings_changed"] == "M001"
    assert acts["device_enrolled"] == "S001"
    assert acts["sign_out"] in {"E003", "M001", "S001"}  # every command signs out when done


def test_the_change_feed_pushes_each_commit_to_an_authenticated_screen(served) -> None:
    server, _, keys = served
    url = f"ws://127.0.0.1:{server.port}/api/changes"
    with connect(url, open_timeout=10) as socket:
        socket.send(json.dumps({"token": keys["board"]}))
        hello = json.loads(socket.recv(timeout=10))
        assert hello["type"] == "auth_ok" and hello["actor"]["name"] == "board-1"
        issued = server.request("POST", "/api/kiosk/tickets", keys["kiosk"], {"business": "topup"})
        assert issued.status == 201
        pushed = json.loads(socket.recv(timeout=10))
        assert pushed["type"] == "changed" and "tickets" in pushed["kinds"]
        assert pushed["id"] != hello["id"]
    with connect(url, open_timeout=10) as socket:  # back after a restart of the server: all
        socket.send(json.dumps({"token": keys["board"], "after": "0000-7"}))
        assert json.loads(socket.recv(timeout=10))["type"] == "auth_ok"
        assert "tickets" in json.loads(socket.recv(timeout=10))["kinds"]


def test_the_change_feed_refuses_a_socket_without_credentials(served) -> None:
    server, _, _ = served
    with connect(f"ws://127.0.0.1:{server.port}/api/changes", open_timeout=10) as socket:
        socket.send(json.dumps({"token": "hd_forged"}))
        refusal = json.loads(socket.recv(timeout=10))
        assert refusal["type"] == "auth_invalid" and "device key" in refusal["reason"]


def test_the_server_is_the_only_clock(served) -> None:
    """A client cannot send a time: a ticket carries the server's now, and a body that
    tries to date it is refused whole, storing nothing."""
    server, store, keys = served
    before = snapshot(store)
    dated = server.request(
        "POST",
        "/api/kiosk/tickets",
        keys["kiosk"],
        {"business": "topup", "issued_at": "9999-12-31T23:59:00"},
    )
    assert dated.status == 422 and "issued_at" in dated.detail
    assert snapshot(store) == before
    issued = server.request("POST", "/api/kiosk/tickets", keys["kiosk"], {"business": "topup"})
    server_now = dt.datetime.fromisoformat(
        server.request("GET", "/api/clock", keys["kiosk"]).body["now"]
    )
    with store.read() as session:
        ticket = session.scalars(select(Ticket).where(Ticket.code == issued.body["ticket"])).one()
    assert abs((server_now - ticket.issued_at).total_seconds()) < 60


def test_the_pin_lock_out_is_kept_by_the_server(served) -> None:
    server, _, _ = served
    for _ in range(5):
        wrong = server.request("POST", "/api/sessions", body={"staff_id": "E007", "pin": "9999"})
        assert wrong.status == 401
    locked = server.request("POST", "/api/sessions", body={"staff_id": "E007", "pin": "1234"})
    assert locked.status == 401 and "locked" in locked.detail
    # with its code and parameters, for each window to say in its language
    assert locked.body["code"] == "pin_locked_until" and locked.body["params"]["staff"] == "E007"
    claimed = server.request(
        "POST",
        "/api/sessions",
        body={"staff_id": "E007", "pin": "1234", "now": "2099-01-01T00:00:00"},
    )
    assert claimed.status == 422


def test_guessing_pins_across_staff_ids_from_one_place_is_made_to_wait(served) -> None:
    """Five tries per staff id would let one place try every id in turn: after twenty
    wrong sign-ins from one address, even a right PIN waits."""
    server, _, _ = served
    staff = [f"E00{n}" for n in range(1, 9)] + ["M001"]
    for attempt in range(20):
        wrong = server.request(
            "POST", "/api/sessions", body={"staff_id": staff[attempt % len(staff)], "pin": "0000"}
        )
        assert wrong.status == 401
    waited = server.request("POST", "/api/sessions", body={"staff_id": "S001", "pin": "1357"})
    assert waited.status == 429 and "try again" in waited.detail
