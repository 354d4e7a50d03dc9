"""The customer-facing window: the service form to read and confirm (核准), the signature
pad or a declined reason, then the rating (满意 / 一般 / 不满意, and after 不满意 why) with
a countdown. The clerk's name and staff number head every page.

It works on a ticket the counter has finished: the form comes from the recorded
transactions (shared.archive.forms), and the rating names that ticket, through its source:
the store of this PC, or the hall server as the counter's customer screen. The clerk may
meanwhile call and serve the next customer; a ticket finished while the screen is still
with the customer before waits its turn here. Each step is said (`moved`), and the end
(rated, timed out) too (`done`).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from counter.customer.signature_pad import SignaturePad
from counter.customer.sources import CustomerSource, StoreCustomer
from shared.documents.service_form import FormContent
from shared.qt.errors import FailureNotices
from shared.resources import icon_file
from shared.store.clock import Clock, clock_for
from shared.store.database import Store
from shared.vocabulary import DissatisfiedReason, Satisfaction

# The pages, in the customer's order.
WELCOME, FORM, SIGN, DECLINE, RATING, REASON = range(6)
STEPS = {FORM: "form", SIGN: "sign", DECLINE: "decline", RATING: "rating", REASON: "reason"}


def tr(text: str) -> str:
    return QCoreApplication.translate("CustomerWindow", text)


def decline_reasons() -> list[str]:
    return [tr("I do not agree with the terms"), tr("The details are wrong"), tr("Other reason")]


def dissatisfied_reasons() -> list[tuple[DissatisfiedReason, str]]:
    return [
        (DissatisfiedReason.LONG_WAIT, tr("I waited too long")),
        (DissatisfiedReason.SLOW_SERVICE, tr("The service took too long")),
        (DissatisfiedReason.ATTITUDE, tr("The clerk's manner")),
        (DissatisfiedReason.NOT_SOLVED, tr("My problem is not solved")),
        (DissatisfiedReason.UNCLEAR, tr("Fees or terms not explained clearly")),
        (DissatisfiedReason.OTHER, tr("Another reason")),
    ]


# The form as the customer reads it at arm's length: terms as large as the rest.
FORM_STYLE = (
    "<style>p, td { font-size: 22px; } p.terms { font-size: 21px; color: #323f4b; }</style>"
)


PHOTO_SIZE = QSize(96, 120)


def silhouette(size: QSize) -> QPixmap:
    """The neutral figure shown for a clerk without a photo."""
    picture = QPixmap(size)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    QSvgRenderer(str(icon_file("clerk"))).render(painter)
    painter.end()
    return picture


def _big_button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setMinimumHeight(64)
    return button


def _page(title: str, body: QWidget, buttons: list[QPushButton]) -> QWidget:
    """A step of the customer's way: a heading, the body, a row of buttons, the last (the
    way forward) twice as wide."""
    page = QWidget()
    heading = QLabel(title)
    heading.setObjectName("customerTitle")
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button, 2 if button is buttons[-1] else 1)
    layout = QVBoxLayout(page)
    layout.addWidget(heading)
    layout.addWidget(body, 1)
    layout.addLayout(row)
    return page


class CustomerWindow(QWidget):
    """One customer at a time: present(ticket) → form → sign or decline → rate → done."""

    done = Signal(str)  # the ticket code, once the customer has finished with the screen
    moved = Signal(str, str)  # the ticket code and its step: form, sign, decline, rating, reason

    def __init__(
        self,
        store: Store | None,
        hall_code: str | None,
        counter: int,
        *,
        language: str = "zh",
        rating_timeout_s: int = 20,
        clock: Clock | None = None,
        failures: FailureNotices | None = None,
        source: CustomerSource | None = None,
    ) -> None:
        """On the store (`store`) or on the hall server (`source`, no store)."""
        super().__init__()
        self.setObjectName("customerWindow")
        self.counter = counter
        self.language, self.rating_timeout_s = language, rating_timeout_s
        if source is None:
            assert store is not None, "a customer screen reads a store or the hall server"
            clock = clock or clock_for(store)
            failures = failures or FailureNotices(store, self)
            source = StoreCustomer(store, hall_code, counter, clock, failures)
        self.source = source
        self.ticket: str | None = None
        self.next_up: list[str] = []  # finished meanwhile, waiting for the screen
        self.sending = False  # a signature, a decline or a rating not yet answered
        self.setWindowTitle(tr("Counter %1 — for the customer").replace("%1", str(counter)))
        self.pages = QStackedWidget()
        self.welcome = QLabel(tr("Welcome"))
        self.welcome.setObjectName("customerWelcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._sign_page())
        self.pages.addWidget(self._decline_page())
        self.pages.addWidget(self._rating_page())
        self.pages.addWidget(self._reason_page())
        self.pages.currentChanged.connect(self._page_shown)
        self.clerk = QLabel()
        self.clerk.setObjectName("clerkBadge")
        self.clerk.setWordWrap(True)
        self.photo = QLabel()
        self.photo.setObjectName("clerkPhoto")
        self.photo.setFixedSize(PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.hide()
        self.photo_of = ""  # whose photo (or silhouette) is shown
        self.message = QLabel()
        self.message.setObjectName("customerMessage")
        self.message.setWordWrap(True)
        badge = QHBoxLayout()
        badge.addWidget(self.photo)
        badge.addWidget(self.clerk, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(badge)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._tick)
        self.seconds_left = 0
        self.resize(900, 720)

    # ----- pages -----

    def _form_page(self) -> QWidget:
        self.form_view = QTextBrowser()
        self.form_view.setObjectName("formView")
        self.confirm_button = _big_button(tr("Confirm and sign"), "confirmButton")
        self.confirm_button.clicked.connect(self._confirmed)
        self.decline_button = _big_button(tr("Decline to sign"), "declineButton")
        self.decline_button.clicked.connect(lambda: self.pages.setCurrentIndex(DECLINE))
        return _page(
            tr("Please read your service form"),
            self.form_view,
            [self.decline_button, self.confirm_button],
        )

    def _sign_page(self) -> QWidget:
        self.pad = SignaturePad()
        self.clear_button = _big_button(tr("Clear"), "clearButton")
        self.clear_button.clicked.connect(self.pad.clear)
        self.submit_button = _big_button(tr("Submit signature"), "submitButton")
        self.submit_button.setEnabled(False)
        self.submit_button.clicked.connect(self._signed)
        self.pad.changed.connect(lambda: self.submit_button.setEnabled(not self.pad.empty))
        back = _big_button(tr("Decline to sign"), "declineButton")
        back.clicked.connect(lambda: self.pages.setCurrentIndex(DECLINE))
        return _page(
            tr("Please sign in the box below"),
            self.pad,
            [back, self.clear_button, self.submit_button],
        )

    def _decline_page(self) -> QWidget:
        self.reason = QComboBox()
        self.reason.setObjectName("declineReason")
        self.reason.setEditable(True)
        self.reason.addItems(decline_reasons())
        back = _big_button(tr("Back to the form"), "backButton")
        back.clicked.connect(lambda: self.pages.setCurrentIndex(FORM))
        self.decline_confirm = _big_button(tr("Decline"), "declineConfirm")
        self.decline_confirm.clicked.connect(self._declined)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.reason)
        column.addStretch(1)
        return _page(tr("Why do you decline to sign?"), body, [back, self.decline_confirm])

    def _rating_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(tr("How was our service today?"))
        title.setObjectName("customerTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rating_buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for rating, text in (
            (Satisfaction.SATISFIED, tr("Satisfied")),
            (Satisfaction.NEUTRAL, tr("Neutral")),
            (Satisfaction.DISSATISFIED, tr("Dissatisfied")),
        ):
            button = _big_button(text, f"rate_{rating}")
            button.setMinimumHeight(140)
            button.clicked.connect(lambda _=False, given=rating: self._rated(given, None))
            self.rating_buttons[rating] = button
            row.addWidget(button)
        self.countdown_label = QLabel()
        self.countdown_label.setObjectName("countdown")
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.countdown_label)
        layout.addStretch(1)
        return page

    def _reason_page(self) -> QWidget:
        """After 不满意: one tap on the reason rates; none given by the end of the countdown,
        the rating stands without one."""
        page = QWidget()
        title = QLabel(tr("Sorry. What went wrong?"))
        title.setObjectName("customerTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        self.reason_buttons: dict[str, QPushButton] = {}
        for place, (reason, text) in enumerate(dissatisfied_reasons()):
            button = _big_button(text, f"reason_{reason}")
            button.setMinimumHeight(96)
            button.clicked.connect(lambda _=False, given=reason: self._rated_dissatisfied(given))
            self.reason_buttons[reason] = button
            grid.addWidget(button, place // 2, place % 2)
        self.reason_countdown = QLabel()
        self.reason_countdown.setObjectName("countdown")
        self.reason_countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addLayout(grid, 1)
        layout.addWidget(self.reason_countdown)
        return page

    # ----- the flow -----

    def serve_by(self, name: str, staff_id: str) -> None:
        """The clerk at the counter, named and pictured on every page ("" when no one is
        signed in): their photo from the hall definition, else a neutral silhouette."""
        self.clerk.setText(
            tr("Your clerk: %1   Staff number: %2").replace("%1", name).replace("%2", staff_id)
            if staff_id
            else ""
        )
        self.photo.setVisible(bool(staff_id))
        if staff_id and staff_id != self.photo_of:
            self.photo_of = staff_id
            self._show_photo(staff_id, None)
            self.source.photo(staff_id, self._show_photo)
        elif not staff_id:
            self.photo_of = ""

    def _show_photo(self, staff_id: str, data: bytes | None) -> None:
        """The clerk's photo, scaled to the badge; the silhouette without one (or when it
        does not read as an image)."""
        if staff_id != self.photo_of:
            return  # an answer for the clerk before
        picture = QPixmap()
        if data is None or not picture.loadFromData(data):
            picture = silhouette(PHOTO_SIZE)
        self.photo.setPixmap(
            picture.scaled(
                PHOTO_SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.photo.setToolTip("" if data is None else self.clerk.text())

    def _page_shown(self, page: int) -> None:
        if self.ticket is not None and page in STEPS:
            self.moved.emit(self.ticket, STEPS[page])

    def present(self, ticket: str) -> None:
        """Show the finished ticket's service form for the customer to confirm; while the
        screen is still with the customer before, the ticket waits its turn."""
        if self.ticket is not None:
            self.next_up.append(ticket)
            return
        self.ticket = ticket
        self.form_view.clear()
        self.source.preview(ticket, self._show_form, self.form_view.setPlainText)
        self.pad.clear()
        self.reason.setCurrentIndex(0)
        self.message.clear()
        self.pages.setCurrentIndex(FORM)

    def _show_form(self, content: FormContent) -> None:
        if content.ticket == self.ticket:  # not a late answer for the customer before
            self.serve_by(content.clerk, content.staff_id)
            self.form_view.setHtml(self.form_html(content))

    def form_html(self, content: FormContent) -> str:
        english = self.language == "en"
        e = html.escape
        parts = [
            f"<h2>{e(content.hall_en if english and content.hall_en else content.hall)}</h2>",
            "<p>"
            + e(
                tr("Counter %1 · Clerk %2 · Ticket %3 · %4")
                .replace("%1", str(content.counter))
                .replace("%2", f"{content.clerk} ({content.staff_id})")
                .replace("%3", content.ticket)
                .replace("%4", f"{content.at:%Y-%m-%d %H:%M}")
            )
            + "</p>",
        ]
        if content.customer:
            parts.append(f"<p>{e(tr('Customer'))}{e(tr(': '))}{e(content.customer)}</p>")
        for business in content.businesses:
            name = business.name_en if english and business.name_en else business.name
            parts.append(f"<h3>{e(name)}</h3><table>")
            for line in business.lines:
                label = line.label_en if english and line.label_en else line.label
                value = (line.value_en if english else line.value_zh) or line.value
                parts.append(
                    f"<tr><td>{e(label)}{e(tr(': '))}&nbsp;</td><td><b>{e(value)}</b></td></tr>"
                )
            parts.append("</table>")
            terms = business.terms_en if english and business.terms_en else business.terms
            if terms:
                parts.append(f"<p class='terms'>{e(tr('Terms'))}{e(tr(': '))}{e(terms)}</p>")
        if content.notes:
            parts.append(f"<p>{e(tr('Notes'))}{e(tr(': '))}{e(content.notes)}</p>")
        return FORM_STYLE + "".join(parts)

    def _confirmed(self) -> None:
        self.pages.setCurrentIndex(SIGN)

    def _signed(self) -> None:
        self._archive(strokes=self.pad.strokes)

    def _declined(self) -> None:
        self._archive(decline_reason=self.reason.currentText())

    def _archive(self, *, strokes: object = None, decline_reason: str = "") -> None:
        ticket = self.ticket
        if ticket is None or self.sending:
            return
        self._sending(True)
        self.source.archive(ticket, strokes, decline_reason, self._archived, self._not_sent)

    def _sending(self, sending: bool) -> None:
        """No second tap while the first is under way: the customer sees it is taken."""
        self.sending = sending
        for button in (
            self.submit_button,
            self.decline_confirm,
            *self.rating_buttons.values(),
            *self.reason_buttons.values(),
        ):
            button.setEnabled(
                not sending and (button is not self.submit_button or not self.pad.empty)
            )

    def _archived(self) -> None:
        self._sending(False)
        self.message.clear()
        self.ask_rating()

    def _not_sent(self, reason: str) -> None:
        """The customer signs (or declines, or rates) again."""
        self._sending(False)
        self.message.setText(reason)

    def ask_rating(self) -> None:
        self.seconds_left = self.rating_timeout_s
        self._show_countdown()
        self.pages.setCurrentIndex(RATING)
        self.countdown.start()

    def _tick(self) -> None:
        if self.sending:
            return  # a rating under way is not cut short by the countdown
        self.seconds_left -= 1
        if self.seconds_left > 0:
            self._show_countdown()
        elif self.pages.currentIndex() == REASON and self.seconds_left == 0:
            # 不满意 stands without a reason; sent once: if refused, the screen ends next
            self._rated(Satisfaction.DISSATISFIED, None)
        else:
            self._finish_with(tr("Thank you!"))

    def _show_countdown(self) -> None:
        left = tr("This screen closes in %1 s").replace("%1", str(self.seconds_left))
        self.countdown_label.setText(left)
        self.reason_countdown.setText(left)

    def _rated(self, rating: str, reason: str | None) -> None:
        if self.sending or self.ticket is None:
            return
        if rating == Satisfaction.DISSATISFIED and self.pages.currentIndex() == RATING:
            self.seconds_left = self.rating_timeout_s  # time to read the reasons
            self._show_countdown()
            self.pages.setCurrentIndex(REASON)
            return
        self._sending(True)
        self.source.rate(self.ticket, rating, reason, self._rating_taken, self._not_sent)

    def _rated_dissatisfied(self, reason: str) -> None:
        self._rated(Satisfaction.DISSATISFIED, reason)

    def _rating_taken(self) -> None:
        self._sending(False)
        self.message.clear()
        self._finish_with(tr("Thank you for your rating!"))

    def _finish_with(self, thanks: str) -> None:
        self.countdown.stop()
        ticket, self.ticket = self.ticket, None
        self.welcome.setText(thanks)
        self.pages.setCurrentIndex(WELCOME)
        self.done.emit(ticket or "")
        if self.next_up:
            self.present(self.next_up.pop(0))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.countdown.stop()
        super().closeEvent(event)
