"""Child of bench_startup_stages.py: start-up run up to one stage, then ``os._exit(0)``.

  startup_stage_child.py bare STAGE            import | built | shown
  startup_stage_child.py program HOME STAGE    start | cli | catalogue | app-layer | pyside |
                                               window-module | controller | main-window | shown
  startup_stage_child.py whole HOME            the real start, ``cli.main``, to the shown window

The program's stages are those of ``cli.window.cmd_window`` and ``ui.app.run_window`` (with
``--no-voice``), step by step, for a returning user whose session page comes first. ``whole``
is the start bench_window.py times: ``cli.main`` itself, its window maximised on the screen
(offscreen: 800x600, so the window keeps its 1024x600 minimum), and what the first paint
posts, up to the same "shown" as there. The
display refresh timer is stopped before the first show: under valgrind a 100 ms timer fires
long before the paint, and the poll it runs (which fits the cues) belongs after it.
"""

from __future__ import annotations

import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"

BARE_STAGES = ("import", "built", "shown")
PROGRAM_STAGES = (
    "start",
    "cli",
    "catalogue",
    "app-layer",
    "pyside",
    "window-module",
    "controller",
    "main-window",
    "shown",
)


def reached(stage: str, wanted: str) -> None:
    """Ends the process at the wanted stage (no clean-up: only what start-up did is counted)."""
    if stage == wanted:
        sys.stdout.flush()
        os._exit(0)


def bare(wanted: str) -> None:
    """bench_window.py's bare window: a QApplication and a 1280x800 label, shown."""
    from PySide6.QtWidgets import QApplication, QLabel

    reached("import", wanted)
    app = QApplication(sys.argv[:1])
    label = QLabel("Exercise Timer")
    label.resize(1280, 800)
    reached("built", wanted)
    label.show()
    while label.windowHandle() is None or not label.windowHandle().isExposed():
        app.processEvents()
    app.processEvents()
    reached("shown", wanted)


def program(home: str, wanted: str) -> None:
    """The window's start-up as cmd_window and run_window do it, stage by stage."""
    reached("start", wanted)
    from pathlib import Path

    try:
        from exercise_timer.program_start import begin
    except ImportError:  # a checkout from before it (--before): importing the package did it
        pass
    else:
        begin()  # as cli.main does first
    from exercise_timer.cli import entry  # noqa: F401  (what `exercise-timer` imports)
    from exercise_timer.storage.catalogue import load_catalogue, open_routine
    from exercise_timer.storage.paths import Paths

    reached("cli", wanted)
    paths = Paths.under(Path(home))
    catalogue = load_catalogue(paths)
    routine = open_routine("xplain-back", paths, catalogue)
    reached("catalogue", wanted)
    import exercise_timer.app.controller
    import exercise_timer.app.routine_language
    import exercise_timer.core.figures.motion
    import exercise_timer.core.vocabulary
    import exercise_timer.speech.voice_choice
    import exercise_timer.storage.figure_files

    reached("app-layer", wanted)
    try:
        from exercise_timer.ui.shiboken_code import import_pyside
    except ImportError:  # a checkout from before decision 0015 (--before)
        pass
    else:
        import_pyside()  # as ui/app.py imports PySide6
    from PySide6.QtWidgets import QApplication

    reached("pyside", wanted)
    import exercise_timer.ui.app  # noqa: F401
    from exercise_timer.app.controller import SessionController
    from exercise_timer.app.options import AppOptions
    from exercise_timer.app.policy import policy_for
    from exercise_timer.app.services import build_services
    from exercise_timer.ui.main_window import MainWindow

    reached("window-module", wanted)
    options = AppOptions(routine="xplain-back", no_voice=True)
    services = build_services(options, paths, catalogue)
    app = QApplication(sys.argv[:1])
    choices = services.routine_choices(routine)
    controller = SessionController(services, routine, policy=policy_for(options), speed=1.0)
    reached("controller", wanted)
    window = MainWindow(controller, choices=choices)
    window.driver._refresh.stop()
    reached("main-window", wanted)
    window.resize(1280, 800)
    window.show()
    while window.windowHandle() is None or not window.windowHandle().isExposed():
        app.processEvents()
    app.processEvents()
    reached("shown", wanted)


def whole(home: str) -> None:
    """``cli.main`` as bench_window.py's child runs it, ended once the window is shown."""
    from window_child import after_import, wait_exposed  # the helper beside this file

    def shown_instead_of_exec(app: object) -> int:
        from PySide6.QtCore import QTimer

        tops = app.topLevelWidgets()  # type: ignore[attr-defined]
        windows = [w for w in tops if w.inherits("QMainWindow")]
        windows[0].findChild(QTimer, "display-refresh").stop()  # as "program" does
        wait_exposed(app, windows[0])
        reached("shown", "shown")
        return 0

    def replace_exec(widgets: object) -> None:
        widgets.QApplication.exec = shown_instead_of_exec  # type: ignore[attr-defined]

    def no_refresh(driver_module: object) -> None:
        # Under valgrind 100 ms pass within the first paint: the refresh would fire (and fit
        # the cues) before "shown", which in real time it does not. Stopped at exec, and not
        # restarted after the first paint (a checkout from before that has no such call).
        driver_module.ControllerDriver.refresh_from_now = lambda driver: None  # type: ignore[attr-defined]

    after_import("PySide6.QtWidgets", replace_exec)
    after_import("exercise_timer.ui.driver", no_refresh)
    from exercise_timer.cli import main

    main(["--home", home, "--no-voice"])


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare(sys.argv[2])
    elif sys.argv[1] == "whole":
        whole(sys.argv[2])
    else:
        program(sys.argv[2], sys.argv[3])
    sys.exit(2)  # the stage was not one of ours
