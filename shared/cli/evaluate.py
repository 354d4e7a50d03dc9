"""`hallq evaluate`: the wait estimate and the early warning measured on simulated days."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import time
from typing import TYPE_CHECKING, TextIO

from shared.errors import Rejected
from shared.forecast.simulate import PROFILES

if TYPE_CHECKING:
    from shared.cli.main import AddCommand
    from shared.forecast.evaluate import ProfileFigures


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _minutes(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds / 60:.1f} min"


def as_json(figures: ProfileFigures) -> dict[str, object]:
    estimate, warning = figures.estimate, figures.warning
    return {
        "family": figures.family,
        "profile": figures.profile,
        "days": figures.days,
        "refused_events": figures.refused,
        "estimate": {
            "tickets": estimate.tickets,
            "mae_s": round(estimate.mae_s, 1),
            "naive_mae_s": round(estimate.naive_mae_s, 1),
            "error_below_naive": round(estimate.improvement, 3),
            "pooled_mae_s": round(estimate.pooled_mae_s, 1),
            "error_below_pooled": round(estimate.below(estimate.pooled_mae_s), 3),
            "erlang_c_mae_s": round(estimate.erlang_mae_s, 1),
            "error_below_erlang_c": round(estimate.below(estimate.erlang_mae_s), 3),
            "within_5_min": round(estimate.within, 3),
            "naive_within_5_min": round(estimate.naive_within, 3),
            "no_counter_open": figures.unestimated,
        },
        "warning": {
            "rises": warning.rises,
            "warned": warning.warned,
            "median_lead_s": warning.median_lead_s,
            "warnings": warning.warnings,
            "false_alarms": warning.false_alarms,
            "false_share": warning.false_share,
        },
    }


def as_table(rows: list[ProfileFigures]) -> str:
    lines = [
        "| family | kind | days | tickets | MAE | naive MAE | below naive | pooled MAE "
        "| below pooled | Erlang C MAE | below Erlang C | within ±5 min (naive) "
        "| rises warned | median lead | warnings | false alarms |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        e, w = row.estimate, row.warning
        lines.append(
            f"| {row.family} | {row.profile} | {row.days} | {e.tickets} | {_minutes(e.mae_s)} "
            f"| {_minutes(e.naive_mae_s)} | {e.improvement:.0%} "
            f"| {_minutes(e.pooled_mae_s)} | {e.below(e.pooled_mae_s):.0%} "
            f"| {_minutes(e.erlang_mae_s)} | {e.below(e.erlang_mae_s):.0%} "
            f"| {_share(e.within)} ({_share(e.naive_within)}) | {w.warned} of {w.rises} "
            f"| {_minutes(w.median_lead_s)} | {w.warnings} | {w.false_alarms} "
            f"({_share(w.false_share)}) |"
        )
    return "\n".join(lines) + "\n"


def _imported_days(path: str) -> list[tuple[dt.date, list[dict[str, object]]]]:
    """A hall's tickets from a CSV export (`hallq import-history`'s format), day by day."""
    from shared.forecast.history_import import (
        HallShape,
        events_by_day,
        history_events,
        read_history,
    )
    from shared.services.hall_config import demo_definition

    hall = HallShape.of(demo_definition())
    try:
        with open(path, encoding="utf-8", newline="") as rows:
            tickets = read_history(rows, hall)
    except (OSError, UnicodeDecodeError) as error:
        raise Rejected(f"cannot read {path}: {error}") from None
    return list(events_by_day(history_events(tickets, hall)).items())


def cmd_evaluate(args: argparse.Namespace, out: TextIO) -> None:
    from shared.forecast.evaluate import CROWD, HISTORY_DAYS, SIMULATOR, evaluate

    history = HISTORY_DAYS if args.history is None else args.history
    if not 1 <= args.days <= 1000:
        raise Rejected("--days must be between 1 and 1000")
    if not 1 <= args.processes <= (os.cpu_count() or 1) * 4:
        raise Rejected("--processes must be at least 1 and not far above the machine's cores")
    if not 0 <= history <= 100:
        raise Rejected("--history must be between 0 and 100 days")
    # Named kinds, or an imported file alone, are measured without the other families.
    alone = [SIMULATOR] if args.profile else [] if args.imported else [SIMULATOR, CROWD]
    families = args.family or alone
    imported = _imported_days(args.imported) if args.imported else []
    began = time.monotonic()
    rows = evaluate(
        (args.profile or sorted(PROFILES)) if SIMULATOR in families else [],
        args.days,
        args.processes,
        args.first_seed,
        history,
        crowd=CROWD in families,
        imported=imported,
    )
    if args.json:
        json.dump([as_json(row) for row in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    out.write(as_table(rows))
    modelled = f"{args.days} days per kind, " if families else ""
    out.write(f"{modelled}{len(imported)} imported days, in {time.monotonic() - began:.0f} s\n")


def register(command: AddCommand) -> None:
    evaluate_command = command(
        "evaluate",
        cmd_evaluate,
        "measure the wait estimate and the early warning on simulated days",
    )
    evaluate_command.add_argument(
        "--days", type=int, default=50, help="simulated days per profile (default 50)"
    )
    evaluate_command.add_argument(
        "--profile",
        action="append",
        choices=sorted(PROFILES),
        help="a kind of day (repeat for several; default all)",
    )
    evaluate_command.add_argument(
        "--processes", type=int, default=2, help="days replayed in parallel (default 2)"
    )
    evaluate_command.add_argument(
        "--first-seed", type=int, default=0, help="seed of the first day (days use the next ones)"
    )
    evaluate_command.add_argument(
        "--history",
        type=int,
        help="past days of the same kind replayed first, not measured, so the hall has a "
        "usual day to learn (default: the evaluation's own; 0: a hall on its first day)",
    )
    evaluate_command.add_argument(
        "--family",
        action="append",
        choices=("simulator", "crowd"),
        help="days of the simulator (its kinds) or of the second model, crowd_days "
        "(repeat for both; default both, or none with --imported)",
    )
    evaluate_command.add_argument(
        "--imported",
        metavar="CSV",
        help="also a hall's historical tickets (see `hallq import-history`), replayed day by "
        "day, the first --history of them unmeasured",
    )
    evaluate_command.add_argument("--json", action="store_true", help="print JSON")
