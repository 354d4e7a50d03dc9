"""`hallq scores` and `hallq performance`: the shift lead's hand-scored parts of the
performance sheet (mystery-shopper checks, teamwork, learning) and the whole month's sheet,
on the store file (the acts are audited as the operating system's user who ran them)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, TextIO

from shared.cli.opened import opened_store
from shared.errors import Rejected

if TYPE_CHECKING:
    from shared.cli.main import AddCommand
    from shared.services.scores import EntryNow


def _print_json(data: object, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def entry_line(entry: EntryNow) -> str:
    note = f" · {entry.note}" if entry.note else ""
    return (
        f"entry {entry.number}: {entry.clerk} {entry.month} {entry.kind} {entry.what}"
        f" · by {entry.entered_by} at {entry.entered_at:%Y-%m-%d %H:%M}{note}\n"
    )


def _meetings(text: str) -> tuple[int, int]:
    attended, slash, held = text.partition("/")
    if not (slash and attended.isascii() and attended.isdigit() and held.isascii()):
        raise Rejected(f"--meetings must be ATTENDED/HELD, e.g. 18/20, not {text!r}")
    if not held.isdigit():
        raise Rejected(f"--meetings must be ATTENDED/HELD, e.g. 18/20, not {text!r}")
    return int(attended), int(held)


def cmd_scores(args: argparse.Namespace, out: TextIO) -> None:
    from shared.services import scores

    with opened_store(args) as store:
        if args.action == "remove":
            if args.entry is None:
                raise Rejected("scores remove needs the entry's number")
            removed = scores.remove_entry(store, args.hall, None, args.entry)
            out.write("removed " + entry_line(removed))
            return
        if not args.month:
            raise Rejected(f"scores {args.action} needs --month YYYY-MM")
        if args.action == "list":
            found = scores.list_entries(store, args.hall, None, args.month, clerk=args.clerk)
            if args.json:
                _print_json([entry.as_json() for entry in found], out)
            else:
                out.writelines(entry_line(entry) for entry in found)
            return
        if not (args.kind and args.clerk):
            raise Rejected("scores enter needs KIND (mystery, teamwork, learning) and --clerk")
        attended, held = _meetings(args.meetings) if args.meetings else (None, None)
        entered = scores.enter_score(
            store,
            args.hall,
            None,
            args.kind,
            args.clerk,
            args.month,
            note=args.note or "",
            day=args.date,
            items=args.items,
            points=args.points,
            trainings=args.trainings,
            meetings_attended=attended,
            meetings_held=held,
        )
    if args.json:
        _print_json(entered.as_json(), out)
    else:
        out.write(entry_line(entered))


def cmd_performance(args: argparse.Namespace, out: TextIO) -> None:
    from shared.documents.score_text import sheet_text
    from shared.services import scores

    with opened_store(args) as store:
        sheet = scores.score_sheet(store, args.hall, None, args.month)
    if args.json:
        _print_json({"month": args.month, "clerks": [row.as_json() for row in sheet]}, out)
    else:
        out.write(sheet_text(args.month, sheet) + "\n")


def _points(text: str) -> float:
    try:
        return float(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from error


def register(command: AddCommand) -> None:
    from shared.cli.main import _day

    entries = command(
        "scores",
        cmd_scores,
        "the performance sheet's hand-scored parts (神秘顾客, 团队协作, 学习成长): "
        "enter, list, remove",
    )
    entries.add_argument("action", choices=["enter", "list", "remove"])
    entries.add_argument(
        "kind", nargs="?", metavar="KIND", help="enter: mystery, teamwork or learning"
    )
    entries.add_argument(
        "--entry", type=int, metavar="N", help="remove: the entry's number (from list)"
    )
    entries.add_argument("--clerk", metavar="ID", help="the clerk's staff id")
    entries.add_argument("--month", metavar="YYYY-MM", help="the month scored")
    entries.add_argument("--date", type=_day, metavar="D", help="mystery: the check's day")
    entries.add_argument("--items", type=int, metavar="N", help="mystery: items checked")
    entries.add_argument(
        "--points", type=_points, metavar="P", help="mystery: the check's points; teamwork: "
        "the mark (0 to 100)"
    )  # fmt: skip
    entries.add_argument("--trainings", type=int, metavar="N", help="learning: trainings")
    entries.add_argument(
        "--meetings", metavar="A/H", help="learning: morning meetings attended/held"
    )
    entries.add_argument("--note", help="enter: a note on the entry")
    entries.add_argument("--json", action="store_true", help="print JSON")

    sheet = command(
        "performance",
        cmd_performance,
        "the month's whole performance sheet (业绩考核, 100 points), ranked, with sources",
    )
    sheet.add_argument("--month", required=True, metavar="YYYY-MM", help="the month")
    sheet.add_argument("--json", action="store_true", help="print JSON")
