"""`python -m kiosk [--db TARGET] [--hall CODE] [--language zh|en] [--windowed]
[--id-reader DEVICE|sim]`."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from shared.errors import Rejected
from shared.resources import MissingAsset
from shared.store.database import StoreError, default_target, open_store

STARTED = time.perf_counter()
WINDOW_SIZE = (1280, 800)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="hallq-kiosk", description="The ticket kiosk at the hall door (full screen)."
    )
    parser.add_argument("--db", metavar="TARGET", help="store (default: $HALLQ_DB or data folder)")
    parser.add_argument("--hall", metavar="CODE", help="hall code, when the store holds several")
    parser.add_argument(
        "--name",
        default="kiosk",
        help="this kiosk's name, shown to the shift lead with its calls for help (e.g. kiosk-1)",
    )
    parser.add_argument("--language", choices=("zh", "en"), default="zh", help="start language")
    parser.add_argument(
        "--windowed", action="store_true", help="a 1280x800 window, not full screen"
    )
    parser.add_argument(
        "--id-reader",
        metavar="DEVICE",
        help="the resident ID card reader's serial port (e.g. /dev/ttyUSB0), or `sim` for a "
        "simulated reader (F8 lays the specimen card on it and lifts it)",
    )
    parser.add_argument(
        "--print-dir",
        metavar="FOLDER",
        help="where the `pdf` printer writes tickets (default: tickets/ beside the data folder)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    from kiosk.card_watch import specimen_card_key
    from kiosk.id_card.reader import open_reader
    from kiosk.window import POINT_SIZE, KioskWindow
    from shared.qt.application import announce_shown, make_application, start_logging

    start_logging("kiosk")
    target = args.db or default_target()
    folder = Path(args.print_dir) if args.print_dir else Path(default_target()).parent / "tickets"
    try:
        app = make_application(sys.argv[:1], POINT_SIZE)
        store = open_store(target, create=False)
        reader, simulated = open_reader(args.id_reader) if args.id_reader else (None, None)
        window = KioskWindow(
            store,
            args.hall,
            print_folder=folder,
            language=args.language,
            name=args.name[:40],
            card_reader=reader,
        )
    except (Rejected, StoreError, MissingAsset) as error:
        print(f"hallq-kiosk: error: {error}", file=sys.stderr)
        return 1
    if simulated is not None:
        specimen_card_key(window, simulated)
    if args.windowed:
        window.resize(*WINDOW_SIZE)
        window.show()
    else:
        window.showFullScreen()
    announce_shown("kiosk", STARTED)
    try:
        return app.exec()
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
