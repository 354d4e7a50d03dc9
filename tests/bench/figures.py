"""The shift lead's figures on a year of data: one day's clerk figures, and a month of them.

Run on demand, never collected by pytest:

    python -m tests.bench.figures                  # SQLite, and PostgreSQL if one answers
    python -m tests.bench.figures --postgres URL   # a server's admin URL
    python -m tests.bench.figures --no-postgres --days 60 --no-write
    python -m tests.bench.figures --city 100             # also a city: 100 halls, 30 days

Each store gets the demo hall's year from `tests.bench.yeardata` (about 200,000 tickets;
the template week is built once and copied into every store). Then, each in a fresh read
snapshot as a screen or a command would take it:
- one day: `clerk_figures` (`hallq metrics --date D --json`) for 20 days spread over the
  year, after one untimed warm-up day; and the hall's day (`hall_day_summary` and
  `queue_hour_figures`, the lead's review) for the same days;
- a month: every day of the year's last full month, clerk figures and the hall's day,
  three times (median);
- the usual day the early warning learns once a day per program (`learn_usual_day`: the
  last 10 days' arrivals and counter timetable) for the same 20 days.
With `--city HALLS` each store also gets a city (the halls `city-001`... for `--city-days`
days) and the same reads are timed for its middle hall: every query leads with the hall, so
the other halls' rows should not slow it down.
Aims (issue 7): one day's clerk figures under 100 ms, the month under 2 s.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.figures.clerks import clerk_figures, hall_day_summary, queue_hour_figures
from shared.forecast.usual_day import learn_usual_day
from shared.store.database import Store, open_store
from shared.store.lookup import find_hall
from shared.store.models import Hall, ServiceForm, TicketEvent
from tests.bench.report import (
    DOC,
    REPO,
    bench_parser,
    load_average,
    machine,
    markers,
    write_section,
)
from tests.bench.throughput import PostgresStores, SQLiteStores, backends
from tests.bench.yeardata import (
    Filled,
    build_templates,
    city_codes,
    fill_city,
    fill_year,
    scratch_folder,
)

NAME = "figures"
START = dt.date(2025, 1, 1)
SAMPLE_DAYS = 20
MONTH_RUNS = 3
AIM_DAY_MS = 100.0
AIM_MONTH_S = 2.0


@dataclass(frozen=True)
class Result:
    store: str
    filled: Filled
    events: int
    forms: int
    clerk_day_ms: list[float]
    hall_day_ms: list[float]
    month_s: list[float]
    month: str
    usual_day_ms: list[float]


def _timed(store: Store, hall_code: str, read: Callable[[Session, Hall], object]) -> float:
    """Seconds for one read in its own snapshot, as a screen or command takes it."""
    began = time.perf_counter()
    with store.read() as session:
        read(session, find_hall(session, hall_code))
    return time.perf_counter() - began


def _hall_day(day: dt.date) -> Callable[[Session, Hall], object]:
    def read(session: Session, hall: Hall) -> object:
        return hall_day_summary(session, hall, day), queue_hour_figures(session, hall, day)

    return read


def _clerk_day(day: dt.date) -> Callable[[Session, Hall], object]:
    return lambda session, hall: clerk_figures(session, hall, day)


def _usual_day(day: dt.date) -> Callable[[Session, Hall], object]:
    return lambda session, hall: learn_usual_day(session, hall, day)


def last_full_month(start: dt.date, days: int) -> list[dt.date]:
    end = start + dt.timedelta(days=days)  # first day not filled
    first = (end.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    if first < start:
        first = start
    month_end = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return [first + dt.timedelta(days=n) for n in range((min(month_end, end) - first).days)]


def _month(days: list[dt.date]) -> Callable[[Session, Hall], object]:
    def read(session: Session, hall: Hall) -> object:
        return [
            (clerk_figures(session, hall, day), hall_day_summary(session, hall, day))
            for day in days
        ]

    return read


def measure(label: str, target: str, template: Store, days: int, halls: int = 0) -> Result:
    """Fill a store (the demo hall's days, or `halls` city halls) and time one hall's reads."""
    store = open_store(target)
    hall_code = city_codes(halls)[halls // 2] if halls else "demo"
    try:
        print(f"{label}: filling {days} days of {halls or 1} hall(s) ...", flush=True)
        if halls:
            filled = fill_city(store, START, halls, days, template=template)
        else:
            filled = fill_year(store, START, days, template=template)
        print(f"{label}: {filled.describe()}", flush=True)
        with store.read() as session:
            events = session.scalar(select(func.count(TicketEvent.id))) or 0
            forms = session.scalar(select(func.count(ServiceForm.id))) or 0
        step = max(days // SAMPLE_DAYS, 1)
        sample = [START + dt.timedelta(days=n) for n in range(step // 2, days, step)]
        _timed(store, hall_code, _clerk_day(START))  # warm-up: connection, statement caches
        clerk_ms = [1000 * _timed(store, hall_code, _clerk_day(day)) for day in sample]
        hall_ms = [1000 * _timed(store, hall_code, _hall_day(day)) for day in sample]
        month = last_full_month(START, days)
        month_s = [_timed(store, hall_code, _month(month)) for _ in range(MONTH_RUNS)]
        usual_ms = [1000 * _timed(store, hall_code, _usual_day(day)) for day in sample]
    finally:
        store.close()
    store_label = f"{label}, city of {halls} halls ({hall_code})" if halls else label
    return Result(
        store_label,
        filled,
        events,
        forms,
        clerk_ms,
        hall_ms,
        month_s,
        f"{month[0]:%Y-%m}",
        usual_ms,
    )


def _verdict(value: float, aim: float) -> str:
    return "meets the aim" if value < aim else "**misses the aim**"


def section(results: list[Result], versions: dict[str, str], when: dt.datetime, load: str) -> str:
    begin, end = markers(NAME)
    lines = [
        begin,
        "## Figures on a year of data",
        "",
        "Run: `python -m tests.bench.figures` (`--postgres URL`, `--no-postgres`, `--days N`);"
        " it rewrites this section. The year is the demo hall's, written by"
        " `python -m tests.bench.yeardata` (a simulated week replayed through the services,"
        " then copied day by day in bulk).",
        "",
        f"Measured {when:%Y-%m-%d %H:%M} on {machine(versions, load)}.",
        "",
        "Each read runs in a fresh snapshot. *Clerk figures, one day*: `clerk_figures` for"
        f" {SAMPLE_DAYS} days spread over the year (what `hallq metrics --date D` and the"
        " lead's clerk table read). *Hall's day*: `hall_day_summary` and `queue_hour_figures`"
        " for the same days. *Month*: clerk figures and the day summary for every day of the"
        f" last full month, median of {MONTH_RUNS} runs. *Usual day*: what the early warning"
        " learns once a business day in each program (`learn_usual_day`), for the same days.",
        "",
        "| store | tickets | ticket events | forms | fill s | clerk figures, one day p50 / max ms"
        " | hall's day p50 / max ms | month s | usual day p50 / max ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        lines.append(
            f"| {result.store} | {result.filled.tickets:,} | {result.events:,}"
            f" | {result.forms:,} | {result.filled.seconds:.0f}"
            f" | {statistics.median(result.clerk_day_ms):.1f} / {max(result.clerk_day_ms):.1f}"
            f" | {statistics.median(result.hall_day_ms):.1f} / {max(result.hall_day_ms):.1f}"
            f" | {statistics.median(result.month_s):.2f} ({result.month})"
            f" | {statistics.median(result.usual_day_ms):.1f} / {max(result.usual_day_ms):.1f} |"
        )
    lines.append("")
    for result in results:
        worst_day = max(result.clerk_day_ms)
        month = statistics.median(result.month_s)
        lines.append(
            f"- {result.store}: one day's clerk figures at worst {worst_day:.1f} ms"
            f" ({_verdict(worst_day, AIM_DAY_MS)} of {AIM_DAY_MS:.0f} ms); the month"
            f" {month:.2f} s ({_verdict(month, AIM_MONTH_S)} of {AIM_MONTH_S:.0f} s)."
        )
    lines.append(end)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = bench_parser("figures", __doc__)
    parser.add_argument("--days", type=int, default=365, help="days of data (default a year)")
    parser.add_argument(
        "--city",
        type=int,
        metavar="HALLS",
        default=0,
        help="also a city of HALLS halls for --city-days days (one hall's reads are timed)",
    )
    parser.add_argument("--city-days", type=int, default=30)
    arguments = parser.parse_args(argv)

    began = time.monotonic()
    when, load = dt.datetime.now(), load_average()
    results: list[Result] = []
    versions: dict[str, str] = {}
    with scratch_folder() as folder, backends(arguments) as chosen:
        print("building the template week ...", flush=True)
        template = build_templates(Path(folder))
        try:
            for stores in chosen:
                assert isinstance(stores, SQLiteStores | PostgresStores)
                versions[stores.name] = stores.version()
                target = stores.new_target("year")
                results.append(measure(stores.name, target, template, arguments.days))
                if arguments.city:
                    city = stores.new_target("city")
                    results.append(
                        measure(stores.name, city, template, arguments.city_days, arguments.city)
                    )
        finally:
            template.close()
    text_of_section = section(results, versions, when, load)
    print(text_of_section)
    if not arguments.no_write:
        write_section(NAME, text_of_section)
        print(f"wrote {DOC.relative_to(REPO)}")
    print(f"took {time.monotonic() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
