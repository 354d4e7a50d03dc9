"""The signature pad keeps a pen's pressure from Qt's tablet events, point by point."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication

from counter.app import make_application
from counter.customer.signature_pad import SignaturePad

PEN = QPointingDevice(
    "test pen",
    1,
    QInputDevice.DeviceType.Stylus,
    QPointingDevice.PointerType.Pen,
    QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
    1,
    3,
)


def pen(pad: SignaturePad, kind: QEvent.Type, x: float, y: float, pressure: float) -> None:
    at = QPointF(x, y)
    buttons = (
        Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else Qt.MouseButton.LeftButton
    )
    event = QTabletEvent(
        kind, PEN, at, pad.mapToGlobal(at), pressure, 0.0, 0.0, 0.0, 0.0, 0.0,
        Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, buttons,
    )  # fmt: skip
    QApplication.sendEvent(pad, event)


def test_a_pen_stroke_keeps_each_points_pressure_and_time(qtbot):
    make_application([], "en")
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.show()
    with qtbot.waitSignal(pad.changed):
        pen(pad, QEvent.Type.TabletPress, 20, 30, 0.25)
        pen(pad, QEvent.Type.TabletMove, 60, 50, 0.5)
        qtbot.wait(20)
        pen(pad, QEvent.Type.TabletMove, 90, 40, 0.875)
        pen(pad, QEvent.Type.TabletRelease, 90, 40, 0.0)
    ((first, second, third),) = pad.strokes
    assert [point[:2] for point in (first, second, third)] == [[20, 30], [60, 50], [90, 40]]
    assert [point[3] for point in (first, second, third)] == [0.25, 0.5, 0.875]
    assert first[2] == 0 and third[2] >= second[2] + 15  # milliseconds since the pen went down
    pad.clear()
    assert pad.empty
