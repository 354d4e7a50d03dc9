"""The whole performance sheet of a scripted November: two service days, a campaign offer
accepted, a 不满意 rating (a complaint case), and the shift lead's mystery-shopper checks,
teamwork marks and learning records entered through `hallq scores`. Every number asserted
was computed by hand from the script and docs/rules.md (the comments give the working),
not read from the code; then bad input is refused with a reason and stores nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from shared.cli.main import main
from shared.documents.report import write_reports
from shared.errors import Forbidden, Rejected
from shared.services import scores
from shared.services.audit import command_line_user
from shared.services.campaigns import add_campaign, import_targets
from shared.services.hall import HallService
from shared.services.offers import offer_at_counter, record_offer
from shared.services.roles import change_settings_as
from shared.store.clock import FixedClock
from shared.store.database import Store
from shared.store.models import AuditEntry, ScoreEntry
from tests.core.test_campaign_month import actor

P1 = "13700000001"  # the campaign's one target
CLI = f"cli:{command_line_user()}"


def hallq(store_target: str, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(["--db", store_target, *args], out)
    return status, out.getvalue()


class Month:
    """The hall, its clock and clerks E002 (counter 2) and E003 (counter 3)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.clock = FixedClock(dt.datetime(2026, 11, 1, 8, 0))
        self.hall = HallService(store, "demo", self.clock)
        self.clerks = {2: actor(store, "E002", 2), 3: actor(store, "E003", 3)}
        self.lead = actor(store, "M001")

    def at(self, day: int, hour: int) -> None:
        self.clock.set(dt.datetime(2026, 11, day, hour, 0))

    def visit(
        self,
        counter: int,
        business: str,
        handle_s: int,
        *,
        phone: str | None = None,
        offer: str | None = None,
        signed: bool = False,
        rating: str | None = None,
    ) -> None:
        """Issued, called after a minute, served `handle_s` seconds (the offer recorded 30 s
        in), finished, rated."""
        issued = self.hall.issue(business, phone=phone)
        self.clock.advance(60)
        assert self.hall.call(counter).ticket == issued.ticket
        if offer is not None:
            clerk = self.clerks[counter]
            shown = offer_at_counter(self.store, "demo", clerk, counter, clock=self.clock)
            assert shown is not None and shown.campaign == "5G"
            self.clock.advance(30)
            record_offer(
                self.store, "demo", clerk, counter, campaign="5G", outcome=offer, clock=self.clock
            )
            handle_s -= 30
        self.clock.advance(handle_s)
        self.hall.finish(counter, signed=signed)
        if rating is not None:
            self.clock.advance(10)
            self.hall.rate(counter, rating)
        self.clock.advance(30)


@pytest.fixture
def november(store: Store, store_target: str) -> Month:
    return script_november(store, store_target)


def script_november(store: Store, store_target: str) -> Month:
    """The month below, played on `store`; the lead's entries made with `hallq`."""
    play = Month(store)
    change_settings_as(store, "demo", "M001", {"score_complaint_ceiling": 0.5}, source="test")
    add_campaign(
        store, "demo", play.lead, name="5G", business="plan_change",
        starts_on=dt.date(2026, 11, 1), ends_on=dt.date(2026, 11, 30), clock=play.clock,
    )  # fmt: skip
    import_targets(store, "demo", play.lead, "5G", f"{P1}\n".encode(), file_name="t.csv")
    # 11-02: E002 serves P1 (top-up, the 5G offer accepted, 150 s, signed, 满意) and a
    # top-up of 240 s (unsigned, 不满意: case 1); E003 a top-up of 100 s and a SIM
    # replacement of 300 s (both signed, 满意).
    play.at(2, 9)
    play.hall.open_counter(2, "E002")
    play.hall.open_counter(3, "E003")
    play.visit(2, "topup", 150, phone=P1, offer="accepted", signed=True, rating="satisfied")
    play.visit(2, "topup", 240, rating="dissatisfied")
    play.visit(3, "topup", 100, signed=True, rating="satisfied")
    play.visit(3, "sim_replace", 300, signed=True, rating="satisfied")
    play.hall.close_counter(2)
    play.hall.close_counter(3)
    # 11-03: E002 alone, a top-up of 60 s, signed, 满意.
    play.at(3, 9)
    play.hall.open_counter(2, "E002")
    play.visit(2, "topup", 60, signed=True, rating="satisfied")
    play.hall.close_counter(2)
    # The lead's entries, at the command line.
    for entry in (
        ["mystery", "--clerk", "E002", "--date", "2026-11-10", "--items", "10", "--points", "80"],
        ["mystery", "--clerk", "E002", "--date", "2026-11-20", "--items", "12", "--points", "90"],
        ["mystery", "--clerk", "E003", "--date", "2026-11-15", "--items", "8", "--points", "70"],
        ["teamwork", "--clerk", "E002", "--points", "90"],
        ["teamwork", "--clerk", "E003", "--points", "80"],
        ["teamwork", "--clerk", "E004", "--points", "100"],
        ["learning", "--clerk", "E002", "--trainings", "1", "--meetings", "18/20"],
        ["learning", "--clerk", "E003", "--trainings", "3", "--meetings", "20/20"],
    ):
        status, said = hallq(store_target, "scores", "enter", *entry, "--month", "2026-11")
        assert status == 0, said
    return play


