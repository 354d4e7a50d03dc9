"""Lists of numbers as spreadsheets export them (targets, special lists): UTF-8 with or
without BOM and GBK read alike; malformed numbers, repeats and oversized files refused by
line, with nothing imported."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from sqlalchemy import func, select

from shared.errors import Rejected
from shared.rules.number_lists import MAX_LIST_BYTES, ListRefused, read_number_list
from shared.services.campaigns import add_campaign, import_special_list, import_targets
from shared.store.clock import FixedClock
from shared.store.database import Store
from shared.store.models import AuditEntry, CampaignTarget, SpecialListEntry
from tests.core.test_hall_actions import snapshot

ROWS = 10 * 2**20 // 13 + 1  # 13 bytes a row: just over 10 MB
CLOCK = FixedClock(dt.datetime(2026, 11, 2, 8, 0))
TARGETS = "".join(
    f"{line}\n"
    for line in (
        "手机号码,分群,话术",
        "13700000001,高流量,您的套餐可升级5G",
        "137 0000 0002,,",
        "+8613700000003,宽带,",
    )
)


@pytest.fixture
def campaign(store: Store) -> str:
    add_campaign(
        store, "demo", None, name="5G升级", business="plan_change",
        starts_on=dt.date(2026, 11, 1), ends_on=dt.date(2026, 11, 30), clock=CLOCK,
    )  # fmt: skip
    return "5G升级"


def _targets(store: Store) -> list[tuple[str, str, str]]:
    with store.read() as session:
        rows = session.execute(
            select(CampaignTarget.phone, CampaignTarget.segment, CampaignTarget.script).order_by(
                CampaignTarget.phone
            )
        )
        return [tuple(row) for row in rows]


@pytest.mark.parametrize(
    "encoded",
    [TARGETS.encode(), b"\xef\xbb\xbf" + TARGETS.encode(), TARGETS.encode("gbk")],
    ids=["utf-8", "utf-8 with BOM", "gbk"],
)
def test_utf8_with_or_without_bom_and_gbk_read_the_same_targets(
    store: Store, campaign: str, encoded: bytes
) -> None:
    imported = import_targets(
        store, "demo", None, campaign, encoded, file_name="t.csv", clock=CLOCK
    )
    assert (imported.rows, imported.added) == (3, 3)
    assert _targets(store) == [
        ("13700000001", "高流量", "您的套餐可升级5G"),
        ("13700000002", "", ""),
        ("13700000003", "宽带", ""),
    ]


def test_malformed_numbers_and_repeats_are_refused_by_line_and_nothing_is_imported(
    store: Store, campaign: str
) -> None:
    content = (
        b"13700000001\n"
        b"1370000000\n"  # ten digits
        b"23700000001\n"  # not a mobile
        b"1.37E+10\n"  # a spreadsheet's rendering of a number
        b"13700000002,a,b,c\n"  # four columns
        b"137-0000-0001\n"  # line 1's number again
        b"13700000004\n"
    )
    before = snapshot(store)
    with pytest.raises(ListRefused) as refused:
        import_targets(store, "demo", None, campaign, content, file_name="t.csv", clock=CLOCK)
    assert [problem.split(":")[0] for problem in refused.value.problems] == [
        "line 2", "line 3", "line 4", "line 5", "line 6"
    ]  # fmt: skip
    assert "repeats line 1" in refused.value.problems[-1]
    assert "\n" not in refused.value.message and "nothing imported" in refused.value.message
    assert snapshot(store) == before


def test_a_file_neither_utf8_nor_gbk_is_refused_naming_its_line(store: Store) -> None:
    before = snapshot(store)
    with pytest.raises(Rejected, match="line 2 is neither UTF-8 nor GBK"):
        import_special_list(
            store, "demo", None, "blacklist", b"13700000001\n\x81\x20\n", file_name="b.csv"
        )
    assert snapshot(store) == before


def test_a_special_list_has_one_column_and_a_known_kind(store: Store) -> None:
    with pytest.raises(ListRefused, match="line 1: 2 columns"):
        import_special_list(store, "demo", None, "blacklist", b"13700000001,x\n", file_name="b")
    with pytest.raises(Rejected, match="unknown special list 'whitelist'"):
        import_special_list(store, "demo", None, "whitelist", b"13700000001\n", file_name="w")


def test_a_list_over_the_size_limit_or_empty_is_refused() -> None:
    with pytest.raises(Rejected, match="at most 16 MB: split it"):
        read_number_list(b"13700000001\n" * (MAX_LIST_BYTES // 12 + 1), "big.csv", columns=1)
    with pytest.raises(Rejected, match="holds no mobile number"):
        read_number_list("手机号码\n\n".encode(), "empty.csv", columns=1)


def _ten_megabytes(bad_last_line: bool) -> bytes:
    lines = [f"13{n:09d}\r\n" for n in range(ROWS)]
    if bad_last_line:
        lines.append("1370000\r\n")
    return "".join(lines).encode()


@pytest.mark.slow
def test_a_ten_megabyte_list_imports_whole_and_with_one_bad_row_not_at_all(
    store: Store,
) -> None:
    big = _ten_megabytes(bad_last_line=True)
    assert len(big) >= 10 * 1024 * 1024
    with pytest.raises(ListRefused, match=r"1 rows refused.*line 806598"):
        import_special_list(store, "demo", None, "do_not_disturb", big, file_name="dnd.csv")
    good = _ten_megabytes(bad_last_line=False)
    started = time.perf_counter()
    imported = import_special_list(
        store, "demo", None, "do_not_disturb", good, file_name="dnd.csv", clock=CLOCK
    )
    took = time.perf_counter() - started
    assert imported.added == ROWS
    with store.read() as session:
        assert session.scalar(select(func.count(SpecialListEntry.id))) == ROWS
        logged = session.scalars(select(AuditEntry).where(AuditEntry.action == "list_imported"))
        assert [entry.detail["added"] for entry in logged] == [ROWS]
    assert took < 120, f"a 10 MB list took {took:.1f} s"


def test_numbers_on_a_special_list_are_left_out_of_a_campaign_at_import(
    store: Store, campaign: str
) -> None:
    import_special_list(store, "demo", None, "greylist", b"13700000002\n", file_name="g")
    import_special_list(store, "demo", None, "sensitive_complaint", b"13700000003\n", file_name="s")
    imported = import_targets(
        store, "demo", None, campaign, TARGETS.encode(), file_name="t.csv", clock=CLOCK
    )
    assert imported.as_json() == {
        "rows": 3, "added": 1, "already": 0,
        "excluded": {"greylist": 1, "sensitive_complaint": 1},
    }  # fmt: skip
    again = import_targets(
        store, "demo", None, campaign, TARGETS.encode(), file_name="t.csv", clock=CLOCK
    )
    assert (again.added, again.already) == (0, 1)
    assert [phone for phone, _, _ in _targets(store)] == ["13700000001"]
