"""`python -m counter` (or `hallq-counter`): the workstation of one counter and, beside it,
its customer-facing window.

Two ways to run:
  on the hall server (every hall):  --server URL --device-key KEY
      the clerk signs in at this counter there; the customer window is the counter's
      enrolled screen (`hallq device add screen-N --kind customer_screen --counter N`).
  on the store of this PC (one-PC hall, demo):  --db TARGET [--hall CODE]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QVBoxLayout

from counter.app import make_application
from counter.customer.sources import ServerCustomer
from counter.customer.window import CustomerWindow
from counter.workstation.sources import ServerCounter
from counter.workstation.window import WorkstationWindow
from shared.client.http import ServerAddress
from shared.client.ways_to_run import add_ways_to_run, check_way_to_run, take_the_environment
from shared.errors import Rejected
from shared.qt.application import announce_shown, start_logging
from shared.qt.errors import FailureNotices
from shared.qt.remote import HallLink, ServerBanner
from shared.resources import MissingAsset, style_sheet
from shared.rules.hall_settings import HallSettings
from shared.services.settings import load_settings
from shared.store.database import StoreError, open_store
from shared.store.lookup import find_hall
from shared.store.place import default_target

STARTED = time.perf_counter()
KEY = "this counter's customer screen key"


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="hallq-counter",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_ways_to_run(parser, key=KEY, db="the store (default: $HALLQ_DB)")
    parser.add_argument("--counter", type=int, default=1, metavar="N", help="counter number")
    parser.add_argument("--language", choices=("zh", "en"), default="zh")
    parser.add_argument("--clerk", metavar="STAFF", help="sign in at start as this staff id")
    parser.add_argument("--pin", help="the PIN for --clerk")
    args = parser.parse_args(argv)
    take_the_environment(args)
    return args


def check_mode(args: argparse.Namespace) -> None:
    """One way to run, said in one line when mixed or half given."""
    check_way_to_run(args, key=KEY)
    if not 1 <= args.counter <= 999:
        raise Rejected(f"a counter is numbered 1 to 999, not {args.counter}")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    start_logging("counter")
    try:
        check_mode(args)
        app = make_application(sys.argv[:1], args.language)
        if args.server:
            address = ServerAddress.parse(args.server)
            app.setStyleSheet(style_sheet("workstation"))
            return run_on_server(app, address, args)
        store = open_store(args.db or default_target(), create=False)
        with store.read() as session:
            timeout = load_settings(session, find_hall(session, args.hall).id).rating_timeout_s
    except (StoreError, Rejected, MissingAsset) as error:
        print(f"hallq-counter: {error}", file=sys.stderr)
        return 1
    app.setStyleSheet(style_sheet("workstation"))
    failures = FailureNotices(store, app)  # the program's one: both windows report to it
    customer = CustomerWindow(
        store,
        args.hall,
        args.counter,
        language=args.language,
        rating_timeout_s=timeout,
        failures=failures,
    )
    window = WorkstationWindow(
        store, args.hall, args.counter, language=args.language, customer=customer, failures=failures
    )
    if args.clerk and args.pin:
        window.sign_in(args.clerk, args.pin)
    customer.show()
    window.show()
    announce_shown("counter", STARTED)
    code = app.exec()
    store.close()
    return code


def open_on_server(
    link: HallLink, args: argparse.Namespace
) -> tuple[WorkstationWindow, CustomerWindow]:
    """Both windows on the hall server's API, each with the lost-server strip."""
    customer = CustomerWindow(
        None,
        None,
        args.counter,
        language=args.language,
        rating_timeout_s=HallSettings().rating_timeout_s,
        source=ServerCustomer(link, args.counter),
    )
    layout = customer.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(0, ServerBanner(link))
    source = ServerCounter(link, args.counter)
    window = WorkstationWindow(
        None,
        None,
        args.counter,
        language=args.language,
        customer=customer,
        source=source,
        link=link,
    )
    source.ended = window.session_ended
    return window, customer


def run_on_server(app: QApplication, address: ServerAddress, args: argparse.Namespace) -> int:
    """The windows on the hall server until the program quits."""
    link = HallLink(address, args.device_key)
    window, customer = open_on_server(link, args)
    if args.clerk and args.pin:
        window.sign_in(args.clerk, args.pin)
    customer.show()
    window.show()
    link.listen()
    announce_shown("counter", STARTED)
    code = app.exec()
    link.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
