"""After a symptom stop: leave the exercise out until the clinic is asked, or keep it in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from exercise_timer.app.state import SessionState
from exercise_timer.core.i18n import _
from exercise_timer.ui import words


class CautionRow(QWidget):
    """The caution step: a sentence and two buttons (keys L and K while its page is shown).

    ``left_out`` carries the id of the exercise to leave out; ``kept_in`` keeps it.
    """

    left_out = Signal(str)
    kept_in = Signal()

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.setObjectName("caution-row")
        self._offer: str | None = None
        self._state: SessionState | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.sentence = QLabel(self)
        self.sentence.setObjectName("leave-out")
        self.sentence.setWordWrap(True)
        outer.addWidget(self.sentence)
        row = QHBoxLayout()
        self.leave = QPushButton(self)
        self.leave.setObjectName("leave-out-choice")
        self.leave.clicked.connect(self._leave)
        self.keep = QPushButton(self)
        self.keep.setObjectName("leave-out-choice")
        self.keep.clicked.connect(self.kept_in)
        row.addWidget(self.leave, 3)
        row.addWidget(self.keep, 1)
        outer.addLayout(row)
        for key, button in (("L", self.leave), ("K", self.keep)):
            shortcut = QShortcut(QKeySequence(key), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda b=button: b.isVisible() and b.click())
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        """Sets every text in the current language."""
        if self._state is not None:
            self.show_offer(self._state)
            return
        self.leave.setText(_("Leave it out until I ask my clinic"))
        self.leave.setAccessibleName(self.leave.text())
        self.keep.setText(_("Keep it in"))
        self.keep.setAccessibleName(self.keep.text())

    def show_offer(self, state: SessionState) -> None:
        """Shows the offer after a symptom stop, then what became of it; hidden otherwise."""
        self._offer = state.offer_leave_out
        self._state = state
        exercise = state.routine.exercise(self._offer) if self._offer else None
        self.setVisible(exercise is not None)
        if exercise is None:
            return
        answer = state.leave_out_answer
        self.leave.setVisible(answer is None)
        self.keep.setVisible(answer is None)
        if answer is not None:
            self.sentence.setText(words.leave_out_answer(answer, exercise.name))
            return
        sentence, leave, keep = words.leave_out_offer(exercise.name)
        self.sentence.setText(sentence)
        self.leave.setText(_("L   {words}").format(words=leave))
        self.leave.setAccessibleName(leave)
        self.keep.setText(_("K   {words}").format(words=keep))
        self.keep.setAccessibleName(keep)

    def _leave(self) -> None:
        if self._offer is not None:
            self.left_out.emit(self._offer)
