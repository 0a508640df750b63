"""Everything a session needs from outside, built once from the options and handed down.

The window, the controller and the tests take a ``Services``; tests build one over a temporary
folder with a recording speaker and a simulated clock.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from exercise_timer.app.options import AppOptions
from exercise_timer.app.policy import policy_for
from exercise_timer.core.i18n import _, current_language
from exercise_timer.core.model import Routine
from exercise_timer.core.resolve import resolve
from exercise_timer.core.schedule import session_ms
from exercise_timer.speech.guarded import GuardedSpeaker
from exercise_timer.speech.speaker import CaptionsOnly, Speaker, VoiceSettings
from exercise_timer.storage import figure_cache
from exercise_timer.storage.atomic import write_text_atomic
from exercise_timer.storage.catalogue import Catalogue
from exercise_timer.storage.journal import SessionJournal, open_journal
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_access import StoredPersonal
from exercise_timer.storage.settings import Settings, load_settings, save_settings
from exercise_timer.storage.trace import TraceWriter

if TYPE_CHECKING:
    from exercise_timer.app.cue_voice import Measure
    from exercise_timer.app.kiosk_exit import KioskExit

READ_ROUTINES = "before-you-start"
"""Under the config folder: a file per routine whose safety page was read."""


class StartupError(Exception):
    """The program cannot start as asked; ``message`` says why and what to do (exit 1)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class RoutineChoice:
    """A routine a person can pick, with how long today's session of it takes."""

    routine: Routine
    seconds: float


def voice_settings(settings: Settings) -> VoiceSettings:
    """The speaker's view of the person's settings, with a voice of the language in use."""
    from exercise_timer.speech.voice_choice import spoken_voice

    return VoiceSettings(
        voice=spoken_voice(str(settings["voice"]) or None, current_language()),
        rate=int(str(settings["rate"])),
        volume=float(str(settings["volume"])),
        mute=bool(settings["mute"]),
    )


@dataclass
class Services:
    """The program's collaborators; ``close()`` releases the ones that hold files or workers.

    Attributes:
        journal: Where sessions are recorded.
        speaker: The voice (or captions only).
        clock: Real monotonic seconds; the controller scales it by ``--speed``.
        settings: The person's settings as they are now (``store_settings`` changes them).
        personal: Personal values, prescriptions and the lock; None runs the routine as written.
        trace: ``--trace FILE``, or None.
        problems: Start-up problems to state in the window, in words.
        write_settings: Saves settings (raises OSError); None keeps them in memory only.
        list_voices: The voices for the settings, as (id, label); asked only when needed.
    """

    journal: SessionJournal
    speaker: Speaker
    clock: Callable[[], float]
    settings: Settings = field(default_factory=Settings.default)
    personal: StoredPersonal | None = None
    catalogue: Catalogue | None = None
    paths: Paths | None = None
    trace: TraceWriter | None = None
    problems: list[str] = field(default_factory=list)
    write_settings: Callable[[Settings], None] | None = None
    list_voices: Callable[[], Sequence[tuple[str, str]]] = tuple
    read_routines_dir: Path | None = None
    """One file per routine whose "before you start" page was read; None never shows it."""
    cue_cache: Path | None = None
    """Where measured cue lengths are kept; None keeps them in memory only."""
    measure_cues: Callable[[str | None, int], Measure | None] = lambda _voice, _rate: None
    """How to measure cues at a voice and rate; None (the default) uses estimates only."""
    kiosk_exit: KioskExit | None = None
    """A kiosk's way out (the PIN and its waits); None where the window may simply close."""

    def __post_init__(self) -> None:
        """The session never waits on the voice: a speaker that raises is wrapped so it cannot."""
        if not isinstance(self.speaker, GuardedSpeaker):
            self.speaker = GuardedSpeaker(self.speaker)

    def routine_choices(self, current: Routine) -> list[RoutineChoice]:
        """The routines to pick from (``current`` included), with today's durations."""
        routines = list(self.catalogue.routines) if self.catalogue is not None else []
        if all(r.id != current.id for r in routines):
            routines.append(current)
        choices = []
        for routine in routines:
            if self.personal is not None:
                loaded = self.personal.load(routine)  # a damaged file is moved aside here
                if loaded.problem and loaded.problem not in self.problems:
                    self.problems.append(loaded.problem)
                session = self.personal.today(loaded).session
            else:
                session = resolve(routine)
            choices.append(RoutineChoice(routine, session_ms(session) / 1000))
        return choices

    def store_settings(self, settings: Settings) -> str | None:
        """Makes ``settings`` current and saves them; a sentence when saving failed."""
        self.settings = settings
        self.speaker.configure(voice_settings(settings))
        if self.write_settings is None:
            return None
        try:
            self.write_settings(settings)
        except OSError as error:
            return _("Your settings could not be saved ({reason}).").format(
                reason=error.strerror or error
            )
        return None

    def test_voice(self, settings: Settings, sentence: str) -> None:
        """Says ``sentence`` with ``settings`` (not yet saved), then goes back to the saved ones."""
        self.speaker.interrupt()
        self.speaker.configure(voice_settings(settings))
        self.speaker.say(sentence)
        self.speaker.configure(voice_settings(self.settings))

    def routine_read(self, routine_id: str) -> bool:
        """Whether the routine's "before you start" page was read (always, without a folder)."""
        if self.read_routines_dir is None:
            return True
        return (self.read_routines_dir / routine_id).exists()

    def mark_routine_read(self, routine_id: str) -> None:
        """Remembers that the routine's page was read (a failure only means it shows again)."""
        if self.read_routines_dir is None:
            return
        with contextlib.suppress(OSError):
            write_text_atomic(
                self.read_routines_dir / routine_id, time.strftime("%Y-%m-%dT%H:%M:%S%z\n")
            )

    def sessions_this_week(self, routine_id: str, now: datetime | None = None) -> int:
        """Sessions of the routine completed since Monday (the journal's readable ones)."""
        today = (now or datetime.now().astimezone()).date()
        monday = today - timedelta(days=today.weekday())
        return sum(
            1
            for record in self.journal.sessions()
            if record.routine == routine_id
            and record.outcome == "completed"
            and record.started_at.date() >= monday
        )

    def close(self) -> None:
        """Stops the voice, closes the journal and the trace."""
        try:
            self.speaker.close()
        finally:
            self.journal.close()
            if self.trace is not None:
                self.trace.close()


