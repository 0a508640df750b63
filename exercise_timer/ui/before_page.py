"""Before you start: the routine's own safety text and advice, read before its first session.

A routine whose exercises are only for people whose clinic prescribed them asks the person to
say so; the default button (Return) is that answer, so a keyboard user gets through.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from exercise_timer.app.state import SessionState
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.model import Routine
from exercise_timer.ui.exercise_tiles import ExerciseTiles
from exercise_timer.ui.figure_stills import stills_for
from exercise_timer.ui.qt_by_name import set_by_name


def _label(parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    set_by_name(label, "textFormat", "PlainText")
    if name:
        label.setObjectName(name)
    return label


def advice_lines(routine: Routine, sessions_this_week: int) -> list[str]:
    """How often and how to build up, as the document says, with this week's count."""
    advice = routine.advice
    lines = []
    if advice.sessions_per_week and advice.minutes_per_session:
        lines.append(
            _("The document advises {sessions} sessions a week of {minutes} minutes each.").format(
                sessions=advice.sessions_per_week, minutes=advice.minutes_per_session
            )
        )
    elif advice.sessions_per_week:
        lines.append(
            _("The document advises {sessions} sessions a week.").format(
                sessions=advice.sessions_per_week
            )
        )
    lines.append(
        ngettext(
            "This week you have done {count} session of this routine.",
            "This week you have done {count} sessions of this routine.",
            sessions_this_week,
        ).format(count=sessions_this_week)
    )
    lines.extend(advice.notes)
    return lines


class BeforePage(QWidget):
    """The routine's safety text and advice; ``accepted`` when the person has read them."""

    accepted = Signal()
    declined = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("before-page")
        self._routine: Routine | None = None
        self._week = -1
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 20)
        self.title = _label(self, "page-title")
        outer.addWidget(self.title)
        scroll = QScrollArea(self)
        self.text_area = scroll  # Tab stops here so the keys can scroll the text
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(scroll)
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(0, 0, 8, 0)
        self.description = _label(body)
        self.safety_heading = _label(body, "before-heading")
        self.safety = _label(body, "before-safety")
        self.stop_hint = _label(body)
        self.advice_heading = _label(body, "before-heading")
        self.advice = _label(body)
        self.exercises_heading = _label(body, "before-heading")
        self.exercises = ExerciseTiles(body)
        for widget in (
            self.description,
            self.safety_heading,
            self.safety,
            self.stop_hint,
            self.advice_heading,
            self.advice,
            self.exercises_heading,
            self.exercises,
        ):
            self.body_layout.addWidget(widget)
        self.body_layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.decline = QPushButton(self)
        self.decline.clicked.connect(self.declined)
        self.button = QPushButton(self)
        self.button.setDefault(True)
        self.button.clicked.connect(self.accepted)
        row.addWidget(self.decline)
        row.addWidget(self.button)
        outer.addLayout(row)
        self.retranslate()

    def show_routine(self, state: SessionState) -> None:
        """Fills the page for the state's routine (again only when the routine changed)."""
        if state.routine is self._routine and state.sessions_this_week == self._week:
            return
        if state.routine is not self._routine:
            self.exercises.show_routine(state.routine, stills_for(state.routine))
        self._routine = state.routine
        self._week = state.sessions_this_week
        self.retranslate()

    def retranslate(self) -> None:
        """Sets every text in the current language."""
        self.safety_heading.setText(_("Safety"))
        self.stop_hint.setText(
            _(
                "To stop at any moment, press the red Stop button or the Esc key; the timer "
                "and the voice stop at once."
            )
        )
        self.advice_heading.setText(_("How often, and how to build up"))
        self.exercises_heading.setText(_("The exercises"))
        self.text_area.setAccessibleName(_("Safety and advice of this routine"))
        self.exercises.retranslate()
        self.button.setText(_("I have read this"))
        self.decline.setText(_("No"))
        self.decline.setAccessibleName(_("No, these exercises were not prescribed for me"))
        self.decline.hide()
        routine = self._routine
        if routine is not None:
            self._show(routine)
        self.button.setAccessibleName(self.button.text())

    def _show(self, routine: Routine) -> None:
        self.title.setText(_("Before you start: {title}").format(title=routine.title))
        self.description.setText(routine.description)
        self.description.setVisible(bool(routine.description))
        self.safety.setText("\n".join("⚠  " + line for line in routine.safety))
        self.advice.setText("\n".join("•  " + line for line in advice_lines(routine, self._week)))
        if routine.only_if_prescribed:
            self.decline.show()
            self.button.setText(_("Yes, my clinic prescribed these exercises for me"))
