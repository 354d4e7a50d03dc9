"""Hall settings: defaults, coercion from text, and impossible values refused as a whole."""

from __future__ import annotations

import re

import pytest

from shared.cli.main import main
from shared.errors import Rejected
from shared.rules.hall_settings import HallSettings
from shared.services.settings import change_settings, load_settings
from shared.store.lookup import find_hall


def test_defaults_are_the_documents_values(store):
    with store.read() as session:
        settings = load_settings(session, find_hall(session, "demo").id)
    assert settings == HallSettings()
    assert (settings.alert_level1, settings.alert_level2, settings.alert_margin) == (2.5, 3.5, 0.5)
    assert settings.routine_norm_s == 180


def test_text_values_are_coerced_to_the_settings_types(store):
    with store.write() as session:
        hall = find_hall(session, "demo")
        change_settings(
            session, hall.id, {"alert_level1": "2", "ageing_cap": "yes", "green_ratio": "3"}
        )
    with store.read() as session:
        settings = load_settings(session, hall.id)
    assert (settings.alert_level1, settings.ageing_cap, settings.green_ratio) == (2.0, True, 3)


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"alert_level2": 2.0}, "alert_level2 must be above alert_level1"),
        ({"alert_level1": 0}, "alert_level1 must be above 0"),
        ({"alert_margin": -0.1}, "alert_margin must be at least 0"),
        ({"alert_margin": 2.5}, "below alert_level1"),
        ({"alert_level1": "inf"}, "finite"),
        ({"routine_norm_s": 0}, "routine_norm_s must be a positive"),
        ({"green_ratio": -1}, "green_ratio must be 0"),
        ({"vip_queue": "vip"}, "one capital letter"),
        ({"ageing_cap": "maybe"}, "ageing_cap must be true or false"),
        ({"routine_norm_s": 1.5}, "routine_norm_s must be a whole number"),
        ({"colour": "red"}, "unknown setting 'colour'"),
    ],
)
def test_impossible_settings_are_refused_and_nothing_is_stored(store, changes, reason):
    with pytest.raises(Rejected, match=reason), store.write() as session:
        change_settings(session, find_hall(session, "demo").id, changes)
    with store.read() as session:
        assert load_settings(session, find_hall(session, "demo").id) == HallSettings()


HOSTILE = [
    ({"vip_queue": "Z"}, "vip_queue Z is not one of the hall's queues"),
    ({"group_queue": "Q"}, "group_queue Q is not one of the hall's queues"),
    ({"score_sales": 1e308}, "score_sales must be a number of points from 0 to 1000"),
    ({"score_volume": 10**23}, "score_volume must be a number of points from 0 to 1000"),
    ({"score_quality": 10**400}, "score_quality must be a number of sane size"),
    ({"score_satisfaction": "nan"}, "score_satisfaction must be a number of points"),
    ({"score_sales": "-inf"}, "score_sales must be a number of points"),
    ({"score_sales_target": "nan"}, "score_sales_target must be a share"),
    ({"score_volume_target": 10**23}, "score_volume_target must be from 1 to 100000"),
    ({"retention_days": "١٢٣"}, "retention_days must be a whole number in ASCII digits"),
    ({"kiosk_idle_s": "1_000"}, "kiosk_idle_s must be a whole number in ASCII digits"),
    ({"alert_level1": "２.5"}, "alert_level1 must be a number in ASCII digits"),
    ({"printer": "network:192.168.1.50:0"}, "port must be from 1 to 65535"),
    ({"printer": "network:192.168.1.50:99999"}, "port must be from 1 to 65535"),
    ({"printer": "file:/dev/sda"}, "printer file:/dev/sda must be a printer device"),
    ({"printer": "file:/etc/passwd"}, "printer file:/etc/passwd must be a printer device"),
    ({"printer": "file:/dev/null"}, "printer file:/dev/null must be a printer device"),
    ({"printer": "file:lp0"}, "printer file:lp0 must be an absolute path"),
    ({"print_folder": "/etc"}, "print_folder '/etc' is a system folder"),
    ({"print_folder": "/"}, "print_folder '/' is a system folder"),
    ({"print_folder": "spool"}, "print_folder 'spool' must be an absolute path"),
    ({"print_folder": "/etc", "printer": "file:/etc/passwd"}, "is a system folder"),
]


@pytest.mark.parametrize(("changes", "reason"), HOSTILE)
def test_settings_a_hostile_user_might_try_are_refused_and_nothing_is_stored(
    store, changes, reason
):
    with pytest.raises(Rejected, match=re.escape(reason)), store.write() as session:
        change_settings(session, find_hall(session, "demo").id, changes)
    with store.read() as session:
        assert load_settings(session, find_hall(session, "demo").id) == HallSettings()


def test_whole_numbers_stay_whole_and_sane_numbers_pass(store):
    with store.write() as session:
        change_settings(
            session,
            find_hall(session, "demo").id,
            {"retention_days": "365", "score_sales": 40, "printer": "network:printer.hall:9100"},
        )
    with store.read() as session:
        settings = load_settings(session, find_hall(session, "demo").id)
    assert settings.retention_days == 365 and isinstance(settings.retention_days, int)
    assert settings.score_sales == 40.0 and settings.printer == "network:printer.hall:9100"


def test_a_file_printer_may_write_in_the_print_folder_and_nowhere_else(store, tmp_path):
    spool = tmp_path / "spool"
    spool.mkdir()
    (tmp_path / "elsewhere").write_text("")
    changes = {"print_folder": str(spool), "printer": f"file:{spool / 'lp0'}"}
    with store.write() as session:
        change_settings(session, find_hall(session, "demo").id, changes)
    (spool / "escape").symlink_to(tmp_path / "elsewhere")
    for outside in (spool / "escape", spool / ".." / "elsewhere", spool):
        with pytest.raises(Rejected, match="must be a printer device"), store.write() as session:
            change_settings(session, find_hall(session, "demo").id, {"printer": f"file:{outside}"})


def test_a_queue_the_hall_has_can_be_named(store):
    with store.write() as session:
        settings = change_settings(session, find_hall(session, "demo").id, {"group_queue": "B"})
    assert settings.group_queue == "B"


@pytest.mark.parametrize(("changes", "reason"), HOSTILE[:3] + HOSTILE[9:10] + HOSTILE[14:16])
def test_hallq_settings_refuses_in_one_line_and_exit_1(store_target, capsys, changes, reason):
    before = main(["--db", store_target, "settings", "--json"])
    shown = capsys.readouterr().out
    assignments = [f"{name}={value}" for name, value in changes.items()]
    assert before == 0 and main(["--db", store_target, "settings", *assignments]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"hallq: error: {reason}" + captured.err.split(reason, 1)[1]
    assert captured.err.count("\n") == 1 and captured.out == ""
    assert main(["--db", store_target, "settings", "--json"]) == 0
    assert capsys.readouterr().out == shown
