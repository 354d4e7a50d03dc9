"""`hallq campaigns`, `hallq lists` and `hallq cases` on the store file: what they print,
their exit statuses, refused lists naming every bad row, and the audit naming who ran
them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from shared.cli.main import main
from shared.store.database import Store
from shared.store.models import AuditEntry
from tests.core.test_hall_actions import snapshot

DAY = [
    {"op": "open", "counter": 2, "clerk": "E002", "at": "2026-11-23T09:00:00"},
    {"op": "issue", "business": "topup", "phone": "13700000001", "at": "2026-11-23T09:01:00"},
    {"op": "call", "counter": 2, "at": "2026-11-23T09:02:00"},
    {"op": "finish", "counter": 2, "at": "2026-11-23T09:04:00"},
    {"op": "rate", "counter": 2, "rating": "dissatisfied", "at": "2026-11-23T09:04:10"},
    {"op": "issue", "business": "topup", "at": "2026-11-23T09:05:00"},
    {"op": "call", "counter": 2, "at": "2026-11-23T09:06:00"},
    {"op": "finish", "counter": 2, "at": "2026-11-23T09:08:00"},
]


def hallq(store_target: str, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(["--db", store_target, *args], out)
    return status, out.getvalue()


@pytest.fixture
def lists(tmp_path: Path) -> Path:
    (tmp_path / "targets.csv").write_bytes(
        "手机号码,分群,话术\n13700000001,存量,升级5G\n13700000002,,\n".encode("gbk")
    )
    (tmp_path / "black.csv").write_bytes(b"\xef\xbb\xbf13700000002\n")
    (tmp_path / "bad.csv").write_bytes(b"13700000003\n1370000000\n13700000003\n")
    (tmp_path / "day.jsonl").write_text("\n".join(json.dumps(event) for event in DAY))
    return tmp_path


def test_a_campaign_is_added_and_imported_and_a_bad_list_imports_nothing(
    store: Store, store_target: str, lists: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert hallq(store_target, "campaigns", "add", "5G", "--business", "plan_change",
                 "--from", "2026-11-01", "--to", "2026-11-30")[0] == 0  # fmt: skip
    assert hallq(store_target, "lists", "import", "blacklist", str(lists / "black.csv")) == (
        0,
        "1 rows: 1 added, 0 already there\n",
    )
    assert hallq(store_target, "campaigns", "import", "5G", str(lists / "targets.csv")) == (
        0,
        "2 rows: 1 added, 0 already there, left out: 1 blacklist\n",
    )
    before = snapshot(store)
    status, printed = hallq(store_target, "campaigns", "import", "5G", str(lists / "bad.csv"))
    assert (status, printed) == (1, "")
    errors = capsys.readouterr().err.splitlines()
    assert errors[:2] == [
        "hallq: refused: line 2: '1370000000' is not a mobile number",
        "hallq: refused: line 3: 13700000003 repeats line 1",
    ]
    assert (
        errors[2].startswith("hallq: error: ") and "2 rows refused, nothing imported" in errors[2]
    )
    assert snapshot(store) == before
    status, shown = hallq(store_target, "lists", "show")
    assert status == 0 and "blacklist: 1 numbers" in shown and "+1 from" in shown
    assert hallq(store_target, "campaigns", "list", "--json")[1].count('"targets": 1') == 1
    with store.read() as session:
        acts = session.scalars(select(AuditEntry).where(AuditEntry.source == "cli")).all()
    assert [entry.action for entry in acts] == [
        "campaign_added",
        "list_imported",
        "targets_imported",
    ]
    assert all(entry.detail["user"] for entry in acts)


def test_a_dissatisfied_rating_opens_a_case_the_command_line_handles_to_its_close(
    store: Store, store_target: str, lists: Path
) -> None:
    assert hallq(store_target, "replay", str(lists / "day.jsonl"))[0] == 0
    status, listed = hallq(store_target, "cases", "list", "--open")
    assert status == 0 and listed.startswith("case 1 2026-11-23 A001 E002 dissatisfied")
    assert hallq(store_target, "cases", "complain", "--ticket", "A002", "--date", "2026-11-23",
                 "--note", "等候太久")[0] == 0  # fmt: skip
    assert hallq(store_target, "cases", "callback", "1", "--outcome", "resolved")[0] == 1
    assert hallq(store_target, "cases", "assign", "1", "--to", "E001")[0] == 0
    assert hallq(store_target, "cases", "callback", "1", "--outcome", "resolved")[0] == 0
    assert hallq(store_target, "cases", "close", "1")[0] == 0
    assert hallq(store_target, "cases", "close", "1")[0] == 1  # closed already
    status, report = hallq(store_target, "cases", "report", "--since", "2026-11-23",
                           "--until", "2026-11-23", "--json")  # fmt: skip
    rows = {row["clerk"]: row for row in json.loads(report)}
    # Two tickets finished by E002, two cases; case 1 called back, case 2 not.
    assert (rows["E002"]["handled"], rows["E002"]["cases"], rows["E002"]["called_back"]) == (
        2,
        2,
        1,
    )
    assert rows["E002"]["complaint_rate"] == 1.0 and rows["E002"]["callback_rate"] == 0.5
    status, text = hallq(store_target, "cases", "report", "--since", "2026-11-23",
                         "--until", "2026-11-23")  # fmt: skip
    assert status == 0 and "投诉与回访" in text and "100.0%" in text and "50.0%" in text
