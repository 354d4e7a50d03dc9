"""The counter's two windows as clients of a hall server, in one language:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.counter_server_screenshots zh
    QT_QPA_PLATFORM=offscreen python -m tests.gui.counter_server_screenshots en

A demo store in a temporary folder and a morning of service, a hall server on it (in this
process, its clock stopped), the windows started as `hallq-counter --server` starts them:
docs/screenshots/server-workstation-*-<lang>.png and server-customer-*-<lang>.png, the
last two once the server is stopped, with the banner the clerk and the customer see.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from counter.__main__ import open_on_server, parse
from counter.app import make_application
from shared.client.http import ServerAddress
from shared.qt.remote import HallLink
from shared.resources import style_sheet
from shared.services.devices import enrol_device
from shared.services.hall import HallService
from shared.services.hall_config import demo_definition, load_hall
from shared.store.clock import FixedClock
from shared.store.database import open_store
from tests.gui.screen_shots import _server, _until
from tests.gui.workstation_screenshots import SHOTS, SIM, draw, morning


def shoot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / name))
    print(SHOTS / name)


def main(language: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="hallq-shots-"))
    store = open_store(str(folder / "hall.sqlite3"))
    with store.write() as session:
        load_hall(session, demo_definition())
    clock = FixedClock(dt.datetime(2026, 11, 23, 9, 0))
    hall = HallService(store, "demo", clock)
    morning(hall, clock)
    hall.close_counter(2)
    key = enrol_device(store, None, None, "screen-2", "customer_screen", counter=2)
    slip = hall.issue("sim_replace", phone="13812345678", slip=SIM).slip_code
    hall.issue("plan_change")
    clock.advance(420)
    app = make_application([], language)
    app.setStyleSheet(style_sheet("workstation"))
    with _server(store, clock.now()) as port:
        args = parse(
            [
                *("--server", f"http://127.0.0.1:{port}", "--device-key", key),
                *("--counter", "2", "--language", language),
            ]
        )
        link = HallLink(ServerAddress.parse(args.server), args.device_key)
        window, customer = open_on_server(link, args)
        window.resize(1920, 1080)
        customer.resize(1920, 1080)
        window.show()
        customer.show()
        link.listen()
        _until(lambda: link.connected.connected)
        page = window.sign_in_page
        window.sign_in("E002", "0000")  # a wrong PIN: the page says how many tries are left
        _until(lambda: not page.waiting)
        shoot(window, f"server-workstation-sign-in-{language}.png")

        window.sign_in("E002", "1234")
        _until(lambda: window.view is not None)
        window.open_counter()
        _until(lambda: window.view is not None and window.call_button.isEnabled())
        window.call_next()
        _until(lambda: window.ticket_label.text() == "B001")
        window.scan.setText(slip or "")
        window.scan_slip()
        _until(
            lambda: "slip checked" in window.slip_label.text() or "核验" in window.slip_label.text()
        )
        shoot(window, f"server-workstation-serving-{language}.png")

        window.form.fill("plan_change", {"new_plan": "5G智享 168元", "effective": "次月生效"})
        window.form.sections[0].inputs["iccid"].setText("89860012345678901234")
        window.offer_panel.recommended.setChecked(True)
        window.offer_panel.accepted.setChecked(True)
        window.finish()
        _until(lambda: "B001" in customer.form_view.toPlainText())
        shoot(customer, f"server-customer-form-{language}.png")
        customer.confirm_button.click()
        QApplication.processEvents()
        draw(customer.pad)
        customer.submit_button.click()
        _until(lambda: customer.pages.currentIndex() == 4)
        shoot(customer, f"server-customer-rating-{language}.png")
        shoot(window, f"server-workstation-after-finish-{language}.png")
    _until(lambda: not link.connected.connected)
    window.call_next()  # the customer is still rating: nothing to call; the banner says why
    shoot(window, f"server-workstation-lost-{language}.png")
    shoot(customer, f"server-customer-lost-{language}.png")
    link.close()
    window.close()
    customer.close()
    store.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "zh")
