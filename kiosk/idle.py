"""Back to the start screen after the hall's idle time without a touch, with a countdown
the customer can see, so a half-finished visit never waits for the next customer."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

TOUCHES = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
    QEvent.Type.InputMethod,
}


class IdleWatch(QObject):
    ticked = Signal(int)  # seconds left
    expired = Signal()

    def __init__(self, seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self.left = seconds
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)

    def start(self, seconds: int | None = None) -> None:
        self.seconds = seconds or self.seconds
        self.running = True
        self.restart()
        self.timer.start()

    def stop(self) -> None:
        self.running = False
        self.timer.stop()

    def restart(self) -> None:
        self.left = self.seconds
        self.ticked.emit(self.left)

    def tick(self) -> None:
        if not self.running:
            return
        self.left -= 1
        self.ticked.emit(self.left)
        if self.left <= 0:
            self.stop()
            self.expired.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.running and event.type() in TOUCHES:
            self.restart()
        return False
