"""Two whole business days replayed through the real `hallq` command line, every figure
checked against a hand computation from docs/rules.md (not from the code).

The days are tests/core/days/day_one.jsonl (Mon 2026-11-23) and day_two.jsonl (Tue
2026-11-24); their `#` comments tell the story. One store takes both days in turn:
`init --demo`, replay day one, replay day two, then `metrics`, `alerts` and `status`.

Conventions of the hand computation below (docs/rules.md "Figures"):
  wait     = call - when the ticket started waiting (its issue, or its latest transfer)
  handled  = finish - call
  p90      = nearest rank: sorted ascending, element at index ceil(0.9 n) - 1
  routine  = the *done* business (finish's `business`, else the ticket's) is routine;
             routine_within_norm = (routine and handled <= 180 s) / routine
  open     = close - open - paused time; utilisation = sum(handled) / open
  a call that finds nothing (ticket null) calls nobody: it is not counted in `called`.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

# Two whole days replayed through hallq once for the module: the full loop checks them.
pytestmark = pytest.mark.slow

DAYS = Path(__file__).parent / "days"
DAY_ONE, DAY_TWO = "2026-11-23", "2026-11-24"
FIELDS = (
    "clerk", "called", "handled", "no_shows", "transfers", "avg_wait_s", "avg_handle_s",
    "p90_handle_s", "routine_within_norm", "rated", "satisfied", "dissatisfied",
    "satisfaction_rate", "satisfaction_points", "recommended", "accepted", "signed_rate",
    "utilisation",
)  # fmt: skip


def hallq(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shared.cli", "--db", str(db), *args],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def as_json(done: subprocess.CompletedProcess[str]):
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def hallq_together(db: str, commands: dict[object, tuple[str, ...]]) -> dict[object, object]:
    """Read-only commands run side by side (keeps the file fast); each one's JSON output."""
    running = {
        key: subprocess.Popen(
            [sys.executable, "-m", "shared.cli", "--db", str(db), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for key, args in commands.items()
    }
    results = {}
    for key, process in running.items():
        stdout, stderr = process.communicate(timeout=60)
        assert process.returncode == 0, (commands[key], stderr)
        results[key] = json.loads(stdout)
    return results


@pytest.fixture(scope="module")
def hall(module_store_target: str) -> dict:
    """Run everything once, on the run's backend; the tests below read what each printed."""
    db = module_store_target
    assert hallq(db, "init", "--demo").returncode == 0
    out: dict = {}
    out["replay_one"] = hallq(db, "replay", str(DAYS / "day_one.jsonl"))
    out["status_one"] = as_json(hallq(db, "status", "--json"))
    out["replay_two"] = hallq(db, "replay", str(DAYS / "day_two.jsonl"))
    commands: dict[object, tuple[str, ...]] = {"status_two": ("status", "--json")}
    for key, day in (("one", DAY_ONE), ("two", DAY_TWO)):
        commands[f"metrics_{key}"] = ("metrics", "--date", day, "--json")
        commands[f"alerts_{key}"] = ("alerts", "--date", day, "--json")
    for day, clerk in CLERK_QUERIES:
        commands[(day, clerk)] = ("metrics", "--date", day, "--clerk", clerk, "--json")
    results = hallq_together(db, commands)
    out.update({key: value for key, value in results.items() if isinstance(key, str)})
    out["clerk"] = {key: value for key, value in results.items() if isinstance(key, tuple)}
    return out


# E002 served on both days: each day's --clerk answer holds that day only.
CLERK_QUERIES = ((DAY_ONE, "E002"), (DAY_TWO, "E002"))


# ---------------------------------------------------------------------------------------
# Line results. `None` marks a line that must be rejected; otherwise the fields the line's
# result must carry (issue: ticket, queue, ahead; call/recall/no_show/transfer/finish/rate:
# ticket). `ahead` = waiting tickets issued earlier in the same queue, today only.
# ---------------------------------------------------------------------------------------

DAY_ONE_LINES: list[tuple[int, dict | None]] = [
    (8, {}),  # open 1 E001                         waiting 0, open 1
    (9, {}),  # open 2 E002                         waiting 0, open 2
    (11, {"ticket": "A001", "queue": "A", "ahead": 0}),  # 09:00:00 topup        w1
    (12, {"ticket": "A002", "queue": "A", "ahead": 1}),  # 09:00:30 bill_payment w2
    (13, {"ticket": "B001", "queue": "B", "ahead": 0}),  # 09:01:00 sim_replace  w3
    (15, {"ticket": "V001", "queue": "V", "ahead": 0}),  # 09:01:30 VIP topup    w4 (2.0: L0)
    (16, {"ticket": "A003", "queue": "A", "ahead": 2}),  # 09:02:00 plan_change  w5 (2.5: L1)
    (18, {"ticket": "A001"}),  # call 2: oldest of A/B                         w4 (2.0: L1 held)
    (20, {"ticket": "A004", "queue": "A", "ahead": 2}),  # A002, A003 wait      w5 (2.5: L1)
    (21, {"ticket": "B002", "queue": "B", "ahead": 1}),  # B001 waits           w6 (3.0: L1)
    (23, {"ticket": "C001", "queue": "C", "ahead": 0}),  # group phone          w7 (3.5: L2)
    (25, {"ticket": "V001"}),  # call 1: VIP first (A002, A003, B001 older)   w6 (3.0: L2 held)
    (27, None),  # call 2 while it still serves A001
    (29, {"ticket": "A001"}),  # finish 2
    (30, {"ticket": "A001"}),  # rate 2 satisfied
    (32, {"ticket": "A002"}),  # call 2: A002 09:00:30 before B001 09:01:00   w5 (2.5: L1)
    (34, {"ticket": "V001"}),  # finish 1 as plan_change
    (35, {"ticket": "V001"}),  # rate 1 neutral
    (37, {"ticket": "B001"}),  # call 1: no V; B001 09:01:00 before A003 09:02:00  w4 (2.0: L1 held)
    (39, {"ticket": "B001"}),  # recall 1
    (41, {"ticket": "A002"}),  # finish 2 (181 s)
    (42, {"ticket": "A002"}),  # rate 2 dissatisfied
    (44, None),  # rate 2 again: A002 already rated
    (46, {"ticket": "A003"}),  # call 2                                        w3 (1.5: L0)
    (48, {}),  # open 4 E003                                                   open 3
    (50, {"ticket": "A004"}),  # call 4 (B,A): A004 09:03:10 before B002 09:03:20
    (51, {"ticket": "A004"}),  # finish 4
    (52, {"ticket": "B002"}),  # call 4
    (54, {"ticket": "A005", "queue": "A", "ahead": 0}),  # A003 is being served, A004 called
    (56, {"ticket": "A003"}),  # transfer 2 -> B: A003 waits in B from 09:12:00
    (58, {"ticket": "B001"}),  # finish 1
    (61, {"ticket": "A003"}),  # call 1: tie at 09:12:00, A003 issued earlier than A005
    (62, {"ticket": "A005"}),  # call 2
    (64, {"ticket": "A005"}),  # no_show 2
    (66, {"ticket": None}),  # call 2: only C001 waits -> nothing for counter 2
    (67, {}),  # pause 2 (lunch)                                               open 2
    (69, {"ticket": "A003"}),  # finish 1 as sim_replace
    (70, {"ticket": "A003"}),  # rate 1 satisfied
    (72, None),  # call 2 while paused
    (74, None),  # issue of an unknown business
    (76, {}),  # open 5 E004                                                   open 3
    (77, {"ticket": "C001"}),  # call 5
    (78, {"ticket": "C001"}),  # finish 5
    (79, {"ticket": "C001"}),  # rate 5 satisfied
    (81, None),  # finish 1: counter 1 has no ticket
    (83, {"ticket": "B002"}),  # finish 4
    (84, {"ticket": "B002"}),  # rate 4 neutral
    (86, None),  # bad JSON
    (88, {}),  # resume 2                                                      open 4
    (90, {"ticket": "B003", "queue": "B", "ahead": 0}),  # 14:00:00 password_reset
    (91, {"ticket": "A006", "queue": "A", "ahead": 0}),  # 14:00:20 bill_query (A005 was a no-show)
    (92, {"ticket": "B003"}),  # call 4 (B,A): B003 14:00:00 before A006 14:00:20
    (93, {"ticket": "A006"}),  # call 2
    (94, {"ticket": "A006"}),  # finish 2
    (95, {"ticket": "A006"}),  # rate 2 neutral
    (96, {"ticket": "B003"}),  # finish 4
    (98, {"ticket": "A007", "queue": "A", "ahead": 0}),  # 16:58 left waiting      w1
    (100, {}),  # close 1                                                      open 3
    (101, {}),  # close 2                                                      open 2
    (102, {}),  # close 4                                                      open 1
    (103, {}),  # close 5      w1, open 0 -> L2
]

DAY_TWO_LINES: list[tuple[int, dict | None]] = [
    (9, {"ticket": "A001", "queue": "A", "ahead": 0}),  # not yesterday's A007; w1, 0 open: L2
    (10, {"ticket": "V001", "queue": "V", "ahead": 0}),  # 08:50:30 VIP sim_replace      w2
    (11, {"ticket": "A002", "queue": "A", "ahead": 1}),  # 08:51:00 bill_payment         w3
    (12, {"ticket": "C001", "queue": "C", "ahead": 0}),  # 08:51:30 group                w4
    (14, None),  # slip with a wrong resident-ID check digit
    (16, None),  # no "at"
    (18, {}),  # open 1 E005      4/1 = 4.0: L2
    (19, {}),  # open 2 E002      4/2 = 2.0: L1 (held by the margin below 2.5)
    (20, {}),  # open 3 E006      4/3 = 1.33: L0
    (21, {}),  # open 5 E008
    (22, {}),  # open 6 E007
    (24, {"ticket": "V001"}),  # call 1: VIP first though A001 is older
    (26, {"ticket": "A001"}),  # call 2: today's A001, not yesterday's A007
    (27, {"ticket": "A002"}),  # call 3
    (28, {"ticket": "C001"}),  # call 5
    (30, None),  # unknown field "colour"
    (32, {"ticket": "A003", "queue": "A", "ahead": 0}),
    (33, {"ticket": "A004", "queue": "A", "ahead": 1}),
    (34, {"ticket": "A002"}),  # finish 3
    (35, {"ticket": "A003"}),  # call 3
    (36, {"ticket": "A003"}),  # finish 3
    (37, {"ticket": "A003"}),  # rate 3 satisfied
    (38, {"ticket": "A004"}),  # call 3
    (39, {"ticket": "A005", "queue": "A", "ahead": 0}),
    (41, {"ticket": "A001"}),  # finish 2
    (42, {"ticket": "A001"}),  # rate 2 satisfied
    (43, {"ticket": "A004"}),  # finish 3
    (44, {"ticket": "A005"}),  # call 3
    (45, {"ticket": "A006", "queue": "A", "ahead": 0}),
    (46, {"ticket": "A005"}),  # finish 3
    (47, {"ticket": "A006"}),  # call 3
    (48, {"ticket": "A007", "queue": "A", "ahead": 0}),  # today's A007
    (50, {"ticket": "V001"}),  # finish 1
    (51, {"ticket": "V001"}),  # rate 1 satisfied
    (53, {"ticket": "A006"}),  # finish 3 (180 s)
    (54, {"ticket": "A007"}),  # call 3
    (55, {"ticket": "A008", "queue": "A", "ahead": 0}),
    (56, {"ticket": "A007"}),  # finish 3
    (57, {"ticket": "A007"}),  # rate 3 dissatisfied
    (58, {"ticket": "A008"}),  # call 3
    (59, {"ticket": "A009", "queue": "A", "ahead": 0}),
    (60, {"ticket": "B001", "queue": "B", "ahead": 0}),
    (61, {"ticket": "A008"}),  # finish 3
    (63, {"ticket": "A009"}),  # call 3: A009 09:15:00 before B001 09:16:00
    (65, {"ticket": "C001"}),  # finish 5
    (66, {"ticket": "C001"}),  # rate 5 neutral
    (68, {"ticket": "A009"}),  # finish 3 as bill_payment
    (69, {"ticket": "B001"}),  # call 3
    (70, {"ticket": "A010", "queue": "A", "ahead": 0}),
    (71, {"ticket": "B001"}),  # finish 3
    (72, {"ticket": "A010"}),  # call 3
    (73, {"ticket": "A010"}),  # finish 3
    (74, {"ticket": "A010"}),  # rate 3 neutral
    (76, {"ticket": "B002", "queue": "B", "ahead": 0}),
    (77, {"ticket": "B002"}),  # call 2
    (78, {"ticket": "B002"}),  # recall 2
    (79, {"ticket": "B002"}),  # finish 2
    (80, {"ticket": "B002"}),  # rate 2 neutral
    (81, {"ticket": "V002", "queue": "V", "ahead": 0}),
    (82, {"ticket": "V002"}),  # call 1
    (83, {"ticket": "V002"}),  # finish 1
    (84, {"ticket": "D001", "queue": "D", "ahead": 0}),
    (85, {"ticket": "D001"}),  # call 6
    (86, {"ticket": "D001"}),  # finish 6
    (87, {"ticket": "D001"}),  # rate 6 satisfied
    (90, {}),  # open 4 E004
    (91, {"ticket": None}),  # call 4: nothing of today waits (yesterday's A007 is not called)
    (92, {}),  # close 4
    (94, {}),  # close 1
    (95, {}),  # close 2
    (96, {}),  # close 3
    (97, {}),  # close 5
    (98, {}),  # close 6
]


def check_lines(
    done: subprocess.CompletedProcess[str], expected: list[tuple[int, dict | None]]
) -> None:
    assert done.returncode == 1, done.stderr  # some lines are rejected
    results = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert [r["line"] for r in results] == [line for line, _ in expected]
    rejected = [r["line"] for r in results if not r["ok"]]
    assert rejected == [line for line, fields in expected if fields is None]
    for result, (line, fields) in zip(results, expected, strict=True):
        if fields is None:
            assert result["error"], result
        else:
            assert {key: result.get(key, "MISSING") for key in fields} == fields, (line, result)


def rejected_lines(done: subprocess.CompletedProcess[str]) -> list[int]:
    return [r["line"] for r in map(json.loads, done.stdout.splitlines()) if not r["ok"]]


def test_day_one_lines(hall):
    check_lines(hall["replay_one"], DAY_ONE_LINES)
    # still serving, already rated, paused, unknown business, no ticket to finish, bad JSON
    assert rejected_lines(hall["replay_one"]) == [27, 44, 72, 74, 81, 86]


def test_day_two_lines(hall):
    check_lines(hall["replay_two"], DAY_TWO_LINES)
    # bad resident-ID check digit in the slip, missing "at", unknown field
    assert rejected_lines(hall["replay_two"]) == [14, 16, 30]


# ---------------------------------------------------------------------------------------
# Day one figures (2026-11-23), by hand.
#
# E001, counter 1 (V,A,B): open 08:55:00 .. close 17:00:00, no pause -> 29100 s open
#   call  V001 09:04:00  waiting since issue 09:01:30        wait 150
#         finish 09:06:40 as plan_change (routine)          handled 160  <=180 within
#         recommended, accepted, not signed; rated neutral
#   call  B001 09:07:00  since issue 09:01:00                wait 360  (recall 09:08 is no call)
#         finish 09:12:30 sim_replace (long)                handled 330  signed; not rated
#   call  A003 09:12:40  since TRANSFER 09:12:00             wait  40
#         finish 09:15:10 as sim_replace (long, not routine) handled 150; rated satisfied
#   called 3, avg_wait (150+360+40)/3 = 550/3 = 183.33; handled 3,
#   avg_handle (160+330+150)/3 = 640/3 = 213.33; p90 of [150,160,330]: idx ceil(2.7)-1=2 -> 330
#   routine done: V001 only (within) -> 1/1 = 1.0; rated 2 (neutral, satisfied): sat 1, dis 0,
#   rate 0.5, points 1; recommended 1, accepted 1; signed 1/3; utilisation 640/29100
#
# E002, counter 2 (A,B): open 08:56:00 .. close 17:00:10 = 29050 s, paused 09:15:00 .. 09:45:00
#   (1800 s) -> 27250 s open
#   call  A001 09:03:00  since 09:00:00  wait 180; finish 09:06:00 handled 180 topup within;
#         signed; rated satisfied
#   call  A002 09:06:30  since 09:00:30  wait 360; finish 09:09:31 handled 181 bill_payment NOT
#         within; signed; rated dissatisfied (the second rate, line 44, is rejected)
#   call  A003 09:10:00  since 09:02:00  wait 480; transferred to B 09:12:00 (transfer 1)
#   call  A005 09:13:00  since 09:12:00  wait  60; no-show 09:14:00 (no_shows 1)
#   call  09:14:30 -> null (not a call of a ticket)
#   call  A006 14:01:10  since 14:00:20  wait  50; finish 14:03:00 handled 110 bill_query within;
#         recommended, accepted, signed; rated neutral
#   called 5, avg_wait (180+360+480+60+50)/5 = 1130/5 = 226.0; handled 3,
#   avg_handle (180+181+110)/3 = 471/3 = 157.0; p90 of [110,180,181] -> 181;
#   routine 2/3 within; rated 3: sat 1, dis 1, rate 1/3, points 0; rec 1, acc 1;
#   signed 3/3 = 1.0; utilisation 471/27250
#
# E003, counter 4 (B,A): open 09:10:30 .. close 17:00:20 -> 28190 s open
#   call  A004 09:11:00  since 09:03:10  wait 470; finish 09:11:50 handled   50 bill_query within
#   call  B002 09:11:55  since 09:03:20  wait 515; finish 09:30:55 handled 1140 signed; neutral
#   call  B003 14:01:00  since 14:00:00  wait  60; finish 14:10:00 handled  540 signed
#   called 3, avg_wait 1045/3 = 348.33; handled 3, avg_handle 1730/3 = 576.67; p90 -> 1140;
#   routine 1/1 = 1.0; rated 1 (neutral): sat 0, dis 0, rate 0.0, points 0; rec 0, acc 0;
#   signed 2/3; utilisation 1730/28190
#
# E004, counter 5 (C): open 09:20:00 .. close 17:00:30 -> 27630 s open
#   call  C001 09:20:30  since 09:03:30  wait 1020; finish 09:23:00 handled 150, done business
#         topup (the ticket's; routine) within; recommended, not accepted, not signed; satisfied
#   called 1, avg_wait 1020; handled 1, avg 150, p90 150; routine 1.0; rated 1, sat 1, rate 1.0,
#   points 1; rec 1, acc 0; signed 0/1 = 0.0; utilisation 150/27630
#
# A007 (issued 16:58:00) is never called: no clerk's figure includes it.
# ---------------------------------------------------------------------------------------

DAY_ONE_METRICS = [
    dict(clerk="E001", called=3, handled=3, no_shows=0, transfers=0,
         avg_wait_s=550 / 3, avg_handle_s=640 / 3, p90_handle_s=330, routine_within_norm=1.0,
         rated=2, satisfied=1, dissatisfied=0, satisfaction_rate=0.5, satisfaction_points=1,
         recommended=1, accepted=1, signed_rate=1 / 3, utilisation=640 / 29100),
    dict(clerk="E002", called=5, handled=3, no_shows=1, transfers=1,
         avg_wait_s=226.0, avg_handle_s=157.0, p90_handle_s=181, routine_within_norm=2 / 3,
         rated=3, satisfied=1, dissatisfied=1, satisfaction_rate=1 / 3, satisfaction_points=0,
         recommended=1, accepted=1, signed_rate=1.0, utilisation=471 / 27250),
    dict(clerk="E003", called=3, handled=3, no_shows=0, transfers=0,
         avg_wait_s=1045 / 3, avg_handle_s=1730 / 3, p90_handle_s=1140, routine_within_norm=1.0,
         rated=1, satisfied=0, dissatisfied=0, satisfaction_rate=0.0, satisfaction_points=0,
         recommended=0, accepted=0, signed_rate=2 / 3, utilisation=1730 / 28190),
    dict(clerk="E004", called=1, handled=1, no_shows=0, transfers=0,
         avg_wait_s=1020.0, avg_handle_s=150.0, p90_handle_s=150, routine_within_norm=1.0,
         rated=1, satisfied=1, dissatisfied=0, satisfaction_rate=1.0, satisfaction_points=1,
         recommended=1, accepted=0, signed_rate=0.0, utilisation=150 / 27630),
]  # fmt: skip

# ---------------------------------------------------------------------------------------
# Day two figures (2026-11-24), by hand.
#
# E002, counter 2: open 08:58:30 .. close 12:00:10 -> 10900 s open
#   call  A001 09:00:20  since 08:50:00  wait 620; finish 09:04:20 handled 240 topup NOT within;
#         rated satisfied
#   call  B002 09:40:30  since 09:40:00  wait  30 (recall 09:41 is no call); finish 09:55:30
#         handled 900 new_account; recommended, not accepted, signed; rated neutral
#   called 2, avg_wait 325.0; handled 2, avg_handle 570.0; p90 of [240,900]: idx ceil(1.8)-1=1
#   -> 900; routine 0/1 = 0.0; rated 2: sat 1, dis 0, rate 0.5, points 1; rec 1, acc 0;
#   signed 1/2 = 0.5; utilisation 1140/10900
#
# E004, counter 4: open 11:00:00 .. close 11:30:00 -> 1800 s open; one call that found nothing
#   called 0, handled 0; every mean/share null; rated 0, rate null, points 0;
#   utilisation 0/1800 = 0.0
#
# E005, counter 1: open 08:58:00 .. close 12:00:00 -> 10920 s open
#   call  V001 09:00:10  since 08:50:30  wait 580; finish 09:10:10 handled 600 sim_replace;
#         signed; rated satisfied
#   call  V002 10:00:20  since 10:00:00  wait  20; finish 10:02:20 handled 120 bill_query within
#   called 2, avg_wait 300.0; handled 2, avg 360.0, p90 600; routine 1/1 = 1.0; rated 1, sat 1,
#   rate 1.0, points 1; rec 0, acc 0; signed 1/2 = 0.5; utilisation 720/10920
#
# E006, counter 3 (A,B): open 08:59:00 .. close 12:00:20 -> 10880 s open
#   ticket  since     call      wait  finish    handled  done business      within  flags / rating
#   A002    08:51:00  09:00:30  570   09:02:30  120      bill_payment       yes     signed
#   A003    09:01:00  09:02:40  100   09:03:40   60      topup              yes     satisfied
#   A004    09:01:30  09:03:50  140   09:05:20   90      bill_query         yes
#   A005    09:04:00  09:05:30   90   09:08:00  150      plan_change        yes     rec, acc, signed
#   A006    09:06:00  09:08:10  130   09:11:10  180      service_change     yes
#   A007    09:09:00  09:11:20  140   09:14:40  200      topup              NO      dissatisfied
#   A008    09:12:00  09:14:50  170   09:19:50  300      loss_report        NO      signed
#   A009    09:15:00  09:20:00  300   09:22:50  170      bill_payment (was topup) yes
#   B001    09:16:00  09:23:00  420   09:33:00  600      password_reset (long) -  signed
#   A010    09:30:00  09:33:10  190   09:33:50   40      bill_query         yes     neutral
#   called 10, avg_wait 2250/10 = 225.0; handled 10, avg_handle 1910/10 = 191.0;
#   p90: sorted [40,60,90,120,150,170,180,200,300,600], idx ceil(9)-1 = 8 -> 300 (not the max);
#   routine 7/9; rated 3: sat 1, dis 1, rate 1/3, points 0; rec 1, acc 1; signed 4/10 = 0.4;
#   utilisation 1910/10880
#
# E007, counter 6 (D): open 08:59:40 .. close 12:00:40 -> 10860 s open
#   call  D001 10:10:30  since 10:10:00  wait 30; finish 10:25:30 handled 900 handset_sale (not
#         routine); recommended, accepted; rated satisfied
#   routine null; signed 0/1 = 0.0; utilisation 900/10860
#
# E008, counter 5 (C): open 08:59:30 .. close 12:00:30 -> 10860 s open
#   call  C001 09:00:40  since 08:51:30  wait 550; finish 09:20:40 handled 1200 group_business
#         (not routine); signed; rated neutral
#   routine null; rated 1, sat 0, rate 0.0; signed 1.0; utilisation 1200/10860
# ---------------------------------------------------------------------------------------

DAY_TWO_METRICS = [
    dict(clerk="E002", called=2, handled=2, no_shows=0, transfers=0,
         avg_wait_s=325.0, avg_handle_s=570.0, p90_handle_s=900, routine_within_norm=0.0,
         rated=2, satisfied=1, dissatisfied=0, satisfaction_rate=0.5, satisfaction_points=1,
         recommended=1, accepted=0, signed_rate=0.5, utilisation=1140 / 10900),
    dict(clerk="E004", called=0, handled=0, no_shows=0, transfers=0,
         avg_wait_s=None, avg_handle_s=None, p90_handle_s=None, routine_within_norm=None,
         rated=0, satisfied=0, dissatisfied=0, satisfaction_rate=None, satisfaction_points=0,
         recommended=0, accepted=0, signed_rate=None, utilisation=0.0),
    dict(clerk="E005", called=2, handled=2, no_shows=0, transfers=0,
         avg_wait_s=300.0, avg_handle_s=360.0, p90_handle_s=600, routine_within_norm=1.0,
         rated=1, satisfied=1, dissatisfied=0, satisfaction_rate=1.0, satisfaction_points=1,
         recommended=0, accepted=0, signed_rate=0.5, utilisation=720 / 10920),
    dict(clerk="E006", called=10, handled=10, no_shows=0, transfers=0,
         avg_wait_s=225.0, avg_handle_s=191.0, p90_handle_s=300, routine_within_norm=7 / 9,
         rated=3, satisfied=1, dissatisfied=1, satisfaction_rate=1 / 3, satisfaction_points=0,
         recommended=1, accepted=1, signed_rate=0.4, utilisation=1910 / 10880),
    dict(clerk="E007", called=1, handled=1, no_shows=0, transfers=0,
         avg_wait_s=30.0, avg_handle_s=900.0, p90_handle_s=900, routine_within_norm=None,
         rated=1, satisfied=1, dissatisfied=0, satisfaction_rate=1.0, satisfaction_points=1,
         recommended=1, accepted=1, signed_rate=0.0, utilisation=900 / 10860),
    dict(clerk="E008", called=1, handled=1, no_shows=0, transfers=0,
         avg_wait_s=550.0, avg_handle_s=1200.0, p90_handle_s=1200, routine_within_norm=None,
         rated=1, satisfied=0, dissatisfied=0, satisfaction_rate=0.0, satisfaction_points=0,
         recommended=0, accepted=0, signed_rate=1.0, utilisation=1200 / 10860),
]  # fmt: skip


def approx(figures: dict) -> dict:
    return {
        key: pytest.approx(value, rel=1e-9, abs=1e-9) if isinstance(value, float) else value
        for key, value in figures.items()
    }


def contract_fields(rows: list[dict]) -> list[dict]:
    return [{key: row.get(key, "MISSING") for key in FIELDS} for row in rows]


@pytest.mark.parametrize(
    ("day", "expected"),
    [("one", DAY_ONE_METRICS), ("two", DAY_TWO_METRICS)],
    ids=["day_one", "day_two"],
)
def test_metrics_every_field_of_every_clerk(hall, day, expected):
    rows = hall[f"metrics_{day}"]
    assert [row["clerk"] for row in rows] == [figures["clerk"] for figures in expected]
    for got, want in zip(contract_fields(rows), expected, strict=True):
        assert got == approx(want), want["clerk"]


def test_p90_is_nearest_rank(hall):
    # n = 10: index ceil(9) - 1 = 8 -> 300, neither the maximum (600) nor an interpolation (330)
    assert [row["p90_handle_s"] for row in hall["metrics_two"] if row["clerk"] == "E006"] == [300]


@pytest.mark.parametrize(
    ("day", "clerk", "expected"),
    [
        (DAY_ONE, "E002", DAY_ONE_METRICS[1]),
        (DAY_TWO, "E002", DAY_TWO_METRICS[0]),  # the same clerk, the next day: nothing carried over
    ],
)
def test_metrics_for_one_clerk(hall, day, clerk, expected):
    rows = hall["clerk"][(day, clerk)]
    assert len(rows) == 1
    assert contract_fields(rows)[0] == approx(expected)


# ---------------------------------------------------------------------------------------
# Crowding alert (docs/rules.md): thresholds 2.5 / 3.5, margin 0.5. New level = highest L with
# ratio >= t_L, or with L <= current level and ratio >= t_L - 0.5; waiting > 0 with no counter
# open is level 2; waiting 0 is level 0.
#
# Day one (2 counters open during the rush):
#   09:02:00 issue A003   w5/2 = 2.5  -> 1
#   09:03:00 call  A001   w4/2 = 2.0  -> 1 held (2.0 >= 2.5 - 0.5)
#   09:03:20 issue B002   w6/2 = 3.0  -> 1 (3.0 < 3.5)
#   09:03:30 issue C001   w7/2 = 3.5  -> 2
#   09:04:00 call  V001   w6/2 = 3.0  -> 2 held (3.0 >= 3.5 - 0.5)
#   09:06:30 call  A002   w5/2 = 2.5  -> 1
#   09:07:00 call  B001   w4/2 = 2.0  -> 1 held
#   09:10:00 call  A003   w3/2 = 1.5  -> 0
#   (the transfer at 09:12:00 makes A003 wait again: at most w3 on 3 counters, level 0)
#   17:00:30 close 5      w1 (A007), 0 open -> 2
#   day two's first action closes day one as of its last event (17:00:30): A007 expires,
#   w0 -> 0, recorded on day one
# Day two (yesterday's A007 counts for nothing; the day starts at level 0):
#   08:50:00 issue A001   w1, 0 open  -> 2
#   08:58:00 open 1       w4/1 = 4.0  -> 2 (no change)
#   08:58:30 open 2       w4/2 = 2.0  -> 1 (below 3.0, held at level 1 by 2.0 >= 2.0)
#   08:59:00 open 3       w4/3 = 1.33 -> 0
#   then at most 2 waiting on 5 or 6 counters, and closing with nothing waiting: level 0
# ---------------------------------------------------------------------------------------

DAY_ONE_ALERTS = [
    {"at": "2026-11-23T09:02:00", "level": 1, "waiting": 5, "open": 2},
    {"at": "2026-11-23T09:03:30", "level": 2, "waiting": 7, "open": 2},
    {"at": "2026-11-23T09:06:30", "level": 1, "waiting": 5, "open": 2},
    {"at": "2026-11-23T09:10:00", "level": 0, "waiting": 3, "open": 2},
    {"at": "2026-11-23T17:00:30", "level": 2, "waiting": 1, "open": 0},
    {"at": "2026-11-23T17:00:30", "level": 0, "waiting": 0, "open": 0},
]
DAY_TWO_ALERTS = [
    {"at": "2026-11-24T08:50:00", "level": 2, "waiting": 1, "open": 0},
    {"at": "2026-11-24T08:58:30", "level": 1, "waiting": 4, "open": 2},
    {"at": "2026-11-24T08:59:00", "level": 0, "waiting": 4, "open": 3},
]


@pytest.mark.parametrize(
    ("day", "expected"),
    [("one", DAY_ONE_ALERTS), ("two", DAY_TWO_ALERTS)],
    ids=["day_one", "day_two"],
)
def test_alert_changes(hall, day, expected):
    got = [
        {key: change.get(key, "MISSING") for key in ("at", "level", "waiting", "open")}
        for change in hall[f"alerts_{day}"]
    ]
    assert got == expected


# ---------------------------------------------------------------------------------------
# Status. After day one: A007 waits, every counter is closed, level 2 (waiting with none open).
# After day two: today nothing waits (yesterday's A007 is not today's queue), all closed, level 0.
# ---------------------------------------------------------------------------------------

ALL_CLOSED = [{"counter": n, "state": "closed", "clerk": None, "ticket": None} for n in range(1, 7)]


def counters(status: dict) -> list[dict]:
    return [
        {key: c.get(key, "MISSING") for key in ("counter", "state", "clerk", "ticket")}
        for c in status["counters"]
    ]


def test_status_after_day_one(hall):
    status = hall["status_one"]
    assert status["waiting"] == {"V": 0, "A": 1, "B": 0, "C": 0, "D": 0}
    assert status["level"] == 2
    assert counters(status) == ALL_CLOSED


def test_status_at_the_end(hall):
    status = hall["status_two"]
    assert status["waiting"] == {"V": 0, "A": 0, "B": 0, "C": 0, "D": 0}
    assert status["level"] == 0
    assert counters(status) == ALL_CLOSED


def test_nearest_rank_helper_matches_the_tables():
    """The p90 figures above, recomputed from the listed handling times by the contract's rule."""

    def p90(values: list[int]) -> int:
        ordered = sorted(values)
        return ordered[math.ceil(0.9 * len(ordered)) - 1]

    assert p90([160, 330, 150]) == 330
    assert p90([180, 181, 110]) == 181
    assert p90([50, 1140, 540]) == 1140
    assert p90([240, 900]) == 900
    assert p90([120, 60, 90, 150, 180, 200, 300, 170, 600, 40]) == 300
