"""`hallq warnings --date D`: the day's early warnings, as the shift lead's monitor lists them."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from shared.cli.opened import opened_store
from shared.views.status import LEVEL_NAMES

if TYPE_CHECKING:
    from shared.cli.main import AddCommand
    from shared.forecast.early_warning import WarningRecord


def warnings_text(day: dt.date, warnings: Sequence[WarningRecord]) -> str:
    if not warnings:
        return f"{day}: 无预警 no early warning"
    lines = [f"{day}: 预警 early warnings"]
    for warning in warnings:
        fate = (
            f"撤回 withdrawn {warning.withdrawn_at:%H:%M:%S}"
            if warning.withdrawn_at
            else "未撤回 not withdrawn"
        )
        chance = "" if warning.chance is None else f" (chance {warning.chance:.0%})"
        lines.append(
            f"  {warning.at:%H:%M:%S}  {' '.join(LEVEL_NAMES[warning.level])}"
            f" expected {warning.expected_at:%H:%M}{chance}"
            f"  +{warning.more_counters} counters  (arrivals {warning.arrivals_per_hour:g}/h, "
            f"calls {warning.services_per_hour:g}/h)  {fate}"
        )
    return "\n".join(lines)


def cmd_warnings(args: argparse.Namespace, out: TextIO) -> None:
    from shared.forecast.early_warning import warnings_of_day
    from shared.store.lookup import find_hall

    with opened_store(args) as store, store.read() as session:
        warnings = warnings_of_day(session, find_hall(session, args.hall), args.date)
    if args.json:
        json.dump([w.as_json() for w in warnings], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(warnings_text(args.date, warnings) + "\n")


def register(command: AddCommand) -> None:
    from shared.cli.main import _day  # loaded by now: it is building its parser

    warnings = command("warnings", cmd_warnings, "the early warnings (预警) of a business day")
    warnings.add_argument(
        "--date", type=_day, required=True, metavar="D", help="business day, YYYY-MM-DD"
    )
    warnings.add_argument("--json", action="store_true", help="print JSON")
