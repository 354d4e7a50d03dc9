"""`hallq purge [--before DATE]`: the retention purge from the command line (see purge.py)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, TextIO

from shared.cli.opened import opened_store

if TYPE_CHECKING:
    from shared.cli.main import AddCommand


def cmd_purge(args: argparse.Namespace, out: TextIO) -> None:
    from shared.services.audit import command_line_user
    from shared.services.purge import purge_personal_data

    with opened_store(args) as store:
        purged = purge_personal_data(
            store, args.hall, before=args.before, source="cli", user=command_line_user()
        )
    if args.json:
        out.write(json.dumps(purged.as_json()) + "\n")
    else:
        out.write(
            f"personal data of days before {purged.before} erased: {purged.tickets} tickets,"
            f" {purged.appointments} appointments, {purged.forms} service forms redacted\n"
        )


def register(command: AddCommand) -> None:
    from shared.cli.main import _day

    purge = command(
        "purge",
        cmd_purge,
        "erase personal fields of tickets older than the retention (every figure stays)",
    )
    purge.add_argument(
        "--before",
        type=_day,
        metavar="DATE",
        help="erase business days before DATE (default: today less the retention_days setting)",
    )
    purge.add_argument("--json", action="store_true", help="print JSON")
