"""The signature pad: a pen, a finger or a mouse draws; every point is kept with its time
and pressure, as the archived form needs them.

Qt delivers a pen as tablet events (with pressure), a finger as touch events and a mouse as
mouse events; a tablet or touch event that is accepted is not repeated as a mouse event.
"""

from __future__ import annotations

import itertools
import time
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

MOUSE_PRESSURE = 0.5  # a mouse has no pressure: drawn as a medium pen
BASELINE = 0.62  # where the signing line runs, as a share of the pad's height: people sign
# on a line in the middle of a box, not at its foot
_TOUCH = (
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
)


class SignaturePad(QWidget):
    """Collects strokes as lists of [x, y, milliseconds since the first touch, pressure]."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(480, 220)
        self.strokes: list[list[list[float]]] = []
        self._started: float | None = None
        self._drawing = False

    def clear(self) -> None:
        self.strokes, self._started, self._drawing = [], None, False
        self.update()
        self.changed.emit()

    @property
    def empty(self) -> bool:
        return not self.strokes

    # ----- collecting points -----

    def _ms(self) -> float:
        now = time.monotonic()
        if self._started is None:
            self._started = now
        return round((now - self._started) * 1000, 1)

    def _begin(self, at: QPointF, pressure: float) -> None:
        self._drawing = True
        self.strokes.append([])
        self._add(at, pressure)

    def _add(self, at: QPointF, pressure: float) -> None:
        if not self._drawing:
            return
        point = [
            round(at.x(), 1),
            round(at.y(), 1),
            self._ms(),
            round(min(max(pressure, 0.0), 1.0), 3),
        ]
        self.strokes[-1].append(point)
        self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position(), event.pressure())
        elif kind == QTabletEvent.Type.TabletMove:
            self._add(event.position(), event.pressure())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def _on_touch(self, event: QTouchEvent) -> None:
        points = event.points()
        if not points:
            return
        point = points[0]
        pressure = point.pressure() or MOUSE_PRESSURE
        if event.type() == QTouchEvent.Type.TouchBegin:
            self._begin(point.position(), pressure)
        elif event.type() == QTouchEvent.Type.TouchUpdate:
            self._add(point.position(), pressure)
        else:
            self._end()
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() in _TOUCH:
            self._on_touch(cast(QTouchEvent, event))  # a touch event, by its type
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), MOUSE_PRESSURE)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._add(event.position(), MOUSE_PRESSURE)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._end()

    # ----- drawing -----

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        baseline = int(self.height() * BASELINE)
        guide = QColor("#52606d")
        painter.setPen(QPen(guide, 2, Qt.PenStyle.DashLine))
        painter.drawLine(24, baseline, self.width() - 24, baseline)
        if not self.strokes:  # the mark that says where, until the customer signs
            font = QFont(self.font())
            font.setPixelSize(28)
            painter.setFont(font)
            painter.drawText(
                QRectF(28, baseline - 48, self.width() - 56, 40),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                "✕  " + QCoreApplication.translate("SignaturePad", "Sign here"),
            )
        for stroke in self.strokes:
            for start, end in itertools.pairwise([stroke[0], *stroke]):
                pen = QPen(Qt.GlobalColor.black, 1.5 + 4 * end[3])
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(pen)
                painter.drawLine(QPointF(start[0], start[1]), QPointF(end[0], end[1]))
        painter.end()
