"""After a session: "How much pain do you feel now?", 0 to 10 in one click or key, or Skip."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from exercise_timer.core.i18n import _
from exercise_timer.core.limits import PAIN_RATING

RATINGS = range(int(PAIN_RATING.low), int(PAIN_RATING.high) + 1)


class PainRow(QWidget):
    """Eleven buttons 0-10 and Skip; ``rated`` carries the number, or None for Skip."""

    rated = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pain-row")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.question = QLabel(self)
        self.question.setObjectName("pain-question")
        self.question.setWordWrap(True)
        outer.addWidget(self.question)
        row = QHBoxLayout()
        self.buttons: dict[int, QPushButton] = {}
        for rating in RATINGS:
            button = QPushButton(str(rating), self)
            button.setObjectName("pain")
            button.clicked.connect(lambda _checked=False, r=rating: self.rated.emit(r))
            row.addWidget(button)
            self.buttons[rating] = button
        row.addSpacing(12)
        self.skip = QPushButton(self)
        self.skip.clicked.connect(lambda: self.rated.emit(None))
        row.addWidget(self.skip)
        outer.addLayout(row)
        self.thanks = QLabel(self)
        self.thanks.setObjectName("muted")
        outer.addWidget(self.thanks)
        self.retranslate()

    def retranslate(self) -> None:
        """Sets every text in the current language."""
        self.question.setText(
            _(
                "How much pain do you feel now? 0 is no pain, 10 the worst you can imagine. "
                "Press a key from 0 to 9 or click a number. You can skip this."
            )
        )
        for rating, button in self.buttons.items():
            button.setAccessibleName(_("Pain {rating} of 10").format(rating=rating))
        self.skip.setText(_("Skip"))
        self.skip.setAccessibleName(_("Skip the pain rating"))

    def show_rating(self, asks: bool, rating: int | None) -> None:
        """Shows the question while it is asked, then what was recorded."""
        self.question.setVisible(asks)
        for button in (*self.buttons.values(), self.skip):
            button.setVisible(asks)
        recorded = rating is not None and not asks
        self.thanks.setVisible(recorded)
        if recorded:
            self.thanks.setText(_("Pain {rating} of 10 recorded. Thank you.").format(rating=rating))
