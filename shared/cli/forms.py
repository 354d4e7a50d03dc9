"""`hallq forms verify`, `search` and `checkpoint`: the service-form archive from the command
line (the counter's archive dialog does the same search). `verify` checks the audit log's
chain too, and both against the signed checkpoints; `checkpoint` signs both heads."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from shared.cli.opened import opened_store
from shared.errors import Rejected

if TYPE_CHECKING:
    from shared.archive.audit_chain import SignedHead
    from shared.archive.checkpoints import Checkpoint
    from shared.store.models import Hall

Handler = Callable[[argparse.Namespace, TextIO], None]


def register(command: Callable[[str, Handler, str], argparse.ArgumentParser]) -> None:
    forms = command(
        "forms",
        cmd_forms,
        "the electronic service forms: verify the archive's and the audit log's hash chains, "
        "search the archive, or sign a checkpoint of both chains' heads into a folder outside "
        "the store",
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
    from shared.archive.audit_chain import verify_audit
    from shared.archive.forms import search_forms, verify_chain
    from shared.store.lookup import find_hall

    if args.action == "checkpoint":
        _checkpoint(args, out)
        return
    with opened_store(args) as store, store.read() as session:
        hall = find_hall(session, args.hall)
        if args.action == "verify":
            points = _checkpoints(args, hall)
            check = verify_chain(session, hall, _signed_ends(points))
            audited = verify_audit(session, hall, _signed_heads(points))
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
    if args.action == "verify":
        if args.checkpoints and check.intact and audited.intact:
            out.write(f"checkpoints in {args.checkpoints} hold\n")
        if not check.intact:
            raise Rejected(f"chain broken after {check.forms} good forms: {check.problem}")
        if not audited.intact:
            raise Rejected(
                f"audit log broken after {audited.entries} good entries: {audited.problem}"
            )
        out.write(f"chain intact: {check.forms} service forms, {len(check.redacted)} redacted\n")
        out.write(f"audit log intact: {audited.entries} entries\n")
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
                f"link {hit.previous_link}  {outcome}\n"
            )
        out.write(f"{len(hits)} form(s)\n")


def _checkpoints(args: argparse.Namespace, hall: Hall) -> list[Checkpoint]:
    """The checkpoints signed into --checkpoints, each signature checked."""
    if not args.checkpoints:
        return []
    from shared.archive.checkpoints import key_path, load_key, read_checkpoints

    public = load_key(key_path(args.key), create=False).public_key()
    return read_checkpoints(Path(args.checkpoints), hall, public)


def _signer(point: Checkpoint) -> str:
    return f"the checkpoint of {point.at:%Y-%m-%d %H:%M:%S}"


def _signed_ends(points: list[Checkpoint]) -> list[tuple[int, str, str]]:
    """The form chain's signed ends (a checkpoint of a hall without forms signs none)."""
    return [
        (point.sequence, point.chain_hash, _signer(point)) for point in points if point.sequence
    ]


def _signed_heads(points: list[Checkpoint]) -> list[SignedHead]:
    """The audit log's signed heads (checkpoints older than its chain sign none)."""
    from shared.archive.audit_chain import SignedHead

    return [
        SignedHead(point.audit_sequence, point.audit_hash, point.at, _signer(point))
        for point in points
        if point.audit_sequence
    ]


def _checkpoint(args: argparse.Namespace, out: TextIO) -> None:
    """Sign the chain's end into --checkpoints (run at each day's close)."""
    from shared.archive.audit_chain import verify_audit
    from shared.archive.checkpoints import key_path, load_key, write_checkpoint
    from shared.archive.forms import verify_chain
    from shared.store.clock import clock_for
    from shared.store.lookup import find_hall

    if not args.checkpoints:
        raise Rejected("name the folder with --checkpoints FOLDER")
    key = load_key(key_path(args.key), create=True)
    with opened_store(args) as store, store.read() as session:
        hall = find_hall(session, args.hall)
        check = verify_chain(session, hall)  # a broken chain is never signed
        if not check.intact:
            raise Rejected(f"chain broken after {check.forms} good forms: {check.problem}")
        audited = verify_audit(session, hall)
        if not audited.intact:
            raise Rejected(
                f"audit log broken after {audited.entries} good entries: {audited.problem}"
            )
        point = write_checkpoint(session, hall, Path(args.checkpoints), key, clock_for(store).now())
    if point is None:
        out.write("no service form and no audit log entry yet: nothing to sign\n")
        return
    if point.sequence:
        out.write(f"checkpoint of form #{point.sequence} signed: {point.file}\n")
    out.write(f"checkpoint of audit log entry #{point.audit_sequence} signed: {point.file}\n")
