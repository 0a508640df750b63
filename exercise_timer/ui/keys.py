"""Keys act on what has the focus: which keys the session takes, and which a control keeps.

The window's shortcuts (Space, the arrows, the digits, L and K) are the session's only while
no text field has the focus: what is typed into the stop note goes into the note. Space and
Return press a button the person moved to with Tab, as anywhere else. Esc is always Stop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

# By number: ``Qt.Key`` would build the whole ``Qt`` namespace (see qt_by_name).
KEY_SPACE = 0x20
KEY_ESCAPE = 0x01000000
KEY_RETURN = 0x01000004
KEY_ENTER = 0x01000005
RETURN_KEYS = frozenset({KEY_RETURN, KEY_ENTER})
TAB_KEYS = frozenset({0x01000001, 0x01000002})
"""Tab and Shift+Tab (Backtab)."""
CONTROL_OR_ALT = 0x04000000 | 0x08000000
"""``Qt.KeyboardModifier.ControlModifier | AltModifier``: chords stay shortcuts everywhere."""
_TYPING_FIELDS = ("QLineEdit", "QTextEdit", "QPlainTextEdit", "QAbstractSpinBox")
"""Fields that take typing unless read-only (QTextBrowser is a read-only QTextEdit)."""


def is_text_field(widget: QWidget | None) -> bool:
    """True for a field that takes typing now (not one that is read-only or disabled)."""
    if widget is None or not widget.isEnabled():
        return False
    # By class name: importing the field classes would build them (and their enums) at start.
    if any(widget.inherits(name) for name in _TYPING_FIELDS):
        return not widget.property("readOnly")
    return widget.inherits("QComboBox") and bool(widget.property("editable"))


def control_keeps(widget: QWidget | None, key: int, modifiers: int = 0, *, chosen: bool) -> bool:
    """Whether the focused ``widget`` keeps ``key`` rather than the session's shortcut.

    A text field keeps every key but Esc and the chords with Ctrl or Alt. A button the person
    moved to with Tab (``chosen``) keeps Space, a push button Return too; a button the focus
    fell on by itself (the program's choice, or the next one when a control was disabled)
    keeps nothing, so Space stays Start and Pause. Esc is never kept: it is always Stop.
    """
    if widget is None or key == KEY_ESCAPE or modifiers & CONTROL_OR_ALT:
        return False
    if is_text_field(widget):
        return True
    if not (chosen and widget.isEnabled()):
        return False
    if key == KEY_SPACE:
        return widget.inherits("QAbstractButton")
    return key in RETURN_KEYS and widget.inherits("QPushButton")


class FocusKeys(QObject):
    """Watches a window's shortcut keys and gives the focused control those it keeps."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._tabbing = False
        self.chosen: QWidget | None = None
        """The widget the person moved the focus to with Tab, while it has the focus."""
        window.installEventFilter(self)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Claims a shortcut's key for the focused control that keeps it (Qt then delivers it)."""
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        from PySide6.QtGui import QKeyEvent  # built at the first key, not at start

        if not isinstance(event, QKeyEvent):
            return False
        if kind == QEvent.Type.KeyPress:
            return self._return_passed_by(event)
        key = event.key()
        self._tabbing = key in TAB_KEYS
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is not self._window:
            return False
        modifiers = event.modifiers().value
        if not control_keeps(focus, key, modifiers, chosen=focus is self.chosen):
            return False
        event.accept()
        return True

    def _return_passed_by(self, event: QKeyEvent) -> bool:
        """Clicks the push button the person chose when it lets Return pass by.

        Outside a dialog a push button clicks itself on Return only when it is a default one.
        """
        focus = QApplication.focusWidget()
        if event.key() not in RETURN_KEYS or focus is None or focus is not self.chosen:
            return False
        if not (isinstance(focus, QPushButton) and focus.isEnabled() and focus.isVisible()):
            return False
        focus.click()
        return True

    @Slot(QWidget, QWidget)
    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        self.chosen = new if self._tabbing else None
        self._tabbing = False
