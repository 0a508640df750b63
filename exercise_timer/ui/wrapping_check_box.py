"""A check box whose words wrap onto more lines instead of widening the dialog.

A QCheckBox's text is one line: a long sentence beside a box (the values editor's "Build up
gradually…") made the editor 1,100 px wide, past a 1024 px screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QSizePolicy, QStyle, QWidget


class WrappingCheckBox(QCheckBox):
    """A QCheckBox with its text in a word-wrapped label; a click on the words ticks it too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = QLabel(self)
        self._words.setWordWrap(True)
        self._words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def setText(self, text: str) -> None:
        """Shows ``text`` beside the box, wrapped to the width."""
        self._words.setText(text)
        self.setAccessibleName(self.accessibleName() or text)
        self.updateGeometry()

    def text(self) -> str:
        """The words beside the box."""
        return self._words.text()

    def _indent(self) -> int:
        style = self.style()
        return style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self) + (
            style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self) + 2
        )

    def hasHeightForWidth(self) -> bool:
        """Narrower means more lines."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height of the wrapped words at ``width``."""
        return max(
            self._words.heightForWidth(max(1, width - self._indent())), super().sizeHint().height()
        )

    def sizeHint(self) -> QSize:
        """The words on one line, as far as a line of about 60 characters."""
        words = self._words.sizeHint()
        return QSize(
            self._indent() + words.width(), max(words.height(), super().sizeHint().height())
        )

    def minimumSizeHint(self) -> QSize:
        """The box and a few words a line."""
        return QSize(
            self._indent() + self.fontMetrics().averageCharWidth() * 12, super().sizeHint().height()
        )

    def resizeEvent(self, event: object) -> None:
        """The words fill the width beside the box."""
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._words.setGeometry(self._indent(), 0, self.width() - self._indent(), self.height())

    def hitButton(self, pos: QPoint) -> bool:
        """The box and its words both tick it."""
        return self.rect().contains(pos)
