"""A revoked device key or staff session loses its open change feed at once: the server
says why and closes the socket within a couple of seconds, rather than pushing the hall's
changes to a PC or a person it no longer trusts."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from shared.services.devices import enrol_device
from shared.store.database import open_store
from tests.integration.hall_server import HallServer, running_server

pytestmark = [pytest.mark.integration]
PROMPTLY_S = 2.0


@pytest.fixture
def served(store_target: str, tmp_path: Path) -> Iterator[tuple[HallServer, dict[str, str]]]:
    store = open_store(store_target)
    keys = {
        "kiosk": enrol_device(store, None, None, "kiosk-1", "kiosk"),
        "board": enrol_device(store, None, None, "board-1", "board"),
    }
    store.close()
    with running_server(store_target, tmp_path) as server:
        keys["admin"] = server.sign_in("S001", "1357")
        yield server, keys
        assert server.tracebacks() == 0, server.log.read_text()


@contextmanager
def following(server: HallServer, key: str) -> Iterator[ClientConnection]:
    """A program's change feed, authenticated."""
    with connect(f"ws://127.0.0.1:{server.port}/api/changes", open_timeout=10) as socket:
        socket.send(json.dumps({"token": key}))
        assert json.loads(socket.recv(timeout=10))["type"] == "auth_ok"
        yield socket


def closed_with_the_reason(socket: ClientConnection) -> tuple[float, str]:
    """Seconds until the server closed the socket, and the reason it gave first."""
    started, reason = time.monotonic(), ""
    try:
        while True:
            message = json.loads(socket.recv(timeout=10))
            if message["type"] == "auth_invalid":
                reason = message["reason"]
    except ConnectionClosed as closed:
        assert closed.rcvd is not None and closed.rcvd.code == 4401
    return time.monotonic() - started, reason


def test_a_revoked_devices_feed_is_closed_promptly(served) -> None:
    server, keys = served
    with following(server, keys["board"]) as board, following(server, keys["kiosk"]) as kiosk:
        revoked = server.request("DELETE", "/api/devices/board-1", keys["admin"])
        assert revoked.status in (200, 204), revoked
        seconds, reason = closed_with_the_reason(board)
        assert seconds < PROMPTLY_S and "revoked" in reason
        issued = server.request("POST", "/api/kiosk/tickets", keys["kiosk"], {"business": "topup"})
        assert issued.status == 201  # the kiosk, still trusted, keeps its feed
        told: set[str] = set()  # the revocation, then the ticket (the feed may join the two)
        while "tickets" not in told:
            told.update(json.loads(kiosk.recv(timeout=10))["kinds"])
        assert "staff" in told


def test_a_revoked_or_ended_staff_session_loses_its_feed_promptly(served) -> None:
    server, keys = served
    clerk = server.sign_in("E008", "1234", 6)
    lead = server.sign_in("M001", "2468")
    with following(server, clerk) as clerks_feed, following(server, lead) as leads_feed:
        assert (
            server.request("POST", "/api/staff/E008/revoke-sessions", keys["admin"]).status == 200
        )
        seconds, reason = closed_with_the_reason(clerks_feed)
        assert seconds < PROMPTLY_S and "sign in again" in reason
        assert server.request("DELETE", "/api/sessions/current", lead).status == 204
        seconds, reason = closed_with_the_reason(leads_feed)
        assert seconds < PROMPTLY_S and "sign in again" in reason
