"""`hallq-kiosk`: the ticket kiosk at the hall door (full screen).

on the hall server (every hall):  --server URL --device-key KEY
    everything goes through the server as the hall's enrolled kiosk; tickets print here
on the store of this PC (one PC):  --db TARGET [--hall CODE]
a resident ID card reader:  --id-reader DEVICE|sim
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from shared.client.http import ServerAddress, ServerError, Unreachable
from shared.client.ways_to_run import add_ways_to_run, check_way_to_run, take_the_environment
from shared.errors import Rejected
from shared.resources import MissingAsset
from shared.store.database import StoreError, open_store
from shared.store.place import default_target

if TYPE_CHECKING:
    from kiosk.id_card.reader import CardReader
    from kiosk.window import KioskWindow
    from shared.qt.remote import HallLink

STARTED = time.perf_counter()
WINDOW_SIZE = (1280, 800)
KEY = "this kiosk's key from `hallq device add NAME --kind kiosk`"
FIRST_READ_RETRY_S = 2.0  # a kiosk booting before the hall server waits for it
log = logging.getLogger(__name__)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="hallq-kiosk",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_ways_to_run(parser, key=KEY, db="store (default: $HALLQ_DB or data folder)")
    parser.add_argument(
        "--name",
        default="kiosk",
        help="on a store: this kiosk's name, shown to the shift lead with its calls for help"
        " (on the server, the name it was enrolled under)",
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
    args = parser.parse_args(argv)
    take_the_environment(args)
    return args


def open_on_server(
    link: HallLink,
    args: argparse.Namespace,
    folder: Path,
    card_reader: CardReader | None = None,
) -> KioskWindow:
    """The kiosk on the hall server's API, with the lost-server strip over its header; the
    menu and the level read first (waiting for a server not up yet), the rest as it goes."""
    from PySide6.QtWidgets import QWidget

    from kiosk.server_strip import HeaderStrip
    from kiosk.sources import ServerKiosk
    from kiosk.window import KioskWindow

    while True:
        try:
            menu, state = ServerKiosk.first_read(link)
            break
        except Unreachable as error:
            log.warning("waiting for the hall server: %s", error.reason)
            time.sleep(FIRST_READ_RETRY_S)
    source = ServerKiosk(link, menu, state)
    window = KioskWindow(
        source, print_folder=folder, language=args.language, card_reader=card_reader
    )
    header = window.findChild(QWidget, "header")
    assert header is not None
    HeaderStrip(link, header)
    return window


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    from kiosk.card_watch import specimen_card_key
    from kiosk.id_card.reader import open_reader
    from kiosk.window import POINT_SIZE, KioskWindow
    from shared.qt.application import announce_shown, make_application, start_logging
    from shared.qt.remote import HallLink

    start_logging("kiosk")
    folder = Path(args.print_dir) if args.print_dir else Path(default_target()).parent / "tickets"
    link: HallLink | None = None
    store = None
    try:
        check_way_to_run(args, key=KEY)
        app = make_application(sys.argv[:1], POINT_SIZE)
        reader, simulated = open_reader(args.id_reader) if args.id_reader else (None, None)
        if args.server:
            link = HallLink(ServerAddress.parse(args.server), args.device_key)
            window = open_on_server(link, args, folder, reader)
        else:
            store = open_store(args.db or default_target(), create=False)
            window = KioskWindow(
                store,
                args.hall,
                print_folder=folder,
                language=args.language,
                name=args.name[:40],
                card_reader=reader,
            )
    except (Rejected, StoreError, MissingAsset, ServerError) as error:
        print(f"hallq-kiosk: error: {error}", file=sys.stderr)
        return 1
    if simulated is not None:
        specimen_card_key(window, simulated)
    if args.windowed:
        window.resize(*WINDOW_SIZE)
        window.show()
    else:
        window.showFullScreen()
    if link is not None:
        link.listen()
    announce_shown("kiosk", STARTED)
    try:
        return app.exec()
    finally:
        if link is not None:
            link.close()
        if store is not None:
            store.close()


if __name__ == "__main__":
    sys.exit(main())