# The hand computation (docs/rules.md, "The whole performance sheet"; default weights
# 20/15/5/30/20/10, sales target 0.2, volume target 40 a day, training target 2, the
# complaint ceiling set to 0.5):
#
# E002, 11-02: handled 2, accepted 1 (the 5G offer) -> sales 1/2/0.2 = 2.5 -> 1;
#   volume 2/40 = 0.05; satisfaction 1 satisfied of 2 rated = 0.5; quality mean(within norm 1/2
#   (150 s yes, 240 s no), signed 1/2) = 0.5.
# E002, 11-03: handled 1, accepted 0 -> sales 0; volume 1/40 = 0.025; satisfaction 1/1
#   = 1; quality mean(1/1, 1/1) = 1.
# E002's month (mean of 2 days): sales 0.5, volume 0.0375, satisfaction 0.75, measured
#   quality 0.75; 1 case of 3 handled -> complaint rate 1/3 -> complaints share
#   1 - (1/3)/0.5 = 1/3; mystery mean(80, 90)/100 = 0.85; quality mean(0.75, 0.85, 1/3)
#   = 1.933333.../3 = 0.644444...; teamwork 90/100 = 0.9; learning mean(1/2, 18/20)
#   = mean(0.5, 0.9) = 0.7.
#   Points: 10 + 0.5625 + 3.75 + 19.333333 + 18 + 7 = 58.645833; team 18, personal
#   40.645833.
# E003, 11-02 (its only day): handled 2, accepted 0 -> sales 0; volume 0.05;
#   satisfaction 2/2 = 1; measured quality mean(within norm 1/1 (the top-up; the SIM
#   replacement is no routine business), signed 2/2) = 1; 0 cases of 2 -> rate 0 ->
#   complaints share 1; mystery 0.7; quality mean(1, 0.7, 1) = 0.9; teamwork 0.8;
#   learning mean(min(3/2, 1), 20/20) = 1.
#   Points: 0 + 0.75 + 5 + 27 + 16 + 10 = 58.75; team 16, personal 42.75.
# E004: no service; teamwork 100/100 = 1 -> 20 points, everything else no data.
# Ranks: E003 58.75 (1), E002 58.645833 (2), E004 20 (3).
EXPECTED = {
    "E002": {
        "rank": 2, "days": 2, "handled": 3, "campaign_accepted": 1, "cases": 1,
        "complaint_rate": 1 / 3, "mystery_checks": 2, "mystery_share": 0.85,
        "measured_quality": 0.75,
        "shares": [0.5, 0.0375, 0.75, (0.75 + 0.85 + 1 / 3) / 3, 0.9, 0.7],
        "points": [10, 0.5625, 3.75, 19.333333, 18, 7],
        "team": 18, "personal": 40.645833, "total": 58.645833,
    },
    "E003": {
        "rank": 1, "days": 1, "handled": 2, "campaign_accepted": 0, "cases": 0,
        "complaint_rate": 0.0, "mystery_checks": 1, "mystery_share": 0.7,
        "measured_quality": 1.0,
        "shares": [0.0, 0.05, 1.0, 0.9, 0.8, 1.0],
        "points": [0, 0.75, 5, 27, 16, 10],
        "team": 16, "personal": 42.75, "total": 58.75,
    },
    "E004": {
        "rank": 3, "days": 0, "handled": 0, "campaign_accepted": 0, "cases": 0,
        "complaint_rate": None, "mystery_checks": 0, "mystery_share": None,
        "measured_quality": None,
        "shares": [None, None, None, None, 1.0, None],
        "points": [0, 0, 0, 0, 20, 0],
        "team": 20, "personal": 0, "total": 20,
    },
}  # fmt: skip
PARTS = ["sales", "volume", "satisfaction", "quality", "teamwork", "learning"]


