"""Measure the wait estimate and the early warning on simulated days (`hallq evaluate`).

Each day is simulated, then replayed through the real services on a throw-away SQLite
store, so the estimate and the warnings are exactly what the hall would have shown. A
kind's days follow one another on one store, after `history` days of the same kind that
are replayed but not measured: the early warning learns the hall's usual day from its past
days, as it would in a hall that has been open for a while. For every ticket the estimate
printed on it, the naive estimate for the same moment, and the wait it really had are
kept; for the day, its rises of the crowding level and its warnings. Runs of days go to
parallel processes.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import statistics
import tempfile
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from shared.errors import Rejected
from shared.forecast.baselines import erlang_c_wait_s, pooled_mean_wait_s
from shared.forecast.crowd_days import crowd_day
from shared.forecast.early_warning import HORIZON, KEEP_SLACK, warnings_of_day
from shared.forecast.simulate import PROFILES, simulate_day
from shared.forecast.wait_estimate import naive_estimate_s, open_counters, recent_pace
from shared.services.alerts import alert_changes
from shared.services.hall import HallService, Issued
from shared.services.hall_config import demo_definition, load_hall
from shared.services.replay import apply_event, parse_event
from shared.services.settings import load_settings
from shared.store.clock import FixedClock
from shared.store.database import Store, open_store
from shared.store.lookup import find_hall, find_queue

ALL_KINDS = "all"  # the row over every kind's days together
FIRST_DAY = dt.date(2026, 11, 2)  # days are numbered from here, one seed each
# Past days a hall has before the measured ones: the usual day is learned from up to 10.
HISTORY_DAYS = 10
WITHIN_S = 300.0  # the estimate is "right" when the real wait is within 5 minutes of it
# A warning is borne out when its level is reached while it could still be standing.
BORNE_OUT_WITHIN = HORIZON + KEEP_SLACK
# The pooled mean is over each queue's latest waits; Erlang C takes the queue's arrival
# rate over the latest half hour.
POOLED_WAITS = 20
ARRIVAL_RATE_WINDOW = dt.timedelta(minutes=30)
# Families of days: the simulator's kinds, and the second model (`crowd_days`).
SIMULATOR, CROWD, IMPORTED = "simulator", "crowd", "imported"
Events = list[dict[str, object]]


@dataclass(frozen=True)
class Promise:
    """One ticket: the wait printed on it, the naive figure, and the wait it really had."""

    estimate_s: float
    naive_s: float
    actual_s: float
    pooled_s: float = 0.0  # the mean of the queue's latest waits
    erlang_s: float = 0.0  # M/M/c at the queue's live rates


@dataclass(frozen=True)
class Raised:
    at: dt.datetime
    level: int
    withdrawn_at: dt.datetime | None


@dataclass
class DayOutcome:
    profile: str
    day: dt.date
    promises: list[Promise] = field(default_factory=list)
    unestimated: int = 0  # tickets issued with no counter open for their queue
    refused: int = 0  # imported events the services refused (the calling rule chose otherwise)
    rises: list[tuple[dt.datetime, int]] = field(default_factory=list)
    warnings: list[Raised] = field(default_factory=list)


def _scratch_folder() -> str | None:
    """Memory-backed when the machine has one: durable commits cost nothing there."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and shm.stat().st_mode & 0o002 else None


def replay_simulated_days(profile: str, seeds: range, history: int) -> list[DayOutcome]:
    """Simulate and replay days number `seeds` of `profile` on one fresh store, after the
    `history` days before them (replayed, not measured)."""
    days = [_simulated(profile, seed) for seed in range(seeds.start - history, seeds.stop)]
    return replay_days(profile, days, history)


def replay_crowd_days(seeds: range, history: int) -> list[DayOutcome]:
    """The same for the second model's days (`crowd_days`): weekdays and weekends in turn."""
    days = [_crowd(seed) for seed in range(seeds.start - history, seeds.stop)]
    return replay_days(CROWD, days, history)


def replay_days(
    kind: str, days: Sequence[tuple[dt.date, Events]], history: int
) -> list[DayOutcome]:
    """Replay `days` in order on one fresh store of the demo hall; measure all but the
    first `history`."""
    with tempfile.TemporaryDirectory(prefix="hallq-evaluate-", dir=_scratch_folder()) as folder:
        store = open_store(str(Path(folder) / "days.sqlite3"))
        try:
            with store.write() as session:
                load_hall(session, demo_definition())
            recent: _Recent = _Recent()
            outcomes = [_replay(store, kind, day, events, recent) for day, events in days]
            return outcomes[history:]
        finally:
            store.close()


def _simulated(profile: str, seed: int) -> tuple[dt.date, Events]:
    """Day number `seed` (days before FIRST_DAY have negative numbers) and its events."""
    day = FIRST_DAY + dt.timedelta(days=seed)
    return day, simulate_day(PROFILES[profile], day, seed)


def _crowd(seed: int) -> tuple[dt.date, Events]:
    day = FIRST_DAY + dt.timedelta(days=seed)
    return day, crowd_day(day, seed)


