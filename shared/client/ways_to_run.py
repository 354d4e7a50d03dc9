"""The two ways a hall program runs, said the same by each: on the hall server (`--server
URL --device-key KEY`, or HALLQ_SERVER and HALLQ_DEVICE_KEY) or on the store of this PC
(`--db TARGET [--hall CODE]`). A `--db` given wins over the environment."""

from __future__ import annotations

import argparse
import os

from shared.errors import Rejected

SERVER_ENV, KEY_ENV = "HALLQ_SERVER", "HALLQ_DEVICE_KEY"


def add_ways_to_run(parser: argparse.ArgumentParser, *, key: str, db: str) -> None:
    """The options of both ways, in two groups; `key` and `db` say what each is here."""
    server = parser.add_argument_group("on the hall server")
    server.add_argument(
        "--server",
        metavar="URL",
        help=f"the hall server, e.g. http://127.0.0.1:8470 (or {SERVER_ENV}, unless --db)",
    )
    server.add_argument("--device-key", metavar="KEY", help=f"{key} (or {KEY_ENV})")
    store = parser.add_argument_group("on the store of this PC (without --server)")
    store.add_argument("--db", metavar="TARGET", help=db)
    store.add_argument("--hall", metavar="CODE", help="hall code, when the store holds several")


def take_the_environment(args: argparse.Namespace) -> None:
    """HALLQ_SERVER and HALLQ_DEVICE_KEY fill what the command line left out."""
    if args.server is None and args.db is None:
        args.server = os.environ.get(SERVER_ENV) or None
    if args.server and args.device_key is None:
        args.device_key = os.environ.get(KEY_ENV) or None


def check_way_to_run(args: argparse.Namespace, *, key: str) -> None:
    """One way to run, said in one line when mixed or half given."""
    if args.server and args.db:
        raise Rejected("give --server (the hall server) or --db (a store on this PC), not both")
    if args.server and not args.device_key:
        raise Rejected(f"--server needs --device-key (or {KEY_ENV}): {key}")
    if args.server and args.hall:
        raise Rejected("--hall is for --db: the hall server serves one hall")
    if args.device_key and not args.server:
        raise Rejected(f"--device-key needs --server (or {SERVER_ENV})")
