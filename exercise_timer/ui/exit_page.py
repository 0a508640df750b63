"""Leaving the kiosk (Ctrl+Shift+Q): a page in the window, never a dialog a visitor could misuse.

It asks for the PIN (the kiosk's, else the clinician's), makes guessers wait (the rules are the
application layer's ``KioskExit``), and gives way by itself when nobody types: the kiosk goes
on exactly as it was. Without any PIN set it only asks to confirm, and says how to set one.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRegularExpression, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from exercise_timer.app.kiosk_exit import KioskExit
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.limits import PIN_DIGITS


class ExitPage(QWidget):
    """The operator's way out of a kiosk; ``left`` once the PIN was right, ``cancelled`` else."""

    left = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget, guard: KioskExit, idle_seconds: float) -> None:
        super().__init__(parent)
        self.setObjectName("exit-page")
        self._guard = guard
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        self.title = QLabel(self)
        self.title.setObjectName("page-title")
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(int(PIN_DIGITS.high))
        self.pin.setValidator(
            QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{PIN_DIGITS.high:.0f}}}"))
        )
        self.pin.returnPressed.connect(self.try_pin)
        self.pin.textEdited.connect(self._restart_idle)
        self.message = QLabel(self)
        self.message.setObjectName("exit-message")
        self.message.setWordWrap(True)
        self.leave_button = QPushButton(self)
        self.leave_button.setDefault(True)
        self.leave_button.clicked.connect(self.try_pin)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.leave_button)
        for widget in (self.title, self.body, self.pin, self.message):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(round(idle_seconds * 1000))
        self._idle.timeout.connect(self.cancel)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_wait)
        self.retranslate()

    def retranslate(self) -> None:
        """Sets every text in the current language."""
        self.title.setText(_("Leave the kiosk"))
        if self._guard.needs_pin:
            self.body.setText(_("Staff only: type the PIN and press Return."))
        else:
            self.body.setText(
                _(
                    "No PIN is set, so anyone can leave the kiosk. Set one with: "
                    "exercise-timer kiosk pin"
                )
            )
        self.pin.setVisible(self._guard.needs_pin)
        self.pin.setAccessibleName(_("PIN"))
        self.leave_button.setText(_("Leave"))
        self.cancel_button.setText(_("Back to the kiosk"))

    def open(self) -> None:
        """Shows the page afresh: an empty PIN, the wait if one runs, the idle count started."""
        self.pin.clear()
        self.message.clear()
        self._show_wait()
        self._restart_idle()
        (self.pin if self._guard.needs_pin else self.leave_button).setFocus()

    def try_pin(self) -> None:
        """Checks the PIN typed (Return or Leave)."""
        self._restart_idle()
        answer = self._guard.try_pin(self.pin.text())
        self.pin.clear()
        if answer.ok:
            self._stop_timers()
            self.left.emit()
            return
        self.message.setText(answer.message)
        self._show_wait()

    def cancel(self) -> None:
        """Back to the kiosk as it was (Esc, the button, or nobody typing for a while)."""
        self._stop_timers()
        self.cancelled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc goes back to the kiosk."""
        if event.text() == "\x1b":
            self.cancel()
            return
        super().keyPressEvent(event)

    def _show_wait(self) -> None:
        wait = self._guard.wait_seconds
        waiting = wait > 0
        self.pin.setEnabled(not waiting)
        self.leave_button.setEnabled(not waiting)
        if waiting:
            seconds = math.ceil(wait)
            self.message.setText(
                ngettext(
                    "Too many wrong PINs: try again in {seconds} second.",
                    "Too many wrong PINs: try again in {seconds} seconds.",
                    seconds,
                ).format(seconds=seconds)
            )
            self._tick.start()
        elif self._tick.isActive():
            self._tick.stop()
            self.message.clear()
            self.pin.setFocus()

    def _restart_idle(self) -> None:
        self._idle.start()

    def _stop_timers(self) -> None:
        self._idle.stop()
        self._tick.stop()
