"""`hallq report`: the day and month reports (PDF and CSV) written to a folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from shared.cli.opened import opened_store

if TYPE_CHECKING:
    from shared.cli.main import AddCommand


def cmd_report(args: argparse.Namespace, out: TextIO) -> None:
    from shared.documents.report import write_reports
    from shared.services import audit
    from shared.services.audit import command_line_user
    from shared.store.clock import clock_for
    from shared.store.lookup import find_hall

    with opened_store(args) as store:
        written = write_reports(store, args.hall, args.out, day=args.date, month=args.month)
        with store.write() as session:
            audit.record(
                session,
                find_hall(session, args.hall).id,
                "export",
                at=clock_for(store).now(),
                source="cli",
                user=command_line_user(),
                files=[str(path) for files in written for path in (files.pdf, files.csv)],
            )
    for files in written:
        out.write(f"{files.pdf}\n{files.csv}\n")


def register(command: AddCommand) -> None:
    from shared.cli.main import _day  # the command line's own date parsing; loaded by now

    report = command("report", cmd_report, "write the day or month report (PDF and CSV)")
    report.add_argument("--date", type=_day, metavar="D", help="business day, YYYY-MM-DD")
    report.add_argument("--month", metavar="YYYY-MM", help="the month report (YYYY-MM)")
    report.add_argument(
        "--out", type=Path, default=Path("."), metavar="FOLDER", help="where to write the files"
    )
