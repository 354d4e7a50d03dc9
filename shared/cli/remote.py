"""`hallq --server URL ...`: the command line as a client of the hall server. It signs in
(`--staff ID`, the PIN from HALLQ_PIN or a prompt; or a device's key from HALLQ_DEVICE_KEY),
so every act is the server's to allow and is audited under the person who did it, and it
signs out when done. Standard library only, so it starts in a blink on any PC: it never
opens the store, which only the server can read.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sys
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from shared.client import http
from shared.client.http import ServerAddress
from shared.errors import Rejected

# What the command line may ask of the server; the rest works on the store file itself.
REMOTE_COMMANDS = (
    "status", "metrics", "ack", "settings", "device", "purge", "campaigns", "lists", "cases",
    "staff", "counter",
    "scores", "performance",
)  # fmt: skip
EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class Refused(Exception):
    """The server (or the connection to it) refused; the message is one line."""


# Commands a person waits for at a terminal (a purge rewrites tables) may take longer
# than a screen's read.
TIMEOUT_S = 60.0


@dataclass
class Connection:
    """One signed-in conversation with the server."""

    address: ServerAddress
    key: str | None = None

    def request(self, method: str, path: str, body: object = None) -> Any:
        try:
            return http.request(self.address, method, path, self.key, body, timeout=TIMEOUT_S)
        except http.Refused as error:
            raise Refused(f"{error.reason} (HTTP {error.status})") from error
        except http.ServerError as error:
            raise Refused(error.reason) from error


def connect(server: str) -> Connection:
    try:
        return Connection(ServerAddress.parse(server if "://" in server else f"http://{server}"))
    except Rejected as error:
        raise Refused(error.message) from error


def sign_in(connection: Connection, staff: str | None) -> bool:
    """Sign in as `staff` (True: a session to end), or act as the device in HALLQ_DEVICE_KEY."""
    if staff is None:
        connection.key = os.environ.get("HALLQ_DEVICE_KEY")
        if not connection.key:
            raise Refused("sign in with --staff ID (the PIN from HALLQ_PIN or a prompt)")
        return False
    pin = os.environ.get("HALLQ_PIN")
    if not pin:
        if not sys.stdin.isatty():
            raise Refused(f"no PIN for {staff}: set HALLQ_PIN or run at a terminal")
        try:
            pin = getpass.getpass(f"PIN for {staff}: ")
        except EOFError as error:
            raise Refused(f"no PIN for {staff}") from error
    opened = connection.request("POST", "/api/sessions", {"staff_id": staff, "pin": pin})
    connection.key = opened["token"]
    return True


def _write_json(data: object, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def run_status(connection: Connection, args: argparse.Namespace, out: TextIO) -> None:
    now = connection.request("GET", "/api/status")
    if args.json:
        _write_json(now, out)
        return
    out.write(f"{now['name']} · level {now['level']} · {now['waiting_total']} waiting\n")
    for queue in now["queues"]:
        out.write(f"  queue {queue['queue']} {queue['name']}: {queue['waiting']} waiting\n")
    for counter in now["counters"]:
        serving = f" serving {counter['ticket']}" if counter["ticket"] else ""
        out.write(f"  counter {counter['counter']}: {counter['state']}{serving}\n")


def run_metrics(connection: Connection, args: argparse.Namespace, out: TextIO) -> None:
    query = {key: value for key, value in (("day", args.date), ("clerk", args.clerk)) if value}
    figures = connection.request("GET", "/api/figures?" + urllib.parse.urlencode(query))
    if args.json:
        _write_json(figures, out)
        return
    for clerk in figures:
        out.write(f"{clerk['clerk']} {clerk['name']}: {clerk['handled']} handled\n")


def run_ack(connection: Connection, args: argparse.Namespace, out: TextIO) -> None:
    change = connection.request("POST", "/api/alerts/acknowledge")
    out.write(
        f"acknowledged the rise to level {change['level']} at {change['at'][11:19]}"
        f" by {change['acknowledged_by']}\n"
    )


def run_settings(connection: Connection, args: argparse.Namespace, out: TextIO) -> None:
    if args.set:
        changes: dict[str, object] = {}
        for item in args.set:
            name, equals, value = item.partition("=")
            if not equals:
                raise Refused(f"{item!r} is not NAME=VALUE")
            changes[name.strip()] = value.strip()
        settings = connection.request("PATCH", "/api/settings", {"changes": changes})
    else:
        settings = connection.request("GET", "/api/settings")
    if args.json:
        _write_json(settings, out)
    else:
        out.writelines(f"{name} = {value}\n" for name, value in settings.items())


def run_device(connection: Connection, args: argparse.Namespace, out: TextIO) -> None:
    if args.action == "list":
        for device in connection.request("GET", "/api/devices"):
            state = "revoked" if device["revoked_at"] else "enrolled"
            out.write(f"{device['name']} {device['kind']} {state}\n")
        return
    if not args.name:
        raise Refused(f"hallq device {args.action} needs the device's name")
    if args.action == "revoke":
        connection.request("DELETE", f"/api/devices/{urllib.parse.quote(args.name)}")
        out.write(f"device {args.name} revoked: its key no longer works\n")
        return
    body = {"name": args.name, "kind": args.kind or "", "counter": args.counter}
    enrolled = connection.request("POST", "/api/devices", body)
    out.write(f"device {args.name} enrolled; its key, shown this once:\n{enrolled['key']}\n")


def run_purge(connection: Connection, args: argparse.Namespace, out: TextIO) -> None:
    purged = connection.request("POST", "/api/purge", {"before": args.before})
    if args.json:
        _write_json(purged, out)
    else:
        out.write(
            f"personal data of days before {purged['before']} erased: {purged['tickets']}"
            f" tickets, {purged['appointments']} appointments, {purged['forms']} service forms\n"
        )


def _rate(value: object) -> str:
    return "-" if value is None else f"{float(str(value)) * 100:.1f}%"


def _read_file(file: str | None, what: str) -> bytes:
    if not file:
        raise Refused(f"{what} needs FILE")
    try:
        with open(file, "rb") as opened:
            return opened.read()
    except OSError as error:
        raise Refused(f"cannot read {file}: {error.strerror}") from error


def _quoted(name: str | None, what: str) -> str:
    if not name:
        raise Refused(f"{what} needs NAME")
    return urllib.parse.quote(name, safe="")


def run_campaigns(connection: Connection, args: argparse.Namespace, out: TextIO) -> None:
    if args.action == "add":
        body = {"name": args.name, "business": args.business, "starts_on": args.starts,
                "ends_on": args.ends, "value": args.value}  # fmt: skip
        answer = connection.request("POST", "/api/campaigns", body)
    elif args.action == "import":
        path = f"/api/campaigns/{_quoted(args.name, 'campaigns import')}/targets"
        file = urllib.parse.urlencode({"file": args.file or ""})
        answer = connection.request("POST", f"{path}?{file}", _read_file(args.file, "import"))
    elif args.action == "list":
        answer = connection.request("GET", "/api/campaigns")
    else:
        query = urllib.parse.urlencode({"campaign": args.name} if args.name else {})
        answer = connection.request("GET", f"/api/campaigns/report?{query}")
        if not args.json:
            for row in answer:
                who = row["clerk"] or "hall"
                out.write(
                    f"{row['campaign']} {who}: seen {row['seen']}, offered {row['offered']},"
                    f" accepted {row['accepted']} ({_rate(row['acceptance_rate'])})\n"
                )
            return
    _write_json(answer, out)


def run_lists(connection: Connection, args: argparse.Namespace, out: TextIO) -> None:
    if args.action in ("entries", "remove"):
        kind = _quoted(args.kind, f"lists {args.action}")
        if args.action == "entries":
            _write_json(connection.request("GET", f"/api/lists/{kind}"), out)
            return
        number = _quoted(args.file, "lists remove (the NUMBER)")
        connection.request("DELETE", f"/api/lists/{kind}/{number}")
        out.write(f"removed from the {args.kind} list\n")
    elif args.action == "import":
        kind = _quoted(args.kind, "lists import")
        file = urllib.parse.urlencode({"file": args.file or ""})
        body = _read_file(args.file, "lists import")
        _write_json(connection.request("POST", f"/api/lists/{kind}?{file}", body), out)
    else:
        _write_json(connection.request("GET", "/api/lists"), out)


def run_cases(connection: Connection, args: argparse.Namespace, out: TextIO) -> None:
    if args.action == "report":
        query = {
            key: value for key, value in (("since", args.since), ("until", args.until)) if value
        }
        rows = connection.request("GET", "/api/cases/figures?" + urllib.parse.urlencode(query))
        if not args.json:
            for row in rows:
                out.write(
                    f"{row['clerk'] or 'hall'}: {row['cases']} cases of {row['handled']}"
                    f" ({_rate(row['complaint_rate'])}), in time"
                    f" {_rate(row['closed_in_time_rate'])}, called back"
                    f" {_rate(row['callback_rate'])}\n"
                )
            return
        _write_json(rows, out)
        return
    if args.action == "list":
        answer = connection.request("GET", "/api/cases?open=" + ("true" if args.open else "false"))
    elif args.action == "complain":
        body = {"ticket": args.ticket, "note": args.note, "day": args.date}
        answer = connection.request("POST", "/api/cases", body)
    else:
        if args.case is None:
            raise Refused(f"cases {args.action} needs the case's number")
        bodies = {"assign": {"staff_id": args.to}, "callback": {"outcome": args.outcome}}
        answer = connection.request(
            "POST", f"/api/cases/{args.case}/{args.action}", bodies.get(args.action)
        )
    _write_json(answer, out)


def run_staff(connection: Connection, args: argparse.Namespace, out: TextIO) -> None:
    if args.action == "list":
        _write_json(connection.request("GET", "/api/staff"), out)
        return
    staff = _quoted(args.staff_id, f"staff {args.action} (the STAFF id)")
    if args.action == "add":
        body = {"staff_id": args.staff_id, "name": args.name or "", "role": args.role or "clerk"}
        connection.request("POST", "/api/staff", body)
        out.write(f"{args.staff_id} added; give them a PIN with `hallq staff reset-pin`\n")
    elif args.action == "disable":
        connection.request("POST", f"/api/staff/{staff}/disable")
        out.write(f"{args.staff_id} disabled: cannot sign in until given a new PIN\n")
    elif args.action == "reset-pin":
        pin = os.environ.get("HALLQ_NEW_PIN") or (
            getpass.getpass(f"new PIN for {args.staff_id}: ") if sys.stdin.isatty() else ""
        )
        connection.request("POST", f"/api/staff/{staff}/pin", {"pin": pin})
        out.write(f"{args.staff_id} has a new PIN\n")
    else:
        connection.request("POST", f"/api/staff/{staff}/role", {"role": args.role or ""})
        out.write(f"{args.staff_id} is now a {args.role}\n")


def run_counter(connection: Connection, args: argparse.Namespace, out: TextIO) -> None:
    if args.action == "list":
        _write_json(connection.request("GET", "/api/setup/counters"), out)
        return
    if args.number is None:
        raise Refused(f"hallq counter {args.action} needs the counter's NUMBER")
    if args.action == "add":
        body = {"number": args.number, "queues": args.queues or "", "name": args.name or ""}
        connection.request("POST", "/api/setup/counters", body)
        out.write(f"counter {args.number} added, serving {args.queues}\n")
    else:
        body = {"queues": args.queues or ""}
        connection.request("POST", f"/api/setup/counters/{args.number}/queues", body)
        out.write(f"counter {args.number} now serves {args.queues}\n")


def _number(text: str | None, what: str) -> float | None:
    if text is None:
        return None
    try:
        return float(text)
    except ValueError as error:
        raise Refused(f"{what} must be a number, not {text!r}") from error


def run_scores(connection: Connection, args: argparse.Namespace, out: TextIO) -> None:
    """The shift lead's entries: the server decides who may and which months."""
    if args.action == "remove":
        if args.entry is None:
            raise Refused("scores remove needs --entry N")
        _write_json(connection.request("DELETE", f"/api/scores/{args.entry}"), out)
        return
    if args.action == "list":
        query = {k: v for k, v in (("month", args.month), ("clerk", args.clerk)) if v}
        _write_json(connection.request("GET", "/api/scores?" + urllib.parse.urlencode(query)), out)
        return
    attended, held = None, None
    if args.meetings:
        first, _slash, second = args.meetings.partition("/")
        if not (first.isdigit() and second.isdigit()):
            raise Refused(f"--meetings must be ATTENDED/HELD, e.g. 18/20, not {args.meetings!r}")
        attended, held = int(first), int(second)
    body = {
        "kind": args.kind,
        "clerk": args.clerk,
        "month": args.month,
        "day": args.date,
        "items": args.items,
        "points": _number(args.points, "--points"),
        "trainings": args.trainings,
        "meetings_attended": attended,
        "meetings_held": held,
        "note": args.note or "",
    }
    _write_json(connection.request("POST", "/api/scores", body), out)


