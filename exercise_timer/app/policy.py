"""What differs between a person at home, a clinic kiosk and a scripted run: one policy object.

The controller asks its policy what to do after a session ends and what a person may change;
the window asks it which controls to offer. Nothing else branches on the kind of use.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from exercise_timer.app.options import AppOptions
from exercise_timer.core.effects import Outcome, SessionEnded, StopReason

EXIT_COMPLETED, EXIT_STOPPED = 0, 3
EXIT_WINDOW_GONE = 4
"""A kiosk whose window was destroyed from outside ends with this, for its supervisor."""
SYMPTOMS = frozenset({StopReason.PAIN, StopReason.NUMBNESS, StopReason.DIZZINESS})


@dataclass(frozen=True)
class AfterEnd:
    """What follows a session's end.

    Attributes:
        exit_code: Quit with this code once the last words are heard (None: stay open).
        restart_after: Start a new session after this many real seconds (None: never).
    """

    exit_code: int | None = None
    restart_after: float | None = None


@dataclass(frozen=True)
class Policy:
    """How the program behaves for one kind of use.

    Attributes:
        name: "home", "kiosk" or "exit-when-done", for the trace and the tests.
        full_screen: The window fills the screen.
        can_close: A person may close the window (asked first mid-session).
        can_edit: Settings, personal values and the choice of routine are offered.
        can_wait: "Wait for me" is offered (a kiosk must never stall on it).
        operator_exit: Ctrl+Shift+Q ends the program (the clinic operator's way out).
        restart_seconds: A kiosk starts again this long after a session ends.
        exit_when_done: Quit after one session: 0 completed, 3 stopped.
        asks_pain: After a session, the person may rate their pain (never a kiosk visitor).
        can_leave_out: After a symptom stop, the person may leave the exercise out of their
            own sessions (never a kiosk visitor: the values are not theirs).
        last_words_seconds: How long the last sentence may be heard before quitting.
        idle_seconds: A kiosk gives up on a visitor who walked away: a pause ends after this
            long, the Stop page and the advice after a stop after half of it, and the kiosk
            goes back to its attract screen (None: never; ``--kiosk-idle``).
        keeps_journal: Sessions go into the person's journal and count toward their build-up
            (a kiosk keeps only its counter of sessions).
        attract: While ready for a visitor, the first exercise's figure shows its movement
            over and over (unless the settings reduce motion).
    """

    name: str
    full_screen: bool = False
    can_close: bool = True
    can_edit: bool = True
    can_wait: bool = True
    operator_exit: bool = False
    restart_seconds: float | None = None
    exit_when_done: bool = False
    asks_pain: bool = True
    can_leave_out: bool = True
    last_words_seconds: float = 6.0
    idle_seconds: float | None = None
    keeps_journal: bool = True
    attract: bool = False

    def after_end(self, ended: SessionEnded) -> AfterEnd:
        """What to do when a session has ended."""
        if self.exit_when_done:
            code = EXIT_COMPLETED if ended.outcome is Outcome.COMPLETED else EXIT_STOPPED
            return AfterEnd(exit_code=code)
        if self.restart_seconds is not None and ended.outcome is Outcome.COMPLETED:
            # After a stop the advice stays on screen (a new session must not start talking
            # to someone who should be sitting down) until the kiosk's idle rule takes over.
            return AfterEnd(restart_after=self.restart_seconds)
        return AfterEnd()


HOME = Policy("home")
KIOSK = Policy(
    "kiosk",
    full_screen=True,
    can_close=False,
    can_edit=False,
    can_wait=False,
    operator_exit=True,
    restart_seconds=15.0,
    asks_pain=False,
    can_leave_out=False,
    idle_seconds=60.0,
    keeps_journal=False,
    attract=True,
)


def policy_for(options: AppOptions) -> Policy:
    """The policy the command line's options ask for."""
    base = KIOSK if options.kiosk else HOME
    if options.kiosk and options.kiosk_idle is not None:
        base = replace(base, idle_seconds=options.kiosk_idle)
    if options.exit_when_done:
        return replace(base, name="exit-when-done", exit_when_done=True)
    return base