@dataclass
class _Recent:
    """What the baselines know at each moment: each queue's latest waits, and its issues."""

    waits: dict[str, deque[float]] = field(
        default_factory=lambda: defaultdict(lambda: deque(maxlen=POOLED_WAITS))
    )
    issues: dict[str, deque[dt.datetime]] = field(default_factory=lambda: defaultdict(deque))

    def arrivals_per_s(self, queue: str, now: dt.datetime) -> float:
        issued = self.issues[queue]
        while issued and issued[0] <= now - ARRIVAL_RATE_WINDOW:
            issued.popleft()
        return len(issued) / ARRIVAL_RATE_WINDOW.total_seconds()


def _replay(
    store: Store,
    profile: str,
    day: dt.date,
    events: Iterable[dict[str, object]],
    recent: _Recent | None = None,
) -> DayOutcome:
    recent = recent or _Recent()
    outcome = DayOutcome(profile, day)
    clock = FixedClock(dt.datetime.combine(day, dt.time()))
    service = HallService(store, "demo", clock)
    promised: dict[str, tuple[float | None, float | None, float | None, float | None]] = {}
    queue_of: dict[str, str] = {}
    waited: dict[str, float] = {}
    for event in events:
        op, at, fields = parse_event(json.dumps(event))
        clock.set(at)
        if op == "issue":
            issued = service.issue(
                fields["business"], phone=fields.get("phone"), tier=fields.get("tier")
            )
            promised[issued.ticket] = (
                issued.estimated_wait_s,
                *_baselines(store, issued, at, recent),
            )
            queue_of[issued.ticket] = issued.queue
            recent.issues[issued.queue].append(at)
            continue
        try:
            result = apply_event(service, op, fields)
        except Rejected:
            outcome.refused += 1
            continue
        ticket = result.get("ticket")
        if op == "call" and isinstance(ticket, str) and ticket not in waited:
            waited[ticket] = float(result["waited_s"])  # type: ignore[arg-type]
            if ticket in queue_of:
                recent.waits[queue_of[ticket]].append(waited[ticket])
    for ticket, (estimate, naive, pooled, erlang) in promised.items():
        if estimate is None or naive is None:
            outcome.unestimated += 1
        elif ticket in waited:
            outcome.promises.append(
                Promise(
                    estimate,
                    naive,
                    waited[ticket],
                    naive if pooled is None else pooled,
                    naive if erlang is None else erlang,
                )
            )
    with store.read() as session:
        hall = find_hall(session, "demo")
        for change in alert_changes(session, hall, day):
            for level in range(change.previous_level + 1, change.level + 1):
                outcome.rises.append((change.at, level))
        outcome.warnings = [
            Raised(w.at, w.level, w.withdrawn_at) for w in warnings_of_day(session, hall, day)
        ]
    return outcome


def _baselines(
    store: Store, issued: Issued, at: dt.datetime, recent: _Recent
) -> tuple[float | None, float | None, float | None]:
    """The naive, pooled-mean and Erlang C figures for a ticket just issued."""
    queue_letter, ahead = issued.queue, issued.ahead
    with store.read() as session:
        hall = find_hall(session, "demo")
        queue = find_queue(session, hall, queue_letter)
        settings = load_settings(session, hall.id)
        naive = naive_estimate_s(session, hall, queue, ahead, settings, at)
        servers = sum(1 for c in open_counters(session, hall) if queue_letter in c.serves)
        handling = recent_pace(session, hall, at, settings).handling_s(queue.id)
    erlang = erlang_c_wait_s(recent.arrivals_per_s(queue_letter, at), handling, servers, ahead)
    return naive, pooled_mean_wait_s(recent.waits[queue_letter]), erlang


# ----- the figures -----


@dataclass(frozen=True)
class EstimateFigures:
    tickets: int
    mae_s: float
    naive_mae_s: float
    within: float  # share of tickets whose real wait fell within ±5 minutes of the estimate
    naive_within: float
    pooled_mae_s: float = 0.0
    erlang_mae_s: float = 0.0

    def below(self, other_mae_s: float) -> float:
        """How much smaller the estimate's error is than another's (0.3 = 30 % smaller)."""
        return 1 - self.mae_s / other_mae_s if other_mae_s else 0.0

    @property
    def improvement(self) -> float:
        """How much smaller the estimate's error is than the naive one's (0.3 = 30 % smaller)."""
        return 1 - self.mae_s / self.naive_mae_s if self.naive_mae_s else 0.0


@dataclass(frozen=True)
class WarningFigures:
    rises: int  # real rises of the level (to 1 and to 2 counted apart)
    warned: int  # of them, those a standing warning of their level came before
    median_lead_s: float | None  # over warned rises
    warnings: int
    false_alarms: int  # warnings whose level was not reached within BORNE_OUT_WITHIN

    @property
    def false_share(self) -> float | None:
        return self.false_alarms / self.warnings if self.warnings else None


