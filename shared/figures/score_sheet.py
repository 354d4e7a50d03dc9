"""The whole performance sheet of a month: the operator's 100 points, team 20 and personal
80, each part with where its figures came from, and the clerks ranked.

docs/rules.md defines every part with a worked example. In short, each part is a share from
0 to 1 times its weight (hall settings `score_*`):

- sales, volume, satisfaction: measured, the month's mean of the clerk's days
  (shared/figures/performance.py); an accepted campaign offer is a recommended and accepted
  transaction, so it counts in sales (the sheet shows how many there were);
- quality: the mean, of those with data, of the measured quality (three-minute norm and
  paperless forms), the mystery-shopper checks (mean points ÷ 100) and the complaints share
  (1 - complaint rate ÷ `score_complaint_ceiling`, never below 0);
- teamwork (the team part): the shift lead's mark ÷ 100;
- learning: the mean of trainings ÷ `score_training_target` (at most 1) and morning
  meetings attended ÷ held (when any were held).

A part without data earns nothing. Ranks: highest points first, points compared to two
decimals; clerks with equal points share a rank and the next rank skips (1, 2, 2, 4),
listed by staff id within the tie.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from statistics import fmean

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.figures.campaigns import accepted_offers
from shared.figures.cases import case_figures
from shared.figures.performance import Score, month_days, month_sheet
from shared.rules.hall_settings import HallSettings
from shared.services.settings import load_settings
from shared.store.models import Clerk, Hall, ScoreEntry

SHEET_PARTS = ("sales", "volume", "satisfaction", "quality", "teamwork", "learning")
TEAM_PARTS = ("teamwork",)
MEASURED = "measured"
RANK_PLACES = 2  # points are compared for the ranking rounded to this many decimals


@dataclass(frozen=True)
class Part:
    """One part of a clerk's sheet: its share (None: no data), points, weight and source."""

    name: str
    share: float | None
    points: float
    weight: float
    measured: bool
    entered_by: tuple[str, ...]

    @property
    def source(self) -> str:
        """ "measured", "entered by S002", both joined by " + ", or "-" without data."""
        said = [MEASURED] if self.measured else []
        if self.entered_by:
            said.append("entered by " + ", ".join(self.entered_by))
        return " + ".join(said) or "-"

    def as_json(self) -> dict[str, object]:
        return {
            "share": self.share,
            "points": self.points,
            "weight": self.weight,
            "source": self.source,
            "measured": self.measured,
            "entered_by": list(self.entered_by),
        }


@dataclass(frozen=True)
class SheetRow:
    """One clerk's month: the figures the parts came from, the parts and the rank."""

    clerk: str
    name: str
    days: int
    handled: int
    campaign_accepted: int
    cases: int
    complaint_rate: float | None
    mystery_checks: int
    mystery_share: float | None
    measured_quality: float | None
    parts: tuple[Part, ...]
    out_of: float
    rank: int

    def part(self, name: str) -> Part:
        return next(part for part in self.parts if part.name == name)

    @property
    def points(self) -> float:
        return sum(part.points for part in self.parts)

    @property
    def team_points(self) -> float:
        return sum(part.points for part in self.parts if part.name in TEAM_PARTS)

    @property
    def personal_points(self) -> float:
        return self.points - self.team_points

    def as_json(self) -> dict[str, object]:
        return {
            "rank": self.rank,
            "clerk": self.clerk,
            "name": self.name,
            "days": self.days,
            "handled": self.handled,
            "campaign_accepted": self.campaign_accepted,
            "cases": self.cases,
            "complaint_rate": self.complaint_rate,
            "mystery_checks": self.mystery_checks,
            "mystery_share": self.mystery_share,
            "measured_quality": self.measured_quality,
            "parts": {part.name: part.as_json() for part in self.parts},
            "team_points": self.team_points,
            "personal_points": self.personal_points,
            "points": self.points,
            "out_of": self.out_of,
        }


def sheet_weights(settings: HallSettings) -> dict[str, float]:
    return {name: getattr(settings, f"score_{name}") for name in SHEET_PARTS}


def _part(
    name: str,
    share: float | None,
    settings: HallSettings,
    *,
    measured: bool = False,
    entered_by: tuple[str, ...] = (),
) -> Part:
    weight = sheet_weights(settings)[name]
    points = weight * share if share is not None else 0.0
    return Part(name, share, points, weight, measured and share is not None, entered_by)


def _who(entries: list[ScoreEntry]) -> tuple[str, ...]:
    return tuple(sorted({entry.entered_by for entry in entries}))


@dataclass
class _Entered:
    mystery: list[ScoreEntry]
    teamwork: list[ScoreEntry]
    learning: list[ScoreEntry]


