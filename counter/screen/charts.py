"""The monitor's charts, drawn with QPainter: grouped bars, and a step line over the day.

Drawn natively rather than with Qt Charts: three simple charts do not justify a second
large Qt package, and the day report draws the same series with reportlab.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

COLOURS = ("#1f6fb2", "#e08a1e", "#3a9a5b", "#c0392b", "#7d5ba6")
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 40, 12, 44, 30


def nice_top(largest: float) -> tuple[float, float]:
    """An axis top at or above `largest`, and a round step that divides it into 4-5 parts."""
    if largest <= 0:
        return 4.0, 1.0
    step = 10 ** math.floor(math.log10(largest / 4))
    for factor in (1, 2, 5, 10):
        if largest / (step * factor) <= 5:
            step *= factor
            break
    return math.ceil(largest / step) * step, step


class Chart(QWidget):
    """A title, a value axis with grid lines and a legend; subclasses draw the data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.title = ""
        self.names: list[str] = []

    def plot_area(self) -> QRectF:
        return QRectF(
            MARGIN_LEFT,
            MARGIN_TOP,
            self.width() - MARGIN_LEFT - MARGIN_RIGHT,
            self.height() - MARGIN_TOP - MARGIN_BOTTOM,
        )

    def largest(self) -> float:
        raise NotImplementedError

    def draw_data(self, painter: QPainter, area: QRectF, top: float) -> None:
        raise NotImplementedError

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QColor("#222"))
        painter.drawText(
            QRectF(8, 4, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft, self.title
        )
        self._draw_legend(painter)
        area = self.plot_area()
        top, step = nice_top(self.largest())
        painter.setPen(QPen(QColor("#dde3ea"), 1))
        small = painter.font()
        small.setPointSizeF(max(small.pointSizeF() * 0.8, 6))
        painter.setFont(small)
        value = 0.0
        while value <= top + step / 2:
            y = area.bottom() - area.height() * value / top
            painter.setPen(QPen(QColor("#dde3ea"), 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(QColor("#555"))
            painter.drawText(
                QRectF(0, y - 8, MARGIN_LEFT - 4, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:g}",
            )
            value += step
        self.draw_data(painter, area, top)
        painter.end()

    def _draw_legend(self, painter: QPainter) -> None:
        x = 8.0
        for index, name in enumerate(self.names):
            painter.fillRect(QRectF(x, 26, 10, 10), QColor(COLOURS[index % len(COLOURS)]))
            width = painter.fontMetrics().horizontalAdvance(name)
            painter.setPen(QColor("#333"))
            painter.drawText(QPointF(x + 14, 36), name)
            x += width + 28


class BarChart(Chart):
    """Bars of one or more series side by side in each category."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.categories: list[str] = []
        self.series: list[list[int]] = []

    def set_data(
        self,
        title: str,
        categories: Sequence[str],
        named_series: Sequence[tuple[str, Sequence[int]]],
    ) -> None:
        self.title = title
        self.categories = list(categories)
        self.names = [name for name, _ in named_series]
        self.series = [list(values) for _, values in named_series]
        self.update()

    def largest(self) -> float:
        return max((max(values, default=0) for values in self.series), default=0)

    def draw_data(self, painter: QPainter, area: QRectF, top: float) -> None:
        if not self.categories:
            return
        slot = area.width() / len(self.categories)
        bar = slot * 0.8 / max(len(self.series), 1)
        label_every = max(1, math.ceil(len(self.categories) * 40 / max(area.width(), 1)))
        for position, category in enumerate(self.categories):
            left = area.left() + slot * position + slot * 0.1
            for index, values in enumerate(self.series):
                height = area.height() * values[position] / top
                painter.fillRect(
                    QRectF(left + bar * index, area.bottom() - height, bar * 0.92, height),
                    QColor(COLOURS[index % len(COLOURS)]),
                )
            if position % label_every == 0:
                painter.setPen(QColor("#555"))
                painter.drawText(
                    QRectF(area.left() + slot * position - 10, area.bottom() + 4, slot + 20, 16),
                    Qt.AlignmentFlag.AlignHCenter,
                    category,
                )


class StepChart(Chart):
    """A count over the day that changes in steps (the number waiting)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[dt.datetime, int]] = []

    def set_data(self, title: str, name: str, points: Sequence[tuple[dt.datetime, int]]) -> None:
        self.title, self.names, self.points = title, [name], list(points)
        self.update()

    def largest(self) -> float:
        return max((count for _, count in self.points), default=0)

    def draw_data(self, painter: QPainter, area: QRectF, top: float) -> None:
        if not self.points:
            return
        first = self.points[0][0].replace(minute=0, second=0, microsecond=0)
        last = self.points[-1][0].replace(minute=0, second=0, microsecond=0)
        hours = max(int((last - first).total_seconds() // 3600) + 1, 1)

        def x_of(at: dt.datetime) -> float:
            return area.left() + area.width() * (at - first).total_seconds() / (hours * 3600)

        painter.setPen(QColor("#555"))
        for hour in range(hours + 1):
            x = area.left() + area.width() * hour / hours
            label = (first + dt.timedelta(hours=hour)).strftime("%H:00")
            painter.drawText(
                QRectF(x - 24, area.bottom() + 4, 48, 16), Qt.AlignmentFlag.AlignHCenter, label
            )
        painter.setPen(QPen(QColor(COLOURS[0]), 1.6))
        previous = QPointF(x_of(self.points[0][0]), area.bottom())
        for at, count in self.points:
            x, y = x_of(at), area.bottom() - area.height() * count / top
            painter.drawLine(previous, QPointF(x, previous.y()))
            painter.drawLine(QPointF(x, previous.y()), QPointF(x, y))
            previous = QPointF(x, y)
