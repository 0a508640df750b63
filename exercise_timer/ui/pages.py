"""The full-window pages besides the session itself: stop, advice, summary."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exercise_timer.core.effects import StopReason
from exercise_timer.core.i18n import _
from exercise_timer.ui.caution_row import CautionRow
from exercise_timer.ui.pain_row import PainRow
from exercise_timer.ui.words import stop_choices


def _label(text: str, parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class StopPage(QWidget):
    """Asks why the session was stopped: four large choices (keys 1 to 4) and a note.

    For 10 s after Stop it also offers "I pressed Stop by mistake" (key 0).
    """

    chosen = Signal(object, str)
    taken_back = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("stop-page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 30, 60, 30)
        self.title = _label("", self, "page-title")
        layout.addWidget(self.title)
        self.buttons: dict[StopReason, QPushButton] = {}
        for reason, _words in stop_choices():
            button = QPushButton(self)
            button.setObjectName("reason")
            button.clicked.connect(lambda _checked=False, r=reason: self._choose(r))
            layout.addWidget(button)
            self.buttons[reason] = button
        self.mistake = QPushButton(self)
        self.mistake.setObjectName("mistake")
        self.mistake.clicked.connect(self.taken_back)
        layout.addWidget(self.mistake)
        row = QHBoxLayout()
        self.note_label = _label("", self)
        self.note = QLineEdit(self)
        self.note.setMaxLength(500)
        row.addWidget(self.note_label)
        row.addWidget(self.note, 1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        """Sets every text in the current language."""
        self.title.setText(_("Stopped. What made you stop?"))
        for number, (reason, words) in enumerate(stop_choices(), start=1):
            self.buttons[reason].setText(f"{number}   {words}")
            self.buttons[reason].setAccessibleName(words)
        self.mistake.setText(_("0   I pressed Stop by mistake: go on with this repetition"))
        self.mistake.setAccessibleName(_("I pressed Stop by mistake"))
        self.note_label.setText(_("Note (optional):"))
        self.note.setAccessibleName(_("Note about why you stopped"))
        self.note.setPlaceholderText(_("For example: sharp pain in the lower back"))

    def reset(self) -> None:
        """Clears the note for a new stop."""
        self.note.clear()
        self.buttons[StopReason.PAIN].setFocus()

    def leave_note(self) -> None:
        """Esc: the note keeps what was typed, and the focus goes back to the reasons."""
        self.buttons[StopReason.PAIN].setFocus()

    def _choose(self, reason: StopReason) -> None:
        self.chosen.emit(reason, self.note.text().strip())


class EndPage(QWidget):
    """The page a session ends on: a summary, or the advice after a stop."""

    again = Signal()

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        self.title = _label("", self, "page-title")
        self.body = _label("", self, "end-body")
        self.detail = _label("", self, "muted")
        self.caution = CautionRow(self)
        self.pain = PainRow(self)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.again)
        layout.addWidget(self.title)
        layout.addSpacing(16)
        layout.addWidget(self.body)
        layout.addWidget(self.detail)
        layout.addSpacing(16)
        layout.addWidget(self.caution)
        layout.addSpacing(16)
        layout.addWidget(self.pain)
        layout.addStretch(1)
        layout.addWidget(self.button, alignment=Qt.AlignmentFlag.AlignRight)
        self.retranslate()

    def retranslate(self) -> None:
        """Sets the fixed texts in the current language."""
        self.pain.retranslate()
        self.caution.retranslate()
        self.button.setText(_("Back to the start"))
        self.button.setAccessibleName(_("Back to the start"))

    def show_text(self, title: str, body: str, detail: str) -> None:
        """Fills the page."""
        self.title.setText(title)
        self.body.setText(body)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
