"""The sign-in page: staff id and PIN. A refusal (wrong PIN, locked id) is shown in the
window's language from its code (shared/qt/refusals.py), with how long a lock lasts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter.workstation.sources import Clerk, Complain

# staff id, PIN, then what to do with the clerk signed in, or with a refusal's one line
SignIn = Callable[[str, str, Callable[[Clerk], None], Complain], None]


def tr(text: str) -> str:
    return QCoreApplication.translate("SignInPage", text)


class SignInPage(QWidget):
    signed_in = Signal(object)  # Clerk

    def __init__(self, sign_in: SignIn, title: str) -> None:
        super().__init__()
        self.setObjectName("signInPage")
        self._sign_in = sign_in
        self.waiting = False  # a sign-in sent to the hall server and not yet answered
        heading = QLabel(title)
        heading.setObjectName("signInTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.staff = QLineEdit()
        self.staff.setObjectName("staffId")
        self.staff.setMaxLength(20)
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.staff.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.submit)
        self.button = QPushButton(tr("Sign in"))
        self.button.setObjectName("signInButton")
        self.button.clicked.connect(self.submit)
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Staff ID"), self.staff)
        form.addRow(tr("PIN"), self.pin)
        box = QWidget()
        box.setObjectName("signInBox")
        box.setFixedWidth(460)
        inner = QVBoxLayout(box)
        inner.addWidget(heading)
        inner.addLayout(form)
        inner.addWidget(self.button)
        inner.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def submit(self) -> None:
        """Sign in; a refusal or a failure is shown and the PIN asked again."""
        if self.waiting:
            return
        self.waiting = True
        self.button.setEnabled(False)
        self._sign_in(self.staff.text(), self.pin.text(), self._opened, self._refused)

    def _opened(self, who: Clerk) -> None:
        self.waiting = False
        self.button.setEnabled(True)
        self.message.clear()
        self.pin.clear()
        self.signed_in.emit(who)

    def _refused(self, message: str) -> None:
        self.waiting = False
        self.button.setEnabled(True)
        self.message.setText(message)
        self.pin.clear()
        self.pin.setFocus()

    def ended(self, message: str) -> None:
        """Back here because the server no longer knows the clerk's session."""
        self._refused(message)