def _entries(session: Session, hall: Hall, month: str) -> dict[str, _Entered]:
    found: dict[str, _Entered] = defaultdict(lambda: _Entered([], [], []))
    for entry, staff_id in session.execute(
        select(ScoreEntry, Clerk.staff_id)
        .join(Clerk, Clerk.id == ScoreEntry.clerk_id)
        .where(ScoreEntry.hall_id == hall.id, ScoreEntry.month == month)
        .order_by(ScoreEntry.id)
    ):
        getattr(found[staff_id], str(entry.kind)).append(entry)
    return found


def learning_share(entry: ScoreEntry, settings: HallSettings) -> float:
    """Trainings against the target (at most 1) and meetings attended of held, averaged;
    without meetings held, the trainings alone."""
    halves = [min((entry.trainings or 0) / settings.score_training_target, 1.0)]
    if entry.meetings_held:
        halves.append((entry.meetings_attended or 0) / entry.meetings_held)
    return fmean(halves)


def complaints_share(rate: float | None, settings: HallSettings) -> float | None:
    if rate is None:
        return None
    return max(1.0 - rate / settings.score_complaint_ceiling, 0.0)


def _row(
    clerk: str,
    name: str,
    measured: Score | None,
    entered: _Entered,
    cases: tuple[int, float | None],
    campaign_accepted: int,
    settings: HallSettings,
) -> SheetRow:
    mystery = [entry.points or 0.0 for entry in entered.mystery]
    mystery_share = fmean(mystery) / 100 if mystery else None
    measured_quality = measured.quality if measured else None
    quality_shares = [
        share
        for share in (measured_quality, mystery_share, complaints_share(cases[1], settings))
        if share is not None
    ]
    team = entered.teamwork[-1] if entered.teamwork else None
    learning = entered.learning[-1] if entered.learning else None
    parts = (
        _part("sales", measured.sales if measured else None, settings, measured=True),
        _part("volume", measured.volume if measured else None, settings, measured=True),
        _part("satisfaction", measured.satisfaction if measured else None, settings, measured=True),
        _part(
            "quality",
            fmean(quality_shares) if quality_shares else None,
            settings,
            measured=measured_quality is not None or cases[1] is not None,
            entered_by=_who(entered.mystery),
        ),
        _part(
            "teamwork",
            (team.points or 0.0) / 100 if team else None,
            settings,
            entered_by=_who(entered.teamwork),
        ),
        _part(
            "learning",
            learning_share(learning, settings) if learning else None,
            settings,
            entered_by=_who(entered.learning),
        ),
    )
    return SheetRow(
        clerk=clerk,
        name=name,
        days=measured.days if measured else 0,
        handled=measured.handled if measured else 0,
        campaign_accepted=campaign_accepted,
        cases=cases[0],
        complaint_rate=cases[1],
        mystery_checks=len(mystery),
        mystery_share=mystery_share,
        measured_quality=measured_quality,
        parts=parts,
        out_of=sum(sheet_weights(settings).values()),
        rank=0,
    )


def ranked(rows: list[SheetRow]) -> list[SheetRow]:
    """Highest points first; equal points (to RANK_PLACES decimals) share the rank of the
    first of them and the next rank skips; within a tie by staff id."""
    order = sorted(rows, key=lambda row: (-round(row.points, RANK_PLACES), row.clerk))
    result: list[SheetRow] = []
    for place, row in enumerate(order, start=1):
        tied = result and round(result[-1].points, RANK_PLACES) == round(row.points, RANK_PLACES)
        rank = result[-1].rank if tied else place
        result.append(
            SheetRow(**{**{f: getattr(row, f) for f in row.__dataclass_fields__}, "rank": rank})
        )
    return result


def full_month_sheet(session: Session, hall: Hall, month: str) -> list[SheetRow]:
    """Every clerk who served in the month or has an entry for it, ranked."""
    settings = load_settings(session, hall.id)
    days = month_days(month)
    measured = {score.clerk: score for score in month_sheet(session, hall, month)}
    entered = _entries(session, hall, month)
    cases = {
        row.clerk: (row.cases, row.complaint_rate)
        for row in case_figures(session, hall, days[0], days[-1])
        if row.clerk is not None
    }
    offers = accepted_offers(session, hall, days[0], days[-1])
    names = dict(
        session.execute(select(Clerk.staff_id, Clerk.name).where(Clerk.hall_id == hall.id)).all()
    )
    rows = [
        _row(
            clerk,
            names.get(clerk, clerk),
            measured.get(clerk),
            entered[clerk] if clerk in entered else _Entered([], [], []),
            cases.get(clerk, (0, None)),
            offers.get(clerk, 0),
            settings,
        )
        for clerk in sorted({*measured, *entered})
    ]
    return ranked(rows)
