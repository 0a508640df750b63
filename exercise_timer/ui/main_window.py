"""The follow-along window: renders the engine's effects and turns keys into commands.

It holds no timing logic of its own; the engine decides, the driver wakes it, the window shows.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QCloseEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from exercise_timer.core.cues import countdown_cue, end_cue, phase_cue, stop_advice
from exercise_timer.core.effects import (
    CountdownTick,
    Effect,
    ExerciseFinished,
    Outcome,
    Paused,
    PhaseStarted,
    Resumed,
    SessionEnded,
    SessionStarted,
    StopReason,
)
from exercise_timer.core.engine import Engine, State
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.model import Breathing, Routine
from exercise_timer.core.resolve import ResolvedExercise, resolve
from exercise_timer.core.schedule import Phase, Segment
from exercise_timer.speech.speaker import Speaker, VoiceSettings
from exercise_timer.storage.journal import SessionJournal, stop_record
from exercise_timer.storage.personal_access import StoredPersonal
from exercise_timer.storage.personal_store import LoadedPersonal, Today, journal_values
from exercise_timer.storage.settings import Settings
from exercise_timer.storage.trace import TraceWriter
from exercise_timer.ui.driver import SessionDriver
from exercise_timer.ui.pages import EndPage, NoticePage, StopPage
from exercise_timer.ui.settings_dialog import TEST_SENTENCE, SettingsDialog
from exercise_timer.ui.theme import STYLE, phase_look
from exercise_timer.ui.values_editor import ValuesEditor
from exercise_timer.ui.widgets import CountdownRing, PositionPicture

EXIT_COMPLETED, EXIT_STOPPED = 0, 3
KIOSK_RESTART_MS = 15_000
LAST_WORDS_SECONDS = 6.0


@dataclass(frozen=True)
class WindowOptions:
    """How the window behaves (from the command line)."""

    speed: float = 1.0
    autostart: bool = False
    exit_when_done: bool = False
    kiosk: bool = False
    wait_for_me: bool = False


@dataclass(frozen=True)
class RoutineChoice:
    """A routine in the picker with its planned duration."""

    routine: Routine
    seconds: float


def voice_settings(settings: Settings) -> VoiceSettings:
    """The Speaker's view of the person's settings."""
    return VoiceSettings(
        voice=str(settings["voice"]) or None,
        rate=int(str(settings["rate"])),
        volume=float(str(settings["volume"])),
        mute=bool(settings["mute"]),
    )


def _minutes(seconds: float) -> str:
    whole = max(0, round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


class MainWindow(QMainWindow):
    """The window a person follows from across the room."""

    def __init__(
        self,
        *,
        choices: Sequence[RoutineChoice],
        routine: Routine,
        journal: SessionJournal,
        speaker: Speaker,
        clock: Callable[[], float],
        options: WindowOptions,
        notice_flag: Path | None,
        trace: TraceWriter | None = None,
        problems: Sequence[str] = (),
        settings: Settings | None = None,
        save_settings: Callable[[Settings], None] | None = None,
        list_voices: Callable[[], Sequence[tuple[str, str]]] = tuple,
        personal: StoredPersonal | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.setWindowTitle(_("Exercise Timer"))
        self.setStyleSheet(STYLE)
        self.setMinimumSize(1024, 600)
        self._choices = list(choices)
        self._journal = journal
        self._speaker = speaker
        self._clock = clock
        self._options = options
        self._notice_flag = notice_flag
        self._trace = trace
        self._problems = list(problems)
        self.settings = settings or Settings.default().replace(wait_for_me=options.wait_for_me)
        self._save_settings = save_settings
        self._list_voices = list_voices
        self._personal = personal
        self._loaded: LoadedPersonal | None = None
        self._day: Today | None = None
        self._voices: list[tuple[str, str]] | None = None
        self._real_start = 0.0
        speaker.configure(voice_settings(self.settings))
        self._session_id: int | None = None
        self._stop_note = ""
        self._shown_exercise = -1
        self._phase_total = 0.0
        self._start_pending = False
        self._routine_notes: list[str] = []
        self._phase_caption = ""
        self.exit_code: int | None = None
        self.driver: SessionDriver | None = None
        self.engine: Engine | None = None

        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.session_page = QWidget(self.pages)
        self.session_page.setObjectName("session-page")
        self._build_session_page()
        self.notice_page = NoticePage(self.pages)
        self.stop_page = StopPage(self.pages)
        self.advice_page = EndPage(self.pages, "advice-page")
        self.summary_page = EndPage(self.pages, "summary-page")
        for page in (
            self.session_page,
            self.notice_page,
            self.stop_page,
            self.advice_page,
            self.summary_page,
        ):
            self.pages.addWidget(page)
        self.notice_page.accepted.connect(self._notice_accepted)
        self.stop_page.chosen.connect(self._stop_chosen)
        self.advice_page.again.connect(self._back_to_start)
        self.summary_page.again.connect(self._back_to_start)

        self._refresh = QTimer(self)
        self._refresh.setObjectName("display-refresh")
        self._refresh.setInterval(100)
        self._refresh.timeout.connect(self._refresh_time)
        self._kiosk_restart = QTimer(self)
        self._kiosk_restart.setObjectName("kiosk-restart")
        self._kiosk_restart.setSingleShot(True)
        self._kiosk_restart.setInterval(KIOSK_RESTART_MS)
        self._kiosk_restart.timeout.connect(self._kiosk_again)
        self._exit_poll = QTimer(self)
        self._exit_poll.setObjectName("exit-when-done")
        self._exit_poll.setInterval(50)
        self._exit_poll.timeout.connect(self._exit_when_quiet)
        self._exit_deadline = 0.0

        self._keys()
        self.load_routine(routine)
        if notice_flag is not None and not notice_flag.exists():
            self.pages.setCurrentWidget(self.notice_page)
            self.notice_page.button.setFocus()

    # -- building --------------------------------------------------------------------------

    def _label(self, name: str, parent: QWidget, *, wrap: bool = True) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setWordWrap(wrap)
        return label

    def _build_session_page(self) -> None:
        page = self.session_page
        outer = QVBoxLayout(page)
        outer.setContentsMargins(16, 10, 16, 12)
        outer.setSpacing(8)

        top = QHBoxLayout()
        self.picker = QComboBox(page)
        self.picker.setAccessibleName(_("Routine"))
        for choice in self._choices:
            self.picker.addItem(
                _("{title} · {minutes} min").format(
                    title=choice.routine.title, minutes=round(choice.seconds / 60)
                ),
                choice.routine.id,
            )
            self.picker.setItemData(
                self.picker.count() - 1,
                ngettext(
                    "{count} exercise", "{count} exercises", len(choice.routine.exercises)
                ).format(count=len(choice.routine.exercises)),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.picker.currentIndexChanged.connect(self._picked)
        self.wait_box = QCheckBox(_("Wait for me"), page)
        self.wait_box.setToolTip(_("Each exercise waits until you press Ready (or Space)"))
        self.wait_box.setAccessibleName(_("Wait for me before each exercise"))
        self.wait_box.setChecked(self.settings.wait_for_me)
        self.wait_box.toggled.connect(self._wait_toggled)
        self.progress = QProgressBar(page)
        self.progress.setAccessibleName(_("Session progress"))
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(14)
        self.time_left = self._label("time-left", page, wrap=False)
        self.settings_button = self._button(_("Settings…"), _("Settings"), page)
        self.settings_button.clicked.connect(self.open_settings)
        self.values_button = self._button(
            _("Values…"), _("Personal hold times and repetitions"), page
        )
        self.values_button.clicked.connect(self.open_values_editor)
        top.addWidget(self.picker, 3)
        top.addWidget(self.wait_box)
        top.addWidget(self.values_button)
        top.addWidget(self.settings_button)
        top.addSpacing(12)
        top.addWidget(self.progress, 2)
        top.addWidget(self.time_left)
        outer.addLayout(top)

        self.notice = self._label("notice", page)
        self.notice.hide()
        outer.addWidget(self.notice)

        header = QHBoxLayout()
        self.exercise_name = self._label("exercise-name", page)
        self.exercise_count = self._label("muted", page, wrap=False)
        self.exercise_count.setAccessibleName(_("Exercise number"))
        header.addWidget(self.exercise_name, 1)
        header.addWidget(self.exercise_count, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(header)
        self.purpose = self._label("muted", page)
        outer.addWidget(self.purpose)

        body = QHBoxLayout()
        body.setSpacing(12)
        card = QFrame(page)
        card.setObjectName("card")
        left = QGridLayout(card)
        left.setContentsMargins(12, 10, 12, 10)
        self.picture = PositionPicture(card)
        self.start_text = self._label("start-text", card)
        self.variant = self._label("muted", card)
        self.building = self._label("building", card)
        self.cautions = self._label("caution", card)
        self.steps_box = QWidget(card)
        self.steps_box.setObjectName("steps")
        self.steps_layout = QVBoxLayout(self.steps_box)
        self.steps_layout.setContentsMargins(0, 0, 0, 0)
        self.steps_layout.setSpacing(6)
        self.steps_layout.addStretch(1)
        self.step_labels: list[QLabel] = []
        self.tips = self._label("muted", card)
        self.tips.setAccessibleName(_("Tips"))
        picture_column = QVBoxLayout()
        picture_column.addWidget(self.picture, 1)
        picture_column.addWidget(self.start_text)
        picture_column.addStretch(1)
        left.addLayout(picture_column, 0, 0, 2, 1)
        variant_column = QVBoxLayout()
        variant_column.addWidget(self.variant)
        variant_column.addWidget(self.building)
        left.addLayout(variant_column, 0, 1)
        left.addWidget(self.steps_box, 1, 1)
        left.addWidget(self.cautions, 2, 0, 1, 2)
        left.addWidget(self.tips, 3, 0, 1, 2)
        left.setColumnStretch(0, 4)
        left.setColumnStretch(1, 6)
        left.setRowStretch(1, 1)
        body.addWidget(card, 11)

        right = QVBoxLayout()
        self.phase = self._label("phase", page, wrap=False)
        self.phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase.setAccessibleName(_("Phase"))
        self.ring = CountdownRing(page)
        self.ring.setAccessibleName(_("Seconds left in this phase"))
        self.detail = self._label("detail", page)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.breathing = self._label("breathing", page)
        self.breathing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right.addWidget(self.phase)
        right.addWidget(self.ring, 1)
        right.addWidget(self.detail)
        right.addWidget(self.breathing)
        body.addLayout(right, 7)
        outer.addLayout(body, 1)

        self.caption = self._label("caption", page)
        self.caption.setAccessibleName(_("Spoken cue"))
        self.caption.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        outer.addWidget(self.caption)

        bottom = QHBoxLayout()
        self.back_button = self._button(_("◀ Back"), _("Back: restart this exercise"), page)
        self.toggle_button = self._button(_("Start"), _("Start"), page)
        self.skip_button = self._button(_("Skip ▶"), _("Skip to the next exercise"), page)
        self.next_up = self._label("muted", page)
        self.stop_button = self._button(_("STOP"), _("Stop the session"), page)
        self.stop_button.setObjectName("stop")
        self.back_button.clicked.connect(lambda: self._command("back"))
        self.toggle_button.clicked.connect(self.toggle)
        self.skip_button.clicked.connect(lambda: self._command("skip"))
        self.stop_button.clicked.connect(self.request_stop)
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.toggle_button)
        bottom.addWidget(self.skip_button)
        bottom.addSpacing(12)
        bottom.addWidget(self.next_up, 1)
        bottom.addWidget(self.stop_button)
        outer.addLayout(bottom)

    def _button(self, text: str, accessible: str, parent: QWidget) -> QPushButton:
        button = QPushButton(text, parent)
        button.setAccessibleName(accessible)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _keys(self) -> None:
        bindings: list[tuple[Qt.Key, Callable[[], None]]] = [
            (Qt.Key.Key_Space, self.toggle),
            (Qt.Key.Key_Right, lambda: self._command("skip")),
            (Qt.Key.Key_Left, lambda: self._command("back")),
            (Qt.Key.Key_Escape, self.request_stop),
        ]
        for key, action in bindings:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(action)
        for number, reason in enumerate(self.stop_page.buttons, start=1):
            shortcut = QShortcut(QKeySequence(str(number)), self)
            shortcut.activated.connect(lambda r=reason: self._reason_key(r))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(self._enter_key)
        if self._options.kiosk:
            leave = QShortcut(QKeySequence("Ctrl+Shift+Q"), self)
            leave.setContext(Qt.ShortcutContext.ApplicationShortcut)
            leave.activated.connect(self._leave_kiosk)

    # -- routines and sessions -------------------------------------------------------------

    def load_routine(self, routine: Routine) -> None:
        """Prepares a new session of ``routine`` (nothing runs until Start)."""
        if self.driver is not None:
            self.driver.shutdown()
            self.driver.deleteLater()
        self.routine = routine
        personal_problem = None
        if self._personal is not None:
            self._loaded = self._personal.load(routine)
            self._day = self._personal.today(self._loaded)
            session = self._day.session
            personal_problem = self._loaded.problem
        else:
            session = resolve(routine)
        self.engine = Engine(
            session,
            self._clock,
            wait_for_ready=self.wait_box.isChecked(),
            countdown=self.settings.countdown,
            cue_lead=self._speaker.lead_seconds * self._options.speed,
        )
        self.driver = SessionDriver(self.engine, self._clock, self._options.speed, self)
        self.driver.effects.connect(self.show_effects)
        self._session_id = None
        self._shown_exercise = -1
        index = self.picker.findData(routine.id)
        if index >= 0 and index != self.picker.currentIndex():
            self.picker.blockSignals(True)
            self.picker.setCurrentIndex(index)
            self.picker.blockSignals(False)
        if session.exercises:
            self._show_exercise(0)
        self._show_phase(None)
        self.caption.setText(_("Press Start or the Space bar when you are ready."))
        unfilled = [e.name for e in session.needs_prescription]
        defaults = routine.defaults
        if len(unfilled) > 3:
            note = _(
                "{count} exercises are not prescribed yet and use this routine's default "
                "values (hold {hold} s, {reps} repetitions). Ask your clinic to fill them in."
            ).format(
                count=len(unfilled), hold=f"{defaults.hold_seconds:g}", reps=defaults.repetitions
            )
        elif unfilled:
            note = _("Not prescribed yet, using the routine's default values: {names}.").format(
                names=", ".join(unfilled)
            )
        self._routine_notes = ([note] if unfilled else []) + (
            [personal_problem] if personal_problem else []
        )
        self._show_problems()
        self._update_controls()
        self._refresh_time()

    def _picked(self, index: int) -> None:
        if self.engine is not None and self.engine.state is not State.READY:
            return
        routine_id = self.picker.itemData(index)
        for choice in self._choices:
            if choice.routine.id == routine_id:
                self.load_routine(choice.routine)

    def _wait_toggled(self, checked: bool) -> None:
        if self.engine is not None:
            self.engine.wait_for_ready = checked
        if checked != self.settings.wait_for_me:
            self._store(self.settings.replace(wait_for_me=checked))

    def _store(self, settings: Settings) -> None:
        self.settings = settings
        if self._save_settings is not None:
            try:
                self._save_settings(settings)
            except OSError as error:
                self._problems.append(
                    _("Your settings could not be saved ({reason}).").format(
                        reason=error.strerror or error
                    )
                )
                self._show_problems()

    def open_settings(self) -> SettingsDialog:
        """Shows the settings dialog; saving applies the new settings at once."""
        voices = self._voices if self._voices is not None else list(self._list_voices())
        self._voices = voices
        dialog = SettingsDialog(self, self.settings, voices=voices, test_voice=self._test_voice)
        dialog.accepted.connect(lambda: self._settings_saved(dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_values_editor(self) -> ValuesEditor | None:
        """Shows the personal values editor for this routine (read-only while locked)."""
        personal, loaded, routine = self._personal, self._loaded, self.routine
        if personal is None or loaded is None:
            return None
        editor = ValuesEditor(
            self,
            routine,
            loaded.values,
            progression=loaded.progression,
            locked=personal.locked(),
            check_pin=personal.check_pin,
            import_file=lambda path: personal.read(routine, path),
            export_file=lambda path, values, progression, clinic, patient: personal.export(
                routine, path, values, progression, clinic, patient
            ),
        )
        editor.accepted.connect(lambda: self._values_saved(editor))
        editor.finished.connect(editor.deleteLater)
        editor.open()
        return editor

    def _values_saved(self, editor: ValuesEditor) -> None:
        assert self._personal is not None
        try:
            self._personal.save(self.routine, editor.values(), editor.progression())
        except (OSError, ValueError) as error:
            self._problems.append(
                _("The values could not be saved ({reason}); nothing was changed.").format(
                    reason=error
                )
            )
        self.load_routine(self.routine)

    def _test_voice(self, settings: Settings) -> None:
        self._speaker.interrupt()
        self._speaker.configure(voice_settings(settings))
        self._speaker.say(TEST_SENTENCE)
        self._speaker.configure(voice_settings(self.settings))

    def _settings_saved(self, settings: Settings) -> None:
        self._store(settings)
        self._speaker.configure(voice_settings(settings))
        self.wait_box.setChecked(settings.wait_for_me)
        if self.engine is not None and self.engine.state in (State.READY, State.FINISHED):
            self.load_routine(self.routine)
        elif self.engine is not None:
            self.engine.wait_for_ready = settings.wait_for_me

    def autostart(self) -> None:
        """Starts as soon as the safety notice (if shown) is acknowledged."""
        if self.pages.currentWidget() is self.notice_page:
            self._start_pending = True
        else:
            self.toggle()

    def toggle(self) -> None:
        """Start, pause, resume, or "ready" while waiting."""
        if self.driver is None or not self._on_session_page():
            return
        if self.engine is not None and self.engine.state is State.READY:
            # The voice measures its lateness after start-up; use the latest figure.
            self.engine.cue_lead = self._speaker.lead_seconds * self._options.speed
        self.driver.toggle()
        self._update_controls()

    def _on_session_page(self) -> bool:
        return self.pages.currentWidget() is self.session_page

    def _reason_key(self, reason: StopReason) -> None:
        if self.pages.currentWidget() is self.stop_page:
            self.stop_page.buttons[reason].click()

    def _enter_key(self) -> None:
        if self.pages.currentWidget() is self.notice_page:
            self._notice_accepted()

    def _command(self, name: str) -> None:
        if not self._on_session_page():
            return
        if self.driver is None or self.engine is None or self.engine.segment is None:
            return
        self._speaker.interrupt()
        getattr(self.driver, name)()
        self._update_controls()

    def request_stop(self) -> None:
        """Stop: timer and voice halt at once, then the reasons are asked."""
        if not self._on_session_page():
            return
        if self.driver is None or self.engine is None or self.engine.segment is None:
            return
        self.driver.halt()
        self._speaker.interrupt()
        self._refresh.stop()
        self.stop_page.reset()
        self.pages.setCurrentWidget(self.stop_page)
        self._announce(_("Stopped. What made you stop?"))

    def _stop_chosen(self, reason: StopReason, note: str) -> None:
        if self.driver is None:
            return
        self._stop_note = note
        self.driver.stop(reason)

    # -- rendering effects -----------------------------------------------------------------

    def show_effects(self, effects: list[Effect]) -> None:
        """Shows (and says, and records) each effect in order."""
        for effect in effects:
            if isinstance(effect, SessionStarted):
                self._session_started(effect)
            elif isinstance(effect, PhaseStarted):
                self._phase_started(effect)
            elif isinstance(effect, CountdownTick):
                spoken = countdown_cue(effect.number)
                self.caption.setText(f"{self._phase_caption}   {spoken}")
                self._speaker.say(spoken)
            elif isinstance(effect, ExerciseFinished):
                if self._session_id is not None:
                    self._journal.exercise_finished(
                        self._session_id, effect.exercise_id, effect.exercise, effect.completed
                    )
            elif isinstance(effect, Paused):
                self._refresh.stop()
                self._speaker.interrupt()
                self.caption.setText(_("Paused. Press Space or Resume to go on."))
                self._announce(_("Paused"))
            elif isinstance(effect, Resumed):
                self._refresh.start()
                self._announce(_("Resumed"))
            elif isinstance(effect, SessionEnded):
                self._session_ended(effect)
        self._update_controls()
        self._refresh_time()

    def _session_started(self, effect: SessionStarted) -> None:
        assert self.engine is not None
        values = journal_values(self._day) if self._day is not None else None
        self._session_id = self._journal.start_session(
            self.routine.id, effect.exercises, values=values
        )
        self._real_start = time.monotonic()
        self._refresh.start()

    def _phase_started(self, effect: PhaseStarted) -> None:
        assert self.engine is not None
        segment = effect.segment
        if segment.exercise != self._shown_exercise:
            self._show_exercise(segment.exercise)
        self._phase_total = segment.seconds
        self._show_phase(segment)
        cue = phase_cue(self.engine.schedule, effect.index)
        if self.engine.state is State.WAITING:
            cue += " " + _("Press Ready or the Space bar when you are in position.")
        self._say(cue)
        self._phase_caption = cue
        self._announce(f"{phase_look(segment.phase).words}. {cue}")
        if self._trace is not None:
            start = self.engine.started_at
            speed = self._options.speed
            exercise = self.engine.session.exercises[segment.exercise]
            self._trace.write(
                "phase",
                phase=segment.phase.value,
                exercise=exercise.id,
                side=segment.side.value if segment.side else None,
                rep=segment.rep,
                stage=segment.stage,
                t_planned=round((effect.planned_at - start) / speed, 6),
                t_actual=round((self._clock() - start) / speed, 6),
            )

    def _session_ended(self, effect: SessionEnded) -> None:
        assert self.engine is not None
        self._refresh.stop()
        stop = None
        if effect.outcome is Outcome.STOPPED and effect.reason is not None:
            ids = [exercise.id for exercise in self.engine.session.exercises]
            stop = stop_record(effect, ids, self._stop_note)
        if self._session_id is not None:
            self._journal.end_session(self._session_id, effect.outcome, stop)
        if self._trace is not None:
            self._trace.write(
                "end",
                outcome=effect.outcome.value,
                reason=effect.reason.value if effect.reason else None,
            )
        recorded = (
            _("This session has been recorded in your journal.")
            if self._journal.problem is None
            else self._journal.problem
        )
        if effect.outcome is Outcome.COMPLETED:
            self._say(end_cue(effect))
            self.summary_page.show_text(
                _("Well done!"),
                _("You did {done} of {total} exercises in {time}.").format(
                    done=effect.exercises_completed,
                    total=effect.exercises_total,
                    time=_minutes(effect.session_seconds),
                ),
                recorded,
            )
            self.pages.setCurrentWidget(self.summary_page)
        else:
            advice = stop_advice(effect.reason)
            if effect.reason is not StopReason.CLOSED:
                self._say(advice)
            self.advice_page.show_text(_("Session stopped"), advice, recorded)
            self.pages.setCurrentWidget(self.advice_page)
        if self._options.exit_when_done:
            self.exit_code = EXIT_COMPLETED if effect.outcome is Outcome.COMPLETED else EXIT_STOPPED
            self._exit_deadline = time.monotonic() + LAST_WORDS_SECONDS
            self._exit_poll.start()
        elif self._options.kiosk and effect.reason in (None, StopReason.CLOSED):
            # After a stop for pain, numbness or dizziness the advice stays on screen: a new
            # session must not start talking to someone who should be sitting down.
            self._kiosk_restart.start()

    # -- showing ---------------------------------------------------------------------------

    def _exercise(self, index: int) -> ResolvedExercise:
        assert self.engine is not None
        return self.engine.session.exercises[index]

    def _show_exercise(self, index: int) -> None:
        assert self.engine is not None
        exercise = self._exercise(index)
        total = len(self.engine.session.exercises)
        self._shown_exercise = index
        self.exercise_name.setText(exercise.name)
        count = _("{number} of {total}").format(number=index + 1, total=total)
        if exercise.needs_prescription:
            count = _("Default values, not prescribed yet") + "  ·  " + count
        self.exercise_count.setText(count)
        self.purpose.setText(f"{exercise.exercise.purpose}  ·  {_kind(exercise)}")
        self.picture.show_position(exercise.position)
        self.start_text.setText(exercise.start)
        variant = exercise.variant
        if variant is not None and variant.advice:
            shown = _("Version: {variant}. {advice}").format(
                variant=variant.name, advice=variant.advice
            )
        elif variant is not None:
            shown = _("Version: {variant}").format(variant=variant.name)
        else:
            shown = ""
        self.variant.setText(shown)
        self.variant.setVisible(variant is not None)
        self.building.setText(self._building_text(exercise))
        self.building.setVisible(bool(self.building.text()))
        cautions = list(exercise.exercise.cautions)
        self.cautions.setText("\n".join("⚠  " + c for c in cautions))
        self.cautions.setVisible(bool(cautions))
        tips = exercise.exercise.tips
        self.tips.setText(_("Tips: {tips}").format(tips="  ·  ".join(tips)) if tips else "")
        self.tips.setVisible(bool(tips))
        for label in self.step_labels:
            label.deleteLater()
        self.step_labels = []
        for number, step in enumerate(exercise.steps, start=1):
            label = QLabel(f"{number}.  {step}", self.steps_box)
            label.setWordWrap(True)
            label.setObjectName("step")
            self.steps_layout.insertWidget(self.steps_layout.count() - 1, label)
            self.step_labels.append(label)
        following = index + 1
        self.next_up.setText(
            _("Next: {name}").format(name=self._exercise(following).name)
            if following < total
            else _("Last exercise")
        )
        self._apply_fonts()

    def _building_text(self, exercise: ResolvedExercise) -> str:
        """Today's values beside the targets while progression builds up to them."""
        progress = self._day.progress if self._day is not None else None
        if progress is None or exercise.id not in progress.exercises:
            return ""
        today = progress.exercises[exercise.id]
        if today.reached:
            return _("Prescribed values reached")
        holds = ", ".join(
            _("{today} s of {target} s").format(today=f"{now:g}", target=f"{goal:g}")
            for now, goal in zip(today.holds, today.target.holds, strict=False)
            if goal > 0
        )
        return _("Building up: hold {holds}; {reps} of {target} repetitions").format(
            holds=holds or "–", reps=today.repetitions, target=today.target.repetitions
        )

    def _show_phase(self, segment: Segment | None) -> None:
        look = phase_look(segment.phase if segment else None)
        self.phase.setText(look.words)
        self.phase.setStyleSheet(f"background: {look.colour};")
        current_step = None
        detail_parts: list[str] = []
        breathing = ""
        if segment is not None:
            exercise = self._exercise(segment.exercise)
            if segment.rep is not None:
                detail_parts.append(
                    _("Repetition {number} of {total}").format(
                        number=segment.rep, total=exercise.repetitions
                    )
                )
            if segment.side is not None:
                detail_parts.append(exercise.side_name(segment.side))
            if segment.stage is not None and len(exercise.stages) > 1:
                stage = exercise.stages[segment.stage - 1]
                detail_parts.append(
                    _("Stage {number}: {name}").format(number=segment.stage, name=stage.name)
                )
            if segment.stage is not None:
                stage = exercise.stages[segment.stage - 1]
                current_step = stage.step
                if segment.phase in (Phase.MOVE, Phase.HOLD) and stage.breathing is Breathing.IN:
                    breathing = _("Breathe in")
                elif segment.phase in (Phase.MOVE, Phase.HOLD) and stage.breathing is Breathing.OUT:
                    breathing = _("Breathe out")
            if segment.phase is Phase.RETURN:
                current_step = exercise.exercise.return_step
        self.detail.setText("  ·  ".join(detail_parts))
        self.breathing.setText(breathing)
        self.breathing.setVisible(bool(breathing))
        for number, label in enumerate(self.step_labels, start=1):
            on = number == current_step
            label.setStyleSheet(
                "background: #fff1c2; font-weight: bold; border-radius: 6px;" if on else ""
            )
            label.setAccessibleDescription(_("current step") if on else "")
        self._phase_colour = look.colour

    def _trace_cues(self) -> None:
        reports = self._speaker.reports()
        if self._trace is None:
            return
        start = self._real_start
        for report in reports:
            self._trace.write(
                "cue",
                text=report.text,
                backend=report.backend,
                t_requested=round(report.t_requested - start, 6),
                t_started=None if report.t_started is None else round(report.t_started - start, 6),
                t_finished=(
                    None if report.t_finished is None else round(report.t_finished - start, 6)
                ),
            )

    def _refresh_time(self) -> None:
        self._trace_cues()
        self._show_problems()
        engine = self.engine
        if engine is None:
            return
        segment = engine.segment
        total = engine.schedule.total_ms / 1000
        left = engine.remaining_session()
        colour = phase_look(segment.phase if segment else None).colour
        if segment is None:
            self.ring.show_time(0, 0, colour)
        else:
            self.ring.show_time(engine.remaining(), self._phase_total, colour)
        self.time_left.setText(_("{time} left").format(time=_minutes(left)))
        self.progress.setValue(int(1000 * (1 - left / total)) if total else 0)
        self.progress.setMaximum(1000)

    def _update_controls(self) -> None:
        state = self.engine.state if self.engine else State.FINISHED
        words = {
            State.READY: _("Start"),
            State.RUNNING: _("Pause"),
            State.PAUSED: _("Resume"),
            State.WAITING: _("I'm ready"),
            State.FINISHED: _("Start"),
        }[state]
        self.toggle_button.setText(words)
        self.toggle_button.setAccessibleName(words)
        self.toggle_button.setEnabled(state is not State.FINISHED)
        active = state in (State.RUNNING, State.PAUSED, State.WAITING)
        self.back_button.setEnabled(active)
        self.skip_button.setEnabled(active)
        self.stop_button.setEnabled(active)
        self.picker.setEnabled(state is State.READY and not self._options.kiosk)
        self.settings_button.setEnabled(not active and not self._options.kiosk)
        self.values_button.setEnabled(
            not active and not self._options.kiosk and self._personal is not None
        )

    def _say(self, text: str) -> None:
        self.caption.setText(text)
        self._speaker.say(text)

    def _announce(self, text: str) -> None:
        """Tells screen readers about a phase change (never about each tick)."""
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.phase, text))

    def _show_problems(self) -> None:
        """Shows start-up problems, routine notes, and journal or voice trouble.

        The last two can appear, or go away, mid-session.
        """
        lines = [*self._problems, *self._routine_notes]
        for problem in (self._journal.problem, self._speaker.problem):
            if problem:
                lines.append(problem)
        text = "\n".join(dict.fromkeys(lines))
        if text != self.notice.text():
            self.notice.setText(text)
            self.notice.setVisible(bool(text))

    # -- pages -----------------------------------------------------------------------------

    def _notice_accepted(self) -> None:
        if self._notice_flag is not None:
            try:
                self._notice_flag.parent.mkdir(parents=True, exist_ok=True)
                self._notice_flag.write_text(
                    time.strftime("%Y-%m-%dT%H:%M:%S%z\n"), encoding="utf-8"
                )
            except OSError:
                pass
        self.pages.setCurrentWidget(self.session_page)
        if self._start_pending:
            self._start_pending = False
            self.toggle()

    def _back_to_start(self) -> None:
        self._kiosk_restart.stop()
        self.pages.setCurrentWidget(self.session_page)
        self.load_routine(self.routine)

    def _kiosk_again(self) -> None:
        self._back_to_start()
        self.toggle()

    def _exit_when_quiet(self) -> None:
        """--exit-when-done: lets the last sentence be heard (and traced), then quits."""
        self._trace_cues()
        if self._speaker.busy and time.monotonic() < self._exit_deadline:
            return
        self._exit_poll.stop()
        self._trace_cues()
        QApplication.exit(self.exit_code or 0)

    def _leave_kiosk(self) -> None:
        self._options = WindowOptions(**{**self._options.__dict__, "kiosk": False})
        self.close()

    # -- window events ---------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Asks before ending a session by closing the window; kiosks cannot be closed."""
        if self._options.kiosk:
            event.ignore()
            return
        engine = self.engine
        if engine is None or engine.segment is None:
            self._shutdown()
            event.accept()
            return
        was_running = engine.state is State.RUNNING
        assert self.driver is not None
        self.driver.halt()
        self._speaker.interrupt()
        answer = QMessageBox.question(
            self,
            _("End the session?"),
            _("Closing the window ends this session. It will be recorded as stopped."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.driver.stop(StopReason.CLOSED)
            self._shutdown()
            event.accept()
            return
        if was_running:
            self.driver.toggle()
        event.ignore()

    def _shutdown(self) -> None:
        self._refresh.stop()
        self._kiosk_restart.stop()
        self._exit_poll.stop()
        if self.driver is not None:
            self.driver.shutdown()
        self._speaker.interrupt()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Scales the type with the window, so it reads from across the room at any size."""
        super().resizeEvent(event)
        self._apply_fonts()

    def _apply_fonts(self) -> None:
        unit = min(self.width() / 1024, self.height() / 600)
        sizes = {
            "exercise-name": 32,
            "phase": 34,
            "detail": 22,
            "breathing": 22,
            "caption": 21,
            "start-text": 16,
            "step": 17,
            "caution": 15,
            "muted": 15,
            "notice": 14,
            "time-left": 17,
            "page-title": 34,
            "reason": 26,
            "end-body": 30,
            "building": 16,
        }
        for widget in self.findChildren(QWidget):
            size = sizes.get(widget.objectName())
            if size is None and isinstance(widget, QPushButton | QComboBox | QCheckBox | QLineEdit):
                size = 18
            if widget.objectName() == "stop":
                size = 28
            if size is None and isinstance(widget, QLabel | QPushButton):
                size = 17
            if size is not None:
                font = widget.font()
                font.setPixelSize(max(11, int(size * unit)))
                widget.setFont(font)
        self.stop_button.setMinimumSize(int(200 * unit), int(64 * unit))
        box = int(18 * unit)
        self.wait_box.setStyleSheet(f"QCheckBox::indicator {{ width: {box}px; height: {box}px; }}")
        for button in (self.back_button, self.toggle_button, self.skip_button):
            button.setMinimumHeight(int(52 * unit))
        self.toggle_button.setMinimumWidth(int(150 * unit))
        for button in self.stop_page.buttons.values():
            button.setMinimumHeight(int(64 * unit))


def _kind(exercise: ResolvedExercise) -> str:
    return {
        "stretch": _("Stretch"),
        "strengthen": _("Strengthening"),
        "range-of-motion": _("Range of motion"),
    }[exercise.exercise.kind.value]
