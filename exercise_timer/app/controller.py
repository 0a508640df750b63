"""The session controller: the one owner of the engine, the journal writes, the trace and the cues.

The window (or a test, or a headless run) sends commands and wakes the controller at its
deadlines; the controller answers by publishing an immutable ``SessionState`` to its listeners.
It never waits and never imports Qt: its clocks are injected, so a whole session runs on a
simulated clock exactly as it runs in the window.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from exercise_timer.app.after_stop import AfterStop
from exercise_timer.app.before_start import BeforeStart
from exercise_timer.app.cue_text import ready_caption
from exercise_timer.app.kiosk import KioskRules
from exercise_timer.app.place import place_of
from exercise_timer.app.policy import HOME, Policy
from exercise_timer.app.services import Services
from exercise_timer.app.session_cues import SessionCues
from exercise_timer.app.state import Notices, SessionState, Status
from exercise_timer.app.trace_events import write_cues, write_end, write_phase
from exercise_timer.app.values import values_today
from exercise_timer.core.clock import ScaledClock
from exercise_timer.core.cues import countdown_cue, end_cue, stop_advice
from exercise_timer.core.effects import (
    CountdownTick,
    Effect,
    ExerciseFinished,
    Outcome,
    Paused,
    PhaseStarted,
    SessionEnded,
    SessionStarted,
    StopReason,
)
from exercise_timer.core.engine import Engine, State
from exercise_timer.core.i18n import _
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import PersonalValues
from exercise_timer.core.progression import Progression
from exercise_timer.core.resolve import resolve
from exercise_timer.storage.journal import WithdrawnStop, stop_record
from exercise_timer.storage.personal_store import LoadedPersonal, Today, journal_values
from exercise_timer.storage.settings import Settings

Listener = Callable[[SessionState], None]

TAKE_BACK_SECONDS = 10.0
"""How long after Stop the person may say "I pressed Stop by mistake"."""

AUTOSTART_PATIENCE = 5.0
"""Real seconds ``--autostart`` waits at most for the voice's lead and the cues' lengths."""

_STATUS = {
    State.READY: Status.READY,
    State.RUNNING: Status.RUNNING,
    State.WAITING: Status.WAITING,
    State.PAUSED: Status.PAUSED,
    State.FINISHED: Status.ENDED,
}


class SessionController:
    """Runs sessions of one routine at a time for a window, a kiosk or a headless test."""

    def __init__(
        self,
        services: Services,
        routine: Routine,
        *,
        policy: Policy = HOME,
        speed: float = 1.0,
    ) -> None:
        self.services = services
        self.policy = policy
        self.speed = speed
        self._listeners: list[Listener] = []
        self._real = services.clock
        self._clock: Callable[[], float] = (
            services.clock if speed == 1 else ScaledClock(services.clock, speed)
        )
        self._wait_for_me = services.settings.wait_for_me and policy.can_wait
        self._exit_code: int | None = None
        self._exit_at: tuple[int, float] | None = None
        self._restart_at: float | None = None
        self._extra_problems: list[str] = []
        self._asking = False
        self._was_running = False
        self._halted_at = 0.0
        self._pain: int | None = None
        self.loaded: LoadedPersonal | None = None
        self.day: Today | None = None
        self._autostart_by: float | None = None
        self._watches: list[Callable[[SessionController], None]] = []
        if policy.idle_seconds is not None:
            self._watches.append(KioskRules(policy.idle_seconds, services.clock))
        self._cues = SessionCues(
            services, lambda: (self.engine.schedule, self.speed, self._wait_for_me)
        )
        self.routine = routine
        self.engine = self._new_engine(routine)

    # -- reading ---------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Calls ``listener`` with every new state from now on."""
        self._listeners.append(listener)

    @property
    def state(self) -> SessionState:
        """The session as it is now."""
        engine = self.engine
        segment = engine.segment
        place = place_of(engine, self._shown)
        exercise = place.exercise
        asking = self._asking and engine.state is not State.FINISHED
        return SessionState(
            routine=self.routine,
            status=Status.ASKING if asking else _STATUS[engine.state],
            exercise_count=len(engine.session.exercises),
            exercise_index=place.index,
            exercise=exercise,
            next_exercise=place.following,
            segment=segment,
            phase_serial=self._phase_serial,
            phase_seconds=segment.seconds if segment is not None else 0.0,
            seconds_left=engine.remaining(),
            session_seconds_left=engine.remaining_session(),
            session_total_seconds=engine.schedule.total_ms / 1000,
            values=values_today(exercise, self.day),
            current_step=place.step,
            breathing=place.breathing,
            cue=self._cue,
            notices=self._notices(),
            ended=engine.ended,
            note=self._note,
            recorded=self._recorded,
            notice_pending=self._before.shown,
            start_blocked=self._before.pending,
            sessions_this_week=self._before.week,
            wait_for_me=self._wait_for_me,
            exit_code=self._exit_code,
            asks_pain=self._asks_pain(),
            can_take_back=self._can_take_back(),
            pain_rating=self._pain,
            offer_leave_out=self._after.offer,
            leave_out_answer=self._after.answer,
        )

    def next_wake(self) -> float | None:
        """Real seconds until ``wake()`` has work to do, or None when nothing is due."""
        deadline = self.engine.next_deadline()
        if deadline is None:
            return None
        return max(0.0, (deadline - self._clock()) / self.speed)

    def next_wake_ms(self) -> int | None:
        """``next_wake()`` in whole milliseconds, rounded up (never early)."""
        wait = self.next_wake()
        return None if wait is None else math.ceil(wait * 1000)

    # -- commands --------------------------------------------------------------------------

    def load(self, routine: Routine) -> None:
        """Prepares a new session of ``routine``; nothing runs until ``start()``."""
        self.routine = routine
        self.engine = self._new_engine(routine)
        self._cues.forget()
        self._publish()

    def again(self) -> None:
        """Back to the start of the same routine after a session ended."""
        self._restart_at = None
        self.load(self.routine)

    def autostart(self) -> None:
        """Starts as soon as the routine's safety page (if it must be shown) is read."""
        if self._before.pending:
            self._before.start_waiting = True
        else:
            self._start_when_voice_ready()

    def acknowledge_notice(self) -> None:
        """The person read the routine's "before you start" page.

        For a routine only for prescribed patients this is also their word that it was.
        """
        if self._before.read():
            self._start_when_voice_ready()
        else:
            self._publish()

    def decline_notice(self) -> None:
        """The exercises were not prescribed: no session of this routine starts."""
        self._before.decline()
        self._cue = _(
            "These exercises are only for patients whose clinic prescribed them. Ask your "
            "clinic before you do them, or choose another routine."
        )
        self._publish()

    def show_notice(self) -> None:
        """Shows the routine's "before you start" page again (from its button, before a session)."""
        if self.engine.state is State.READY:
            self._before.pending = True
            self._before.show_again()
            self._publish()

    def start(self) -> None:
        """Begins the session (after the routine's safety page, if it must be shown)."""
        if self._before.pending:
            self._before.show_again()
            self._publish()
            return
        if self.engine.state is not State.READY:
            return
        self._autostart_by = None
        # The voice measures its lateness after start-up; use the latest figure.
        self.engine.cue_lead = self.services.speaker.lead_seconds * self.speed
        self._cues.refit()
        self._apply(self.engine.start())

    def toggle(self) -> None:
        """Space: start, pause, resume, or "I'm ready" while waiting."""
        if self._asking or self._before.shown:
            return
        state = self.engine.state
        if state is State.READY:
            self.start()
        elif state is State.RUNNING:
            self._apply(self.engine.pause())
        elif state is State.PAUSED:
            self._apply(self.engine.resume())
        elif state is State.WAITING:
            self._apply(self.engine.ready())

    def skip(self) -> None:
        """On to the next exercise."""
        self._jump(self.engine.skip)

    def back(self) -> None:
        """Restarts this exercise, or goes to the previous one if it has just started."""
        self._jump(self.engine.back)

    def halt(self, *, ask: bool = True) -> None:
        """Stop was pressed: timer and voice halt at once, then the reason is asked.

        With ``ask=False`` the session is only held while the window asks something else
        (whether to close); ``carry_on()`` lets it go on as it was.
        """
        if self.engine.segment is None or self._asking:
            return
        self._was_running = self.engine.state is State.RUNNING
        self._asking = ask
        self._halted_at = self._real()
        self.services.speaker.interrupt()
        self._apply(self.engine.pause(), publish=False)
        self._publish()

    def carry_on(self) -> None:
        """The person did not stop after all: the session goes on as it was before ``halt``."""
        self._asking = False
        if self._was_running and self.engine.state is State.PAUSED:
            self._was_running = False
            self._apply(self.engine.resume())
        else:
            self._publish()

    def take_back_stop(self) -> None:
        """The person says they pressed Stop by mistake (within 10 s of it).

        The exercise goes on from the start of its repetition; the journal keeps the Stop that
        was taken back.
        """
        if not self._can_take_back():
            return
        segment = self.engine.segment
        assert segment is not None
        if self._session_id is not None:
            exercise = self.engine.session.exercises[segment.exercise]
            self.services.journal.stop_withdrawn(
                self._session_id,
                WithdrawnStop(
                    exercise=exercise.id,
                    side=segment.side.value if segment.side is not None else None,
                    rep=segment.rep,
                    stage=segment.stage,
                    phase=segment.phase.value,
                    session_seconds=round(self.engine.session_seconds(), 3),
                ),
            )
        self._asking = False
        self._apply(self.engine.restart_repetition(), publish=False)
        self._apply(self.engine.resume())

    def stop(self, reason: StopReason, note: str = "") -> None:
        """Ends the session for ``reason``, with the person's note; there is no resuming."""
        if self.engine.segment is None:
            return
        self._note = note
        self.services.speaker.interrupt()
        self._apply(self.engine.stop(reason))

    def close(self) -> None:
        """The window closes: a session under way is recorded as stopped, "closed"."""
        if self.engine.segment is not None:
            self.stop(StopReason.CLOSED)
        self.shutdown()

    def wake(self) -> None:
        """Does whatever has fallen due (the window's timer calls this at each deadline)."""
        self._apply(self.engine.advance())

    def poll(self) -> None:
        """Frequent housekeeping: cue reports and lengths, autostart, restart, quitting."""
        self._trace_cues()
        settled = self._cues.poll()
        now = self._real()
        ready = self.services.speaker.lead_measured and settled
        if self._autostart_by is not None and (ready or now >= self._autostart_by):
            self.start()
        if self._exit_at is not None:
            code, latest = self._exit_at
            # The optional questions after a session (pain, leaving an exercise out) can be
            # answered until then; unanswered, they hold the exit no longer than the last words.
            waiting = self._asks_pain() or (self._after.offer and self._after.answer is None)
            if (not self.services.speaker.busy and not waiting) or now >= latest:
                self._exit_at = None
                self._trace_cues()
                self._exit_code = code
        if self._restart_at is not None and now >= self._restart_at:
            self._restart_at = None
            self.load(self.routine)
            self.start()
            return
        for watch in self._watches:
            watch(self)
        self._publish()

    def set_wait_for_me(self, on: bool) -> None:
        """Turns "wait for me" on or off, and remembers it."""
        on = on and self.policy.can_wait
        self._wait_for_me = on
        self.engine.wait_for_ready = on
        self._cues.refit()
        if on != self.services.settings.wait_for_me:
            self._problem(
                self.services.store_settings(self.services.settings.replace(wait_for_me=on))
            )
        self._publish()

    def apply_settings(self, settings: Settings) -> None:
        """Saves new settings and applies them at once."""
        self._problem(self.services.store_settings(settings))
        self._wait_for_me = settings.wait_for_me and self.policy.can_wait
        if self.engine.state in (State.READY, State.FINISHED):
            self.load(self.routine)
        else:
            self.engine.wait_for_ready = self._wait_for_me
            self._cues.refit()
            self._publish()

    def test_voice(self, settings: Settings, sentence: str) -> None:
        """Says ``sentence`` with ``settings`` (not yet saved), then goes back to the saved ones."""
        self.services.test_voice(settings, sentence)

    def save_values(self, values: PersonalValues, progression: Progression) -> None:
        """Saves the personal values of this routine and prepares a session with them."""
        personal = self.services.personal
        if personal is None:
            return
        try:
            personal.save(self.routine, values, progression)
        except (OSError, ValueError) as error:
            self._problem(
                _("The values could not be saved ({reason}); nothing was changed.").format(
                    reason=error
                )
            )
        self.load(self.routine)

    def rate_pain(self, rating: int | None) -> None:
        """After a session: the person's pain from 0 (none) to 10 (the worst), None to skip.

        Raises:
            ValueError: ``rating`` is not a whole number from 0 to 10.
        """
        if not self._asks_pain():
            return
        if rating is not None:
            if self._session_id is not None:
                self.services.journal.rate_pain(self._session_id, rating)
            self._pain = rating
        self._pain_answered = True
        self._publish()

    def leave_out(self, exercise_id: str) -> None:
        """After a symptom stop: leaves the exercise out until the clinic is asked."""
        self._problem(self._after.leave_out(self.routine, exercise_id))
        self._publish()

    def keep_in(self) -> None:
        """After a symptom stop: the exercise stays in."""
        self._after.keep_in()
        self._publish()

    def shutdown(self) -> None:
        """Silences the voice and writes what the trace still lacks; nothing runs after this."""
        self._restart_at = None
        self._exit_at = None
        self.services.speaker.interrupt()
        self._trace_cues()

    # -- inside ----------------------------------------------------------------------------

    def _new_engine(self, routine: Routine) -> Engine:
        personal = self.services.personal
        if personal is not None:
            self.loaded = personal.load(routine)
            self.day = personal.today(self.loaded)
            session = self.day.session
        else:
            self.loaded, self.day = None, None
            session = resolve(routine)
        self._before = BeforeStart(self.services, routine.id)
        self._after = AfterStop(self.services, self.policy)
        self._last_time = self._after.last_time(routine, self.loaded)
        self._session_id: int | None = None
        self._shown = 0
        self._phase_serial = 0
        self._asking = False
        self._was_running = False
        self._note = ""
        self._recorded = False
        self._pain = None
        self._pain_answered = False
        self._real_start = 0.0
        self._phase_cue = ""
        self._cue = ready_caption(routine, self._before.week if self.policy.keeps_journal else None)
        return Engine(
            session,
            self._clock,
            wait_for_ready=self._wait_for_me,
            countdown=self.services.settings.countdown,
            cue_lead=self.services.speaker.lead_seconds * self.speed,
        )

    def _notices(self) -> Notices:
        session = self.engine.session
        defaults = self.routine.defaults
        return Notices(
            startup=tuple(dict.fromkeys([*self.services.problems, *self._extra_problems])),
            unfilled=tuple(e.name for e in session.needs_prescription),
            default_hold=defaults.hold_seconds,
            default_repetitions=defaults.repetitions,
            personal_problem=self.loaded.problem if self.loaded is not None else None,
            build_up_problem=self.day.problem if self.day is not None else None,
            journal_problem=self.services.journal.problem,
            speech_problem=self.services.speaker.problem,
            last_time=self._last_time,
        )

    def _can_take_back(self) -> bool:
        return (
            self._asking
            and self.engine.segment is not None
            and self._real() - self._halted_at <= TAKE_BACK_SECONDS
        )

    def _asks_pain(self) -> bool:
        ended = self.engine.ended
        return (
            self.policy.asks_pain
            and ended is not None
            and ended.reason is not StopReason.CLOSED
            and self._session_id is not None
            and not self._pain_answered
        )

    def _problem(self, problem: str | None) -> None:
        if problem:
            self._extra_problems.append(problem)

    def _jump(self, command: Callable[[], list[Effect]]) -> None:
        if self.engine.segment is None or self._asking:
            return
        self.services.speaker.interrupt()
        self._apply(command())

    def _apply(self, effects: list[Effect], *, publish: bool = True) -> None:
        for effect in effects:
            if isinstance(effect, SessionStarted):
                self._started()
            elif isinstance(effect, PhaseStarted):
                self._phase_started(effect)
            elif isinstance(effect, CountdownTick):
                spoken = countdown_cue(effect.number)
                self._cue = f"{self._phase_cue}   {spoken}"
                if self._cues.plan().says_count(effect.index, effect.number):
                    self.services.speaker.say(spoken)
            elif isinstance(effect, ExerciseFinished):
                if self._session_id is not None:
                    self.services.journal.exercise_finished(
                        self._session_id, effect.exercise_id, effect.exercise, effect.completed
                    )
            elif isinstance(effect, Paused):
                self.services.speaker.interrupt()
                if not self._asking:
                    self._cue = _("Paused. Press Space or Resume to go on.")
            elif isinstance(effect, SessionEnded):
                self._ended(effect)
        if publish:
            self._publish()

    def _started(self) -> None:
        values = journal_values(self.day) if self.day is not None else None
        self._session_id = self.services.journal.start_session(
            self.routine.id, len(self.engine.session.exercises), values=values
        )
        self._real_start = self._real()

    def _phase_started(self, effect: PhaseStarted) -> None:
        segment = effect.segment
        self._shown = segment.exercise
        self._phase_serial += 1
        cue = self._cues.plan().cues[effect.index]
        self._cue = self._phase_cue = cue.caption
        if cue.text:
            expected = cue.seconds if cue.measured else None
            self.services.speaker.say(cue.text, expected_seconds=expected)
        if self.services.trace is not None:
            start = self.engine.started_at
            write_phase(
                self.services.trace,
                segment,
                self.engine.session.exercises[segment.exercise].id,
                t_planned=(effect.planned_at - start) / self.speed,
                t_actual=(self._clock() - start) / self.speed,
            )

    def _ended(self, effect: SessionEnded) -> None:
        self._asking = False
        stop = None
        if effect.outcome is Outcome.STOPPED and effect.reason is not None:
            ids = [exercise.id for exercise in self.engine.session.exercises]
            stop = stop_record(effect, ids, self._note)
        journal = self.services.journal
        if self._session_id is not None:
            where = effect.where
            if stop is not None and where is not None:
                journal.exercise_finished(
                    self._session_id, stop.exercise or "", where.exercise, False, stopped=True
                )
            journal.end_session(self._session_id, effect.outcome, stop)
        self._recorded = self._session_id is not None and journal.problem is None
        self._after.ended(effect, [exercise.id for exercise in self.engine.session.exercises])
        if self.services.trace is not None:
            write_end(self.services.trace, effect)
        if effect.outcome is Outcome.COMPLETED:
            self._cue = end_cue(effect, self.routine.advice.at_end)
            self.services.speaker.say(self._cue)
        else:
            advice = stop_advice(effect.reason)
            self._cue = advice
            if effect.reason is not StopReason.CLOSED:
                self.services.speaker.say(advice)
        after = self.policy.after_end(effect)
        now = self._real()
        if after.exit_code is not None:
            self._exit_at = (after.exit_code, now + self.policy.last_words_seconds)
        if after.restart_after is not None:
            self._restart_at = now + after.restart_after

    def _start_when_voice_ready(self) -> None:
        """Starts once the voice knows its lead and the cues' lengths (or after a while)."""
        self._autostart_by = self._real() + AUTOSTART_PATIENCE
        self.poll()

    def _trace_cues(self) -> None:
        reports = self.services.speaker.reports()
        if self.services.trace is not None:
            write_cues(self.services.trace, reports, self._real_start)

    def _publish(self) -> None:
        if not self._listeners:
            return
        state = self.state
        for listener in list(self._listeners):
            listener(state)
