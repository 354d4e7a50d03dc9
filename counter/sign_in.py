"""The staff programs' sign-in form: staff ID and PIN, Enter from the one to the other and
then to sign in, one sign-in at a time, and a refusal shown with the PIN asked again. The
workstation, the shift lead's monitor and the administrator's window each show one, with
their own title; what a signed-in person may open is the program's to decide."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

STAFF_ID_LONGEST = 20  # as the store keeps a staff id
PIN_LONGEST = 8

# staff id (trimmed) and PIN, as typed
Submit = Callable[[str, str], None]


def tr(text: str) -> str:
    return QCoreApplication.translate("SignInForm", text)


class SignInForm(QWidget):
    def __init__(self, title: str, submit: Submit, *, note: str = "", width: int = 460) -> None:
        super().__init__()
        self.setObjectName("signInPage")
        self._submit = submit
        self.waiting = False  # a sign-in sent and not yet answered
        heading = QLabel(title)
        heading.setObjectName("signInTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.staff = QLineEdit()
        self.staff.setObjectName("staffId")
        self.staff.setMaxLength(STAFF_ID_LONGEST)
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_LONGEST)
        self.staff.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.send)
        self.button = QPushButton(tr("Sign in"))
        self.button.setObjectName("signInButton")
        self.button.clicked.connect(self.send)
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Staff ID"), self.staff)
        form.addRow(tr("PIN"), self.pin)
        box = QFrame()
        box.setObjectName("signInBox")
        box.setFixedWidth(width)
        inner = QVBoxLayout(box)
        inner.addWidget(heading)
        if note:
            said = QLabel(note)
            said.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(said)
        inner.addLayout(form)
        inner.addWidget(self.button)
        inner.addWidget(self.message)
        # Centred by stretches, not by the item's alignment: an aligned item keeps the height
        # it had, and a refusal wrapped onto a second line would squeeze the fields.
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(box)
        middle.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(middle)
        layout.addStretch(2)

    def send(self) -> None:
        """Sign in with what is typed, unless a sign-in is already on its way."""
        if self.waiting:
            return
        self.waiting = True
        self.button.setEnabled(False)
        self.message.setText(tr("Signing in…"))
        self._submit(self.staff.text().strip(), self.pin.text())

    def opened(self) -> None:
        """Signed in: nothing typed stays behind for the next person."""
        self.waiting = False
        self.button.setEnabled(True)
        self.message.clear()
        self.pin.clear()

    def refused(self, reason: str) -> None:
        """Not signed in (or signed out by the hall): why, and the PIN asked again."""
        self.waiting = False
        self.button.setEnabled(True)
        self.message.setText(reason)
        self.pin.clear()
        self.pin.setFocus()
