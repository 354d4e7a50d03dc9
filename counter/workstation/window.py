"""The counter workstation: sign in, then serve. Every action is one big button and one key:

F2 call next · F3 recall · F4 no-show · F5 call the ticket chosen in the waiting list ·
F6 transfer · F8 finish · F10 finish and call next · F9 pause/resume · Ctrl+F form archive.
Beside the work: who waits for the counter and the hall's level, and the service timer
against the three-minute norm, both on the hall's clock. The customer signs and rates the
finished ticket on the customer screen while the clerk already calls the next one.
A USB scanner types a slip's code into the scan field and presses Enter. The window acts
through its source (the store of this PC, or the hall server under the session the clerk
opened at this counter) and re-reads the counter when anything changed. An act is shown
as done only once the store committed it or the server answered.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter.customer.window import CustomerWindow
from counter.workstation.archive_dialog import ArchiveDialog, open_with_desktop
from counter.workstation.archive_sources import FormArchive, ServerArchive, StoreArchive
from counter.workstation.figures_panel import FiguresPanel
from counter.workstation.offer_panel import OfferPanel
from counter.workstation.offer_sources import OfferSource, ServerOffers, StoreOffers
from counter.workstation.queue_panel import QueuePanel, call_reasons, minutes
from counter.workstation.sign_in import SignInPage
from counter.workstation.sources import Acted, Clerk, CounterSource, StoreCounter
from counter.workstation.transaction_form import TransactionForm
from shared.qt import codes
from shared.qt.elided import ElidedLabel
from shared.qt.errors import FailureNotices
from shared.qt.live import LiveStore
from shared.qt.remote import HallLink, LinkState, ServerBanner
from shared.resources import style_sheet
from shared.services.slip_use import SlipTaken
from shared.store.clock import Clock, clock_for
from shared.store.database import EVERYTHING, Store
from shared.views.counter import CounterView
from shared.vocabulary import CounterState, PauseReason, Tier

# What counter_view reads: the counter and its ticket, the queues, the clerk, the businesses,
# the hall's level.
WORKSTATION_FOLLOWS = frozenset({"tickets", "counters", "staff", "settings", "level"})


LARGE_SCALE = 1.25
LEAST_SIZE = QSize(1024, 700)
TOP_HEIGHT, ACTION_HEIGHT = 52, 64  # the buttons of the top row and of the actions' row
_SIZES = re.compile(r"(font-size|min-height):\s*(\d+)px")


def scaled_style(sheet: str, scale: float) -> str:
    """A style sheet with its text sizes and least heights multiplied by `scale`."""
    return _SIZES.sub(lambda m: f"{m.group(1)}: {round(int(m.group(2)) * scale)}px", sheet)


def tr(text: str) -> str:
    return QCoreApplication.translate("Workstation", text)


# The pause menu's reasons, in its order: stored as codes, shown in the window's language.
PAUSE_MENU = (
    PauseReason.BREAK,
    PauseReason.MEETING,
    PauseReason.TRAINING,
    PauseReason.LUNCH,
    PauseReason.OTHER,
)


def tier_name(tier: Tier) -> str:
    return codes.name("tier", tier)


class WorkstationWindow(QMainWindow):
    def __init__(
        self,
        store: Store | None,
        hall_code: str | None,
        counter: int,
        *,
        language: str = "zh",
        customer: CustomerWindow | None = None,
        clock: Clock | None = None,
        open_pdf: Callable[[Path], None] = open_with_desktop,
        failures: FailureNotices | None = None,
        source: CounterSource | None = None,
        link: HallLink | None = None,
    ) -> None:
        """On the store (`store`) or on the hall server (`source` and `link`, no store)."""
        super().__init__()
        self.setObjectName("workstation")
        self.sized: list[tuple[QPushButton, int]] = []  # buttons and their least heights
        self.store, self.hall_code, self.counter = store, hall_code, counter
        self.english = language == "en"
        if source is None:
            assert store is not None, "a workstation reads a store or the hall server"
            self.failures = failures or FailureNotices(store, self)
            self.clock = clock or clock_for(store)
            source = StoreCounter(store, hall_code, counter, self.clock, self.failures)
        else:
            self.clock = source.clock
        self.offer_source: OfferSource
        if link is not None:
            self.offer_source = ServerOffers(link, counter)
        else:  # on the store, as the form archive
            assert store is not None
            self.offer_source = StoreOffers(store, hall_code, counter, self.clock, self.failures)
        self.source, self.link = source, link
        self.customer, self.open_pdf = customer, open_pdf
        self.opened_forms: tempfile.TemporaryDirectory[str] | None = None
        self.clerk: Clerk | None = None
        self.acting: str | None = None  # the act sent and not yet answered
        self.view: CounterView | None = None
        self.shown_ticket: str | None = None
        if customer is not None:
            customer.done.connect(self._customer_done)
            customer.moved.connect(self._customer_moved)
        self.setWindowTitle(tr("Counter %1").replace("%1", str(counter)))
        self.pages = QStackedWidget()
        self.sign_in_page = SignInPage(
            source.sign_in, tr("Counter %1 — sign in").replace("%1", str(counter))
        )
        self.sign_in_page.signed_in.connect(self._signed_in)
        self.pages.addWidget(self.sign_in_page)
        self.pages.addWidget(self._counter_page())
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        if link is not None:
            column.addWidget(ServerBanner(link))
            link.state.connect(self._server_moved)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.live: LiveStore | None = None
        if link is not None:
            link.changed.connect(self.refresh)
        else:
            assert store is not None
            self.live = LiveStore(store, self)
            self.live.changed.connect(self.refresh)
        self._shortcuts()
        self.ticking = QTimer(self)
        self.ticking.setInterval(1000)
        self.ticking.timeout.connect(self._tick)
        self.scale = 1.0  # of the style's sizes: larger on a full HD screen
        # A least size of its own, for the ordinary style, kept when the style grows on a
        # large screen: a window moved back to a small one is not held at the large one.
        self.setMinimumSize(LEAST_SIZE)
        self.resize(1280, 800)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a full HD screen (or larger) every text and box grows by a quarter, so the
        counter's screen is used rather than left empty; smaller screens keep the style."""
        super().resizeEvent(event)
        scale = LARGE_SCALE if self.width() >= 1700 and self.height() >= 1000 else 1.0
        if scale != self.scale:
            self.scale = scale
            self.setStyleSheet(scaled_style(style_sheet("workstation"), scale) if scale > 1 else "")
            for button, height in self.sized:
                button.setMinimumHeight(round(height * scale))
            self.queue_panel.fit_queues()

    # ----- building -----

    def _button(
        self,
        text: str,
        key: str,
        name: str,
        action: Callable[[], object],
        height: int = ACTION_HEIGHT,
    ) -> QPushButton:
        button = QPushButton(f"{text}\n{key}" if key else text)
        button.setObjectName(name)
        button.setMinimumHeight(height)  # grown with the style on a large screen
        self.sized.append((button, height))
        button.clicked.connect(action)
        return button

    def _counter_page(self) -> QWidget:
        page = QWidget()
        self.heading = ElidedLabel()  # a long name is shortened, whole in the tooltip
        self.heading.setObjectName("counterHeading")
        self.state_label = QLabel()
        self.state_label.setObjectName("counterState")
        self.open_button = self._button(
            tr("Open counter"), "", "openButton", self.open_counter, TOP_HEIGHT
        )
        self.pause_button = self._button(
            tr("Pause"), "F9", "pauseButton", self._pause_menu, TOP_HEIGHT
        )
        self.resume_button = self._button(
            tr("Resume"), "F9", "resumeButton", self.resume, TOP_HEIGHT
        )
        self.close_button = self._button(
            tr("Close counter"), "", "closeButton", self.close_counter, TOP_HEIGHT
        )
        self.archive_button = self._button(
            tr("Form archive"), "Ctrl+F", "archiveButton", self.open_archive, TOP_HEIGHT
        )
        self.sign_out_button = self._button(
            tr("Sign out"), "", "signOutButton", self.sign_out, TOP_HEIGHT
        )
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.state_label)
        top.addStretch(1)
        for button in (
            self.open_button,
            self.pause_button,
            self.resume_button,
            self.close_button,
            self.archive_button,
            self.sign_out_button,
        ):
            top.addWidget(button)

        self.ticket_label = QLabel("—")
        self.ticket_label.setObjectName("ticketNumber")
        self.ticket_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket_details = QLabel()
        self.ticket_details.setObjectName("ticketDetails")
        self.ticket_details.setWordWrap(True)
        self.slip_label = QLabel()
        self.slip_label.setObjectName("slipDetails")
        self.slip_label.setWordWrap(True)
        self.scan = QLineEdit()
        self.scan.setObjectName("slipScan")
        self.scan.setPlaceholderText(tr("Scan the slip's QR code here"))
        self.scan.returnPressed.connect(self.scan_slip)
        self.message = QLabel()
        self.message.setObjectName("counterMessage")
        self.message.setWordWrap(True)
        self.timer = QLabel()
        self.timer.setObjectName("serviceTimer")
        self.timer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.customer_status = QLabel()
        self.customer_status.setObjectName("customerStatus")
        self.customer_status.setWordWrap(True)
        ticket_panel = QWidget()
        ticket_panel.setObjectName("ticketPanel")
        ticket_box = QVBoxLayout(ticket_panel)
        serving = QLabel(tr("Now serving"))
        serving.setObjectName("panelTitle")
        ticket_box.addWidget(serving)
        ticket_box.addWidget(self.ticket_label)
        ticket_box.addWidget(self.timer)
        ticket_box.addWidget(self.ticket_details)
        ticket_box.addWidget(self.slip_label)
        ticket_box.addWidget(self.scan)
        ticket_box.addWidget(self.message)
        ticket_box.addStretch(1)
        ticket_box.addWidget(self.customer_status)

        self.form = TransactionForm(self.english)
        form_title = QLabel(tr("What was done"))
        form_title.setObjectName("panelTitle")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        form_panel = QWidget()
        form_box = QVBoxLayout(form_panel)
        self.offer_panel = OfferPanel(self.offer_source, self.english, self.refresh)
        form_box.addWidget(self.offer_panel)
        form_box.addWidget(form_title)
        form_box.addWidget(scroll, 1)

        self.figures = FiguresPanel()
        self.queue_panel = QueuePanel(self.english, self._business_name)
        self.queue_panel.ticket_table.doubleClicked.connect(self._choose_reason)
        side = QVBoxLayout()
        side.addWidget(self.queue_panel, 1)

        self.call_button = self._button(tr("Call next"), "F2", "callButton", self.call_next)
        self.recall_button = self._button(tr("Recall"), "F3", "recallButton", self.recall)
        self.no_show_button = self._button(tr("No-show"), "F4", "noShowButton", self.no_show)
        self.transfer_button = self._button(
            tr("Transfer"), "F6", "transferButton", self._transfer_menu
        )
        self.finish_button = self._button(tr("Finish"), "F8", "finishButton", self.finish)
        self.chosen_button = self._button(
            tr("Call chosen"), "F5", "chosenButton", self._choose_reason
        )
        self.finish_next_button = self._button(
            tr("Finish + next"), "F10", "finishNextButton", self.finish_and_call_next
        )
        actions = QHBoxLayout()
        for button in (
            self.call_button,
            self.chosen_button,
            self.recall_button,
            self.no_show_button,
            self.transfer_button,
            self.finish_button,
            self.finish_next_button,
        ):
            actions.addWidget(button)

        grid = QGridLayout(page)
        grid.addLayout(top, 0, 0, 1, 3)
        grid.addWidget(ticket_panel, 1, 0)
        grid.addWidget(form_panel, 1, 1)
        grid.addLayout(side, 1, 2)
        grid.addWidget(self.figures, 2, 0, 1, 3)
        grid.addLayout(actions, 3, 0, 1, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 4)
        grid.setColumnStretch(2, 3)
        return page

    def _shortcuts(self) -> None:
        for key, action in (
            ("F2", self.call_next),
            ("F3", self.recall),
            ("F4", self.no_show),
            ("F5", self._choose_reason),
            ("F6", self._transfer_menu),
            ("F8", self.finish),
            ("F10", self.finish_and_call_next),
            ("F9", self._pause_or_resume),
            ("Ctrl+F", self.open_archive),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(action)

    # ----- signing in and out -----

    def sign_in(self, staff_id: str, pin: str) -> None:
        """Sign in as if typed on the sign-in page (the command line's --clerk/--pin)."""
        self.sign_in_page.staff.setText(staff_id)
        self.sign_in_page.pin.setText(pin)
        self.sign_in_page.send()

    def _signed_in(self, who: Clerk) -> None:
        self.clerk = who
        self.heading.set_whole(
            tr("Counter %1 · %2 (%3)")
            .replace("%1", str(self.counter))
            .replace("%2", who.name)
            .replace("%3", who.staff_id)
        )
        self.message.clear()
        self.pages.setCurrentIndex(1)
        if self.customer is not None:
            self.customer.serve_by(who.name, who.staff_id)
        self.ticking.start()
        self.refresh()

    def _server_moved(self, state: LinkState) -> None:
        """Back in touch with the server: read the counter as it now is."""
        if state.connected:
            self.refresh()

    def sign_out(self) -> None:
        if self.view is not None and self.view.state != CounterState.CLOSED:
            self._say(tr("Close the counter before signing out."), error=True)
            return
        if self.clerk is not None:
            self.source.sign_out(self.clerk)
        self.clerk = None
        self.view = None
        self.ticking.stop()
        self._remove_opened_forms()
        if self.customer is not None:
            self.customer.serve_by("", "")
        self.pages.setCurrentIndex(0)
        self.sign_in_page.staff.setFocus()

    def session_ended(self, reason: str) -> None:
        """The server no longer knows the session (the shift ended, or it was revoked)."""
        self.clerk, self.view, self.acting = None, None, None
        self.ticking.stop()
        self._remove_opened_forms()
        self.pages.setCurrentIndex(0)
        self.sign_in_page.ended(reason)

    # ----- reading the counter -----

    def refresh(self, kinds: frozenset[str] = EVERYTHING) -> None:
        """Re-read the counter when its tickets, counters, staff or settings moved; while the
        store or the server fails, the screen stays as last read and says why."""
        if self.clerk is not None and kinds & WORKSTATION_FOLLOWS:
            self.source.read(self.clerk, self._show_counter, self._say_problem)

    def _show_counter(self, view: CounterView) -> None:
        if self.clerk is None:
            return  # an answer for a clerk who has signed out meanwhile
        self.view = view
        self.state_label.setText(
            {
                CounterState.OPEN: tr("Open"),
                CounterState.PAUSED: tr("Paused"),
                CounterState.CLOSED: tr("Closed"),
            }[view.state]
        )
        self.state_label.setProperty("state", view.state)
        self.state_label.style().polish(self.state_label)
        serving = view.serving
        ticket = serving.ticket if serving else None
        called = ticket != self.shown_ticket
        if called:
            self.shown_ticket = ticket
            self.form.start(view.businesses, serving.business if serving else None)
        self._show_ticket(view)
        self.offer_panel.follow(self.clerk, ticket)
        self.figures.show_figures(view.figures)
        self.queue_panel.show_waiting(
            view.level, view.serves, view.waiting_tickets, self.clock.now()
        )
        self._tick()
        self._enable(view)
        if called and ticket:
            self.scan.setFocus()  # the scanner types straight in once a ticket is called

    def _business_name(self, key: str) -> str:
        """A business in the window's language; its key until the counter was read."""
        for business in self.view.businesses if self.view is not None else ():
            if business.key == key:
                return business.name_en if self.english and business.name_en else business.name
        return key

    def _show_ticket(self, view: CounterView) -> None:
        serving = view.serving
        if serving is None:
            self.ticket_label.setText("—")
            self.ticket_details.clear()
            self.slip_label.clear()
            return
        waited = int(serving.waited_s)
        self.ticket_label.setText(serving.ticket)
        lines = [
            tr("Tier: %1").replace("%1", tier_name(serving.tier)),
            tr("Business: %1").replace("%1", self._business_name(serving.business)),
            tr("Waited: %1").replace("%1", minutes(waited)),  # m:ss, as every screen
        ]
        if serving.customer:
            lines.append(tr("Mobile: %1").replace("%1", serving.customer))
        self.ticket_details.setText("\n".join(lines))
        if serving.slip_shown:
            state = tr("slip checked") if serving.slip_used else tr("slip not scanned yet")
            shown = [
                f"{label_en if self.english else label}: {value_en if self.english else value}"
                for label, label_en, value, value_en in serving.slip_shown
            ]
            self.slip_label.setText(tr("Slip (%1):").replace("%1", state) + "\n" + "\n".join(shown))
        else:
            self.slip_label.setText(tr("No slip"))

    def _enable(self, view: CounterView) -> None:
        """The buttons the counter's state allows; none while an act awaits its answer."""
        serving = view.serving is not None
        free = self.acting is None
        open_, paused, closed = (view.state == state for state in CounterState)
        self.open_button.setVisible(closed)
        self.pause_button.setVisible(not paused and not closed)
        self.resume_button.setVisible(paused)
        self.open_button.setEnabled(free)
        self.resume_button.setEnabled(free)
        self.pause_button.setEnabled(free and open_ and not serving)
        self.close_button.setEnabled(free and not closed and not serving)
        self.call_button.setEnabled(free and open_ and not serving)
        self.chosen_button.setEnabled(free and open_ and not serving and bool(view.waiting_tickets))
        for button in (
            self.recall_button,
            self.no_show_button,
            self.transfer_button,
            self.finish_button,
            self.finish_next_button,
        ):
            button.setEnabled(free and serving)
        self.scan.setEnabled(serving)
        self.form.setEnabled(serving)
        self.offer_panel.setEnabled(serving)

    # ----- acting -----

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.style().polish(self.message)

    def _say_problem(self, text: str) -> None:
        self._say(text, error=True)

    def _act(self, act: str, body: dict[str, Any], done: Acted) -> None:
        """Send one act; `done` runs only once it was done (the store committed it, the
        server answered 2xx). A refusal or a failure is shown, not raised, and the same key
        tries again. Either way the counter is then re-read."""
        if self.clerk is None or self.acting is not None:
            return
        self.acting = act
        if self.view is not None:
            self._enable(self.view)

        def settled() -> None:
            self.acting = None
            if self.view is not None:
                self._enable(self.view)

        def acted(ticket: str | None) -> None:
            settled()
            done(ticket)
            self.refresh()

        def refused(reason: str) -> None:
            settled()
            self._say_problem(reason)
            self.refresh()

        self.source.act(self.clerk, act, body, acted, refused)

    def open_counter(self) -> None:
        self._act(
            "open", {}, lambda _: self._say(tr("Counter open. Press F2 to call the next customer."))
        )

    def pause(self, reason: str) -> None:
        self._act(
            "pause",
            {"reason": reason},
            lambda _: self._say(tr("Paused: %1").replace("%1", codes.name("pause_reason", reason))),
        )

    def resume(self) -> None:
        self._act("resume", {}, lambda _: self._say(tr("Resumed.")))

    def close_counter(self) -> None:
        self._act("close", {}, lambda _: self._say(tr("Counter closed.")))

    def _pause_or_resume(self) -> None:
        if self.view is not None and self.view.state == CounterState.PAUSED:
            self.resume()
        elif self.pause_button.isEnabled():
            self._pause_menu()

    def _pause_menu(self) -> None:
        if not self.pause_button.isEnabled():
            return
        menu = QMenu(self)
        menu.setObjectName("pauseMenu")
        names = codes.names("pause_reason")
        for number, reason in enumerate(PAUSE_MENU, start=1):
            menu.addAction(f"&{number}  {names[reason]}", partial(self.pause, reason.value))
        menu.popup(self.pause_button.mapToGlobal(self.pause_button.rect().bottomLeft()))
        self.pause_menu = menu

    def call_next(self) -> None:
        if self.call_button.isEnabled():
            self._act("call", {}, self._called)

    def _called(self, ticket: str | None) -> None:
        self._say(tr("Calling %1.").replace("%1", ticket) if ticket else tr("No one is waiting."))

    def recall(self) -> None:
        if self.recall_button.isEnabled():
            self._act("recall", {}, lambda _: self._say(tr("Called again.")))

    def no_show(self) -> None:
        if self.no_show_button.isEnabled():
            self._act("no-show", {}, lambda _: self._say(tr("Marked as not come.")))

    def transfer(self, queue: str) -> None:
        self._act(
            "transfer",
            {"queue": queue},
            lambda _: self._say(tr("Transferred to queue %1.").replace("%1", queue)),
        )

    def transfer_to_counter(self, number: int) -> None:
        self._act(
            "transfer",
            {"to_counter": number},
            lambda _: self._say(tr("Transferred to counter %1.").replace("%1", str(number))),
        )

    def _transfer_menu(self) -> None:
        if not self.transfer_button.isEnabled() or self.view is None:
            return
        menu = QMenu(self)
        menu.setObjectName("transferMenu")
        for letter, name, name_en in self.view.queues:
            menu.addAction(
                f"&{letter}  {name_en if self.english and name_en else name}",
                partial(self.transfer, letter),
            )
        menu.addSeparator()
        for number in self.view.other_open_counters:
            menu.addAction(
                tr("Counter &%1").replace("%1", str(number)),
                partial(self.transfer_to_counter, number),
            )
        menu.popup(self.transfer_button.mapToGlobal(self.transfer_button.rect().bottomLeft()))
        self.transfer_menu = menu

    def scan_slip(self) -> None:
        scanned = self.scan.text()
        self.scan.clear()
        if not scanned.strip():
            return
        if self.clerk is not None:
            self.source.take_slip(self.clerk, scanned, self._slip_taken, self._say_problem)

    def _slip_taken(self, taken: SlipTaken) -> None:
        self.form.fill(taken.business, taken.fields)
        self._say(tr("Slip accepted: the form is filled in."))
        self.refresh()

    def finish(self, *, then_call: bool = False) -> None:
        if not self.finish_button.isEnabled():
            return
        self._act(
            "finish",
            {
                "businesses": self.form.businesses(),
                "fields": self.form.fields(),
                "outcomes": self.form.outcomes(),
                "recommended": self.offer_panel.recommended.isChecked(),
                "accepted": self.offer_panel.accepted.isChecked(),
                "notes": self.form.notes.text().strip(),
            },
            partial(self._finished, then_call=then_call),
        )

    def finish_and_call_next(self) -> None:
        """F10: finish, and once the finish is done, call the next; the finished customer
        signs and rates at the customer screen meanwhile."""
        if self.finish_next_button.isEnabled():
            self.finish(then_call=True)

    def _finished(self, ticket: str | None, *, then_call: bool = False) -> None:
        if ticket is None:
            return  # finish always names the ticket it finished
        if self.customer is not None:
            self.customer.present(ticket)
        self._say(tr("%1 finished.").replace("%1", ticket))
        if then_call:
            self._act("call", {}, self._called)

    def _customer_moved(self, ticket: str, step: str) -> None:
        """Where the finished customer is on the customer screen, for the clerk to see."""
        words = {
            "form": tr("%1 is reading the form on the customer screen."),
            "sign": tr("%1 is signing on the customer screen."),
            "decline": tr("%1 is declining to sign on the customer screen."),
            "rating": tr("%1 is rating the service on the customer screen."),
            "reason": tr("%1 is choosing why they were not satisfied."),
        }
        self.customer_status.setText(words.get(step, "").replace("%1", ticket))

    def _customer_done(self, ticket: str) -> None:
        self.customer_status.setText(
            tr("%1 is done at the customer screen.").replace("%1", ticket) if ticket else ""
        )
        self.refresh()

    def _tick(self) -> None:
        """Once a second, on the hall's clock: the service timer and the waits."""
        now = self.clock.now()
        self.queue_panel.tick(now)
        serving = self.view.serving if self.view is not None else None
        if serving is None:
            self.timer.clear()
            self.timer.setProperty("over", False)
        else:
            spent = (now - serving.called_at).total_seconds()
            assert self.view is not None
            self.timer.setText(
                tr("Serving %1 (norm %2)")
                .replace("%1", minutes(spent))
                .replace("%2", minutes(self.view.norm_s))
            )
            self.timer.setProperty("over", spent > self.view.norm_s)
        self.timer.style().polish(self.timer)

    def _choose_reason(self) -> None:
        """F5: the reasons for calling the ticket chosen in the waiting list out of turn."""
        if not self.chosen_button.isEnabled():
            return
        ticket = self.queue_panel.chosen()
        if ticket is None:
            self._say(tr("Choose a ticket in the waiting list first."), error=True)
            self.queue_panel.ticket_table.setFocus()
            return
        menu = QMenu(self)
        menu.setObjectName("reasonMenu")
        for number, (reason, words) in enumerate(call_reasons(), start=1):
            menu.addAction(f"&{number}  {words}", partial(self.call_chosen, ticket, reason))
        menu.popup(self.chosen_button.mapToGlobal(self.chosen_button.rect().bottomLeft()))
        self.reason_menu = menu

    def call_chosen(self, ticket: str, reason: str) -> None:
        self._act("call-ticket", {"ticket": ticket, "reason": reason}, self._called)

    def open_archive(self) -> ArchiveDialog | None:
        if self.clerk is None:
            return None
        archive: FormArchive
        if self.link is not None:
            archive = ServerArchive(self.link, self.counter, self.clerk.token)
        else:
            assert self.store is not None
            archive = StoreArchive(
                self.store,
                self.hall_code,
                clerk_id=self.clerk.clerk_id,
                counter=self.counter,
                clock=self.clock,
                failures=self.failures,
            )
        dialog = ArchiveDialog(
            archive, today=self.clock.now().date(), forms=self.forms_folder, open_pdf=self.open_pdf
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.archive = dialog
        return dialog

    def forms_folder(self) -> Path:
        """Where the forms the clerk opens from the archive are saved for the PDF viewer: a
        folder of the clerk's own, removed at sign-out and when the program ends, so no
        customer's form stays behind on the counter's PC."""
        if self.opened_forms is None:
            self.opened_forms = tempfile.TemporaryDirectory(prefix="hallq-forms-")
        return Path(self.opened_forms.name)

    def _remove_opened_forms(self) -> None:
        if self.opened_forms is not None:
            self.opened_forms.cleanup()
            self.opened_forms = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self._remove_opened_forms()
        self.ticking.stop()
        if self.live is not None:
            self.live.close()
        super().closeEvent(event)
