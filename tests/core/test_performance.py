"""The performance sheet on a hand-built day: each part and the weighted score computed by
hand from docs/rules.md's published scheme, the weights as settings, and a month as the mean
of its days."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from shared.errors import Rejected
from shared.figures.performance import day_sheet, month_sheet
from shared.services.settings import change_settings
from shared.store.lookup import find_hall
from shared.store.models import Setting


def _serve(hall, clock, business: str, seconds: int, rating: str, **done: bool) -> None:
    hall.issue(business)
    clock.advance(60)
    hall.call(1)
    clock.advance(seconds)
    hall.finish(1, **done)
    hall.rate(1, rating)
    clock.advance(30)


def _hand_built_day(hall, clock) -> None:
    """E001 at counter 1: a top-up in 120 s (offer accepted, form signed, satisfied) and a
    SIM replacement in 600 s (unsigned, dissatisfied)."""
    hall.open_counter(1, "E001")
    _serve(hall, clock, "topup", 120, "satisfied", recommended=True, accepted=True, signed=True)
    _serve(hall, clock, "sim_replace", 600, "dissatisfied")


def _sheet(store, day: dt.date):
    with store.read() as session:
        return day_sheet(session, find_hall(session, "demo"), day)


def test_the_score_of_a_hand_built_day_follows_the_published_weights(store, hall, clock):
    _hand_built_day(hall, clock)
    (score,) = _sheet(store, clock.now().date())
    # sales: 1 accepted / 2 handled = 0.5, over the 0.2 target: full marks (capped at 1)
    # volume: 2 / 40 = 0.05; satisfaction: 1 satisfied / 2 rated = 0.5 (the clerk table's)
    # quality: mean(routine within norm 1/1, signed 1/2) = 0.75
    assert (score.clerk, score.handled, score.days) == ("E001", 2, 1)
    assert (score.sales, score.volume, score.satisfaction, score.quality) == (1.0, 0.05, 0.5, 0.75)
    assert score.points == pytest.approx(20 * 1.0 + 15 * 0.05 + 5 * 0.5 + 30 * 0.75)
    assert score.out_of == 70


def test_the_weights_and_targets_are_hall_settings(store, hall, clock):
    _hand_built_day(hall, clock)
    with store.write() as session:
        change_settings(
            session,
            find_hall(session, "demo").id,
            {"score_quality": "0", "score_volume_target": "4", "score_sales_target": "1"},
        )
    (score,) = _sheet(store, clock.now().date())
    assert (score.sales, score.volume) == (0.5, 0.5)
    assert score.points == pytest.approx(20 * 0.5 + 15 * 0.5 + 5 * 0.5)
    assert score.out_of == 40


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"score_sales": -1}, "score_sales must be a number of points"),
        ({"score_quality": "nan"}, "score_quality must be a number of points"),
        ({"score_sales_target": 0}, "score_sales_target must be a share"),
        ({"score_sales_target": 1.5}, "score_sales_target must be a share"),
        ({"score_volume_target": 0}, "score_volume_target must be from 1 to 100000"),
    ],
)
def test_impossible_weights_are_refused_and_nothing_is_stored(store, changes, reason):
    with store.read() as session:
        before = session.scalar(select(func.count()).select_from(Setting))
    with pytest.raises(Rejected, match=reason), store.write() as session:
        change_settings(session, find_hall(session, "demo").id, changes)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Setting)) == before


def test_a_part_without_data_earns_nothing(store, hall, clock):
    hall.open_counter(1, "E001")
    hall.issue("sim_replace")
    hall.call(1)
    clock.advance(300)
    hall.finish(1)  # long business, unsigned, not rated
    (score,) = _sheet(store, clock.now().date())
    assert (score.satisfaction, score.quality, score.sales) == (None, 0.0, 0.0)
    assert score.points == pytest.approx(15 * 1 / 40)


def test_a_month_is_the_mean_of_the_clerks_days(store, hall, clock):
    _hand_built_day(hall, clock)
    first = _sheet(store, clock.now().date())[0]
    clock.set(dt.datetime(2026, 11, 24, 9, 0))
    hall.open_counter(1, "E001")
    _serve(hall, clock, "topup", 100, "satisfied", signed=True)
    second = _sheet(store, clock.now().date())[0]
    with store.read() as session:
        (month,) = month_sheet(session, find_hall(session, "demo"), "2026-11")
    assert (month.clerk, month.days, month.handled) == ("E001", 2, 3)
    assert month.points == pytest.approx((first.points + second.points) / 2)
    assert month.satisfaction == pytest.approx((0.5 + 1.0) / 2)
