"""The performance sheet: the measurable parts of the published clerk scoring scheme.

The scheme (docs/rules.md) weighs business ability 40 (sales 20, volume 15, satisfaction 5),
service quality 30, teamwork 20 and learning 10. The product measures the first four from
its own data; teamwork and learning are a person's judgement and are left out, so the
sheet's total is out of the measurable points (70 by default). Each part is a share from
0 to 1 times its weight (hall settings `score_*`):

- sales: offers accepted per customer handled, full marks at `score_sales_target`;
- volume: customers handled, full marks at `score_volume_target` a day;
- satisfaction: the clerk figure `satisfaction_rate` (satisfied ÷ rated), the same share
  the clerk table shows;
- quality: the mean of the share of routine business within the three-minute norm and
  the share of forms signed electronically.

A part with no data (nobody rated, no routine business and no forms) earns nothing and
shows as empty. A month's sheet is the mean of the clerk's days in that month.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean

from sqlalchemy.orm import Session

from shared.figures.clerks import ClerkFigures, clerk_figures
from shared.rules.hall_settings import HallSettings
from shared.services.settings import load_settings
from shared.store.models import Hall

PARTS = ("sales", "volume", "satisfaction", "quality")


@dataclass(frozen=True)
class Score:
    """One clerk's sheet for a day or a month: each part's share (0..1, None without data)
    and the weighted points."""

    clerk: str
    name: str
    days: int
    handled: int
    sales: float | None
    volume: float | None
    satisfaction: float | None
    quality: float | None
    points: float
    out_of: float


def weights(settings: HallSettings) -> dict[str, float]:
    return {
        "sales": settings.score_sales,
        "volume": settings.score_volume,
        "satisfaction": settings.score_satisfaction,
        "quality": settings.score_quality,
    }


def _capped(value: float) -> float:
    return min(max(value, 0.0), 1.0)


def _weighted(parts: dict[str, float | None], settings: HallSettings) -> float:
    return sum(weight * (parts[name] or 0.0) for name, weight in weights(settings).items())


def score_of(figures: ClerkFigures, settings: HallSettings) -> Score:
    """A clerk's sheet for one day, from that day's figures."""
    handled = figures.handled
    quality_shares = [
        share for share in (figures.routine_within_norm, figures.signed_rate) if share is not None
    ]
    parts: dict[str, float | None] = {
        "sales": _capped(figures.accepted / handled / settings.score_sales_target)
        if handled
        else None,
        "volume": _capped(handled / settings.score_volume_target),
        "satisfaction": figures.satisfaction_rate,
        "quality": fmean(quality_shares) if quality_shares else None,
    }
    return Score(
        clerk=figures.clerk,
        name=figures.name,
        days=1,
        handled=handled,
        points=_weighted(parts, settings),
        out_of=sum(weights(settings).values()),
        **parts,
    )


def day_sheet(session: Session, hall: Hall, day: dt.date) -> list[Score]:
    settings = load_settings(session, hall.id)
    return [score_of(figures, settings) for figures in clerk_figures(session, hall, day)]


def month_days(month: str) -> list[dt.date]:
    """The days of a month given as YYYY-MM."""
    first = dt.date.fromisoformat(f"{month}-01")
    length = calendar.monthrange(first.year, first.month)[1]
    return [first + dt.timedelta(days=offset) for offset in range(length)]


def _mean_part(scores: Sequence[Score], part: str) -> float | None:
    values = [getattr(score, part) for score in scores if getattr(score, part) is not None]
    return fmean(values) if values else None


def month_sheet(session: Session, hall: Hall, month: str) -> list[Score]:
    """Each clerk's month: the mean of the days they served (their parts and points)."""
    by_clerk: dict[str, list[Score]] = defaultdict(list)
    for day in month_days(month):
        for score in day_sheet(session, hall, day):
            by_clerk[score.clerk].append(score)
    sheet = []
    for clerk in sorted(by_clerk):
        days = by_clerk[clerk]
        sheet.append(
            Score(
                clerk=clerk,
                name=days[0].name,
                days=len(days),
                handled=sum(score.handled for score in days),
                points=fmean(score.points for score in days),
                out_of=days[0].out_of,
                **{part: _mean_part(days, part) for part in PARTS},
            )
        )
    return sheet
