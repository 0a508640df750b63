"""Starts the Qt application: builds the services and the controller, shows the window."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from exercise_timer import resources, startup_gc
from exercise_timer.app.controller import SessionController
from exercise_timer.app.options import AppOptions
from exercise_timer.app.policy import policy_for
from exercise_timer.app.services import StartupError, build_services
from exercise_timer.core.i18n import _
from exercise_timer.core.model import Routine
from exercise_timer.storage.catalogue import Catalogue
from exercise_timer.storage.paths import Paths
from exercise_timer.ui.shiboken_code import import_pyside

import_pyside()  # PySide6 itself, with its support modules' byte-code kept (decision 0015)

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from exercise_timer.ui.main_window import MainWindow  # noqa: E402
from exercise_timer.ui.qt_language import follow_language  # noqa: E402
from exercise_timer.ui.screen_fit import fit_to_screen  # noqa: E402


def _display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return True
    if sys.platform != "linux" or QApplication.instance() is not None:
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


SETTLE_MS = 500
"""After the first paint, how long the window is left alone before what waits for it to
settle: the collector, paused for the start, collects once and resumes
(``startup_gc.settle``), and the window icon is set."""

SETTLE_LATEST_MS = 5000
"""After the show, when that is done even if no first paint was seen."""


def set_window_icon(app: QApplication) -> None:
    """The program's icon (QIcon, its enums and its SVG engine: about 3 ms)."""
    from PySide6.QtGui import QIcon

    icon = resources.asset("icon.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def settling(app: QApplication) -> Callable[[], None]:
    """What the window does once it has settled after its start, done the first time only.

    The icon is for the task bar and the title bar, which a person does not read in the
    first half second; the window's first screen is what they are waiting for.
    """
    done = False

    def settle() -> None:
        nonlocal done
        if not done:
            done = True
            startup_gc.settle()
            set_window_icon(app)

    return settle


def run_window(options: AppOptions, paths: Paths, catalogue: Catalogue, routine: Routine) -> int:
    """Opens the window on ``routine`` and runs until it closes; returns the exit code.

    The language is already chosen (``--lang``, else the settings'), and ``catalogue`` and
    ``routine`` were read in it.
    """
    if not _display_available():
        print(
            _(
                "No display found: the window needs a desktop session (DISPLAY or "
                "WAYLAND_DISPLAY). For commands without a window see exercise-timer --help."
            ),
            file=sys.stderr,
        )
        return 1
    try:
        services = build_services(options, paths, catalogue)
    except StartupError as error:
        print(error.message, file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    follow_language()  # Qt's own words (Save, Cancel, dialogs) in the language in use
    app.setApplicationName("exercise-timer")
    app.setApplicationDisplayName(_("Exercise Timer"))
    app.setDesktopFileName("exercise-timer")
    policy = policy_for(options)
    try:
        choices = services.routine_choices(routine)
        controller = SessionController(services, routine, policy=policy, speed=options.speed)
        window = MainWindow(controller, choices=choices)
        settle = settling(app)
        window.first_paint.then(lambda: QTimer.singleShot(SETTLE_MS, settle))
        if policy.full_screen:
            from exercise_timer.ui.kiosk_screen import KioskScreen

            KioskScreen(app, window).show()
        elif fit_to_screen(window):
            window.showMaximized()
        else:
            window.show()
        window.activateWindow()
        QTimer.singleShot(SETTLE_LATEST_MS, settle)  # a window never painted
        if options.autostart:
            window.autostart()
        code = app.exec()
        window.driver.shutdown()
        controller.shutdown()
    finally:
        services.close()
    result = window.exit_code if window.exit_code is not None else code
    # Qt objects go before Python finalises them in arbitrary order.
    window.deleteLater()
    del window
    app.processEvents()
    return result
