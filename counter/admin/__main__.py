"""`python -m counter.admin` (or `hallq-admin`): the administrator's window.

Two ways to run:
  on the hall server (every hall):  --server URL --device-key KEY
      any enrolled device's key carries the change feed; the administrator signs in there,
      and the server checks the role of every act.
  on the store of this PC (one-PC hall, demo):  --db TARGET [--hall CODE]

`--admin STAFF --pin PIN` signs in at start.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QVBoxLayout

from counter.admin.sources import ServerAdmin, StoreAdmin
from counter.admin.window import AdminWindow
from counter.app import make_application
from shared.client.http import ServerAddress
from shared.client.ways_to_run import add_ways_to_run, check_way_to_run, take_the_environment
from shared.errors import Rejected
from shared.qt.application import announce_shown, start_logging
from shared.qt.errors import FailureNotices
from shared.qt.live import LiveStore
from shared.qt.remote import HallLink, ServerBanner
from shared.resources import MissingAsset, style_sheet
from shared.store.clock import clock_for
from shared.store.database import StoreError, open_store
from shared.store.place import default_target

STARTED = time.perf_counter()
KEY = "an enrolled device's key (`hallq device add admin-1 --kind board`)"


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="hallq-admin",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_ways_to_run(parser, key=KEY, db="the store (default: $HALLQ_DB)")
    parser.add_argument("--language", choices=("zh", "en"), default="zh")
    parser.add_argument("--admin", metavar="STAFF", help="sign in at start as this staff id")
    parser.add_argument("--pin", help="the PIN for --admin")
    args = parser.parse_args(argv)
    take_the_environment(args)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    start_logging("admin")
    try:
        check_way_to_run(args, key=KEY)
        app = make_application(sys.argv[:1], args.language)
        app.setStyleSheet(style_sheet("workstation"))
        if args.server:
            return run_on_server(app, ServerAddress.parse(args.server), args)
        store = open_store(args.db or default_target(), create=False)
    except (StoreError, Rejected, MissingAsset) as error:
        print(f"hallq-admin: {error}", file=sys.stderr)
        return 1
    live = LiveStore(store)
    source = StoreAdmin(store, args.hall, clock_for(store), FailureNotices(store, live))
    window = AdminWindow(source, language=args.language)
    live.changed.connect(lambda _: window.refresh())
    if args.admin and args.pin:
        window.sign_in(args.admin, args.pin)
    window.show()
    announce_shown("admin", STARTED)
    code = app.exec()
    live.close()
    store.close()
    return code


def open_on_server(link: HallLink, language: str) -> AdminWindow:
    """The window on the hall server's API, with the lost-server strip."""
    source = ServerAdmin(link)
    window = AdminWindow(source, language=language)
    source.ended = window.session_ended
    central = window.centralWidget()
    layout = central.layout() if central is not None else None
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(0, ServerBanner(link))
    link.changed.connect(lambda _: window.refresh())
    return window


def run_on_server(app: QApplication, address: ServerAddress, args: argparse.Namespace) -> int:
    link = HallLink(address, args.device_key)
    window = open_on_server(link, args.language)
    if args.admin and args.pin:
        window.sign_in(args.admin, args.pin)
    window.show()
    link.listen()
    announce_shown("admin", STARTED)
    code = app.exec()
    link.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
