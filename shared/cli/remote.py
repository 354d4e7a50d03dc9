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
import http.client
import json
import os
import ssl
import sys
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TextIO

# What the command line may ask of the server; the rest works on the store file itself.
REMOTE_COMMANDS = ("status", "metrics", "ack", "settings", "device", "purge")
EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class Refused(Exception):
    """The server (or the connection to it) refused; the message is one line."""


@dataclass
class Connection:
    """One signed-in conversation with the server."""

    url: urllib.parse.SplitResult
    key: str | None = None
    timeout_s: float = 15.0

    def request(self, method: str, path: str, body: object = None) -> Any:
        headers = {"Accept": "application/json"}
        if self.key:
            headers["Authorization"] = f"Bearer {self.key}"
        payload = json.dumps(body).encode() if body is not None else None
        if payload is not None:
            headers["Content-Type"] = "application/json"
        link = self._link()
        try:
            link.request(method, self.url.path.rstrip("/") + path, payload, headers)
            response = link.getresponse()
            raw = response.read()
        except (OSError, http.client.HTTPException) as error:
            raise Refused(
                f"cannot reach the hall server at {self.url.geturl()}: {error}"
            ) from error
        finally:
            link.close()
        answer = json.loads(raw) if raw else None
        if response.status >= 300:
            detail = answer.get("detail") if isinstance(answer, dict) else None
            raise Refused(f"{detail or response.reason} (HTTP {response.status})")
        return answer

    def _link(self) -> http.client.HTTPConnection:
        host, port = self.url.hostname or "127.0.0.1", self.url.port
        if self.url.scheme == "https":
            context = ssl.create_default_context(cafile=os.environ.get("HALLQ_CA_FILE"))
            return http.client.HTTPSConnection(host, port, timeout=self.timeout_s, context=context)
        return http.client.HTTPConnection(host, port, timeout=self.timeout_s)


def connect(server: str) -> Connection:
    url = urllib.parse.urlsplit(server if "://" in server else f"http://{server}")
    if url.scheme not in ("http", "https") or not url.hostname:
        raise Refused(f"not a hall server address: {server!r} (http://HOST:PORT or https://…)")
    return Connection(url)


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


RUNNERS = {
    "status": run_status,
    "metrics": run_metrics,
    "ack": run_ack,
    "settings": run_settings,
    "device": run_device,
    "purge": run_purge,
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