def _measurer(speaker: Speaker) -> Callable[[str | None, int], Measure | None]:
    """Measures cues with a one-shot worker of the real voice; nothing without one."""
    if speaker.problem is not None or isinstance(speaker, CaptionsOnly):
        return lambda _voice, _rate: None
    from exercise_timer.app.cue_voice import real_measure

    return real_measure


def _voice_choices() -> list[tuple[str, str]]:
    from exercise_timer.speech.probe import probe_speech

    status = probe_speech(with_voices=True)
    return [(v.id, f"{v.name} ({', '.join(v.languages)})") for v in status.voices]


def _kiosk_exit(paths: Paths) -> KioskExit:
    """A kiosk's way out; its PIN and lock modules load only for a kiosk."""
    from exercise_timer.app.kiosk_exit import KioskExit, kiosk_pin_check

    return KioskExit(kiosk_pin_check(paths), time.monotonic)


def build_services(options: AppOptions, paths: Paths, catalogue: Catalogue) -> Services:
    """Opens the journal, the trace and the voice for a window session.

    Raises:
        StartupError: The trace file cannot be written.
    """
    trace = None
    if options.trace is not None:
        try:
            trace = TraceWriter(options.trace)
        except OSError as error:
            raise StartupError(
                _("{file}: cannot write the trace ({reason}); check the folder exists").format(
                    file=options.trace, reason=error.strerror
                )
            ) from None
    policy = policy_for(options)
    figure_cache.keep_in(paths.cache_dir)
    journal: SessionJournal
    personal: StoredPersonal | None = None
    if policy.keeps_journal:
        journal = open_journal(paths.journal_file)
        personal = StoredPersonal(paths, catalogue, journal)
    else:  # a kiosk: visitors' sessions are counted, never recorded, and use no one's values
        from exercise_timer.app.kiosk_journal import KioskJournal
        from exercise_timer.storage.kiosk_counter import KioskCounter, kiosk_counter_file

        journal = KioskJournal(KioskCounter(kiosk_counter_file(paths)))
    problems = [str(p) for p in catalogue.problems]
    loaded = load_settings(paths.settings_file)
    if loaded.problem:
        problems.append(loaded.problem)
    for lost in journal.interrupted_since_last_open():
        problems.append(
            _(
                "A session of {routine} started {when} ended unexpectedly; "
                "it is recorded as interrupted."
            ).format(routine=lost.routine, when=lost.started_at.strftime("%Y-%m-%d %H:%M"))
        )
    if options.no_voice:
        speaker: Speaker = CaptionsOnly(None)  # what make_speaker gives, without the probe
    else:
        from exercise_timer.speech.probe import make_speaker

        speaker = make_speaker(voice_settings(loaded.settings), options.no_voice)
    return Services(
        journal=journal,
        speaker=speaker,
        clock=time.monotonic,
        settings=loaded.settings,
        personal=personal,
        catalogue=catalogue,
        paths=paths,
        trace=trace,
        read_routines_dir=paths.config_dir / READ_ROUTINES,
        cue_cache=paths.cue_seconds_file,
        measure_cues=_measurer(speaker),
        kiosk_exit=_kiosk_exit(paths) if policy.operator_exit else None,
        problems=problems,
        write_settings=lambda settings: save_settings(paths.settings_file, settings),
        list_voices=_voice_choices,
    )
