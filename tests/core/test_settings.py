"""Hall settings: defaults, coercion from text, and impossible values refused as a whole."""

from __future__ import annotations

import pytest

from shared.errors import Rejected
from shared.services.settings import HallSettings, change_settings, load_settings
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
