"""Campaigns, offers and complaint cases through the real hall server: the shift lead runs a
campaign and a special list from `hallq --server`, the clerk at counter 3 sees the offer
for a targeted customer (none for a blacklisted one) and records it through the client, a
不满意 rating opens a case the lead assigns, calls back and closes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.client.http import Refused, ServerAddress
from shared.client.offers import read_offer, record_offer
from shared.services.devices import enrol_device
from shared.store.database import open_store
from tests.integration.hall_server import HallServer, running_server
from tests.integration.test_server_clients import hallq

pytestmark = [pytest.mark.integration]
TARGET, BLACKLISTED = "13700000001", "13700000002"


@pytest.fixture
def served(store_target: str, tmp_path: Path) -> Iterator[tuple[HallServer, str, Path]]:
    store = open_store(store_target)
    kiosk = enrol_device(store, None, None, "kiosk-1", "kiosk")
    store.close()
    with running_server(store_target, tmp_path) as server:
        yield server, kiosk, tmp_path
        assert server.tracebacks() == 0, server.log.read_text()


def lead(server: HallServer, *args: str) -> object:
    done = hallq(server, "--staff", "M001", *args, pin="2468")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_campaign_runs_from_the_lead_to_the_counter_and_back(served) -> None:
    server, kiosk, folder = served
    (folder / "black.csv").write_bytes(f"{BLACKLISTED}\n".encode())
    (folder / "targets.csv").write_bytes(
        f"手机号码,分群,话术\n{TARGET},存量,您的套餐可升级5G\n{BLACKLISTED},存量,\n".encode("gbk")
    )
    lead(server, "campaigns", "add", "5G", "--business", "plan_change",
         "--from", "2000-01-01", "--to", "2099-12-31")  # fmt: skip
    assert lead(server, "lists", "import", "blacklist", str(folder / "black.csv"))["added"] == 1
    imported = lead(server, "campaigns", "import", "5G", str(folder / "targets.csv"))
    assert imported == {"rows": 2, "added": 1, "already": 0, "excluded": {"blacklist": 1}}
    refused = hallq(server, "--staff", "E003", "lists", "show", pin="1234")
    assert refused.returncode == 1 and "may not run campaigns" in refused.stderr

    clerk = server.sign_in("E003", "1234", 3)
    address = ServerAddress.parse(f"http://127.0.0.1:{server.port}")
    assert server.request("POST", "/api/counters/3/open", clerk, {}).status == 200
    for phone in (TARGET, BLACKLISTED):
        body = {"business": "topup", "phone": phone}
        assert server.request("POST", "/api/kiosk/tickets", kiosk, body).status == 201

    assert server.request("POST", "/api/counters/3/call", clerk).status == 200
    shown = read_offer(address, clerk, 3)
    assert shown is not None
    assert (shown.campaign, shown.business, shown.script) == (
        "5G",
        "plan_change",
        "您的套餐可升级5G",
    )
    with pytest.raises(Refused, match="needs a reason"):
        record_offer(address, clerk, 3, "5G", "not_offered")
    record_offer(address, clerk, 3, "5G", "accepted")
    assert read_offer(address, clerk, 3) is None
    body = {"businesses": ["topup"]}
    assert server.request("POST", "/api/counters/3/finish", clerk, body).status == 200
    rated = server.request("POST", "/api/counters/3/rate", clerk, {"rating": "dissatisfied"})
    assert rated.status == 200

    assert server.request("POST", "/api/counters/3/call", clerk).status == 200
    assert read_offer(address, clerk, 3) is None  # on the blacklist since the import

    report = lead(server, "campaigns", "report", "--json")
    assert [(r["clerk"], r["seen"], r["accepted"], r["acceptance_rate"]) for r in report] == [
        (None, 1, 1, 1.0),
        ("E003", 1, 1, 1.0),
    ]
    cases = lead(server, "cases", "list", "--open")
    assert [(c["case"], c["clerk"], c["reason"]) for c in cases] == [(1, "E003", "dissatisfied")]
    lead(server, "cases", "assign", "1", "--to", "E001")
    lead(server, "cases", "callback", "1", "--outcome", "resolved")
    closed = lead(server, "cases", "close", "1")
    assert closed["callback_outcome"] == "resolved" and closed["closed_at"] is not None
    figures = lead(server, "cases", "report", "--json")
    assert [(r["clerk"], r["handled"], r["cases"], r["callback_rate"]) for r in figures] == [
        (None, 1, 1, 1.0),
        ("E003", 1, 1, 1.0),
    ]