def _close(found: object, expected: object) -> bool:
    if expected is None or found is None:
        return found is expected
    return found == pytest.approx(expected, abs=1e-6)


def test_the_months_whole_sheet_is_as_computed_by_hand(november: Month, store_target: str) -> None:
    status, said = hallq(store_target, "performance", "--month", "2026-11", "--json")
    assert status == 0, said
    sheet = json.loads(said)
    assert sheet["month"] == "2026-11"
    assert [row["clerk"] for row in sheet["clerks"]] == ["E003", "E002", "E004"]
    for row in sheet["clerks"]:
        expected = EXPECTED[row["clerk"]]
        for name in ("rank", "days", "handled", "campaign_accepted", "cases",
                     "mystery_checks"):  # fmt: skip
            assert row[name] == expected[name], (row["clerk"], name)
        for name in ("complaint_rate", "mystery_share", "measured_quality"):
            assert _close(row[name], expected[name]), (row["clerk"], name)
        for part, share, points in zip(PARTS, expected["shares"], expected["points"], strict=True):
            assert _close(row["parts"][part]["share"], share), (row["clerk"], part)
            assert _close(row["parts"][part]["points"], points), (row["clerk"], part)
        assert _close(row["team_points"], expected["team"])
        assert _close(row["personal_points"], expected["personal"])
        assert _close(row["points"], expected["total"])
        assert row["out_of"] == 100
    sources = {
        row["clerk"]: {p: row["parts"][p]["source"] for p in PARTS} for row in sheet["clerks"]
    }
    assert sources["E002"] == {
        "sales": "measured", "volume": "measured", "satisfaction": "measured",
        "quality": f"measured + entered by {CLI}", "teamwork": f"entered by {CLI}",
        "learning": f"entered by {CLI}",
    }  # fmt: skip
    assert sources["E004"] == {
        "sales": "-", "volume": "-", "satisfaction": "-", "quality": "-",
        "teamwork": f"entered by {CLI}", "learning": "-",
    }  # fmt: skip


def test_the_sheet_as_text_shows_ranks_points_and_sources(
    november: Month, store_target: str
) -> None:
    status, said = hallq(store_target, "performance", "--month", "2026-11")
    assert status == 0
    lines = said.splitlines()
    assert lines[0] == (
        "业绩考核 Performance sheet  2026-11  (满分 out of 100: 团队 team 20, 个人 personal 80)"
    )
    table = [line.split() for line in lines[4:7]]
    # rank, clerk, name, the six parts, team, personal, total (two decimals)
    assert table[0] == ["1", "E003", "张伟", "0.00", "0.75", "5.00", "27.00", "16.00", "10.00",
                        "16.00", "42.75", "58.75"]  # fmt: skip
    assert table[1] == ["2", "E002", "李娜", "10.00", "0.56", "3.75", "19.33", "18.00", "7.00",
                        "18.00", "40.65", "58.65"]  # fmt: skip
    assert table[2][:3] == ["3", "E004", "刘洋"] and table[2][-1] == "20.00"
    assert (
        f"E002: sales measured (1 campaign offers accepted); volume measured; satisfaction "
        f"measured; quality measured + entered by {CLI} (2 mystery checks, complaint rate "
        f"0.333); teamwork entered by {CLI}; learning entered by {CLI}"
    ) in lines


def test_equal_points_share_a_rank_and_the_next_rank_skips(
    november: Month, store_target: str
) -> None:
    # E005 gets E004's teamwork mark (20 points each); E006 half of it (10 points).
    for clerk, mark in (("E005", "100"), ("E006", "50")):
        assert hallq(store_target, "scores", "enter", "teamwork", "--clerk", clerk,
                     "--month", "2026-11", "--points", mark)[0] == 0  # fmt: skip
    sheet = json.loads(hallq(store_target, "performance", "--month", "2026-11", "--json")[1])
    ranks = [(row["clerk"], row["rank"]) for row in sheet["clerks"]]
    assert ranks == [("E003", 1), ("E002", 2), ("E004", 3), ("E005", 3), ("E006", 5)]