def run_performance(connection: Connection, args: argparse.Namespace, out: TextIO) -> None:
    query = urllib.parse.urlencode({"month": args.month} if args.month else {})
    _write_json(connection.request("GET", f"/api/performance?{query}"), out)


RUNNERS = {
    "status": run_status,
    "metrics": run_metrics,
    "ack": run_ack,
    "settings": run_settings,
    "device": run_device,
    "purge": run_purge,
    "campaigns": run_campaigns,
    "lists": run_lists,
    "cases": run_cases,
    "staff": run_staff,
    "counter": run_counter,
    "scores": run_scores,
    "performance": run_performance,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hallq --server URL",
        description="hallq as a client of the hall server: the server decides who may do what.",
    )
    parser.add_argument("--server", required=True, help="the hall server, http(s)://HOST:PORT")
    parser.add_argument("--staff", metavar="ID", help="sign in as this staff id")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    status = commands.add_parser("status", help="now: waiting per queue, counters, the level")
    status.add_argument("--json", action="store_true")
    metrics = commands.add_parser("metrics", help="per-clerk figures (a clerk sees her own)")
    metrics.add_argument("--date", metavar="D", help="business day YYYY-MM-DD (default today)")
    metrics.add_argument("--clerk", metavar="ID")
    metrics.add_argument("--json", action="store_true")
    commands.add_parser("ack", help="acknowledge today's latest rise of the level (shift lead)")
    settings = commands.add_parser("settings", help="show or change the hall's settings")
    settings.add_argument("set", nargs="*", metavar="NAME=VALUE")
    settings.add_argument("--json", action="store_true")
    device = commands.add_parser("device", help="enrol, list or revoke devices (administrator)")
    device.add_argument("action", choices=["add", "list", "revoke"])
    device.add_argument("name", nargs="?")
    device.add_argument("--kind")
    device.add_argument("--counter", type=int)
    purge = commands.add_parser("purge", help="erase personal data past the retention")
    purge.add_argument("--before", metavar="DATE")
    purge.add_argument("--json", action="store_true")
    campaigns = commands.add_parser(
        "campaigns", help="campaigns: add, import targets, list, report"
    )
    campaigns.add_argument("action", choices=["add", "import", "list", "report"])
    campaigns.add_argument("name", nargs="?")
    campaigns.add_argument("file", nargs="?")
    campaigns.add_argument("--business")
    campaigns.add_argument("--from", dest="starts", metavar="D")
    campaigns.add_argument("--to", dest="ends", metavar="D")
    campaigns.add_argument("--value", type=int, default=0, metavar="YUAN")
    campaigns.add_argument("--json", action="store_true")
    lists = commands.add_parser(
        "lists", help="the special lists: import from CSV, show, entries, remove a number"
    )
    lists.add_argument("action", choices=["import", "show", "entries", "remove"])
    lists.add_argument("kind", nargs="?")
    lists.add_argument("file", nargs="?")
    staff = commands.add_parser(
        "staff",
        help="staff (administrator): list, add, disable, reset-pin (HALLQ_NEW_PIN or a "
        "prompt), role",
    )
    staff.add_argument("action", choices=["list", "add", "disable", "reset-pin", "role"])
    staff.add_argument("staff_id", nargs="?", metavar="STAFF")
    staff.add_argument("--name")
    staff.add_argument("--role")
    counter = commands.add_parser("counter", help="counters (administrator): list, add, queues")
    counter.add_argument("action", choices=["list", "add", "queues"])
    counter.add_argument("number", nargs="?", type=int, metavar="NUMBER")
    counter.add_argument("--queues", metavar="LETTERS")
    counter.add_argument("--name")
    cases = commands.add_parser("cases", help="complaint cases and call-backs")
    cases.add_argument(
        "action", choices=["list", "complain", "assign", "callback", "close", "report"]
    )
    cases.add_argument("case", nargs="?", type=int)
    cases.add_argument("--open", action="store_true")
    cases.add_argument("--ticket")
    cases.add_argument("--date", metavar="D")
    cases.add_argument("--note")
    cases.add_argument("--to", metavar="ID")
    cases.add_argument("--outcome")
    cases.add_argument("--since", metavar="D")
    cases.add_argument("--until", metavar="D")
    cases.add_argument("--json", action="store_true")
    scores = commands.add_parser(
        "scores", help="the performance sheet's hand-scored parts: enter, list, remove"
    )
    scores.add_argument("action", choices=["enter", "list", "remove"])
    scores.add_argument("kind", nargs="?", help="enter: mystery, teamwork or learning")
    scores.add_argument("--entry", type=int, metavar="N")
    scores.add_argument("--clerk", metavar="ID")
    scores.add_argument("--month", metavar="YYYY-MM")
    scores.add_argument("--date", metavar="D")
    scores.add_argument("--items", type=int)
    scores.add_argument("--points")
    scores.add_argument("--trainings", type=int)
    scores.add_argument("--meetings", metavar="A/H")
    scores.add_argument("--note")
    scores.add_argument("--json", action="store_true")
    performance = commands.add_parser("performance", help="the month's whole performance sheet")
    performance.add_argument("--month", metavar="YYYY-MM")
    performance.add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str], out: TextIO | None = None) -> int:
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    try:
        connection = connect(args.server)
        signed_in = sign_in(connection, args.staff)
        try:
            RUNNERS[args.command](connection, args, out)
        finally:
            if signed_in:  # a failed sign-out leaves a session that expires on its own
                with contextlib.suppress(Refused):
                    connection.request("DELETE", "/api/sessions/current")
    except Refused as error:
        print(f"hallq: error: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader (say, `head`) stopped reading: not our failure
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK
