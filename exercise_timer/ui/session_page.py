"""The page a person follows: the exercise, its steps, the phase, the countdown and the controls.

It draws a ``SessionState`` and nothing else; every button is forwarded by the window as a
command to the controller.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from exercise_timer.app.policy import Policy
from exercise_timer.app.services import RoutineChoice
from exercise_timer.app.state import SessionState, Status
from exercise_timer.core.clock import monotonic
from exercise_timer.core.i18n import _
from exercise_timer.core.model import Side
from exercise_timer.core.resolve import ResolvedExercise
from exercise_timer.ui import words
from exercise_timer.ui.flow_row import FlowRow
from exercise_timer.ui.phase_banner import PhaseBanner
from exercise_timer.ui.print_sheet import PrintButton
from exercise_timer.ui.qt_by_name import TOOL_TIP_ROLE, set_by_name
from exercise_timer.ui.routine_picker import RoutinePicker
from exercise_timer.ui.session_figure import SessionFigure
from exercise_timer.ui.style_marks import mark
from exercise_timer.ui.theme import DIMMED, paused_look, phase_look
from exercise_timer.ui.widgets import CountdownRing


def _label(name: str, parent: QWidget, *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


def _button(parent: QWidget) -> QPushButton:
    button = QPushButton(parent)
    set_by_name(button, "focusPolicy", "TabFocus")
    return button


class SessionPage(QWidget):
    """Shows one ``SessionState``; ``draw`` updates only what changed."""

    def __init__(
        self,
        parent: QWidget,
        choices: list[RoutineChoice],
        policy: Policy,
        *,
        has_values: bool,
        new_labels: Callable[[], None] = lambda: None,
        clock: Callable[[], float] = monotonic,
        reduce_motion: bool = False,
    ) -> None:
        """``clock`` gives real seconds (the kiosk's attract loop moves by it)."""
        super().__init__(parent)
        self._policy = policy
        self._clock = clock
        self._reduce_motion = reduce_motion
        self._has_values = has_values
        self._new_labels = new_labels
        self.setObjectName("session-page")
        self._choices = choices
        self._state: SessionState | None = None
        self._exercise: ResolvedExercise | None = None
        self._exercise_number = -2
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 16, 12)
        outer.setSpacing(8)
        outer.addLayout(self._build_top())
        self.notice = _label("notice", self)
        self.notice.hide()
        outer.addWidget(self.notice)
        header = QHBoxLayout()
        self.exercise_name = _label("exercise-name", self)
        self.exercise_count = _label("muted", self, wrap=False)
        header.addWidget(self.exercise_name, 1)
        set_by_name(self.exercise_count, "alignment", "AlignLeft|AlignBottom")
        header.addWidget(self.exercise_count, 0)
        outer.addLayout(header)
        self.purpose = _label("muted", self)
        outer.addWidget(self.purpose)
        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self._build_card(), 3)
        body.addWidget(self._build_timer(), 1)
        outer.addLayout(body, 1)
        self.caption = _label("caption", self)
        self.caption.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        outer.addWidget(self.caption)
        outer.addLayout(self._build_bottom())
        self._tab_order()
        self.retranslate()

    # -- building --------------------------------------------------------------------------

    def _build_top(self) -> FlowRow:
        top = FlowRow()  # wraps at large text sizes rather than widening past the screen
        self.picker = RoutinePicker(self)
        for choice in self._choices:
            self.picker.addItem("", choice.routine.id)
        self.wait_box = QCheckBox(self)
        set_by_name(self.wait_box, "focusPolicy", "TabFocus")  # a click leaves Space to Start
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(14)
        self.progress.setMaximum(1000)
        self.time_left = _label("time-left", self, wrap=False)
        self.settings_button = _button(self)
        self.values_button = _button(self)
        self.safety_button = _button(self)
        top.addWidget(self.picker, 4)
        top.addWidget(self.wait_box)
        top.addWidget(self.safety_button)
        top.addWidget(self.values_button)
        top.addWidget(self.settings_button)
        top.addSpacing(12)
        top.addWidget(self.progress, 1)
        top.addWidget(self.time_left)
        return top

    def _build_card(self) -> QFrame:
        card = QFrame(self)
        card.setObjectName("card")
        left = QGridLayout(card)
        left.setContentsMargins(12, 10, 12, 10)
        self.figure = SessionFigure(
            card, self._clock, attract=self._policy.attract, reduce_motion=self._reduce_motion
        )
        self.picture = self.figure.picture
        self.start_text = _label("start-text", card)
        self.variant = _label("muted", card)
        self.building = _label("building", card)
        self.cautions = _label("caution", card)
        self.steps_box = QWidget(card)
        self.steps_box.setObjectName("steps")
        self.steps_layout = QVBoxLayout(self.steps_box)
        self.steps_layout.setContentsMargins(0, 0, 0, 0)
        self.steps_layout.setSpacing(6)
        self.steps_layout.addStretch(1)
        self.step_labels: list[QLabel] = []
        self.tips = _label("muted", card)
        # The figure is the page's largest thing: people follow it by looking, from across
        # a room. Its column and the words' keep their shares whatever the words' lengths,
        # so the figure keeps its size from one phase to the next.
        words_column = QWidget(card)
        words_column.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        words = QVBoxLayout(words_column)
        words.setContentsMargins(0, 0, 0, 0)
        for label in (self.start_text, self.variant, self.building):
            label.setParent(words_column)
            words.addWidget(label)
        self.steps_box.setParent(words_column)
        words.addWidget(self.steps_box, 1)
        self.figure.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        left.addWidget(self.figure, 0, 0)
        # At a large text size the words scroll rather than be cut or push Stop off the screen.
        words_area = QScrollArea(card)
        words_area.setWidgetResizable(True)
        words_area.setFrameShape(QFrame.Shape.NoFrame)
        set_by_name(words_area, "focusPolicy", "NoFocus")  # not a stop on the way to Stop
        words_area.setWidget(words_column)
        left.addWidget(words_area, 0, 1)
        left.addWidget(self.cautions, 1, 0, 1, 2)
        left.addWidget(self.tips, 2, 0, 1, 2)
        left.setColumnStretch(0, 6)
        left.setColumnStretch(1, 5)
        left.setRowStretch(0, 1)
        return card

    def _build_timer(self) -> QWidget:
        column = QWidget(self)
        # Its share of the width, not its words', so the figure beside it keeps its size
        # from phase to phase (a long phase name takes two lines instead).
        column.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        right = QVBoxLayout(column)
        right.setContentsMargins(0, 0, 0, 0)
        self.phase = PhaseBanner(column)
        set_by_name(self.phase, "alignment", "AlignCenter")
        self.ring = CountdownRing(column)
        self.detail = _label("detail", column)
        set_by_name(self.detail, "alignment", "AlignCenter")
        self.breathing = _label("breathing", column)
        set_by_name(self.breathing, "alignment", "AlignCenter")
        right.addWidget(self.phase)
        right.addWidget(self.ring, 1)
        right.addWidget(self.detail)
        right.addWidget(self.breathing)
        return column

    def _build_bottom(self) -> QHBoxLayout:
        bottom = QHBoxLayout()
        row = FlowRow()  # wraps at large text sizes; Stop stays at the right whatever the width
        self.back_button = _button(self)
        self.toggle_button = _button(self)
        self.skip_button = _button(self)
        self.next_up = _label("muted", self)
        self.stop_button = _button(self)
        self.stop_button.setObjectName("stop")
        row.addWidget(self.back_button)
        row.addWidget(self.toggle_button)
        row.addWidget(self.skip_button)
        row.addSpacing(12)
        # Here, not beside the routine: at 1024 px the top row has no room left for it.
        self.history_button = _button(self)
        row.addWidget(self.history_button)
        self.print_button = PrintButton(self)  # the window sets its source
        row.addWidget(self.print_button)
        row.addWidget(self.next_up, 1)
        bottom.addLayout(row, 1)
        bottom.addWidget(self.stop_button)
        return bottom

    def _tab_order(self) -> None:
        """Tab goes as the rows read, top row first; in a session Stop comes next after Skip."""
        chain = [
            self.picker,
            self.wait_box,
            self.safety_button,
            self.values_button,
            self.settings_button,
            self.back_button,
            self.toggle_button,
            self.skip_button,
            self.history_button,
            self.print_button,
            self.stop_button,
        ]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def retranslate(self) -> None:
        """Sets every fixed text in the current language."""
        self.picker.setAccessibleName(_("Routine"))
        for index, choice in enumerate(self._choices):
            self.picker.set_routine_text(index, words.routine_choice(choice), choice.routine.title)
            self.picker.setItemData(
                index,
                words.exercise_count(len(choice.routine.exercises)),
                TOOL_TIP_ROLE,
            )
        self.wait_box.setText(_("Wait for me"))
        self.wait_box.setToolTip(_("Each exercise waits until you press Ready (or Space)"))
        self.wait_box.setAccessibleName(_("Wait for me before each exercise"))
        self.progress.setAccessibleName(_("Session progress"))
        self.settings_button.setText(_("Settings…"))
        self.settings_button.setAccessibleName(_("Settings"))
        self.safety_button.setText(_("Safety…"))
        self.safety_button.setAccessibleName(_("Safety and advice of this routine"))
        self.print_button.retranslate()
        self.history_button.setText(_("History…"))
        self.history_button.setAccessibleName(_("History of your sessions"))
        self.values_button.setText(_("Values…"))
        self.values_button.setAccessibleName(_("Personal hold times and repetitions"))
        self.exercise_count.setAccessibleName(_("Exercise number"))
        self.tips.setAccessibleName(_("Tips"))
        self.phase.setAccessibleName(_("Phase"))
        self.ring.setAccessibleName(_("Seconds left in this phase"))
        self.caption.setAccessibleName(_("Spoken cue"))
        self.back_button.setText(_("◀ Back"))
        self.back_button.setAccessibleName(_("Back: restart this exercise"))
        self.skip_button.setText(_("Skip ▶"))
        self.skip_button.setAccessibleName(_("Skip to the next exercise"))
        self.stop_button.setText(_("STOP"))
        self.stop_button.setAccessibleName(_("Stop the session"))
        if self._state is not None:
            state, self._state = self._state, None
            self._exercise_number = -2
            self.draw(state)

    # -- drawing ---------------------------------------------------------------------------

    def draw(self, state: SessionState) -> None:
        """Shows ``state``; what is unchanged since the last state is left alone."""
        last = self._state
        self._state = state
        both = state.side is Side.BOTH
        if (
            state.exercise is not self._exercise
            or state.exercise_index != self._exercise_number
            or (last is not None and (last.side is Side.BOTH) != both)
        ):
            self._draw_exercise(state)
        if last is None or (last.segment, last.status, last.current_step, last.values) != (
            state.segment,
            state.status,
            state.current_step,
            state.values,
        ):
            self._draw_phase(state)
        notice = words.notices(state.notices)
        if notice != self.notice.text():
            self.notice.setText(notice)
            self.notice.setVisible(bool(notice))
        if state.cue != self.caption.text():
            self.caption.setText(state.cue)
        colour = DIMMED if state.paused else phase_look(state.phase).colour
        self.ring.show_time(state.seconds_left, state.phase_seconds, colour)
        self.time_left.setText(
            _("{time} left").format(time=words.minutes(state.session_seconds_left))
        )
        total = state.session_total_seconds
        self.progress.setValue(int(1000 * (1 - state.session_seconds_left / total)) if total else 0)
        self._draw_controls(state)
        self.figure.draw(state)

    def draw_figure(self, state: SessionState) -> bool:
        """Shows ``state`` in the figure alone (a frame between states); True while it moves."""
        return self.figure.draw(state, frame=True)

    def _draw_exercise(self, state: SessionState) -> None:
        exercise = state.exercise
        self._exercise = exercise
        self._exercise_number = state.exercise_index
        index = self.picker.findData(state.routine.id)
        if index >= 0 and index != self.picker.currentIndex():
            self.picker.blockSignals(True)
            self.picker.setCurrentIndex(index)
            self.picker.blockSignals(False)
        for label in self.step_labels:
            # Out of sight at once: deleteLater alone leaves the old steps up until the next
            # turn of the event loop, and a frame can show both exercises' steps.
            self.steps_layout.removeWidget(label)
            label.hide()
            label.deleteLater()
        self.step_labels = []
        if exercise is None:
            for label in (self.exercise_name, self.exercise_count, self.purpose, self.start_text):
                label.clear()
            return
        self.exercise_name.setText(exercise.name)
        self.exercise_count.setText(
            words.exercise_number(state.exercise_index + 1, state.exercise_count, exercise)
        )
        self.purpose.setText(words.purpose(exercise))
        self.start_text.setText(exercise.start)
        self.variant.setText(words.variant(exercise))
        self.variant.setVisible(exercise.variant is not None)
        cautions = exercise.exercise.cautions
        self.cautions.setText("\n".join("⚠  " + c for c in cautions))
        self.cautions.setVisible(bool(cautions))
        tips = exercise.exercise.tips
        self.tips.setText(_("Tips: {tips}").format(tips="  ·  ".join(tips)) if tips else "")
        self.tips.setVisible(bool(tips))
        for number, step in enumerate(exercise.steps_for(state.side), start=1):
            label = QLabel(f"{number}.  {step}", self.steps_box)
            label.setWordWrap(True)
            label.setObjectName("step")
            self.steps_layout.insertWidget(self.steps_layout.count() - 1, label)
            self.step_labels.append(label)
        self.next_up.setText(
            _("Next: {name}").format(name=state.next_exercise.name)
            if state.next_exercise is not None
            else _("Last exercise")
        )
        self._new_labels()

    def _draw_phase(self, state: SessionState) -> None:
        look = paused_look() if state.paused else phase_look(state.phase)
        attract = self._policy.idle_seconds is not None and state.status is Status.READY
        self.phase.show_look(look, _("Press Start") if attract else None)
        mark(self.caption, "paused", state.paused)
        self.detail.setText(words.phase_detail(state))
        summary = words.values_summary(state.values)
        self.detail.setToolTip(summary)
        self.detail.setAccessibleDescription(summary)
        breathing = words.breathing(state.breathing)
        self.breathing.setText(breathing)
        self.breathing.setVisible(bool(breathing))
        building = words.values_line(state.values)
        self.building.setText(building)
        self.building.setVisible(bool(building))
        for number, label in enumerate(self.step_labels, start=1):
            on = number == state.current_step
            mark(label, "current", on)
            label.setAccessibleDescription(_("current step") if on else "")

    def _draw_controls(self, state: SessionState) -> None:
        toggle = words.toggle(state.status)
        if toggle != self.toggle_button.text():
            self.toggle_button.setText(toggle)
            self.toggle_button.setAccessibleName(toggle)
        running = state.status in (Status.RUNNING, Status.PAUSED, Status.WAITING)
        self.toggle_button.setEnabled(state.status is not Status.ENDED)
        self.back_button.setEnabled(running)
        self.skip_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        can_edit = self._policy.can_edit
        idle = not state.active
        self.picker.setEnabled(state.status is Status.READY and can_edit)
        self.settings_button.setEnabled(idle and can_edit)
        # A kiosk offers no way into a dialog; a session hides what it cannot use (room for
        # large text on a small screen).
        self.settings_button.setVisible(can_edit and idle)
        self.safety_button.setEnabled(state.status is Status.READY)
        self.safety_button.setVisible(idle)
        self.values_button.setEnabled(idle and can_edit and self._has_values)
        self.values_button.setVisible(can_edit and idle)
        self.print_button.setVisible(state.status is Status.READY and can_edit)
        self.history_button.setVisible(
            state.status is Status.READY and can_edit and self._policy.keeps_journal
        )
        self.wait_box.setVisible(self._policy.can_wait)
        if self.wait_box.isChecked() != state.wait_for_me:
            self.wait_box.blockSignals(True)
            self.wait_box.setChecked(state.wait_for_me)
            self.wait_box.blockSignals(False)
