"""`hallq staff` and `hallq counter`: an administrator's management of the hall's staff
(list, add, disable, reset-pin, role) and counters (list, add, queues) on the store file.
Each act names the acting administrator (`--admin STAFF`), whose role the store checks, and
is audited under them."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import TYPE_CHECKING, TextIO

from shared.cli.opened import opened_store
from shared.errors import Rejected

if TYPE_CHECKING:
    from shared.cli.main import AddCommand

SOURCE = "cli"


def _print_json(data: object, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _needs(value: str | None, what: str) -> str:
    if not value:
        raise Rejected(f"{what} is needed")
    return value


def _new_pin(staff_id: str) -> str:
    """The new PIN from HALLQ_NEW_PIN, else asked without echo at a terminal, else the first
    line of standard input: never an argument, which the process list would show."""
    if pin := os.environ.get("HALLQ_NEW_PIN"):
        return pin
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    return getpass.getpass(f"new PIN for {staff_id}: ")


def cmd_staff(args: argparse.Namespace, out: TextIO) -> None:
    from shared.services import staff_admin

    admin = _needs(args.admin, "--admin STAFF (the acting administrator)")
    with opened_store(args) as store:
        if args.action == "list":
            rows = staff_admin.list_staff(store, args.hall, admin)
            if args.json:
                _print_json([row.as_json() for row in rows], out)
            else:
                out.writelines(
                    f"{row.staff_id:<8} {row.role:<6} "
                    f"{'can sign in' if row.can_sign_in else 'disabled':<12} {row.name}\n"
                    for row in rows
                )
            return
        staff_id = _needs(args.staff_id, f"staff {args.action}: the STAFF id")
        if args.action == "add":
            staff_admin.add_clerk(
                store,
                args.hall,
                admin,
                staff_id,
                _needs(args.name, "--name"),
                args.role or "clerk",
                source=SOURCE,
            )
            out.write(f"{staff_id} added; give them a PIN with `hallq staff reset-pin`\n")
        elif args.action == "disable":
            staff_admin.disable_clerk(store, args.hall, admin, staff_id, source=SOURCE)
            out.write(f"{staff_id} disabled: cannot sign in until given a new PIN\n")
        elif args.action == "reset-pin":
            pin = _new_pin(staff_id)
            staff_admin.reset_pin(store, args.hall, admin, staff_id, pin, source=SOURCE)
            out.write(f"{staff_id} has a new PIN\n")
        else:  # role
            role = _needs(args.role, "--role")
            staff_admin.change_role(store, args.hall, admin, staff_id, role, source=SOURCE)
            out.write(f"{staff_id} is now a {role}\n")


def cmd_counter(args: argparse.Namespace, out: TextIO) -> None:
    from shared.services import staff_admin

    admin = _needs(args.admin, "--admin STAFF (the acting administrator)")
    with opened_store(args) as store:
        if args.action == "list":
            rows = staff_admin.list_counters(store, args.hall, admin)
            if args.json:
                _print_json([row.as_json() for row in rows], out)
            else:
                out.writelines(
                    f"{row.number:>4} {row.queues:<8} {row.state:<8} {row.name}\n" for row in rows
                )
            return
        if args.number is None:
            raise Rejected(f"counter {args.action}: the counter's NUMBER is needed")
        queues = _needs(args.queues, "--queues (letters in calling order)")
        if args.action == "add":
            staff_admin.add_counter(
                store, args.hall, admin, args.number, queues, args.name or "", source=SOURCE
            )
            out.write(f"counter {args.number} added, serving {queues}\n")
        else:
            staff_admin.change_counter_queues(
                store, args.hall, admin, args.number, queues, source=SOURCE
            )
            out.write(f"counter {args.number} now serves {queues}\n")


def register(command: AddCommand) -> None:
    staff = command(
        "staff",
        cmd_staff,
        "the hall's staff (administrator): list, add, disable, reset-pin (the PIN from "
        "HALLQ_NEW_PIN, a prompt or standard input), role",
    )
    staff.add_argument("action", choices=["list", "add", "disable", "reset-pin", "role"])
    staff.add_argument("staff_id", nargs="?", metavar="STAFF", help="the member of staff")
    staff.add_argument("--admin", metavar="STAFF", help="the acting administrator's staff id")
    staff.add_argument("--name", help="add: their name")
    staff.add_argument("--role", help="add, role: clerk, lead or admin")
    staff.add_argument("--json", action="store_true", help="print JSON")

    counter = command(
        "counter", cmd_counter, "the hall's counters (administrator): list, add, queues"
    )
    counter.add_argument("action", choices=["list", "add", "queues"])
    counter.add_argument("number", nargs="?", type=int, metavar="NUMBER", help="the counter")
    counter.add_argument("--admin", metavar="STAFF", help="the acting administrator's staff id")
    counter.add_argument("--queues", metavar="LETTERS", help="add, queues: in calling order")
    counter.add_argument("--name", help="add: the counter's name")
    counter.add_argument("--json", action="store_true", help="print JSON")
