"""A row of controls that wraps onto a second line when the window is too narrow for it.

Large text (Settings: text size) or a long translation makes a row of buttons wider than a
1024 px screen; a QHBoxLayout would then widen the window past the screen's edge, taking the
Stop button with it. This row keeps its items' order and size and starts a new line instead.

Like Qt's own box layouts, it measures its items once and keeps the figures until Qt
invalidates the layout (which it does for every layout under a widget before laying them out
again): each measure is a call into Qt, and a window's first show asks for them many times.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QLayout, QLayoutItem, QSpacerItem, QWidget, QWidgetItem


class _Measured:
    """An item's sizes as Qt gave them, and its stretch.

    A plain class: a NamedTuple would compile each of its string annotations at import.
    """

    __slots__ = ("hint", "item", "maximum", "minimum", "stretch", "wraps")

    def __init__(self, item: QLayoutItem, stretch: int) -> None:
        self.item = item
        self.stretch = stretch
        self.hint = item.sizeHint()
        self.minimum = item.minimumSize()
        self.maximum = item.maximumSize()
        self.wraps = item.hasHeightForWidth()  # its height depends on its width


class FlowRow(QLayout):
    """Its items left to right, wrapping; items with a stretch share their line's spare room."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: list[int] = []
        self._gap = spacing
        self._measured: list[_Measured] | None = None
        self._heights: dict[int, int] = {}
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
        item = self._items.pop(index)
        self.invalidate()
        return item

    def invalidate(self) -> None:
        """Forgets the items' sizes (Qt calls this when they may have changed)."""
        self._measured = None
        self._heights.clear()
        super().invalidate()

    def hasHeightForWidth(self) -> bool:
        """Its height depends on its width: narrower means more lines."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the items need at ``width``."""
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._place(QRect(0, 0, width, 0), move=False)
        return height

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = self._shown()
        width = sum(m.hint.width() for m in shown) + self._gap * max(0, len(shown) - 1)
        return QSize(width, max((m.hint.height() for m in shown), default=0))

    def minimumSize(self) -> QSize:
        """As wide as the widest item; as high as one line of them."""
        shown = self._shown()
        width = max((m.minimum.width() for m in shown), default=0)
        return QSize(width, max((m.hint.height() for m in shown), default=0))

    def setGeometry(self, rect: QRect) -> None:
        """Places the items inside ``rect``."""
        super().setGeometry(rect)
        self._place(rect, move=True)

    # -- placing ----------------------------------------------------------------------------

    def _shown(self) -> list[_Measured]:
        """The items that take room (hidden widgets do not), measured once per invalidation."""
        if self._measured is None:
            self._measured = [
                _Measured(item, stretch)
                for item, stretch in zip(self._items, self._stretch, strict=True)
                if not item.isEmpty() or isinstance(item, QSpacerItem)
            ]
        return self._measured

    def _lines(self, width: int) -> list[list[_Measured]]:
        lines: list[list[_Measured]] = [[]]
        used = 0
        for measured in self._shown():
            wanted = measured.minimum.width() if measured.stretch else measured.hint.width()
            if measured.wraps:
                # A wrapping label takes a line of its own rather than be squeezed into many
                # short lines beside the others.
                wanted = min(measured.hint.width(), width)
            wanted = max(wanted, measured.minimum.width())
            line = lines[-1]
            if line and used + self._gap + wanted > width:
                lines.append([])
                used = 0
                line = lines[-1]
            if not line and isinstance(measured.item, QSpacerItem):
                continue  # a gap never starts a line
            used += (self._gap if line else 0) + wanted
            line.append(measured)
        return [line for line in lines if line]

    def _place(self, rect: QRect, *, move: bool) -> int:
        y = rect.y()
        for line in self._lines(rect.width()):
            widths = [max(m.minimum.width(), 0 if m.stretch else m.hint.width()) for m in line]
            spare = rect.width() - sum(widths) - self._gap * (len(line) - 1)
            stretches = sum(m.stretch for m in line)
            if spare > 0 and stretches:
                for index, measured in enumerate(line):
                    if measured.stretch:
                        grown = widths[index] + spare * measured.stretch // stretches
                        widths[index] = min(grown, measured.maximum.width())
            height = max(m.hint.height() for m in line)
            x = rect.x()
            for measured, width in zip(line, widths, strict=True):
                if move:
                    item_height = min(height, measured.maximum.height())
                    top = y + (height - item_height) // 2
                    measured.item.setGeometry(QRect(QPoint(x, top), QSize(width, item_height)))
                x += width + self._gap
            y += height + self._gap
        return max(0, y - self._gap - rect.y())
