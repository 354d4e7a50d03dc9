"""`python -m counter` (or `hallq-counter`): the workstation of one counter and, beside it,
its customer-facing window."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from counter.app import make_application
from counter.customer.window import CustomerWindow
from counter.workstation.window import WorkstationWindow
from shared.errors import Rejected
from shared.qt.application import announce_shown, start_logging
from shared.qt.errors import FailureNotices
from shared.resources import MissingAsset, style_sheet
from shared.services.settings import load_settings
from shared.store.database import StoreError, default_target, open_store
from shared.store.lookup import find_hall

STARTED = time.perf_counter()


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="hallq-counter", description="A counter's workstation and its customer screen."
    )
    parser.add_argument("--db", metavar="TARGET", help="the store (default: $HALLQ_DB)")
    parser.add_argument("--hall", metavar="CODE", help="hall code, when the store holds several")
    parser.add_argument("--counter", type=int, default=1, metavar="N", help="counter number")
    parser.add_argument("--language", choices=("zh", "en"), default="zh")
    parser.add_argument("--clerk", metavar="STAFF", help="sign in at start as this staff id")
    parser.add_argument("--pin", help="the PIN for --clerk")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    start_logging("counter")
    try:
        app = make_application(sys.argv[:1], args.language)
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


if __name__ == "__main__":
    sys.exit(main())
