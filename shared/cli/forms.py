"""`hallq forms verify` and `hallq forms search`: the service-form archive from the command
line (the counter's archive dialog does the same search)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from shared.errors import Rejected
from shared.store.database import default_target, open_store
from shared.store.lookup import find_hall
from shared.store.models import Hall

Handler = Callable[[argparse.Namespace, TextIO], None]


def register(command: Callable[[str, Handler, str], argparse.ArgumentParser]) -> None:
    forms = command(
        "forms",
        cmd_forms,
        "the electronic service forms: verify the archive's hash chain, search it, or sign a "
        "checkpoint of the chain's end into a folder outside the store",
    )
    forms.add_argument("action", choices=["verify", "search", "checkpoint"])
    forms.add_argument("--mobile", help="search: the customer's mobile number")
    forms.add_argument("--from", dest="since", type=_date, metavar="D", help="search: first day")
    forms.add_argument("--to", dest="until", type=_date, metavar="D", help="search: last day")
    forms.add_argument("--clerk", metavar="STAFF", help="search: the clerk's staff id")
    forms.add_argument("--ticket", metavar="CODE", help="search: the ticket number, e.g. A012")
    forms.add_argument("--json", action="store_true", help="print JSON")
    forms.add_argument(
        "--checkpoints",
        metavar="FOLDER",
        help="checkpoint: where to write the signed chain end; verify: check the chain "
        "against every signed end there",
    )
    forms.add_argument(
        "--key",
        metavar="FILE",
        help="the checkpoint key file, kept outside the store (default: $HALLQ_CHECKPOINT_KEY;"
        " `checkpoint` creates it, mode 0600, when missing)",
    )


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from error


def cmd_forms(args: argparse.Namespace, out: TextIO) -> None:
    from shared.archive.forms import search_forms, verify_chain

    if args.action == "checkpoint":
        _checkpoint(args, out)
        return
    store = open_store(args.db or default_target(), create=False)
    try:
        with store.read() as session:
            hall = find_hall(session, args.hall)
            if args.action == "verify":
                check = verify_chain(session, hall, _signed_ends(args, hall))
            else:
                hits = search_forms(
                    session,
                    hall,
                    phone=args.mobile,
                    since=args.since,
                    until=args.until,
                    clerk=args.clerk,
                    ticket=args.ticket,
                )
    finally:
        store.close()
    if args.action == "verify":
        if args.checkpoints and check.intact:
            out.write(f"checkpoints in {args.checkpoints} hold\n")
        if not check.intact:
            raise Rejected(f"chain broken after {check.forms} good forms: {check.problem}")
        out.write(f"chain intact: {check.forms} service forms, {len(check.redacted)} redacted\n")
        for sequence, when in check.redacted:
            out.write(f"#{sequence} redacted by the retention purge at {when:%Y-%m-%d %H:%M:%S}\n")
    elif args.json:
        json.dump([hit.as_json() for hit in hits], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for hit in hits:
            outcome = "signed" if hit.signed else f"declined: {hit.decline_reason}"
            out.write(
                f"#{hit.sequence:<7} {hit.created_at:%Y-%m-%d %H:%M}  {hit.ticket:<5} "
                f"counter {hit.counter}  {hit.staff_id} {hit.clerk}  {hit.customer or '-'}  "
                f"{outcome}\n"
            )
        out.write(f"{len(hits)} form(s)\n")


def _signed_ends(args: argparse.Namespace, hall: Hall) -> list[tuple[int, str, str]]:
    """The chain ends signed into --checkpoints, each signature checked."""
    if not args.checkpoints:
        return []
    from shared.archive.checkpoints import key_path, load_key, read_checkpoints

    public = load_key(key_path(args.key), create=False).public_key()
    return [
        (point.sequence, point.chain_hash, f"the checkpoint of {point.at:%Y-%m-%d %H:%M:%S}")
        for point in read_checkpoints(Path(args.checkpoints), hall, public)
    ]


def _checkpoint(args: argparse.Namespace, out: TextIO) -> None:
    """Sign the chain's end into --checkpoints (run at each day's close)."""
    from shared.archive.checkpoints import key_path, load_key, write_checkpoint
    from shared.archive.forms import verify_chain
    from shared.store.clock import clock_for

    if not args.checkpoints:
        raise Rejected("name the folder with --checkpoints FOLDER")
    key = load_key(key_path(args.key), create=True)
    store = open_store(args.db or default_target(), create=False)
    try:
        with store.read() as session:
            hall = find_hall(session, args.hall)
            check = verify_chain(session, hall)  # a broken chain is never signed
            if not check.intact:
                raise Rejected(f"chain broken after {check.forms} good forms: {check.problem}")
            point = write_checkpoint(
                session, hall, Path(args.checkpoints), key, clock_for(store).now()
            )
    finally:
        store.close()
    if point is None:
        out.write("no service form yet: nothing to sign\n")
    else:
        out.write(f"checkpoint of form #{point.sequence} signed: {point.file}\n")
