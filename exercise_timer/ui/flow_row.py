"""A row of controls that wraps onto a second line when the window is too narrow for it.

Large text (Settings: text size) or a long translation makes a row of buttons wider than a
1024 px screen; a QHBoxLayout would then widen the window past the screen's edge, taking the
Stop button with it. This row keeps its items' order and size and starts a new line instead.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QLayout, QLayoutItem, QSpacerItem, QWidget, QWidgetItem


class FlowRow(QLayout):
    """Its items left to right, wrapping; items with a stretch share their line's spare room."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: list[int] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # -- what QHBoxLayout offers and the pages use --------------------------------------------

    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:
        """Adds ``widget``; a stretch above 0 lets it take the spare width of its line."""
        self.addChildWidget(widget)
        self._add(QWidgetItem(widget), stretch)

    def addSpacing(self, size: int) -> None:
        """A fixed gap between two items."""
        self._add(QSpacerItem(size, 0), 0)

    def _add(self, item: QLayoutItem, stretch: int) -> None:
        self._items.append(item)
        self._stretch.append(stretch)
        self.invalidate()

    # -- QLayout ----------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        """Adds an item without stretch."""
        self._add(item, 0)

    def count(self) -> int:
        """The number of items."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """The item at ``index``, or None."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Removes and returns the item at ``index``."""
        if not 0 <= index < len(self._items):
            return None
        self._stretch.pop(index)
        return self._items.pop(index)

    def hasHeightForWidth(self) -> bool:
        """Its height depends on its width: narrower means more lines."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the items need at ``width``."""
        return self._place(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item, _ in shown)
        width += self._gap * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item, _ in shown), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        """As wide as the widest item; as high as one line of them."""
        shown = self._shown()
        width = max((item.minimumSize().width() for item, _ in shown), default=0)
        height = max((item.sizeHint().height() for item, _ in shown), default=0)
        return QSize(width, height)

    def setGeometry(self, rect: QRect) -> None:
        """Places the items inside ``rect``."""
        super().setGeometry(rect)
        self._place(rect, move=True)

    # -- placing ----------------------------------------------------------------------------

    def _shown(self) -> list[tuple[QLayoutItem, int]]:
        return [
            (item, stretch)
            for item, stretch in zip(self._items, self._stretch, strict=True)
            if not item.isEmpty() or isinstance(item, QSpacerItem)
        ]

    def _lines(self, width: int) -> list[list[tuple[QLayoutItem, int]]]:
        lines: list[list[tuple[QLayoutItem, int]]] = [[]]
        used = 0
        for item, stretch in self._shown():
            wanted = item.sizeHint().width() if not stretch else item.minimumSize().width()
            if item.hasHeightForWidth():
                # A wrapping label takes a line of its own rather than be squeezed into many
                # short lines beside the others.
                wanted = min(item.sizeHint().width(), width)
            wanted = max(wanted, item.minimumSize().width())
            line = lines[-1]
            if line and used + self._gap + wanted > width:
                lines.append([])
                used = 0
                line = lines[-1]
            if not line and isinstance(item, QSpacerItem):
                continue  # a gap never starts a line
            used += (self._gap if line else 0) + wanted
            line.append((item, stretch))
        return [line for line in lines if line]

    def _place(self, rect: QRect, *, move: bool) -> int:
        y = rect.y()
        for line in self._lines(rect.width()):
            widths = [
                max(item.minimumSize().width(), item.sizeHint().width() if not s else 0)
                for item, s in line
            ]
            spare = rect.width() - sum(widths) - self._gap * (len(line) - 1)
            stretches = sum(s for _, s in line)
            if spare > 0 and stretches:
                for index, (item, stretch) in enumerate(line):
                    if stretch:
                        grown = widths[index] + spare * stretch // stretches
                        widths[index] = min(grown, item.maximumSize().width())
            height = max(item.sizeHint().height() for item, _ in line)
            x = rect.x()
            for (item, _), width in zip(line, widths, strict=True):
                if move:
                    item_height = min(height, item.maximumSize().height())
                    top = y + (height - item_height) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(width, item_height)))
                x += width + self._gap
            y += height + self._gap
        return max(0, y - self._gap - rect.y())
