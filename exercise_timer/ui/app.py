"""Starts the Qt application and wires the window to the journal, the voice and the trace."""

from __future__ import annotations

import argparse
import os
import sys
import time

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from exercise_timer import resources
from exercise_timer.core.clock import ScaledClock
from exercise_timer.core.i18n import _
from exercise_timer.core.model import Routine
from exercise_timer.core.schedule import build_schedule
from exercise_timer.speech.probe import make_speaker, probe_speech
from exercise_timer.storage.catalogue import Catalogue
from exercise_timer.storage.journal import open_journal
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_access import StoredPersonal
from exercise_timer.storage.settings import load_settings, save_settings
from exercise_timer.storage.trace import TraceWriter
from exercise_timer.ui.main_window import MainWindow, RoutineChoice, WindowOptions, voice_settings

NOTICE_FLAG = "safety-notice-seen"


def _voice_choices() -> list[tuple[str, str]]:
    """The voices for the settings dialog, as (id, "Name (languages)")."""
    status = probe_speech(with_voices=True)
    return [(v.id, f"{v.name} ({', '.join(v.languages)})") for v in status.voices]


def _display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return True
    if sys.platform != "linux" or QApplication.instance() is not None:
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_window(
    args: argparse.Namespace, paths: Paths, catalogue: Catalogue, routine: Routine
) -> int:
    """Opens the window on ``routine`` and runs until it closes; returns the exit code."""
    if not _display_available():
        print(
            _(
                "No display found: the window needs a desktop session (DISPLAY or "
                "WAYLAND_DISPLAY). For commands without a window see exercise-timer --help."
            ),
            file=sys.stderr,
        )
        return 1
    trace = None
    if args.trace is not None:
        try:
            trace = TraceWriter(args.trace)
        except OSError as error:
            print(
                _("{file}: cannot write the trace ({reason}); check the folder exists").format(
                    file=args.trace, reason=error.strerror
                ),
                file=sys.stderr,
            )
            return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("exercise-timer")
    app.setApplicationDisplayName(_("Exercise Timer"))
    app.setDesktopFileName("exercise-timer")
    icon = resources.asset("icon.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))

    routines = list(catalogue.routines)
    if all(r.id != routine.id for r in routines):
        routines.append(routine)
    journal = open_journal(paths.journal_file)
    personal = StoredPersonal(paths, catalogue, journal)
    problems = [str(p) for p in catalogue.problems]
    choices = []
    for each in routines:
        values = personal.load(each)  # a damaged file is moved aside here: say so now
        if values.problem:
            problems.append(values.problem)
        seconds = build_schedule(personal.today(values).session).total_ms / 1000
        choices.append(RoutineChoice(each, seconds))
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
    speaker = make_speaker(voice_settings(loaded.settings), args.no_voice)
    try:
        window = MainWindow(
            choices=choices,
            routine=routine,
            journal=journal,
            speaker=speaker,
            clock=ScaledClock(time.monotonic, args.speed),
            options=WindowOptions(
                speed=args.speed,
                autostart=args.autostart,
                exit_when_done=args.exit_when_done,
                kiosk=args.kiosk,
            ),
            notice_flag=paths.config_dir / NOTICE_FLAG,
            trace=trace,
            problems=problems,
            settings=loaded.settings,
            save_settings=lambda settings: save_settings(paths.settings_file, settings),
            list_voices=_voice_choices,
            personal=personal,
        )
        if args.kiosk:
            window.showFullScreen()
        else:
            window.resize(1280, 800)
            window.show()
        window.activateWindow()
        if args.autostart:
            window.autostart()
        code = app.exec()
    finally:
        speaker.close()
        journal.close()
        if trace is not None:
            trace.close()
    result = window.exit_code if window.exit_code is not None else code
    # Qt objects go before Python finalises them in arbitrary order.
    window.deleteLater()
    del window
    app.processEvents()
    return result
