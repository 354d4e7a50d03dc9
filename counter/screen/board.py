"""The public calling board: who is called to which counter, the last calls, how many wait
in each queue, and how busy the hall is, in words a customer understands. Readable across
a hall: every size follows the window's height."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QResizeEvent
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
from counter.screen.words import LEVEL_COLOURS, announcement, customer_words
from shared.store.database import EVERYTHING
from shared.views.floor import Board, Call

BOARD_FOLLOWS = frozenset({"tickets", "counters", "level", "settings"})  # what read_board reads
FLASHES = 6  # on-off changes of a new call's card
FLASH_MS = 350
SERVING_COLUMNS = 3


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
        self, name: str, height_share: float, text: str = "", *, elastic: bool = True
    ) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        if elastic:  # width follows the layout's stretch, not the text: a long list of
            # calls must not squeeze the card of the call being made
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._sizes.append((label, height_share))
        self._size(label, height_share)
        return label

    def _build(self) -> None:
        self.hall_name = self._label("hallName", 0.035)
        self.clock_label = self._label("clock", 0.035, elastic=False)
        header = QHBoxLayout()
        header.addWidget(self.hall_name, 1)
        header.addWidget(self.clock_label)

        self.calling_card = named(QFrame(), "callingCard")
        card = QVBoxLayout(self.calling_card)
        self.calling_title = self._label("callingTitle", 0.035, self.tr("Now calling"))
        self.calling_ticket = self._label("callingTicket", 0.17)
        self.calling_counter = self._label("callingCounter", 0.07)
        for label in (self.calling_title, self.calling_ticket, self.calling_counter):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            card.addWidget(label)

        self.serving_title = self._label("sectionTitle", 0.03, self.tr("Being served"))
        self.serving_grid = QGridLayout()
        self.serving_labels: list[QLabel] = []

        left = QVBoxLayout()
        left.addWidget(self.calling_card, 3)
        left.addWidget(self.serving_title)
        left.addLayout(self.serving_grid, 2)

        self.recent_title = self._label("sectionTitle", 0.03, self.tr("Last calls"))
        self.recent_list = self._label("recentList", 0.045)
        self.recent_list.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        right = QVBoxLayout()
        right.addWidget(self.recent_title)
        right.addWidget(self.recent_list, 1)
        recent_panel = named(QFrame(), "recentPanel")
        recent_panel.setLayout(right)

        middle = QHBoxLayout()
        middle.addLayout(left, 3)
        middle.addWidget(recent_panel, 2)

        self.waiting_row = QHBoxLayout()
        self.waiting_labels: list[QLabel] = []
        self.level_banner = self._label("levelBanner", 0.034)
        self.level_banner.setWordWrap(True)
        self.level_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)

        page = QVBoxLayout(self)
        page.addLayout(header)
        page.addLayout(middle, 1)
        page.addLayout(self.waiting_row)
        page.addWidget(self.level_banner)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_sizes()

    def _apply_sizes(self) -> None:
        for label, share in self._sizes:
            self._size(label, share)

    def _size(self, label: QLabel, share: float) -> None:
        font = QFont(label.font())
        font.setPixelSize(max(int(max(self.height(), 300) * share), 10))
        font.setBold(label.objectName() in ("callingTicket", "callingCounter", "waitingCount"))
        label.setFont(font)

    def _replace_labels(
        self,
        labels: list[QLabel],
        texts: list[str],
        name: str,
        share: float,
        place: Callable[[QLabel, int], None],
    ) -> None:
        """Reuse the labels already shown; add (and place) or remove only the difference.
        Labels come and go at the end, so the ones kept never move."""
        while len(labels) > len(texts):
            gone = labels.pop()
            self._sizes = [(label, s) for label, s in self._sizes if label is not gone]
            gone.deleteLater()
        while len(labels) < len(texts):
            label = self._label(name, share)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            place(label, len(labels))
            labels.append(label)
        for label, text in zip(labels, texts, strict=True):
            label.setText(text)

    def _place_serving(self, label: QLabel, position: int) -> None:
        self.serving_grid.addWidget(label, position // SERVING_COLUMNS, position % SERVING_COLUMNS)

    def _place_waiting(self, label: QLabel, position: int) -> None:
        self.waiting_row.addWidget(label, 1)

    # ----- live -----

    def refresh(self, kinds: frozenset[str] = EVERYTHING) -> None:
        """Re-read the board when the tickets, counters or settings it shows changed; while
        the reading fails it shows the last calls it read."""
        if kinds & BOARD_FOLLOWS:
            self.source.read_board(self.present)

    def present(self, board: Board) -> None:
        """Show a board read; announce and flash the calls not seen before."""
        self.board = board
        self._show(board)
        new = self._new_calls(board.calls)
        for call in new:
            self.announcer.announce(announcement(call.ticket, call.counter))
        if new:
            self._start_flash()

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
        latest = board.calls[0] if board.calls else None
        self.calling_ticket.setText(latest.ticket if latest else "—")
        self.calling_counter.setText(self._counter_text(latest.counter) if latest else "")
        self.recent_list.setText(
            "\n".join(
                f"{call.ticket}  →  {self._counter_text(call.counter)}" for call in board.calls[1:]
            )
        )
        serving = [c for c in now.counters if c.ticket]
        self._replace_labels(
            self.serving_labels,
            [f"{c.ticket}  →  {self._counter_text(c.counter)}" for c in serving],
            "servingItem",
            0.034,
            self._place_serving,
        )
        self._replace_labels(
            self.waiting_labels,
            [
                self.tr("%1\n%2 waiting")
                .replace("%1", q.name if self._chinese else q.name_en)
                .replace("%2", str(q.waiting))
                for q in now.queues
            ],
            "waitingCount",
            0.032,
            self._place_waiting,
        )
        if now.level != self._level_shown:
            self._level_shown = now.level
            self.level_banner.setText(customer_words(now.level))
            self.level_banner.setStyleSheet(f"background: {LEVEL_COLOURS[now.level]};")

    def _show_time(self) -> None:
        self.clock_label.setText(self._clock.now().strftime("%H:%M"))

    # ----- the flash of a new call -----

    def _start_flash(self) -> None:
        self._flashes_left = FLASHES
        self._flash.start()
        self._flash_step()

    def _flash_step(self) -> None:
        lit = self._flashes_left % 2 == 0 and self._flashes_left > 0
        self.calling_card.setProperty("flash", lit)
        repolish(self.calling_card)
        self._flashes_left -= 1
        if self._flashes_left < 0:
            self._flash.stop()
            self.calling_card.setProperty("flash", False)
            repolish(self.calling_card)

    @property
    def flashing(self) -> bool:
        return self._flash.isActive()
