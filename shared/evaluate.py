"""Measure the wait estimate and the early warning on simulated days (`hallq evaluate`).

Each day is simulated, then replayed through the real services on a throw-away SQLite
store, so the estimate and the warnings are exactly what the hall would have shown. For
every ticket the estimate printed on it, the naive estimate for the same moment, and the
wait it really had are kept; for the day, its rises of the crowding level and its warnings.
Days run in parallel processes.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import statistics
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from shared.alerts import alert_changes
from shared.clock import FixedClock
from shared.forecast import naive_estimate_s
from shared.hall import HallService
from shared.hall_config import demo_definition, load_hall
from shared.lookup import find_hall, find_queue
from shared.replay import apply_event, parse_event
from shared.settings import load_settings
from shared.simulate import PROFILES, simulate_day
from shared.store import Store, open_store
from shared.warnings import HORIZON, KEEP_SLACK, warnings_of_day

FIRST_DAY = dt.date(2026, 11, 2)  # days are numbered from here, one seed each
WITHIN_S = 300.0  # the estimate is "right" when the real wait is within 5 minutes of it
# A warning is borne out when its level is reached while it could still be standing.
BORNE_OUT_WITHIN = HORIZON + KEEP_SLACK


@dataclass(frozen=True)
class Promise:
    """One ticket: the wait printed on it, the naive figure, and the wait it really had."""

    estimate_s: float
    naive_s: float
    actual_s: float


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
    rises: list[tuple[dt.datetime, int]] = field(default_factory=list)
    warnings: list[Raised] = field(default_factory=list)


def _scratch_folder() -> str | None:
    """Memory-backed when the machine has one: durable commits cost nothing there."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and shm.stat().st_mode & 0o002 else None


def replay_simulated_day(profile: str, seed: int) -> DayOutcome:
    """Simulate day number `seed` of `profile` and replay it on a fresh store."""
    day = FIRST_DAY + dt.timedelta(days=seed)
    events = simulate_day(PROFILES[profile], day, seed)
    with tempfile.TemporaryDirectory(prefix="hallq-evaluate-", dir=_scratch_folder()) as folder:
        store = open_store(str(Path(folder) / "day.sqlite3"))
        try:
            with store.write() as session:
                load_hall(session, demo_definition())
            return _replay(store, profile, day, events)
        finally:
            store.close()


def _replay(
    store: Store, profile: str, day: dt.date, events: Iterable[dict[str, object]]
) -> DayOutcome:
    outcome = DayOutcome(profile, day)
    clock = FixedClock(dt.datetime.combine(day, dt.time()))
    service = HallService(store, "demo", clock)
    promised: dict[str, tuple[float | None, float | None]] = {}
    waited: dict[str, float] = {}
    for event in events:
        op, at, fields = parse_event(json.dumps(event))
        clock.set(at)
        if op == "issue":
            issued = service.issue(fields["business"], phone=fields.get("phone"))
            with store.read() as session:
                hall = find_hall(session, "demo")
                queue = find_queue(session, hall, issued.queue)
                settings = load_settings(session, hall.id)
                naive = naive_estimate_s(session, hall, queue, issued.ahead, settings, at)
            promised[issued.ticket] = (issued.estimated_wait_s, naive)
            continue
        result = apply_event(service, op, fields)
        if op == "call" and isinstance(result["ticket"], str):
            waited.setdefault(result["ticket"], float(result["waited_s"]))  # type: ignore[arg-type]
    for ticket, (estimate, naive) in promised.items():
        if estimate is None or naive is None:
            outcome.unestimated += 1
        elif ticket in waited:
            outcome.promises.append(Promise(estimate, naive, waited[ticket]))
    with store.read() as session:
        hall = find_hall(session, "demo")
        for change in alert_changes(session, hall, day):
            for level in range(change.previous_level + 1, change.level + 1):
                outcome.rises.append((change.at, level))
        outcome.warnings = [
            Raised(w.at, w.level, w.withdrawn_at) for w in warnings_of_day(session, hall, day)
        ]
    return outcome


# ----- the figures -----


@dataclass(frozen=True)
class EstimateFigures:
    tickets: int
    mae_s: float
    naive_mae_s: float
    within: float  # share of tickets whose real wait fell within ±5 minutes of the estimate
    naive_within: float

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


def evaluate(
    profiles: Sequence[str], days: int, processes: int = 2, first_seed: int = 0
) -> list[ProfileFigures]:
    """Replay `days` simulated days of each profile, over `processes` processes."""
    tasks = [(profile, first_seed + n) for profile in profiles for n in range(days)]
    if processes > 1:
        with multiprocessing.Pool(processes) as pool:
            outcomes = pool.starmap(replay_simulated_day, tasks, chunksize=1)
    else:
        outcomes = [replay_simulated_day(*task) for task in tasks]
    figures = []
    for profile in profiles:
        mine = [o for o in outcomes if o.profile == profile]
        figures.append(
            ProfileFigures(
                profile,
                len(mine),
                estimate_figures([p for o in mine for p in o.promises]),
                warning_figures(mine),
                sum(o.unestimated for o in mine),
            )
        )
    return figures
