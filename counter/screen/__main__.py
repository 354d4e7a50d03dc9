"""`python -m counter.screen` / `hallq-screen`: the calling board and the shift lead's monitor.

Two ways to run:
  on the hall server (every hall):  --server URL --device-key KEY
      the board reads through the server under an enrolled board's key
      (`hallq device add board-1 --kind board`); the monitor signs its lead in there.
  on the store of this PC (one-PC hall, demo):  --db TARGET [--hall CODE]

Both windows by default; `--board` or `--monitor` opens one. `--lead STAFF --pin PIN` signs
the monitor in at start (the demo does this).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from counter.app import make_application
from counter.screen.announcer import Announcer
from counter.screen.board import CallingBoard
from counter.screen.monitor import LeadMonitor
from counter.screen.sources import ScreenSource, ServerSource, StoreSource
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
KEY = "this board's key from `hallq device add NAME --kind board`"


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="hallq-screen",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_ways_to_run(parser, key=KEY, db="SQLite file or SQLAlchemy URL")
    windows = parser.add_argument_group("windows")
    windows.add_argument("--board", action="store_true", help="open the calling board")
    windows.add_argument("--monitor", action="store_true", help="open the shift lead's monitor")
    windows.add_argument("--language", choices=("zh", "en"), default="zh")
    windows.add_argument("--lead", metavar="STAFF", help="sign the monitor in as this lead")
    windows.add_argument("--pin", metavar="PIN", help="the shift lead's PIN")
    windows.add_argument("--windowed", action="store_true", help="the board in a window")
    args = parser.parse_args(argv)
    take_the_environment(args)
    return args


def check_mode(args: argparse.Namespace) -> None:
    """One way to run, said in one line when mixed or half given."""
    check_way_to_run(args, key=KEY)


def with_banner(window: QWidget, banner: ServerBanner | None) -> None:
    """The lost-server strip across the top of the window."""
    layout = window.layout()
    if banner is not None and isinstance(layout, QVBoxLayout):
        layout.insertWidget(0, banner)


def open_windows(
    source: ScreenSource,
    changes: LiveStore | HallLink,
    args: argparse.Namespace,
    link: HallLink | None = None,
) -> list[QWidget]:
    """Build the windows asked for, each following the change feed."""
    both = not (args.board or args.monitor)
    windows: list[QWidget] = []
    if args.board or both:
        board = CallingBoard(source, Announcer(), args.language)
        board.setStyleSheet(style_sheet("screen"))
        if link is not None:
            board.add_strip(ServerBanner(link))
        changes.changed.connect(board.refresh)
        board.refresh()
        windows.append(board)
        board.resize(1280, 720)
        if args.windowed or both:
            board.show()
        else:
            board.showFullScreen()
    if args.monitor or both:
        monitor = LeadMonitor(source, args.language)
        monitor.setStyleSheet(style_sheet("screen"))
        with_banner(monitor, ServerBanner(link) if link else None)
        if link is not None:
            link.state.connect(lambda state: monitor.server_reachable(state.connected))
        changes.changed.connect(monitor.refresh)
        if args.lead and args.pin:
            monitor.sign_in(args.lead, args.pin)
        monitor.resize(1440, 900)
        monitor.show()
        windows.append(monitor)
    return windows


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    start_logging("screen")
    try:
        check_mode(args)
        app = make_application(sys.argv[:1], args.language)
        if args.server:
            return run_on_server(app, args)
        store = open_store(args.db or default_target(), create=False)
    except (Rejected, StoreError, MissingAsset) as error:
        print(f"hallq-screen: {error}", file=sys.stderr)
        return 1
    live = LiveStore(store)
    try:
        source = StoreSource(store, args.hall, clock_for(store), FailureNotices(store, live))
        windows = open_windows(source, live, args)
    except Rejected as error:
        print(f"hallq-screen: {error}", file=sys.stderr)
        return 1
    announce_shown("screen", STARTED)
    code = app.exec()
    del windows
    live.close()
    store.close()
    return code


def run_on_server(app: QApplication, args: argparse.Namespace) -> int:
    """The windows on the hall server's API until the program quits."""
    link = HallLink(ServerAddress.parse(args.server), args.device_key)
    source = ServerSource(link)
    windows = open_windows(source, link, args, link)
    link.listen()
    announce_shown("screen", STARTED)
    code = app.exec()
    del windows
    link.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
