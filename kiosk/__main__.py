"""`python -m kiosk [--db TARGET] [--hall CODE] [--language zh|en] [--windowed]`."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer

from shared.errors import Rejected
from shared.store.database import StoreError, default_target, open_store

STARTED = time.perf_counter()
WINDOW_SIZE = (1280, 800)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="hallq-kiosk", description="The ticket kiosk at the hall door (full screen)."
    )
    parser.add_argument("--db", metavar="TARGET", help="store (default: $HALLQ_DB or data folder)")
    parser.add_argument("--hall", metavar="CODE", help="hall code, when the store holds several")
    parser.add_argument("--language", choices=("zh", "en"), default="zh", help="start language")
    parser.add_argument(
        "--windowed", action="store_true", help="a 1280x800 window, not full screen"
    )
    parser.add_argument(
        "--print-dir",
        metavar="FOLDER",
        help="where the `pdf` printer writes tickets (default: tickets/ beside the data folder)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(message)s")
    log = logging.getLogger("kiosk")
    log.setLevel(logging.INFO)
    from kiosk.app import make_application
    from kiosk.window import KioskWindow

    app = make_application(sys.argv[:1])
    target = args.db or default_target()
    folder = Path(args.print_dir) if args.print_dir else Path(default_target()).parent / "tickets"
    try:
        store = open_store(target)
        window = KioskWindow(store, args.hall, print_folder=folder, language=args.language)
    except (Rejected, StoreError) as error:
        print(f"hallq-kiosk: error: {error}", file=sys.stderr)
        return 1
    if args.windowed:
        window.resize(*WINDOW_SIZE)
        window.show()
    else:
        window.showFullScreen()
    QTimer.singleShot(
        0,
        lambda: log.info(
            "kiosk shown after %.0f ms (%.0f ms of CPU since the process began)",
            (time.perf_counter() - STARTED) * 1000,
            time.process_time() * 1000,
        ),
    )
    try:
        return app.exec()
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
