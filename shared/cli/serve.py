"""`hallq serve`: the hall server over the store (see shared/server), and `hallq device`:
enrol, list and revoke the hall's kiosks, boards and customer screens on the store file
(the server's own account, at its console)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from shared.cli.opened import opened_store

if TYPE_CHECKING:
    from shared.cli.main import AddCommand
    from shared.services.devices import DeviceNow


def cmd_serve(args: argparse.Namespace, out: TextIO) -> None:
    from shared.server.run import check_listening, serve

    check_listening(args.host, args.cert, args.key)  # before opening anything
    with opened_store(args) as store:
        scheme = "https" if args.cert else "http"
        out.write(f"hall server on {scheme}://{args.host}:{args.port}/api (Ctrl-C stops it)\n")
        out.flush()
        serve(store, args.hall, host=args.host, port=args.port, cert=args.cert, key=args.key)


def cmd_device(args: argparse.Namespace, out: TextIO) -> None:
    from shared.errors import Rejected
    from shared.services.devices import enrol_device, list_devices, revoke_device

    if args.action != "list" and not args.name:
        raise Rejected(f"hallq device {args.action} needs the device's name")
    with opened_store(args) as store:
        if args.action == "add":
            if args.kind is None:
                raise Rejected("hallq device add needs --kind (kiosk, board or customer_screen)")
            key = enrol_device(store, args.hall, None, args.name, args.kind, counter=args.counter)
            out.write(f"device {args.name} enrolled; its key, shown this once:\n{key}\n")
        elif args.action == "revoke":
            revoke_device(store, args.hall, None, args.name)
            out.write(f"device {args.name} revoked: its key no longer works\n")
        else:
            _write_devices(list_devices(store, args.hall), out)


def _write_devices(devices: list[DeviceNow], out: TextIO) -> None:
    for device in devices:
        faces = f"counter {device.counter}" if device.counter is not None else ""
        state = f"revoked {device.revoked_at:%Y-%m-%d %H:%M}" if device.revoked_at else "enrolled"
        out.write(f"{device.name:<26} {device.kind:<16} {faces:<11} {state}\n")
    if not devices:
        out.write("no devices enrolled: hallq device add NAME --kind kiosk\n")


def cmd_grant_server(args: argparse.Namespace, out: TextIO) -> None:
    from shared.store.privileges import grant_server_role

    with opened_store(args) as store:
        statements = grant_server_role(store, args.role)
    out.writelines(f"{statement};\n" for statement in statements)
    out.write(f"role {args.role} may read and write rows, and nothing more\n")


def _port(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port (1 to 65535)")
    return int(text)


def _counter(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 999:
        raise argparse.ArgumentTypeError(f"{text!r} is not a counter number (1 to 999)")
    return int(text)


def register(command: AddCommand) -> None:
    from shared.server import DEFAULT_PORT  # the package alone: no server loaded here

    serve = command("serve", cmd_serve, "run the hall server, the one door to the store")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port ({DEFAULT_PORT})")
    serve.add_argument("--cert", metavar="FILE", help="TLS certificate (PEM), needed off loopback")
    serve.add_argument("--key", metavar="FILE", help="TLS private key (PEM)")

    grant = command(
        "grant-server",
        cmd_grant_server,
        "PostgreSQL: let the server's role read and write rows only (run as the owner)",
    )
    grant.add_argument("role", help="the role the server connects as (created beforehand)")

    device = command(
        "device", cmd_device, "enrol, list or revoke the hall's kiosks, boards, customer screens"
    )
    device.add_argument("action", choices=["add", "list", "revoke"], help="what to do")
    device.add_argument("name", nargs="?", help="the device's name, e.g. kiosk-1")
    device.add_argument("--kind", help="kiosk, board or customer_screen (add)")
    device.add_argument("--counter", type=_counter, help="the counter a customer screen faces")
