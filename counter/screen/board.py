"""The public calling board, read from across the hall: the calls being made now (several
at once when counters call together), the last calls, the expected wait per queue, the
missed numbers (过号), the counters paused or closed, the shift lead's notice, and how busy
the hall is in words a customer understands.

Every text is at least `LEAST_SHARE` of the window's height (5 %: readable from about ten
metres on a 1080-line screen) and every colour pair of the style sheet is at least 4.5:1."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter.screen import named
from counter.screen.announcer import Announcer
from counter.screen.sources import ScreenSource
from counter.screen.words import (
    LEVEL_COLOURS,
    announcement,
    customer_words,
    expected_wait,
)
from shared.store.database import EVERYTHING
from shared.views.floor import Board, Call
from shared.vocabulary import CounterState

# What read_board reads.
BOARD_FOLLOWS = frozenset({"tickets", "counters", "level", "settings", "notices"})
LEAST_SHARE = 0.05  # of the screen's height: the smallest text on the board
CALLING_CARDS = 3  # calls shown as "now calling" at once
EARLIER_SHOWN = 3  # earlier calls on the line below the cards
FLASHES = 6  # on-off changes of a new call's card
FLASH_MS = 350


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class CallingBoard(QWidget):
    """Re-reads the board from its source (the store or the hall server) when the feed
    reports a change; announces each call it has not seen."""

    def __init__(
        self,
        source: ScreenSource,
        announcer: Announcer,
        language: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("board")
        self._chinese = language == "zh"  # the hall's own names follow the board's language
        self.setWindowTitle(self.tr("Calling board"))
        self.source, self._clock = source, source.clock
        self.announcer = announcer
        self._level_shown: int | None = None
        self._last_event: int | None = None  # the newest call shown; None before the first read
        self._flashing: set[QFrame] = set()
        self._flashes_left = 0
        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._flash_step)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._show_time)
        self._tick.start(1000)
        self._sizes: list[tuple[QLabel, float]] = []
        self._build()
        self.board: Board | None = None

    # ----- layout -----

    def _label(
        self,
        name: str,
        share: float = LEAST_SHARE,
        text: str = "",
        *,
        bold: bool = False,
        elastic: bool = True,
    ) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setProperty("bold", bold)
        if elastic:  # width follows the layout's stretch, not the text: a long list of
            # calls must not squeeze the card of the call being made
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._sizes.append((label, max(share, LEAST_SHARE)))
        self._size(label, max(share, LEAST_SHARE))
        return label

    def _build(self) -> None:
        self.hall_name = self._label("hallName")
        self.clock_label = self._label("clock", elastic=False)
        header = QHBoxLayout()
        header.addWidget(self.hall_name, 1)
        header.addWidget(self.clock_label)

        self.notice_line = self._label("noticeLine", bold=True)
        self.notice_line.hide()

        self.calling_title = self._label("sectionTitle", text=self.tr("Now calling"))
        cards = QHBoxLayout()
        self.cards: list[QFrame] = []
        self.card_tickets: list[QLabel] = []
        self.card_counters: list[QLabel] = []
        for _ in range(CALLING_CARDS):
            card = named(QFrame(), "callingCard")
            inside = QVBoxLayout(card)
            ticket = self._label("callingTicket", 0.12, bold=True)
            counter = self._label("callingCounter", 0.06, bold=True)
            for label in (ticket, counter):
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                inside.addWidget(label)
            cards.addWidget(card, 1)
            self.cards.append(card)
            self.card_tickets.append(ticket)
            self.card_counters.append(counter)

        self.earlier_line = self._label("earlierLine")
        self.missed_line = self._label("missedLine")
        self.counters_line = self._label("countersLine")

        left = QVBoxLayout()
        left.addWidget(self.calling_title)
        left.addLayout(cards, 1)
        for line in (self.earlier_line, self.missed_line, self.counters_line):
            left.addWidget(line)

        self.waits_title = self._label("sectionTitle", text=self.tr("Waiting now"))
        self.waits_grid = QGridLayout()
        self.waits_grid.setHorizontalSpacing(32)
        self.wait_rows: list[tuple[QLabel, QLabel, QLabel]] = []
        waits = QVBoxLayout()
        waits.addWidget(self.waits_title)
        waits.addLayout(self.waits_grid)
        waits.addStretch(1)
        waits_panel = named(QFrame(), "waitsPanel")
        waits_panel.setLayout(waits)

        middle = QHBoxLayout()
        middle.addLayout(left, 3)
        middle.addWidget(waits_panel, 2)

        self.level_banner = self._label("levelBanner")
        self.level_banner.setWordWrap(True)
        self.level_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)

        page = self.page = QVBoxLayout(self)
        page.addLayout(header)
        page.addWidget(self.notice_line)
        page.addLayout(middle, 1)
        page.addWidget(self.level_banner)

    def add_strip(self, strip: QLabel) -> None:
        """A strip across the top (the lost server's), as large as the board's texts: the
        hall sees why the calls stopped moving."""
        self._sizes.append((strip, LEAST_SHARE))
        self._size(strip, LEAST_SHARE)
        self.page.insertWidget(0, strip)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.announcer.close()
        super().closeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for label, share in self._sizes:
            self._size(label, share)

    def _size(self, label: QLabel, share: float) -> None:
        font = QFont(label.font())
        font.setPixelSize(max(int(max(self.height(), 300) * share), 10))
        font.setBold(bool(label.property("bold")))
        label.setFont(font)

    def _wait_row(self, row: int) -> tuple[QLabel, QLabel, QLabel]:
        """The row of one queue in the waiting panel: its name, how many wait, how long."""
        while len(self.wait_rows) <= row:
            cells = (
                self._label("waitName", elastic=False),
                self._label("waitCount", bold=True, elastic=False),
                self._label("waitTime", elastic=False),
            )
            for column, cell in enumerate(cells):
                side = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
                cell.setAlignment(side | Qt.AlignmentFlag.AlignVCenter)
                self.waits_grid.addWidget(cell, len(self.wait_rows), column)
            self.wait_rows.append(cells)
        return self.wait_rows[row]

    # ----- live -----

    def refresh(self, kinds: frozenset[str] = EVERYTHING) -> None:
        """Re-read the board when the tickets, counters, settings or notice it shows
        changed; while the reading fails it shows the last calls it read."""
        if kinds & BOARD_FOLLOWS:
            self.source.read_board(self.present)

    def present(self, board: Board) -> None:
        """Show a board read; announce the calls not seen before and flash their cards."""
        self.board = board
        self._show(board)
        new = self._new_calls(board.calls)
        for call in new:
            self.announcer.announce(announcement(call.ticket, call.counter))
        fresh = {call.event_id for call in new}
        lit = {
            card
            for card, call in zip(self.cards, board.calling, strict=False)
            if call.event_id in fresh
        }
        if lit:
            self._start_flash(lit)

    def _new_calls(self, calls: list[Call]) -> list[Call]:
        """Calls newer than the last one seen, oldest first; none on the first read."""
        newest = calls[0].event_id if calls else 0
        seen, self._last_event = self._last_event, max(newest, self._last_event or 0)
        if seen is None:
            return []
        return [call for call in reversed(calls) if call.event_id > seen]

    def _counter_text(self, counter: int) -> str:
        return self.tr("Counter %1").replace("%1", str(counter))

    def _show(self, board: Board) -> None:
        now = board.now
        self.hall_name.setText(now.name if self._chinese else now.name_en)
        self._show_time()
        self.notice_line.setText(board.notice)
        self.notice_line.setVisible(bool(board.notice))
        calling = board.calling[:CALLING_CARDS]
        for number, card in enumerate(self.cards):
            call = calling[number] if number < len(calling) else None
            self.card_tickets[number].setText(call.ticket if call else "—" if number == 0 else "")
            self.card_counters[number].setText(self._counter_text(call.counter) if call else "")
            card.setVisible(number == 0 or call is not None)
        self.earlier_line.setText(
            self.tr("Earlier: %1").replace(
                "%1",
                "  ".join(
                    self.tr("%1 → %2", "an earlier call: ticket → counter number")
                    .replace("%1", call.ticket)
                    .replace("%2", str(call.counter))
                    for call in board.earlier[:EARLIER_SHOWN]
                )
                or "—",
            )
        )
        self.missed_line.setText(
            self.tr("Missed: %1").replace("%1", "  ".join(board.missed) or "—")
        )
        self.counters_line.setText(self._counters_text(board))
        self._show_waits(board)
        if now.level != self._level_shown:
            self._level_shown = now.level
            self.level_banner.setText(customer_words(now.level))
            self.level_banner.setStyleSheet(f"background: {LEVEL_COLOURS[now.level]};")

    def _counters_text(self, board: Board) -> str:
        def numbers(state: CounterState) -> str:
            found = [str(c.counter) for c in board.now.counters if c.state == state]
            return " ".join(found) or "—"

        return (
            self.tr("Paused: %1 · Closed: %2", "counter numbers")
            .replace("%1", numbers(CounterState.PAUSED))
            .replace("%2", numbers(CounterState.CLOSED))
        )

    def _show_waits(self, board: Board) -> None:
        expected = {wait.queue: wait.expected_s for wait in board.waits}
        queues = board.now.queues
        for row, queue in enumerate(queues):
            name, count, time = self._wait_row(row)
            name.setText(queue.name if self._chinese else queue.name_en)
            count.setText(self.tr("%1 waiting").replace("%1", str(queue.waiting)))
            time.setText(expected_wait(expected.get(queue.queue)))
        for row, cells in enumerate(self.wait_rows):
            for cell in cells:
                cell.setVisible(row < len(queues))

    def _show_time(self) -> None:
        self.clock_label.setText(self._clock.now().strftime("%H:%M"))

    # ----- the flash of a new call -----

    def _start_flash(self, cards: set[QFrame]) -> None:
        self._light(False)
        self._flashing = cards
        self._flashes_left = FLASHES
        self._flash.start()
        self._flash_step()

    def _light(self, lit: bool) -> None:
        for card in self._flashing:
            card.setProperty("flash", lit)
            repolish(card)
            for label in card.findChildren(QLabel):
                repolish(label)

    def _flash_step(self) -> None:
        self._light(self._flashes_left % 2 == 0 and self._flashes_left > 0)
        self._flashes_left -= 1
        if self._flashes_left < 0:
            self._flash.stop()
            self._light(False)

    @property
    def flashing(self) -> bool:
        return self._flash.isActive()
