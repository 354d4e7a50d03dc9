"""`hallq import-history`: a hall's historical tickets (CSV) as replay events, so the
forecast can be measured on its real days (`hallq evaluate --imported`)."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from shared.errors import Rejected

if TYPE_CHECKING:
    from shared.cli.main import AddCommand


def cmd_import_history(args: argparse.Namespace, out: TextIO) -> None:
    from shared.forecast.history_import import HallShape, history_events, read_history
    from shared.forecast.simulate import write_day
    from shared.services.hall_config import demo_definition

    hall = HallShape.of(demo_definition())
    try:
        with open(args.file, encoding="utf-8", newline="") as rows:
            tickets = read_history(rows, hall)
    except (OSError, UnicodeDecodeError) as error:
        raise Rejected(f"cannot read {args.file}: {error}") from None
    events = history_events(tickets, hall)
    target = Path(args.out)
    if not target.parent.is_dir():
        raise Rejected(f"no folder {str(target.parent)!r} to write {target.name} in")
    # Written whole or not at all: a half-written file must never pass for an import.
    handle, scratch = tempfile.mkstemp(prefix=".import-", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            write_day(events, stream)
        os.replace(scratch, target)
    except OSError as error:
        Path(scratch).unlink(missing_ok=True)
        raise Rejected(f"cannot write {args.out}: {error.strerror}") from None
    out.write(f"{len(tickets)} tickets, {len(events)} events written to {args.out}\n")


def register(command: AddCommand) -> None:
    importing = command(
        "import-history",
        cmd_import_history,
        "turn a CSV of the hall's past tickets into replay events",
    )
    importing.add_argument(
        "file",
        help="CSV with a header: issued_at, called_at, finished_at, queue, counter, business "
        "(clerk optional); times local ISO-8601; a ticket never called leaves called_at, "
        "finished_at and counter empty",
    )
    importing.add_argument("--out", required=True, help="where to write the events (JSON lines)")
