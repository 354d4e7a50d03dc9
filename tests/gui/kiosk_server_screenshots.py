"""The kiosk as a client of a hall server, in one language:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.kiosk_server_screenshots zh
    QT_QPA_PLATFORM=offscreen python -m tests.gui.kiosk_server_screenshots en

A demo store in a temporary folder with a morning of service, a hall server on it (in this
process, its clock stopped), the kiosk started as `hallq-kiosk --server` starts it and
walked by taps: docs/screenshots/server-kiosk-{start,business,ticket,lost}-<lang>.png, the
last once the server is stopped, with the strip and the words a customer's tap gets.
"""

from __future__ import annotations

import sys

from kiosk.__main__ import open_on_server, parse
from kiosk.pages.ticket import PRINTED
from kiosk.window import POINT_SIZE
from shared.client.http import ServerAddress
from shared.qt.application import make_application
from shared.qt.remote import HallLink
from shared.services.devices import enrol_device
from tests.gui.counter_server_screenshots import shoot
from tests.gui.kiosk_driver import SIZE, tap
from tests.gui.screen_shots import _server, _until
from tests.gui.workstation_screenshots import demo_hall, morning


def main(language: str) -> None:
    folder, store, clock, hall = demo_hall()
    morning(hall, clock)
    for business in ("topup", "plan_change", "service_change"):
        hall.issue(business)
    clock.advance(300)
    key = enrol_device(store, None, None, "kiosk-1", "kiosk")
    make_application([], POINT_SIZE)
    with _server(store, clock.now()) as port:
        args = parse(
            [
                *("--server", f"http://127.0.0.1:{port}", "--device-key", key),
                *("--language", language, "--windowed"),
            ]
        )
        link = HallLink(ServerAddress.parse(args.server), args.device_key)
        window = open_on_server(link, args, folder / "tickets")
        window.resize(*SIZE)
        window.show()
        link.listen()
        _until(lambda: link.connected.connected and window.following)
        shoot(window, f"server-kiosk-start-{language}.png")
        tap(window, "take-ticket")
        _until(lambda: "topup" in window.business.waits)
        shoot(window, f"server-kiosk-business-{language}.png")
        tap(window, "business-service_change")
        tap(window, "confirm-ticket")
        _until(
            lambda: window.stack.currentWidget() is window.ticket and window.ticket.state == PRINTED
        )
        shoot(window, f"server-kiosk-ticket-{language}.png")
        tap(window, "finish")
        tap(window, "take-ticket")
        tap(window, "business-after_sales")
    _until(lambda: not link.connected.connected)
    tap(window, "confirm-ticket")  # the server is gone: the tap says nothing was done
    _until(lambda: bool(window.confirm.problem.text()))
    shoot(window, f"server-kiosk-lost-{language}.png")
    link.close()
    window.close()
    store.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "zh")
