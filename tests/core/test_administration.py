"""An administrator's services and `hallq staff`, `hallq counter`, `hallq lists remove` on the
store file: only an administrator reads or changes the staff and counters; a disabled clerk
keeps her history, loses her open sessions and cannot sign in until given a new PIN of the
hall's length; a number comes off a special list, audited masked; every setting has a
meaning and, but for true/false ones, bounds in words."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import func, select

from shared.cli.main import main
from shared.errors import NotSignedIn, Rejected
from shared.rules.hall_settings import SETTING_NAMES, HallSettings
from shared.services import campaigns, staff_admin
from shared.services.hall import HallService
from shared.services.sessions import open_session, staff_actor
from shared.services.settings import setting_rules
from shared.services.staff import sign_in
from shared.store.models import AuditEntry, Clerk, CounterSession, Setting

SOURCE = {"source": "test"}


def actions(store, action: str) -> list[AuditEntry]:
    with store.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


@pytest.mark.parametrize("who", ["E001", "M001"])
def test_only_an_administrator_reads_or_changes_the_staff_and_counters(store, clock, who):
    for read in (staff_admin.list_staff, staff_admin.list_counters, staff_admin.list_businesses):
        with pytest.raises(Rejected, match="only an administrator"):
            read(store, "demo", who)
    with pytest.raises(Rejected, match="only an administrator"):
        staff_admin.reset_pin(store, "demo", who, "E002", "9999", clock=clock, **SOURCE)
    with pytest.raises(Rejected, match="only an administrator"):
        staff_admin.change_counter_queues(store, "demo", who, 2, "B", clock=clock, **SOURCE)
    assert actions(store, "pin_reset") == [] and actions(store, "counter_queues_set") == []


def test_a_disabled_clerk_keeps_her_history_loses_her_sessions_and_comes_back_with_a_pin(
    store, clock
):
    hall = HallService(store, "demo", clock)
    hall.open_counter(2, "E002")
    hall.close_counter(2)
    opened = open_session(store, "demo", "E002", "1234", counter=2, clock=clock)
    staff_admin.disable_clerk(store, "demo", "S001", "E002", clock=clock, **SOURCE)
    with pytest.raises(NotSignedIn):
        staff_actor(store, opened.token, clock.now())
    with pytest.raises(Rejected, match="unknown staff id or wrong PIN"):
        sign_in(store, "demo", "E002", "1234", source="test", clock=clock)
    with store.read() as session:
        clerk_id = session.scalar(select(Clerk.id).where(Clerk.staff_id == "E002"))
        kept = session.scalar(
            select(func.count())
            .select_from(CounterSession)
            .where(CounterSession.clerk_id == clerk_id)
        )
    assert kept == 1
    (entry,) = actions(store, "staff_disabled")
    assert entry.detail == {"staff_id": "E002", "sessions": 1}
    rows = {row.staff_id: row for row in staff_admin.list_staff(store, "demo", "S001")}
    assert rows["E002"].can_sign_in is False and rows["E001"].can_sign_in is True

    with store.write() as session:
        session.add(Setting(hall_id=1, key="pin_min_length", value=6))
    with pytest.raises(Rejected, match="a PIN is 6 to 8 digits"):
        staff_admin.reset_pin(store, "demo", "S001", "E002", "4321", clock=clock, **SOURCE)
    staff_admin.reset_pin(store, "demo", "S001", "E002", "654321", clock=clock, **SOURCE)
    assert sign_in(store, "demo", "E002", "654321", source="test", clock=clock).staff_id == "E002"
    assert [e.detail for e in actions(store, "pin_reset")] == [{"staff_id": "E002"}]


def test_a_counters_queues_change_is_checked_and_audited(store, clock):
    with pytest.raises(Rejected, match="no queue 'Z'"):
        staff_admin.change_counter_queues(store, "demo", "S001", 2, "AZ", clock=clock, **SOURCE)
    with pytest.raises(Rejected, match="each listed once"):
        staff_admin.change_counter_queues(store, "demo", "S001", 2, "AA", clock=clock, **SOURCE)
    staff_admin.change_counter_queues(store, "demo", "S001", 2, "BA", clock=clock, **SOURCE)
    counters = {c.number: c for c in staff_admin.list_counters(store, "demo", "S001")}
    assert counters[2].queues == "BA"
    (entry,) = actions(store, "counter_queues_set")
    assert entry.detail == {"number": 2, "queues": "BA", "previous": "AB"}


def test_a_number_comes_off_a_list_and_the_audit_keeps_it_masked(store, clock):
    campaigns.import_special_list(
        store,
        "demo",
        None,
        "greylist",
        b"13800000001\n13900000002\n",
        file_name="g.csv",
        clock=clock,
    )
    campaigns.remove_from_special_list(store, "demo", None, "greylist", "13800000001", clock=clock)
    assert [e.phone for e in campaigns.special_list_entries(store, "demo", None, "greylist")] == [
        "13900000002"
    ]
    with pytest.raises(Rejected, match=r"138\*\*\*\*0001 is not on the greylist list"):
        campaigns.remove_from_special_list(
            store, "demo", None, "greylist", "13800000001", clock=clock
        )
    (entry,) = actions(store, "list_entry_removed")
    assert entry.detail["phone"] == "138****0001" and entry.detail["list"] == "greylist"
    assert "13800000001" not in json.dumps(entry.detail)


def test_every_setting_has_its_meaning_and_bounds_from_the_one_source():
    rules = setting_rules()
    assert tuple(rule.name for rule in rules) == SETTING_NAMES
    defaults = HallSettings()
    for rule in rules:
        assert rule.meaning, rule.name
        assert rule.default == getattr(defaults, rule.name)
        assert bool(rule.bounds) == (rule.kind != "bool"), rule.name
    bounds = {rule.name: rule.bounds for rule in rules}
    assert bounds["rating_timeout_s"] == "5 to 3600" and bounds["pin_min_length"] == "4 to 8"


def hallq(store_target: str, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(["--db", store_target, *args], out)
    return status, out.getvalue()


def test_hallq_staff_counter_and_lists_remove_on_the_store_file(
    store, store_target, monkeypatch, capsys, tmp_path
):
    assert hallq(store_target, "staff", "disable", "E003", "--admin", "S001")[0] == 0
    status, printed = hallq(store_target, "staff", "list", "--admin", "S001", "--json")
    assert status == 0
    listed = {row["staff_id"]: row for row in json.loads(printed)}
    assert listed["E003"]["can_sign_in"] is False
    monkeypatch.setenv("HALLQ_NEW_PIN", "7777")
    assert hallq(store_target, "staff", "reset-pin", "E003", "--admin", "S001")[0] == 0
    assert sign_in(store, "demo", "E003", "7777", source="test").staff_id == "E003"
    assert hallq(store_target, "staff", "add", "E009", "--name", "孙悦", "--admin", "S001")[0] == 0
    assert hallq(store_target, "staff", "role", "E009", "--role", "lead", "--admin", "S001")[0] == 0
    assert hallq(store_target, "counter", "queues", "4", "--queues", "B", "--admin", "S001")[0] == 0
    assert hallq(store_target, "counter", "add", "7", "--queues", "A", "--admin", "S001")[0] == 0
    status, printed = hallq(store_target, "counter", "list", "--admin", "S001", "--json")
    assert [(c["number"], c["queues"]) for c in json.loads(printed)][-4:] == [
        (4, "B"), (5, "C"), (6, "D"), (7, "A")
    ]  # fmt: skip

    (tmp_path / "b.csv").write_bytes(b"13800000001\n")
    assert hallq(store_target, "lists", "import", "blacklist", str(tmp_path / "b.csv"))[0] == 0
    assert hallq(store_target, "lists", "remove", "blacklist", "13800000001")[0] == 0
    assert hallq(store_target, "lists", "entries", "blacklist", "--json") == (0, "[]\n")
    capsys.readouterr()
    assert hallq(store_target, "lists", "remove", "blacklist", "13800000001")[0] == 1
    assert capsys.readouterr().err == "hallq: error: 138****0001 is not on the blacklist list\n"
    assert hallq(store_target, "staff", "disable", "E004", "--admin", "M001")[0] == 1
    assert "only an administrator may manage staff" in capsys.readouterr().err
    by = {e.action: e for e in actions(store, "staff_disabled")}
    assert by["staff_disabled"].source == "cli"


def test_the_bounds_in_words_are_the_bounds_the_check_keeps():
    """Each whole-number setting's stated bounds: the least and the most are taken, one
    beyond either is refused with a reason naming the setting."""
    from shared.services.settings import check_settings

    for rule in setting_rules():
        if rule.kind != "int":
            continue
        least, _, most = rule.bounds.partition(" to ")
        for value in (int(least), int(most)):
            assert getattr(check_settings({rule.name: value}), rule.name) == value
        for value in (int(least) - 1, int(most) + 1):
            with pytest.raises(Rejected, match=f"^{rule.name} must be "):
                check_settings({rule.name: value})
    for name, inside, outside in (
        ("alert_level1", 999, 1000.5),
        ("score_sales", 1000, 1000.5),
        ("score_sales_target", 1, 0),
    ):
        check_settings({name: inside, **({"alert_level2": 1000} if name == "alert_level1" else {})})
        with pytest.raises(Rejected):
            check_settings({name: outside})
