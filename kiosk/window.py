"""The kiosk's main window: a header with the hall and the language switch, one screen at
a time, and a footer with Back, Home and the idle countdown. It moves the customer
through the visit and asks its source (the store of this PC or the hall server) for what
the hall does; the screens only show and ask."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.card_watch import CardWatch
from kiosk.id_card.protocol import CardText
from kiosk.id_card.reader import CardReader
from kiosk.idle import IdleWatch
from kiosk.large_text import FACTOR, large_text
from kiosk.pages import Page
from kiosk.pages.appointment import AppointmentPage
from kiosk.pages.business import BusinessPage
from kiosk.pages.confirm import ConfirmPage
from kiosk.pages.diversion import DiversionPage
from kiosk.pages.keypad import PhonePage
from kiosk.pages.reprint import ReprintPage
from kiosk.pages.slip import SlipPage
from kiosk.pages.start import StartPage
from kiosk.pages.ticket import FAILED, NO_PRINTER, PRINTED, PRINTING, TicketPage
from kiosk.pinyin_input import warm_up
from kiosk.print_job import PrintJob, PrintSignals
from kiosk.sources import KioskSource, StaffCalled, StoreKiosk, TicketAsked, Waits
from kiosk.visit import Visit
from kiosk.voice import Voice
from kiosk.widgets import restyle, text_label, touch_button
from shared.documents.printing import TicketPrinter, open_printer
from shared.documents.ticket_text import TicketPrint
from shared.qt.application import Translation
from shared.qt.errors import FailureNotices
from shared.resources import style_sheet
from shared.rules.calling import route
from shared.services.appointments import CheckedIn
from shared.services.hall import Issued
from shared.store.clock import Clock, clock_for
from shared.store.database import EVERYTHING, Store
from shared.views.kiosk_menu import KioskState, Offer
from shared.vocabulary import IncidentKind, Tier

log = logging.getLogger(__name__)

CATALOGS = ("kiosk", "words")
POINT_SIZE = 16  # read at arm's length
KIOSK_FOLLOWS = frozenset({"level", "settings"})  # what kiosk_state reads
LANGUAGE_BUTTON = {"zh": "English", "en": "中文"}  # each names the language it switches to


class KioskWindow(QMainWindow):
    def __init__(
        self,
        source: Store | KioskSource,
        hall_code: str | None = None,
        *,
        print_folder: Path,
        clock: Clock | None = None,
        language: str = "zh",
        name: str = "kiosk",
        card_reader: CardReader | None = None,
        voice: Voice | None = None,
    ) -> None:
        """On a store (`source` a Store: this PC's, timed by `clock`, calls for help under
        `name`) or on the hall server (a ServerKiosk: its clock, its enrolled name)."""
        super().__init__()
        if isinstance(source, Store):
            notices = FailureNotices(source, self)
            source = StoreKiosk(source, hall_code, clock or clock_for(source), notices, name)
        self.source: KioskSource = source
        self.clock = source.clock
        self.menu = source.menu
        self.state = source.state
        self.issuing = False  # a ticket asked for and not yet answered: taps wait for it
        self.print_folder = print_folder
        self.printer: TicketPrinter = open_printer(
            self.state.settings.printer, print_folder, self.state.settings.print_folder
        )
        self.visit = Visit()
        self.history: list[Page] = []
        self.translation = Translation(CATALOGS, self)
        self.default_language = language
        self.printing = QThreadPool(self)
        self.printing.setMaxThreadCount(1)  # one printer: tickets come out in order
        self.print_signals = PrintSignals(self)
        self.print_signals.done.connect(self._print_done)
        self.following = False  # other programs' changes, once the window is up
        QTimer.singleShot(0, self._watch_store)
        # The pinyin keyboard's index (about a second), built beside the start screen rather
        # than when the first customer taps a business with a name to type.
        QTimer.singleShot(0, self._build_pinyin_index)
        self.idle = IdleWatch(self.state.settings.kiosk_idle_s, self)
        self.idle.ticked.connect(self._show_countdown)
        self.idle.expired.connect(self.home)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self.idle)

        self.start = StartPage()
        self.phone = PhonePage()
        self.appointment = AppointmentPage()
        self.business = BusinessPage(self.menu)
        self.diversion = DiversionPage()
        self.slip = SlipPage()
        self.confirm = ConfirmPage()
        self.ticket = TicketPage()
        self.reprint = ReprintPage()
        self.pages: list[Page] = [
            self.start,
            self.phone,
            self.appointment,
            self.business,
            self.diversion,
            self.slip,
            self.confirm,
            self.ticket,
            self.reprint,
        ]
        self.card_watch: CardWatch | None = None
        if card_reader is not None:
            self.card_watch = CardWatch(card_reader, self)
            self.card_watch.laid.connect(self.card_laid)
            self.card_watch.failed.connect(self.card_failed)
            self.slip.reads_cards = True
        self.voice = voice or Voice()
        self.speaking = False
        self.slip.asked.connect(self.read_question)
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
        self._connect_pages()
        self.setCentralWidget(self._frame())
        self.large = False
        self.setStyleSheet(large_text(style_sheet("kiosk"), POINT_SIZE, 1.0))
        self.setWindowTitle(self.menu.hall_name)
        self.switch_language(language)
        self.home()

    # ----- the frame around the screens -----

    def _frame(self) -> QWidget:
        self.hall_name = text_label("hall", name="hall-name")
        self.clock_label = text_label("clock", name="clock")
        self.language_button = touch_button("", "language", "language")
        self.language_button.clicked.connect(
            lambda: self.switch_language("en" if self.translation.language == "zh" else "zh")
        )
        self.large_button = touch_button("", "language", "large-text")
        self.large_button.clicked.connect(lambda: self.show_large_text(not self.large))
        self.voice_button = touch_button("", "language", "voice")
        self.voice_button.clicked.connect(lambda: self.guide_by_voice(not self.speaking))
        self.help_button = touch_button("", "help", "call-help")
        self.help_button.clicked.connect(self.call_help)
        self.help_notice = text_label("help-notice", name="help-notice")
        self.help_notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.help_notice.hide()
        header = QWidget()
        header.setObjectName("header")
        names = QHBoxLayout()
        names.addWidget(self.hall_name, 1)
        names.addWidget(self.help_notice, 1)  # in the hall name's place: the screen keeps its size
        names.addWidget(self.clock_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        for button in (self.help_button, self.large_button, self.voice_button):
            buttons.addWidget(button)
        buttons.addWidget(self.language_button)
        # The names and the buttons side by side; one above the other on a portrait kiosk,
        # whose narrower header would break the hall's name into a column of words.
        self.header_rows = QBoxLayout(QBoxLayout.Direction.LeftToRight, header)
        self.header_rows.setContentsMargins(32, 8, 24, 8)
        self.header_rows.setSpacing(16)
        self.header_rows.addLayout(names, 1)
        self.header_rows.addLayout(buttons)
        self.back_button = touch_button("", "footer", "back")
        self.home_button = touch_button("", "footer", "home")
        self.countdown = text_label("countdown", name="countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.back_button.clicked.connect(self.back)
        self.home_button.clicked.connect(self.home)
        self.footer = QWidget()
        self.footer.setObjectName("footer")
        bottom = QHBoxLayout(self.footer)
        bottom.setContentsMargins(32, 8, 32, 8)
        bottom.setSpacing(20)
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.home_button)
        bottom.addStretch(1)
        bottom.addWidget(self.countdown)
        frame = QWidget()
        frame.setObjectName("kiosk")
        column = QVBoxLayout(frame)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(header)
        column.addWidget(self.stack, 1)
        column.addWidget(self.footer)
        return frame

    def _connect_pages(self) -> None:
        self.start.take_ticket.connect(lambda: self.go(self.business))
        self.start.with_phone.connect(lambda: self.go(self.phone))
        self.start.appointment.connect(lambda: self.go(self.appointment))
        self.start.reprint.connect(self.start_reprint)
        self.reprint.by_phone.connect(lambda: self.go(self.phone))
        self.reprint.by_code.connect(lambda: self.go(self.appointment))
        self.phone.entered.connect(self.phone_entered)
        self.appointment.entered.connect(self.check_in)
        self.business.chosen.connect(self.business_chosen)
        self.diversion.understood.connect(self.home)
        self.diversion.anyway.connect(self.continue_business)
        self.diversion.cannot.connect(self.cannot_self_serve)
        self.diversion.help_wanted.connect(self.call_help)
        self.slip.finished.connect(self.slip_finished)
        self.confirm.confirmed.connect(self.take_ticket)
        self.confirm.edit_field.connect(self.edit_slip_field)
        self.ticket.done.connect(self.home)

    # ----- moving between screens -----

    def go(self, page: Page, *, remember: bool = True) -> None:
        current = self.stack.currentWidget()
        if remember and isinstance(current, Page) and current is not page:
            self.history.append(current)
        if isinstance(page, PhonePage | AppointmentPage):
            page.reset()
        if page is self.business:
            self._show_waits()
        self.stack.setCurrentWidget(page)
        self.read_question()
        if self.card_watch is not None:
            self.card_watch.want(page is self.slip and bool(self.slip.card_fields()))
        at_start = page is self.start
        self.footer.setVisible(not at_start)
        self.back_button.setVisible(bool(self.history) and page is not self.ticket)
        self.home_button.setVisible(page is not self.ticket)  # its own Done does the same
        if at_start:
            self.idle.stop()
        else:
            self.idle.start(self.state.settings.kiosk_idle_s)

    def _show_waits(self) -> None:
        """What each business means in waiting, read as the menu comes up; while the store
        or the server fails the buttons keep the names alone rather than an old figure."""
        self.source.waits(self.visit.tier, self.business.show_waits)

    def back(self) -> None:
        if not self.history:
            return
        page = self.history.pop()
        if page is self.start:
            self.home()  # back at the start is a new visit: the number typed is forgotten
        else:
            self.go(page, remember=False)

    def home(self) -> None:
        """A fresh visit on the start screen: nothing of the last customer stays, not even
        their language."""
        self.visit = Visit()
        self._show_help_notice(False)
        if self.large:
            self.show_large_text(False)
        self.guide_by_voice(False)
        self.help_button.setEnabled(True)
        self.help_button.setText(self.tr("Call staff"))
        if self.translation.language != self.default_language:
            self.switch_language(self.default_language)
        self.history.clear()
        self.business.show_tier(Tier.NORMAL)
        self.go(self.start, remember=False)

    def switch_language(self, language: str) -> None:
        self.translation.switch(language)
        for page in self.pages:
            page.retranslate(language)
        self.language_button.setText(LANGUAGE_BUTTON[language])
        self.back_button.setText(self.tr("‹ Back"))
        self.home_button.setText(self.tr("⌂ Start again"))
        self._name_large_button()
        self._name_voice_button()
        self.read_question()
        self.help_button.setText(
            self.tr("✓ Staff called") if self.visit.help_called else self.tr("Call staff")
        )
        self.help_notice.setText(
            self.tr("A member of staff is on the way. Please wait here.")
            if self.visit.help_called
            else self.help_notice.text()
        )
        self.hall_name.setText(self.menu.hall_name if language == "zh" else self.menu.hall_name_en)
        self._show_countdown(self.idle.left)

    def show_large_text(self, large: bool) -> None:
        """Every font at least half as large again, on every screen, until the visit ends."""
        self.large = large
        # Both sheets size every font, the usual one at factor 1: a font a sheet once set
        # stays on its widget until a sheet sets it again.
        sheet = large_text(style_sheet("kiosk"), POINT_SIZE, FACTOR if large else 1.0)
        if not large:  # the usual fonts first, then the usual layouts: nothing outgrows
            self.setStyleSheet(sheet)  # the screen in between
        self.business.show_large(large)
        self.slip.pinyin.show_large(large)
        self.ticket.show_large(large)
        if large:
            self.setStyleSheet(sheet)
        self._name_large_button()

    def guide_by_voice(self, speaking: bool) -> None:
        """Each screen's question read aloud until the visit ends (one tap, like large
        text); turned on, the current screen's is read at once."""
        self.speaking = speaking
        self._name_voice_button()
        self.read_question()

    def read_question(self) -> None:
        screen = self.stack.currentWidget()
        if self.speaking and isinstance(screen, Page) and (words := screen.question()):
            self.voice.say(words, self.translation.language)

    def _name_voice_button(self) -> None:
        self.voice_button.setText(self.tr("Voice off") if self.speaking else self.tr("Voice"))

    def _name_large_button(self) -> None:
        self.large_button.setText(self.tr("Usual text") if self.large else self.tr("Large text"))

    def call_help(self) -> None:
        """The way forward for anyone the screens do not serve: the floor staff are called,
        and the shift lead's monitor lists the call with this kiosk's name."""
        screen = self.stack.currentWidget()
        where = type(screen).__name__.removesuffix("Page").lower()
        self.help_button.setEnabled(False)  # one call per tap, answered or not
        called = StaffCalled(IncidentKind.HELP_REQUESTED, f"{where} page")
        self.source.call_staff(called, self._help_called, self._help_failed)

    def _help_called(self) -> None:
        self.visit.help_called = True
        self.help_button.setEnabled(False)
        self.help_button.setText(self.tr("✓ Staff called"))
        restyle(self.help_notice, state="ok")
        self.help_notice.setText(self.tr("A member of staff is on the way. Please wait here."))
        self._show_help_notice(True)

    def _show_help_notice(self, shown: bool) -> None:
        self.help_notice.setVisible(shown)
        self.hall_name.setVisible(not shown)

    def _help_failed(self, why: str) -> None:
        self.help_button.setEnabled(True)
        restyle(self.help_notice, state="problem")
        self.help_notice.setText(
            self.tr("Calling staff did not work (%1). Please ask at the service desk.").replace(
                "%1", why
            )
        )
        self._show_help_notice(True)

    def cannot_self_serve(self) -> None:
        """Level 2, confirmed: this customer gets a ticket for self-service business."""
        self.visit.cannot_self_serve = True
        self.continue_business()

    def _show_countdown(self, left: int) -> None:
        self.clock_label.setText(f"{self.clock.now():%H:%M}")
        running = self.idle.running
        self.countdown.setText(
            self.tr("Back to start in %n s", "", max(left, 0)) if running else ""
        )

    def _build_pinyin_index(self) -> None:
        """Once the window is up, so the start is not slowed by it."""
        threading.Thread(target=warm_up, name="pinyin index", daemon=True).start()

    def _watch_store(self) -> None:
        """Follow other programs' changes, once the window is up (the store's feed driver
        takes a fifth of a second to load)."""
        self.source.follow(self.reread_state)
        self.following = True

    def reread_state(self, kinds: frozenset[str] = EVERYTHING) -> None:
        """The level and settings, re-read when another program changed them. While the
        store or server fails they stay as last read: the customer's next action says why."""
        if kinds & KIOSK_FOLLOWS:
            self.source.reread(self._follow_state)

    def _follow_state(self, state: KioskState) -> None:
        self.state = state
        self.printer = open_printer(
            self.state.settings.printer, self.print_folder, self.state.settings.print_folder
        )
        self.idle.seconds = self.state.settings.kiosk_idle_s

    # ----- the visit -----

    def start_reprint(self) -> None:
        self.visit.reprint = True
        self.go(self.reprint)

    def reprint_ticket(
        self, show: Callable[[str], None], phone: str | None, code: str | None
    ) -> None:
        """Today's ticket found by number or code, shown and printed again as it stands."""

        def found(ticket: TicketPrint | None) -> None:
            if ticket is None:
                show(self.tr("No ticket of today was found. Please check, or ask a guide."))
            else:
                self._show_ticket(ticket)

        self.source.reprint(phone, code, found, show)

    def phone_entered(self, phone: str) -> None:
        if self.visit.reprint:
            self.reprint_ticket(self.phone.show_refusal, phone, None)
            return
        self.source.tier(phone, lambda tier: self._known(phone, tier), self.phone.show_refusal)

    def _known(self, phone: str, tier: Tier) -> None:
        self.visit.phone = phone
        self.visit.tier = tier
        self.business.show_tier(self.visit.tier)
        self.go(self.business)

    def business_chosen(self, key: str) -> None:
        self.visit.business = key
        self.visit.slip = {}
        self.visit.cannot_self_serve = False
        offer = self.menu.offer(key)
        if self._diverted(offer):
            return
        self.continue_business()

    def _diverted(self, offer: Offer) -> bool:
        """Lead with self-service under an alert; at level 2 (if the hall says) go no further."""
        self.reread_state()
        if not offer.self_service or self.state.level < 1:
            return False

        def divert(waits: Waits) -> None:
            self.diversion.divert(offer, self._blocked(offer), waits.get(offer.key))
            self.go(self.diversion)

        self.source.waits(self.visit.tier, divert)
        return True

    def _blocked(self, offer: Offer) -> bool:
        """No ticket at all: level 2, a hall that diverts then, and self-service business."""
        level2 = self.state.level >= 2 and self.state.settings.level2_diversion
        return offer.self_service and level2 and not self.visit.cannot_self_serve

    def continue_business(self) -> None:
        assert self.visit.business is not None
        offer = self.menu.offer(self.visit.business)
        if offer.slip_fields:
            self.slip.start(offer.slip_fields)
            self.go(self.slip)
        else:
            self._show_confirm(offer)

    def card_laid(self, card: CardText) -> None:
        """A resident ID card on the reader while the slip asks for name and number."""
        if self.stack.currentWidget() is self.slip:
            self.idle.restart()  # a card laid is a touch, as much as a tap
            self.slip.fill_from_card(card)

    def card_failed(self, problem: str) -> None:
        if self.stack.currentWidget() is self.slip:
            self.slip.show_card_problem(problem)

    def slip_finished(self, values: dict[str, object]) -> None:
        self.visit.slip = values
        assert self.visit.business is not None
        self._show_confirm(self.menu.offer(self.visit.business))

    def _show_confirm(self, offer: Offer) -> None:
        settings = self.state.settings
        letter = route(
            self.visit.tier,
            offer.queue,
            vip_queue=settings.vip_queue,
            group_queue=settings.group_queue,
        )
        self.confirm.show_visit(
            offer, self.menu.queue_names[letter], self.visit.phone, dict(self.visit.slip)
        )
        self.go(self.confirm)

    def edit_slip_field(self, key: str) -> None:
        """A tapped line on the confirm screen: back to that field, the rest kept."""
        self.slip.edit(key)
        self.go(self.slip)

    def take_ticket(self) -> None:
        """The confirming tap: issue, show, and hand the printing to the print thread. A
        refusal or a failure stays on the confirm screen, where the tap tries again: as the
        same tap, so a ticket the hall issued but whose answer was lost comes back, never a
        second one. Taps while one is under way wait for its answer."""
        visit = self.visit
        assert visit.business is not None
        offer = self.menu.offer(visit.business)
        self.reread_state()
        if self._blocked(offer):  # the hall reached level 2 while the customer was confirming
            self.diversion.divert(offer, blocked=True)
            self.go(self.diversion)
            return
        if self.issuing:
            return
        self.issuing = True
        phone, slip = visit.phone, dict(visit.slip)
        tap = visit.tap_for(("issue", visit.business, phone, sorted(slip.items(), key=str)))
        self.source.issue(
            TicketAsked(visit.business, phone, slip, tap),
            lambda issued: self._issued(issued, phone, slip),
            self._not_issued(self.confirm.show_refusal),
        )

    def _not_issued(self, show: Callable[[str], None]) -> Callable[[str], None]:
        def said(why: str) -> None:
            self.issuing = False
            show(why)

        return said

    def check_in(self, code: str) -> None:
        if self.visit.reprint:
            self.reprint_ticket(self.appointment.show_refusal, None, code)
            return
        if self.issuing:
            return
        self.issuing = True
        show = self._not_issued(self.appointment.show_refusal)
        self.source.check_in(
            code,
            self.visit.tap_for(("check in", code)),
            self._checked_in,
            lambda reason: show(self.appointment.refusal(reason)),
            show,
        )

    def _checked_in(self, checked_in: CheckedIn) -> None:
        self._issued(checked_in.issued, checked_in.phone, None)

    def _issued(self, issued: Issued, phone: str | None, slip: dict[str, object] | None) -> None:
        self.issuing = False
        self._show_ticket(self.menu.ticket_print(issued, phone, slip))

    def _show_ticket(self, ticket: TicketPrint) -> None:
        self.history.clear()
        self.ticket.show_ticket(ticket, PRINTING if self.printer.prints else NO_PRINTER)
        self.go(self.ticket, remember=False)
        if not self.printer.prints:
            self._keep_ticket_shown()
        if self.printer.prints:
            self.printing.start(PrintJob(self.printer, ticket, self.print_signals))

    def _print_done(self, ticket: str, why: str) -> None:
        """Every print ends here. A failed one leaves the ticket standing: the customer is
        told to remember the number, the shift lead is told why (or, with the store down
        too, the log)."""
        if not why:
            if self._showing(ticket):
                self.ticket.show_state(PRINTED)
            return
        log.warning("ticket %s was not printed: %s", ticket, why)
        if self._showing(ticket):
            self.ticket.show_state(FAILED)
            self._keep_ticket_shown()
        called = StaffCalled(IncidentKind.PRINTER, why, ticket)
        self.source.call_staff(called, lambda: None, lambda _words: None)

    def _keep_ticket_shown(self) -> None:
        """No paper: the screen is the customer's only copy, so it stays until they tap
        Done, however long they take to note the number."""
        self.idle.stop()
        self.countdown.setText("")

    def _showing(self, ticket: str) -> bool:
        shown: TicketPrint | None = self.ticket.ticket
        return (
            self.stack.currentWidget() is self.ticket
            and shown is not None
            and (shown.ticket == ticket)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Every screen turns with the kiosk, the hidden ones too: a hidden screen laid out
        for the other orientation would widen the whole window."""
        portrait = event.size().height() > event.size().width()
        self.header_rows.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        for page in self.pages:
            page.orient(portrait)
        super().resizeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.printing.waitForDone(10_000)
        if self.card_watch is not None:
            self.card_watch.close()
        self.voice.close()
        self.source.close()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        self.translation.remove()
        super().closeEvent(event)
