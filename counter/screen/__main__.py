"""`python -m counter.screen` / `hallq-screen`: the calling board and the shift lead's monitor.

Both windows by default; `--board` or `--monitor` opens one. `--lead STAFF --pin PIN` signs
the monitor in at start (the demo does this).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from counter.app import make_application
from counter.screen.announcer import Announcer
from counter.screen.board import CallingBoard
from counter.screen.monitor import LeadMonitor
from shared.errors import Rejected
from shared.qt.application import announce_shown, start_logging
from shared.qt.errors import FailureNotices
from shared.qt.live import LiveStore
from shared.resources import MissingAsset, style_sheet
from shared.store.clock import clock_for
from shared.store.database import Store, StoreError, default_target, open_store

STARTED = time.perf_counter()


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="hallq-screen", description=__doc__)
    parser.add_argument("--db", metavar="TARGET", help="SQLite file or SQLAlchemy URL")
    parser.add_argument("--hall", metavar="CODE", help="hall code, when the store holds several")
    parser.add_argument("--board", action="store_true", help="open the calling board")
    parser.add_argument("--monitor", action="store_true", help="open the shift lead's monitor")
    parser.add_argument("--language", choices=("zh", "en"), default="zh")
    parser.add_argument("--lead", metavar="STAFF", help="sign the monitor in as this shift lead")
    parser.add_argument("--pin", metavar="PIN", help="the shift lead's PIN")
    parser.add_argument("--windowed", action="store_true", help="the board in a window")
    return parser.parse_args(argv)


def open_windows(store: Store, live: LiveStore, args: argparse.Namespace) -> list[QWidget]:
    """Build the windows asked for, each following the change feed."""
    clock = clock_for(store)
    failures = FailureNotices(store, live)  # the program's one: both windows report to it
    both = not (args.board or args.monitor)
    windows: list[QWidget] = []
    if args.board or both:
        board = CallingBoard(store, args.hall, clock, Announcer(), args.language, failures=failures)
        board.setStyleSheet(style_sheet("screen"))
        live.changed.connect(board.refresh)
        board.refresh()
        windows.append(board)
        board.resize(1280, 720)
        if args.windowed or both:
            board.show()
        else:
            board.showFullScreen()
    if args.monitor or both:
        monitor = LeadMonitor(store, args.hall, clock, args.language, failures=failures)
        monitor.setStyleSheet(style_sheet("screen"))
        live.changed.connect(monitor.refresh)
        if args.lead and args.pin:
            monitor.sign_in(args.lead, args.pin)
        monitor.resize(1366, 800)
        monitor.show()
        windows.append(monitor)
    return windows


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    start_logging("screen")
    try:
        app = make_application(sys.argv[:1], args.language)
        store = open_store(args.db or default_target(), create=False)
    except (StoreError, MissingAsset) as error:
        print(f"hallq-screen: {error}", file=sys.stderr)
        return 1
    live = LiveStore(store)
    try:
        windows = open_windows(store, live, args)
    except Rejected as error:
        print(f"hallq-screen: {error}", file=sys.stderr)
        return 1
    announce_shown("screen", STARTED)
    code = app.exec()
    del windows
    live.close()
    store.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
