"""Number fields that keep what is typed, and say so beside themselves when it is out of limits.

A plain ``QSpinBox`` refuses a keystroke that would leave its range (45 typed into a 1-30
field stays 4) and puts its last value back when it loses the focus: a value is cut without a
word. These fields take one digit more than their limits allow, keep the number typed, show
a message beside them with the limits ("Hold: 1 to 120 seconds"), and report that they are
out of range, so that a dialog refuses Save until the value is fixed. The arrows, and a
value the program sets, stay within the limits.

``setRange``, ``minimum`` and ``maximum`` give and set the limits, as for any spin box; the
range the field accepts while typing is wider.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QLabel, QSpinBox, QWidget

from exercise_timer.core.i18n import _
from exercise_timer.core.limits import Limit

NOTE_STYLE = "color: #b3261e; font-weight: bold;"
"""The message beside a field out of its limits: dark red, readable on white (7:1)."""

Message = Callable[[Limit], str]
"""The sentence saying ``limit`` for one field, translated when it is shown."""

Number = TypeVar("Number", int, float, covariant=True)

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    class SpinBase(QAbstractSpinBox, Generic[Number]):
        """What the shared code uses of ``QSpinBox`` (``int``) or ``QDoubleSpinBox`` (``float``)."""

        valueChanged: SignalInstance

        def value(self) -> Number:
            """The number shown."""

        def setValue(self, value: float) -> None:
            """Shows ``value``."""

        def singleStep(self) -> Number:
            """How far one arrow press moves."""

        def suffix(self) -> str:
            """The unit shown after the number."""

else:
    SpinBase = Generic  # a Qt class here as well as the spin box after it crashes PySide6


def typed_high(high: float) -> int:
    """The largest number the field takes while typing: one digit more than ``high`` has."""
    return int(10 ** (len(str(int(high))) + 1)) - 1


def bound_text(value: float) -> str:
    """A limit as people write it: 120, 0.5."""
    return f"{value:g}"


class LimitNote(QLabel):
    """The message beside a field; hidden while the field is within its limits."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("limit-message")
        self.setWordWrap(True)
        self.setStyleSheet(NOTE_STYLE)
        self.hide()


class LimitedNumber(SpinBase[Number]):
    """What both fields add to Qt's spin box; listed before it among a field's bases."""

    def __init__(self, parent: QWidget | None, message: Message | None = None) -> None:
        super().__init__(parent)
        self.limit = Limit(0, 99)
        self.blank = False
        self.message = message
        self.note = LimitNote(parent)
        self.valueChanged.connect(lambda _value: show_note(self))

    def setRange(self, low: float, high: float) -> None:
        """Sets the limits (the field takes more while typing, and says when it is out)."""
        set_limit(self, Limit(low, high), blank=self.blank)

    def setMinimum(self, low: float) -> None:
        """Sets the lower limit."""
        self.setRange(low, self.limit.high)

    def setMaximum(self, high: float) -> None:
        """Sets the upper limit."""
        self.setRange(self.limit.low, high)

    def stepBy(self, steps: int) -> None:
        """The arrows and Page keys stop at the limits."""
        self.setValue(self.value() + steps * self.singleStep())

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        """Up and down as far as the limits go."""
        return step_enabled(self)


class LimitedSpinBox(LimitedNumber[int], QSpinBox):
    """A whole-number field that keeps a number out of its limits, and says the limits."""

    def minimum(self) -> int:
        """The lower limit."""
        return int(self.limit.low)

    def maximum(self) -> int:
        """The upper limit."""
        return int(self.limit.high)

    def setValue(self, value: float) -> None:
        """Shows ``value`` kept within the limits: only what a person types may be outside."""
        super().setValue(int(kept_in(self, value)))


class LimitedDoubleSpinBox(LimitedNumber[float], QDoubleSpinBox):
    """A decimal field that keeps a number out of its limits, and says the limits."""

    def minimum(self) -> float:
        """The lower limit."""
        return self.limit.low

    def maximum(self) -> float:
        """The upper limit."""
        return self.limit.high

    def setValue(self, value: float) -> None:
        """Shows ``value`` kept within the limits: only what a person types may be outside."""
        super().setValue(kept_in(self, value))


LimitedField = LimitedSpinBox | LimitedDoubleSpinBox
LIMITED_FIELDS = (LimitedSpinBox, LimitedDoubleSpinBox)


def set_limit(field: LimitedNumber[float], limit: Limit, *, blank: bool = False) -> None:
    """Sets ``field``'s limits; with ``blank``, 0 is allowed too and shows as "–" (unset)."""
    field.limit = limit
    field.blank = blank
    low = min(0.0, limit.low)
    high = max(typed_high(limit.high), limit.high)
    if isinstance(field, LimitedSpinBox):
        QSpinBox.setRange(field, int(low), int(high))
    elif isinstance(field, LimitedDoubleSpinBox):
        QDoubleSpinBox.setRange(field, low, high)
    field.setSpecialValueText("–" if blank else "")
    show_note(field)


def in_limits(field: LimitedNumber[float]) -> bool:
    """Whether the value shown is within the field's limits (or the blank, where allowed)."""
    value = field.value()
    return field.limit.contains(value) or (field.blank and value == 0)


def limits_message(field: LimitedNumber[float]) -> str:
    """The sentence that says the field's limits."""
    if field.message is not None:
        return field.message(field.limit)
    return _("{name}: {low} to {high}{unit}").format(
        name=field.accessibleName(),
        low=bound_text(field.limit.low),
        high=bound_text(field.limit.high),
        unit=field.suffix(),
    )


def show_note(field: LimitedNumber[float]) -> None:
    """Shows the message beside the field while it is out of its limits."""
    out = not in_limits(field)
    field.note.setVisible(out)
    text = limits_message(field) if out else ""
    field.note.setText(text)
    field.setAccessibleDescription(text)
    if out:
        field.setToolTip(text)


def kept_in(field: LimitedNumber[float], value: float) -> float:
    """``value`` within the field's limits (0 stays 0 where a blank is allowed)."""
    low = 0 if field.blank else field.limit.low
    return min(max(value, low), field.limit.high)


def step_enabled(field: LimitedNumber[float]) -> QAbstractSpinBox.StepEnabledFlag:
    """Up below the upper limit, down above the lower one (or to the blank)."""
    if field.isReadOnly() or not field.isEnabled():
        return QAbstractSpinBox.StepEnabledFlag.StepNone
    value = field.value()
    floor = 0 if field.blank else field.limit.low
    flags = QAbstractSpinBox.StepEnabledFlag.StepNone
    if value < field.limit.high:
        flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
    if value > floor:
        flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
    return flags


def out_of_limits(fields: Iterable[QWidget]) -> list[LimitedField]:
    """The limited fields among ``fields`` that are out of their limits now."""
    return [f for f in fields if isinstance(f, LIMITED_FIELDS) and not in_limits(f)]
