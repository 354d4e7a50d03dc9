"""`hallq evaluate`'s figures: estimate errors against the naive ones, and each warning and
each rise of the level judged against the other."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from shared.cli.main import main
from shared.forecast.evaluate import (
    FIRST_DAY,
    DayOutcome,
    Promise,
    Raised,
    estimate_figures,
    profile_figures,
    replay_simulated_days,
    runs_of_days,
    warning_figures,
)

DAY = dt.date(2026, 11, 23)


def at(hour: int, minute: int) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute))


def test_estimate_figures_compare_errors_and_five_minute_hits_with_the_naive_estimate():
    figures = estimate_figures(
        [Promise(600.0, 0.0, 700.0), Promise(100.0, 900.0, 0.0), Promise(300.0, 300.0, 300.0)]
    )
    assert figures.tickets == 3
    assert figures.mae_s == pytest.approx(200 / 3)
    assert figures.naive_mae_s == pytest.approx(1600 / 3)
    assert figures.improvement == pytest.approx(1 - 200 / 1600)
    assert figures.within == 1.0 and figures.naive_within == pytest.approx(1 / 3)


def test_estimate_figures_compare_errors_with_the_pooled_mean_and_erlang_c():
    figures = estimate_figures(
        [Promise(600.0, 0.0, 700.0, 400.0, 1000.0), Promise(100.0, 900.0, 0.0, 300.0, 0.0)]
    )
    assert figures.pooled_mae_s == pytest.approx(300.0)
    assert figures.erlang_mae_s == pytest.approx(150.0)
    assert figures.below(figures.pooled_mae_s) == pytest.approx(1 - 100 / 300)
    assert figures.below(figures.erlang_mae_s) == pytest.approx(1 - 100 / 150)


def test_a_rise_is_credited_to_the_earliest_standing_warning_and_others_are_false_alarms():
    day = DayOutcome("test", DAY)
    day.rises = [(at(11, 0), 1), (at(12, 0), 1), (at(12, 5), 2)]
    day.warnings = [
        Raised(at(10, 50), 1, at(10, 52)),  # withdrawn before the rise: not credited
        Raised(at(10, 53), 1, None),  # 7 minutes ahead of 11:00
        Raised(at(10, 56), 1, None),
        Raised(at(11, 30), 1, at(11, 50)),  # nothing follows within 25 minutes: false
        Raised(at(12, 1), 2, None),  # 4 minutes ahead of 12:05
    ]
    figures = warning_figures([day])
    assert (figures.rises, figures.warned) == (3, 2)
    assert figures.median_lead_s == (7 * 60 + 4 * 60) / 2
    assert (figures.warnings, figures.false_alarms) == (5, 1)
    assert figures.false_share == pytest.approx(1 / 5)


def test_the_all_kinds_row_judges_every_day_s_rises_and_warnings_together():
    quiet, busy = DayOutcome("normal", DAY), DayOutcome("busy", DAY)
    busy.rises = [(at(11, 0), 1)]
    busy.warnings = [Raised(at(10, 50), 1, None), Raised(at(12, 0), 1, None)]
    quiet.warnings = [Raised(at(11, 0), 1, None)]  # the busy day's rise is not this day's
    figures = profile_figures("all", [quiet, busy])
    assert (figures.days, figures.warning.rises, figures.warning.warned) == (2, 1, 1)
    assert figures.warning.median_lead_s == 600
    assert (figures.warning.warnings, figures.warning.false_alarms) == (3, 2)


def test_no_warnings_no_false_share():
    figures = warning_figures([DayOutcome("quiet", DAY)])
    assert figures.false_share is None and figures.median_lead_s is None


def test_runs_of_days_cover_every_seed_once_in_order():
    assert runs_of_days(5, 10, 2) == [range(10, 13), range(13, 15)]
    assert runs_of_days(1, 0, 2) == [range(0, 1)]
    assert [seed for run in runs_of_days(50, 100, 3) for seed in run] == list(range(100, 150))


@pytest.mark.slow
def test_only_the_days_after_the_history_are_measured():
    (day,) = replay_simulated_days("understaffed", range(5, 6), history=1)
    assert day.day == FIRST_DAY + dt.timedelta(days=5) and day.promises


@pytest.mark.slow
def test_hallq_evaluate_replays_a_simulated_day_and_reports_json():
    out = io.StringIO()
    command = ["evaluate", "--days", "1", "--profile", "understaffed", "--processes", "1"]
    code = main([*command, "--history", "0", "--json"], out)
    assert code == 0
    (row,) = json.loads(out.getvalue())
    assert row["profile"] == "understaffed" and row["days"] == 1
    assert row["estimate"]["tickets"] > 200
    assert row["estimate"]["mae_s"] < row["estimate"]["naive_mae_s"]
    assert row["warning"]["rises"] > 0
    assert set(row["warning"]) >= {"warned", "median_lead_s", "warnings", "false_share"}


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--days", "0"), "--days"),
        (("--history", "-1"), "--history"),
        (("--history", "101"), "--history"),
        (("--processes", "0"), "--processes"),
    ],
)
def test_evaluate_refuses_numbers_out_of_range_before_replaying(args, says, capsys):
    assert main(["evaluate", "--profile", "normal", *args], io.StringIO()) == 1
    assert says in capsys.readouterr().err
