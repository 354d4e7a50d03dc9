"""What waits for the counter, beside the work: the hall's crowding level, each queue the
counter serves with how many wait and the longest wait, and the waiting tickets in calling
order, from which the clerk may choose one to call (F5) with a reason.

The counts come from the counter's view, re-read on every change the feed reports; the
waits are counted on the hall's clock (the server's, on a client), once a second.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shared.qt import codes
from shared.views.counter import QueueWaiting, WaitingTicket
from shared.vocabulary import CallReason

Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("QueuePanel", text)


def minutes(seconds: float | None) -> str:
    """A time as m:ss, as every screen shows it."""
    if seconds is None:
        return "—"
    whole = max(int(seconds), 0)
    return f"{whole // 60}:{whole % 60:02d}"


def level_name(level: int) -> str:
    """The crowding level in the monitor's words (一级应急, 二级应急)."""
    return {1: tr("Level 1 alert"), 2: tr("Level 2 alert")}.get(level, tr("Normal"))


def call_reasons() -> list[tuple[CallReason, str]]:
    names = codes.names("call_reason")
    return [(reason, names[reason]) for reason in CallReason]


class _Rows(QAbstractTableModel):
    """Frozen rows from the counter's view, with columns made from them; the wait columns
    are counted from `now`, moved on by `tick`."""

    def __init__(self, headers: Sequence[str], cells: Callable[[Any, dt.datetime], list[str]]):
        super().__init__()
        self.headers, self.cells = list(headers), cells
        self.rows: list[Any] = []
        self.now = dt.datetime.min

    def show(self, rows: Sequence[Any], now: dt.datetime) -> None:
        self.beginResetModel()
        self.rows, self.now = list(rows), now
        self.endResetModel()

    def tick(self, now: dt.datetime) -> None:
        self.now = now
        if self.rows:
            last = self.index(len(self.rows) - 1, len(self.headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.DisplayRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(self.rows[index.row()], self.now)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


def _table(model: _Rows, name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


class QueuePanel(QWidget):
    """The level, the queues the counter serves and the tickets it may call."""

    def __init__(self, english: bool, business_name: Callable[[str], str]) -> None:
        super().__init__()
        self.setObjectName("queuePanel")
        self.english, self.business_name = english, business_name
        title = QLabel(tr("Waiting for this counter"))
        title.setObjectName("panelTitle")
        self.level = QLabel()
        self.level.setObjectName("hallLevel")
        self.queues = _Rows(
            [tr("Queue"), tr("Waiting"), tr("Longest wait")],
            lambda row, now: [
                f"{row.letter}  {row.name_en if english and row.name_en else row.name}",
                str(row.waiting),
                minutes((now - row.oldest_since).total_seconds()) if row.oldest_since else "—",
            ],
        )
        self.tickets = _Rows(
            [tr("Ticket"), tr("Business"), tr("Waited")],
            lambda row, now: [
                row.ticket + ("  →" if row.sent_here else ""),
                business_name(row.business),
                minutes((now - row.waiting_since).total_seconds()),
            ],
        )
        self.queue_table = _table(self.queues, "queueTable")
        self.queue_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.queue_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.queue_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.queues.modelReset.connect(self.fit_queues)
        self.ticket_table = _table(self.tickets, "waitingTable")
        hint = QLabel(tr("Choose a ticket, then F5 to call it out of turn"))
        hint.setObjectName("panelHint")
        hint.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(title)
        column.addWidget(self.level)
        column.addWidget(self.queue_table)
        column.addWidget(self.ticket_table, 1)
        column.addWidget(hint)

    def show_waiting(
        self,
        level: int,
        serves: Sequence[QueueWaiting],
        waiting: Sequence[WaitingTicket],
        now: dt.datetime,
    ) -> None:
        self.level.setText(tr("Hall: %1").replace("%1", level_name(level)))
        self.level.setProperty("level", str(level))
        self.level.style().polish(self.level)
        chosen = self.chosen()
        self.queues.show(serves, now)
        self.tickets.show(waiting, now)
        for row, ticket in enumerate(waiting):
            if ticket.ticket == chosen:  # the clerk's choice survives a re-read
                self.ticket_table.selectRow(row)

    def fit_queues(self) -> None:
        """The few queues the counter serves, each in sight, no scrolling."""
        table = self.queue_table
        table.resizeRowsToContents()
        rows = sum(table.rowHeight(row) for row in range(self.queues.rowCount()))
        table.setFixedHeight(rows + table.horizontalHeader().sizeHint().height() + 4)

    def tick(self, now: dt.datetime) -> None:
        self.queues.tick(now)
        self.tickets.tick(now)

    def chosen(self) -> str | None:
        """The ticket the clerk selected in the list, if any."""
        rows = self.ticket_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.tickets.rows):
            return None
        ticket: str = self.tickets.rows[rows[0].row()].ticket
        return ticket
