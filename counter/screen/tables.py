"""Table models of the monitor: frozen rows in, display text, sort keys and highlights out."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from counter.workstation.figures_panel import reasons_text
from shared.figures.clerks import ClerkFigures
from shared.figures.shown import MISSING, minutes_seconds, percent

translate = QCoreApplication.translate
SORT_ROLE = Qt.ItemDataRole.UserRole  # the raw value, which the sort proxy compares
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], object]
    text: Callable[[Any], str] = lambda value: MISSING if value is None else str(value)
    shade: Callable[[object], QColor | None] = lambda value: None
    tip: str = ""
    row_shade: Callable[[Any], QColor | None] | None = None  # instead of `shade`, by the row


def seconds(value: object) -> str:
    return minutes_seconds(None if value is None else float(value))  # type: ignore[arg-type]


def share(value: object) -> str:
    return percent(None if value is None else float(value))  # type: ignore[arg-type]


def share_shade(value: object) -> QColor | None:
    """Red at 0 %, amber at half, green at 100 %: how far a share is from the norm at a glance."""
    if value is None:
        return None
    level = min(max(float(value), 0.0), 1.0)  # type: ignore[arg-type]
    return QColor.fromHsvF(level / 3, 0.35, 1.0)


WITHIN_TARGET = QColor("#d7f0dc")
NEAR_TARGET = QColor("#ffe2a8")  # three quarters of the target gone
PAST_TARGET = QColor("#f8c7c3")


def wait_shade(waited_s: float | None, target_s: float) -> QColor | None:
    """A wait against the queue's target: green within three quarters, amber up to the
    target, red past it; no colour when no one waits."""
    if waited_s is None:
        return None
    if waited_s > target_s:
        return PAST_TARGET
    return NEAR_TARGET if waited_s >= 0.75 * target_s else WITHIN_TARGET


def _sort_key(value: object) -> object:
    """None sorts below every number; text sorts as text."""
    if value is None:
        return -math.inf
    return value


class RowsModel(QAbstractTableModel):
    """A table of frozen rows, described by its columns; `set_rows` replaces them all."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> Any:
        return self._rows[number]

    def refresh_column(self, column: int) -> None:
        """Repaint one column whose text depends on the time (no new rows are read)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        value = column.value(self._rows[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(value)
        if role == SORT_ROLE:
            return _sort_key(value)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column.row_shade is not None:
                return column.row_shade(self._rows[index.row()])
            return column.shade(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = isinstance(value, (int, float)) or value is None
            side = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._columns[section].tip or None
        return None


def figure_columns() -> list[Column]:
    """The docs/rules.md figures, in its order; shares against a norm are shaded."""

    def field(name: str) -> Callable[[ClerkFigures], object]:
        return lambda figures: getattr(figures, name)

    norm_tip = translate(
        "Figures", "Share of routine business finished within the three-minute norm"
    )
    return [
        Column(translate("Figures", "Clerk"), field("clerk")),
        Column(translate("Figures", "Name"), field("name")),
        Column(translate("Figures", "Called"), field("called")),
        Column(translate("Figures", "Handled"), field("handled")),
        Column(translate("Figures", "No-shows"), field("no_shows")),
        Column(translate("Figures", "Transfers"), field("transfers")),
        Column(translate("Figures", "Mean wait"), field("avg_wait_s"), seconds),
        Column(translate("Figures", "Mean handling"), field("avg_handle_s"), seconds),
        Column(translate("Figures", "P90 handling"), field("p90_handle_s"), seconds),
        Column(
            translate("Figures", "Within norm"),
            field("routine_within_norm"),
            share,
            share_shade,
            norm_tip,
        ),
        Column(translate("Figures", "Rated"), field("rated")),
        Column(translate("Figures", "Satisfied"), field("satisfied")),
        Column(translate("Figures", "Dissatisfied"), field("dissatisfied")),
        Column(
            translate("Figures", "Satisfaction"), field("satisfaction_rate"), share, share_shade
        ),
        Column(translate("Figures", "Points"), field("satisfaction_points")),
        Column(
            translate("Figures", "Why dissatisfied"),
            field("dissatisfied_reasons"),
            reasons_text,
        ),
        Column(translate("Figures", "Recommended"), field("recommended")),
        Column(translate("Figures", "Accepted"), field("accepted")),
        Column(translate("Figures", "Signed"), field("signed_rate"), share, share_shade),
        Column(translate("Figures", "Busy"), field("utilisation"), share),
    ]