def estimate_figures(promises: Sequence[Promise]) -> EstimateFigures:
    count = len(promises)
    if not count:
        return EstimateFigures(0, 0.0, 0.0, 0.0, 0.0)
    return EstimateFigures(
        count,
        sum(abs(p.estimate_s - p.actual_s) for p in promises) / count,
        sum(abs(p.naive_s - p.actual_s) for p in promises) / count,
        sum(abs(p.estimate_s - p.actual_s) <= WITHIN_S for p in promises) / count,
        sum(abs(p.naive_s - p.actual_s) <= WITHIN_S for p in promises) / count,
        sum(abs(p.pooled_s - p.actual_s) for p in promises) / count,
        sum(abs(p.erlang_s - p.actual_s) for p in promises) / count,
    )


def warning_figures(days: Sequence[DayOutcome]) -> WarningFigures:
    """Each rise is credited to the earliest warning of its level standing at that moment
    and raised since the previous rise to that level; every warning is judged by whether
    its level was reached within BORNE_OUT_WITHIN of its raising."""
    rises = warned = warnings = false_alarms = 0
    leads: list[float] = []
    for day in days:
        previous: dict[int, dt.datetime] = {}
        for at, level in day.rises:
            rises += 1
            since = previous.get(level, dt.datetime.min)
            standing = [
                w.at
                for w in day.warnings
                if w.level == level
                and since <= w.at <= at
                and (w.withdrawn_at is None or w.withdrawn_at > at)
            ]
            if standing:
                warned += 1
                leads.append((at - min(standing)).total_seconds())
            previous[level] = at
        for warning in day.warnings:
            warnings += 1
            borne_out = any(
                level >= warning.level and warning.at <= at <= warning.at + BORNE_OUT_WITHIN
                for at, level in day.rises
            )
            false_alarms += not borne_out
    median = statistics.median(leads) if leads else None
    return WarningFigures(rises, warned, median, warnings, false_alarms)


@dataclass(frozen=True)
class ProfileFigures:
    profile: str
    days: int
    estimate: EstimateFigures
    warning: WarningFigures
    unestimated: int
    family: str = SIMULATOR
    refused: int = 0


def runs_of_days(days: int, first_seed: int, count: int) -> list[range]:
    """`days` seeds from `first_seed` cut into `count` runs of consecutive days."""
    size = -(-days // count)
    return [
        range(start, min(start + size, first_seed + days))
        for start in range(first_seed, first_seed + days, size)
    ]


def _run(family: str, kind: str, seeds: range, history: int) -> list[DayOutcome]:
    if family == CROWD:
        return replay_crowd_days(seeds, history)
    return replay_simulated_days(kind, seeds, history)


def evaluate(
    profiles: Sequence[str],
    days: int,
    processes: int = 2,
    first_seed: int = 0,
    history: int = HISTORY_DAYS,
    crowd: bool = False,
    imported: Sequence[tuple[dt.date, Events]] = (),
) -> list[ProfileFigures]:
    """Replay `days` days of each simulated profile (and of the second model with `crowd`),
    each run of days after `history` days of its own, over `processes` processes (a
    profile's days are cut into runs only when there are more processes than profiles);
    then the `imported` days, in order on one store, the first `history` of them unmeasured."""
    kinds = [(SIMULATOR, profile) for profile in profiles] + ([(CROWD, CROWD)] if crowd else [])
    runs_per_kind = max(1, processes // max(1, len(kinds)))
    tasks = [
        (family, kind, seeds, history)
        for family, kind in kinds
        for seeds in runs_of_days(days, first_seed, runs_per_kind)
    ]
    if processes > 1 and len(tasks) > 1:
        with multiprocessing.Pool(processes) as pool:
            runs = pool.starmap(_run, tasks, chunksize=1)
    else:
        runs = [_run(*task) for task in tasks]
    outcomes = [outcome for run in runs for outcome in run]
    simulated = [o for o in outcomes if o.profile in profiles]
    figures = [
        profile_figures(profile, [o for o in simulated if o.profile == profile])
        for profile in profiles
    ]
    if len(profiles) > 1:
        figures.append(profile_figures(ALL_KINDS, simulated))
    if crowd:
        figures.append(profile_figures(CROWD, [o for o in outcomes if o.profile == CROWD], CROWD))
    if imported:
        if len(imported) <= history:
            raise Rejected(
                f"the imported file has {len(imported)} days: more than --history {history} "
                "are needed to measure any"
            )
        measured = replay_days(IMPORTED, imported, history)
        figures.append(profile_figures(IMPORTED, measured, IMPORTED))
    return figures


def profile_figures(
    profile: str, days: Sequence[DayOutcome], family: str = SIMULATOR
) -> ProfileFigures:
    """The figures over `days` (each rise and warning judged within its own day)."""
    return ProfileFigures(
        profile,
        len(days),
        estimate_figures([p for o in days for p in o.promises]),
        warning_figures(days),
        sum(o.unestimated for o in days),
        family,
        sum(o.refused for o in days),
    )
