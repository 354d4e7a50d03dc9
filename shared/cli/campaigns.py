"""`hallq campaigns`, `hallq lists` and `hallq cases`: the hall's campaigns and their target
lists, its special lists, and its complaint cases and call-backs, on the store file (the
acts are audited as the operating system's user who ran them)."""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from shared.cli.opened import opened_store
from shared.errors import Rejected
from shared.rules.number_lists import ListRefused

if TYPE_CHECKING:
    from shared.cli.main import AddCommand
    from shared.services.campaigns import Imported
    from shared.services.cases import CaseNow
    from shared.store.database import Store


def _read(file: str) -> bytes:
    try:
        return Path(file).read_bytes()
    except OSError as error:
        raise Rejected(f"cannot read {file}: {error.strerror}") from error


def _print_json(data: object, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _import(importer: Callable[..., Imported], file: str) -> str:
    """Import `file` with `importer`; a refused list names every bad row on standard error,
    before the one-line reason. What the import did, as a line."""
    try:
        imported = importer(_read(file), file_name=file)
    except ListRefused as error:
        for problem in error.problems:
            print(f"hallq: refused: {problem}", file=sys.stderr)
        raise
    left_out = ", ".join(f"{count} {kind}" for kind, count in sorted(imported.excluded.items()))
    return (
        f"{imported.rows} rows: {imported.added} added, {imported.already} already there"
        + (f", left out: {left_out}" if left_out else "")
        + "\n"
    )


def cmd_campaigns(args: argparse.Namespace, out: TextIO) -> None:
    from shared.documents.campaign_text import feedback_text
    from shared.services import campaigns

    with opened_store(args) as store:
        if args.action == "add":
            if not (args.name and args.business and args.starts and args.ends):
                raise Rejected("campaigns add needs NAME, --business, --from and --to")
            added = campaigns.add_campaign(
                store,
                args.hall,
                None,
                name=args.name,
                business=args.business,
                starts_on=args.starts,
                ends_on=args.ends,
                value=args.value,
            )
            out.write(
                f"campaign {added.name!r} added: {added.business}, "
                f"{added.starts_on} – {added.ends_on}\n"
            )
        elif args.action == "import":
            if not (args.name and args.file):
                raise Rejected("campaigns import needs NAME and FILE")
            importer = functools.partial(
                campaigns.import_targets, store, args.hall, None, args.name
            )
            out.write(_import(importer, args.file))
        elif args.action == "list":
            found = campaigns.list_campaigns(store, args.hall, None)
            if args.json:
                _print_json([run.as_json() for run in found], out)
            else:
                out.writelines(
                    f"{run.name}: {run.business}, {run.starts_on} – {run.ends_on}, "
                    f"{run.targets} targets\n"
                    for run in found
                )
        else:
            rows = campaigns.campaign_report(store, args.hall, None, args.name)
            if args.json:
                _print_json([row.as_json() for row in rows], out)
            else:
                out.write(feedback_text(rows) + "\n")


def cmd_lists(args: argparse.Namespace, out: TextIO) -> None:
    from shared.services import campaigns

    with opened_store(args) as store:
        if args.action == "import":
            if not (args.kind and args.file):
                raise Rejected("lists import needs KIND and FILE")
            importer = functools.partial(
                campaigns.import_special_list, store, args.hall, None, args.kind
            )
            out.write(_import(importer, args.file))
            return
        if args.action == "remove":
            if not (args.kind and args.file):
                raise Rejected("lists remove needs KIND and the NUMBER to take off")
            campaigns.remove_from_special_list(store, args.hall, None, args.kind, args.file)
            out.write(f"removed from the {args.kind} list\n")
            return
        if args.action == "entries":
            if not args.kind:
                raise Rejected("lists entries needs KIND")
            rows = campaigns.special_list_entries(store, args.hall, None, args.kind)
            if args.json:
                _print_json([row.as_json() for row in rows], out)
            else:
                out.writelines(
                    f"{row.phone}  added {row.added_at:%Y-%m-%d %H:%M}\n" for row in rows
                )
            return
        sizes = campaigns.special_list_sizes(store, args.hall, None)
        imports = campaigns.list_imports(store, args.hall, None)
    if args.json:
        _print_json({"sizes": sizes, "imports": imports}, out)
        return
    out.writelines(f"{kind}: {count} numbers\n" for kind, count in sizes.items())
    out.writelines(
        f"  {entry['at']} {entry['by']} ({entry['source']}): {entry['list']} "
        f"+{entry['added']} from {entry['file']}\n"
        for entry in imports
    )


def cmd_cases(args: argparse.Namespace, out: TextIO) -> None:
    from shared.documents.campaign_text import cases_text
    from shared.services import cases

    with opened_store(args) as store:
        if args.action == "report":
            if not (args.since and args.until):
                raise Rejected("cases report needs --since and --until")
            rows = cases.case_report(store, args.hall, None, args.since, args.until)
            if args.json:
                _print_json([row.as_json() for row in rows], out)
            else:
                out.write(cases_text(args.since, args.until, rows) + "\n")
            return
        if args.action == "list":
            found = cases.list_cases(store, args.hall, None, open_only=args.open)
        else:
            found = [_case_act(store, args)]
    if args.json:
        _print_json([case.as_json() for case in found], out)
        return
    for case in found:
        callback = f", call-back {case.callback_by}" if case.callback_by else ""
        outcome = f": {case.callback_outcome}" if case.callback_outcome else ""
        state = f"closed {case.closed_at:%Y-%m-%d %H:%M}" if case.closed_at else "open"
        out.write(
            f"case {case.number} {case.business_day} {case.ticket} {case.clerk} {case.reason}"
            f"{callback}{outcome} · {state}\n"
        )


def _case_act(store: Store, args: argparse.Namespace) -> CaseNow:
    """One act on a case (or a new complaint) from the command's arguments."""
    from shared.services import cases

    if args.action == "complain":
        if not (args.ticket and args.note):
            raise Rejected("cases complain needs --ticket and --note")
        return cases.log_complaint(
            store, args.hall, None, args.ticket, note=args.note, day=args.date
        )
    if args.case is None:
        raise Rejected(f"cases {args.action} needs the case's number")
    if args.action == "assign":
        if not args.to:
            raise Rejected("cases assign needs --to STAFF_ID")
        return cases.assign_callback(store, args.hall, None, args.case, args.to)
    if args.action == "callback":
        if not args.outcome:
            raise Rejected("cases callback needs --outcome")
        return cases.record_callback(store, args.hall, None, args.case, args.outcome)
    return cases.close_case(store, args.hall, None, args.case)


def register(command: AddCommand) -> None:
    from shared.cli.main import _day

    runs = command(
        "campaigns",
        cmd_campaigns,
        "campaigns (营销活动): add one, import its targets from CSV, list them, report feedback",
    )
    runs.add_argument("action", choices=["add", "import", "list", "report"])
    runs.add_argument("name", nargs="?", metavar="NAME", help="the campaign's name")
    runs.add_argument("file", nargs="?", metavar="FILE", help="import: the targets' CSV file")
    runs.add_argument("--business", metavar="KEY", help="add: the business offered")
    runs.add_argument("--from", dest="starts", type=_day, metavar="D", help="add: first day")
    runs.add_argument("--to", dest="ends", type=_day, metavar="D", help="add: last day")
    runs.add_argument(
        "--value", type=int, default=0, metavar="YUAN", help="add: what one acceptance brings in"
    )
    runs.add_argument("--json", action="store_true", help="print JSON")

    lists = command(
        "lists",
        cmd_lists,
        "the hall's special lists (黑名单, 灰名单, 免打扰, 敏感投诉): import from CSV, show "
        "their sizes, list one's numbers (entries), take a number off (remove)",
    )
    lists.add_argument("action", choices=["import", "show", "entries", "remove"])
    lists.add_argument(
        "kind", nargs="?", metavar="KIND",
        help="blacklist, greylist, do_not_disturb or sensitive_complaint",
    )  # fmt: skip
    lists.add_argument(
        "file", nargs="?", metavar="FILE|NUMBER",
        help="import: the CSV file; remove: the number to take off",
    )  # fmt: skip
    lists.add_argument("--json", action="store_true", help="print JSON")

    handled = command(
        "cases",
        cmd_cases,
        "complaint cases and call-backs (投诉与回访): list, complain, assign, callback, close, "
        "report",
    )
    handled.add_argument(
        "action", choices=["list", "complain", "assign", "callback", "close", "report"]
    )
    handled.add_argument("case", nargs="?", type=int, metavar="N", help="the case's number")
    handled.add_argument("--open", action="store_true", help="list: open cases only")
    handled.add_argument("--ticket", metavar="CODE", help="complain: the ticket, e.g. A012")
    handled.add_argument("--date", type=_day, metavar="D", help="complain: its day (today)")
    handled.add_argument("--note", help="complain: what the customer complained of")
    handled.add_argument("--to", metavar="ID", help="assign: who calls the customer back")
    handled.add_argument(
        "--outcome", metavar="OUTCOME", help="callback: resolved, not_reached or escalated"
    )
    handled.add_argument("--since", type=_day, metavar="D", help="report: first business day")
    handled.add_argument("--until", type=_day, metavar="D", help="report: last business day")
    handled.add_argument("--json", action="store_true", help="print JSON")
