"""The lost-server strip on the kiosk: laid over the header rather than above it, so the
screens keep the height a full-screen kiosk has (a strip in the layout would push the
footer off the screen). While it shows, nothing the header offers works anyway: every
action needs the server."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from shared.qt.remote import HallLink, ServerBanner


class HeaderStrip(QObject):
    """Keeps the banner over `header`, as wide and as high, whatever the window's size."""

    def __init__(self, link: HallLink, header: QWidget) -> None:
        super().__init__(header)
        frame = header.parentWidget()
        assert frame is not None
        self.header = header
        self.banner = ServerBanner(link, parent=frame)
        header.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show):
            self.banner.setGeometry(self.header.geometry())
            self.banner.raise_()
        return False