def test_entries_are_listed_removed_and_audited(november: Month, store_target: str) -> None:
    status, said = hallq(store_target, "scores", "list", "--month", "2026-11", "--clerk", "E003")
    assert status == 0
    lines = said.splitlines()
    assert [line.split(" · ")[0] for line in lines] == [
        "entry 3: E003 2026-11 mystery check 2026-11-15: 8 items, 70 points",
        "entry 5: E003 2026-11 teamwork mark 80 of 100",
        "entry 8: E003 2026-11 learning 3 trainings, morning meetings 20 of 20",
    ]
    assert all(f"by {CLI} at " in line for line in lines)
    status, said = hallq(store_target, "scores", "remove", "--entry", "5")
    assert (status, said.split(" · ")[0]) == (
        0,
        "removed entry 5: E003 2026-11 teamwork mark 80 of 100",
    )
    sheet = json.loads(hallq(store_target, "performance", "--month", "2026-11", "--json")[1])
    e003 = next(row for row in sheet["clerks"] if row["clerk"] == "E003")
    assert e003["parts"]["teamwork"] == {
        "share": None, "points": 0.0, "weight": 20.0, "source": "-", "measured": False,
        "entered_by": [],
    }  # fmt: skip
    with november.store.read() as session:
        acts = session.scalars(
            select(AuditEntry).where(AuditEntry.action.in_(["score_entered", "score_removed"]))
        ).all()
    assert [entry.action for entry in acts] == ["score_entered"] * 8 + ["score_removed"]
    assert acts[-1].detail["what"] == "mark 80 of 100" and acts[-1].detail["clerk"] == "E003"


def test_the_lead_enters_and_a_clerk_may_not(november: Month) -> None:
    entered = scores.enter_score(
        november.store, "demo", november.lead, "mystery", "E003", "2026-11",
        day=dt.date(2026, 11, 3), items=5, points=100, clock=november.clock,
    )  # fmt: skip
    assert (entered.entered_by, entered.what) == ("M001", "check 2026-11-03: 5 items, 100 points")
    with pytest.raises(Forbidden):
        scores.enter_score(
            november.store, "demo", november.clerks[2], "teamwork", "E002", "2026-11",
            points=100, clock=november.clock,
        )  # fmt: skip
    with pytest.raises(Forbidden):
        scores.remove_entry(november.store, "demo", november.clerks[2], 1, clock=november.clock)


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["teamwork", "--clerk", "E099", "--month", "2026-11", "--points", "80"],
         "no clerk 'E099' in hall demo"),
        (["teamwork", "--clerk", "E002", "--month", "2026-13", "--points", "80"],
         "month 2026-13 is out of range: its number is 01 to 12"),
        (["teamwork", "--clerk", "E002", "--month", "1999-12", "--points", "80"],
         "month 1999-12 is out of range: from 2000-01 to this month"),
        (["teamwork", "--clerk", "E002", "--month", "2999-01", "--points", "80"],
         "month 2999-01 is out of range: from 2000-01 to this month"),
        (["teamwork", "--clerk", "E002", "--month", "Nov", "--points", "80"],
         "month 'Nov' is not a month (YYYY-MM)"),
        (["teamwork", "--clerk", "E002", "--month", "2026-11", "--points", "100.5"],
         "the teamwork mark 100.5 is out of bounds: from 0 to 100"),
        (["teamwork", "--clerk", "E002", "--month", "2026-11", "--points", "nan"],
         "an argument must be a finite number"),
        (["teamwork", "--clerk", "E002", "--month", "2026-10"],
         "a teamwork entry needs points"),
        (["teamwork", "--clerk", "E002", "--month", "2026-11", "--points", "70"],
         "E002 already has a teamwork entry for 2026-11 (entry 4); remove it first"),
        (["mystery", "--clerk", "E002", "--month", "2026-11", "--date", "2026-11-05",
          "--items", "0", "--points", "80"],
         "items checked 0 is out of bounds: from 1 to 100"),
        (["mystery", "--clerk", "E002", "--month", "2026-11", "--date", "2026-11-05",
          "--items", "5", "--points", "-1"],
         "a check's points -1.0 is out of bounds: from 0 to 100"),
        (["mystery", "--clerk", "E002", "--month", "2026-11", "--date", "2026-10-31",
          "--items", "5", "--points", "80"],
         "the check's day 2026-10-31 is not in month 2026-11"),
        (["mystery", "--clerk", "E002", "--month", "2026-11", "--items", "5", "--points", "80"],
         "a mystery entry needs day"),
        (["learning", "--clerk", "E004", "--month", "2026-11", "--trainings", "2",
          "--meetings", "21/20"],
         "morning meetings attended 21 is out of bounds: from 0 to 20"),
        (["learning", "--clerk", "E004", "--month", "2026-11", "--trainings", "32",
          "--meetings", "1/1"],
         "trainings attended 32 is out of bounds: from 0 to 31"),
        (["learning", "--clerk", "E004", "--month", "2026-11", "--meetings", "x/2"],
         "--meetings must be ATTENDED/HELD, e.g. 18/20, not 'x/2'"),
        (["learning", "--clerk", "E004", "--month", "2026-11", "--trainings", "1",
          "--points", "80", "--meetings", "1/1"],
         "a learning entry has no points; it takes meetings_attended, meetings_held, trainings"),
        (["bonus", "--clerk", "E004", "--month", "2026-11", "--points", "80"],
         "unknown score entry kind 'bonus'; use one of mystery, teamwork, learning"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_with_a_reason_and_stores_nothing(
    november: Month,
    store_target: str,
    args: list[str],
    reason: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with november.store.read() as session:
        before = session.scalar(select(func.count()).select_from(ScoreEntry))
    capsys.readouterr()
    assert hallq(store_target, "scores", "enter", *args) == (1, "")
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and reason in error, error
    with november.store.read() as session:
        assert session.scalar(select(func.count()).select_from(ScoreEntry)) == before


def test_removing_an_unknown_entry_and_a_sheet_of_a_future_month_are_refused(
    november: Month, store_target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert hallq(store_target, "scores", "remove", "--entry", "99") == (1, "")
    assert "no score entry 99 in hall demo" in capsys.readouterr().err
    assert hallq(store_target, "performance", "--month", "2999-01") == (1, "")
    assert "month 2999-01 is out of range" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"score_teamwork": -1}, "score_teamwork must be a number of points"),
        ({"score_learning": 1001}, "score_learning must be a number of points"),
        ({"score_training_target": 0}, "score_training_target must be from 1 to 31"),
        ({"score_complaint_ceiling": 0}, "score_complaint_ceiling must be a share"),
    ],
)
def test_impossible_sheet_settings_are_refused(store: Store, changes: dict, reason: str) -> None:
    with pytest.raises(Rejected, match=reason):
        change_settings_as(store, "demo", "M001", changes, source="test")


def test_the_month_report_shows_the_whole_sheet_ranked_with_sources(
    november: Month, tmp_path: Path
) -> None:
    (files,) = write_reports(november.store, "demo", tmp_path, month="2026-11")
    text = "".join(page.extract_text() for page in PdfReader(files.pdf).pages)
    assert "月度绩效表 Performance sheet of the month (100)" in text
    assert "58.75" in text and "58.65" in text and "40.65" in text
    assert f"quality measured + entered by {CLI} (2 mystery checks, complaint rate" in text
    rows = list(csv.DictReader(io.StringIO(files.csv.read_text(encoding="utf-8-sig"))))
    # the hand computation above, rounded to two decimals
    assert [(r["clerk"], r["rank"], r["total_points"]) for r in rows] == [
        ("E003", "1", "58.75"), ("E002", "2", "58.65"), ("E004", "3", "20.0"),
    ]  # fmt: skip
    e002 = rows[1]
    assert [e002[f"{part}_points"] for part in PARTS] == [
        "10.0",
        "0.56",
        "3.75",
        "19.33",
        "18.0",
        "7.0",
    ]
    assert (e002["team_points"], e002["personal_points"], e002["out_of"]) == (
        "18.0",
        "40.65",
        "100.0",
    )
    # the measured 70-point day sheet's month, as before: mean of 11-02 (20 + 0.75 + 2.5 + 15
    # = 38.25) and 11-03 (0 + 0.375 + 5 + 30 = 35.375) = 36.8125
    assert (e002["days"], e002["handled"], e002["points"]) == ("2", "3", "36.81")
