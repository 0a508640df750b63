"""What keeps the first window quick: pages built when first shown, no ``Qt`` namespace yet.

Each saving must leave the window as it was: a page built late looks the same to the pixel
as one built before the first show, and the values set by name are the ``Qt`` enums'.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from window_support import make_window

from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.effects import StopReason
from exercise_timer.core.loader import parse_routine_text
from exercise_timer.core.model import Routine
from exercise_timer.storage.journal import Journal
from exercise_timer.ui.app import set_window_icon
from exercise_timer.ui.driver import ControllerDriver
from exercise_timer.ui.first_paint import FirstPaint
from exercise_timer.ui.main_window import KEYS, MainWindow
from exercise_timer.ui.qt_by_name import ALIGN_CENTER, TOOL_TIP_ROLE, set_by_name

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def answer_close_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a window mid-session asks a question; at teardown the answer is Yes."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)


@pytest.fixture
def routine(example_text: str) -> Routine:
    return parse_routine_text(example_text, "ex.toml")


def test_values_set_by_name_are_the_qt_enums(qtbot: QtBot) -> None:
    label, button, timer = QLabel(), QPushButton(), QTimer()
    qtbot.addWidget(label)
    qtbot.addWidget(button)
    set_by_name(label, "alignment", "AlignLeft|AlignBottom")
    set_by_name(label, "textFormat", "PlainText")
    set_by_name(button, "focusPolicy", "TabFocus")
    set_by_name(timer, "timerType", "PreciseTimer")
    assert label.alignment() == Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
    assert label.textFormat() is Qt.TextFormat.PlainText
    assert button.focusPolicy() is Qt.FocusPolicy.TabFocus
    assert timer.timerType() is Qt.TimerType.PreciseTimer
    assert Qt.ItemDataRole(TOOL_TIP_ROLE) is Qt.ItemDataRole.ToolTipRole
    assert Qt.AlignmentFlag(ALIGN_CENTER) is Qt.AlignmentFlag.AlignCenter


def test_a_wrong_name_is_an_error_not_a_silent_default(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match="AlignMiddle"):
        set_by_name(label, "alignment", "AlignMiddle")
    with pytest.raises(ValueError, match="alinement"):
        set_by_name(label, "alinement", "AlignCenter")


def test_the_keys_by_name_are_the_qt_keys() -> None:
    from PySide6.QtGui import QKeySequence

    expected = (
        Qt.Key.Key_Space,
        Qt.Key.Key_Right,
        Qt.Key.Key_Left,
        Qt.Key.Key_Escape,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
    )
    assert [QKeySequence(name) for name in KEYS] == [QKeySequence(key) for key in expected]


def test_pages_not_on_screen_are_built_when_first_shown(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> None:
    read = tmp_path / "read"
    read.mkdir()
    (read / routine.id).write_text("read\n", encoding="utf-8")
    window = make_window(qtbot, routine, journal, clock, notice=read)
    assert [page.objectName() for page in window.built_pages()] == ["session-page"]

    window.controller.toggle()
    window.controller.halt()
    assert window.pages.currentWidget() is window.stop_page
    window.controller.stop(StopReason.PAIN, "")
    assert window.pages.currentWidget() is window.advice_page
    assert [page.objectName() for page in window.built_pages()] == [
        "session-page",
        "stop-page",
        "advice-page",
    ]


def test_the_before_page_alone_is_built_when_it_comes_first(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> None:
    window = make_window(qtbot, routine, journal, clock, notice=tmp_path / "read")
    assert [page.objectName() for page in window.built_pages()] == ["before-page"]
    assert window.before_page.button.hasFocus()
    window.controller.acknowledge_notice()
    assert window.pages.currentWidget() is window.session_page


def grab(window: MainWindow) -> QImage:
    """The window's pixels, with the keyboard focus on Start in both (it draws a frame)."""
    window.session_page.toggle_button.setFocus()
    QApplication.processEvents()
    return window.grab().toImage()


def test_a_page_built_late_looks_as_one_built_before_the_first_show(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> None:
    read = tmp_path / "read"
    first = make_window(qtbot, routine, journal, clock, notice=read)
    first.controller.acknowledge_notice()  # the session page is built now, on screen
    QApplication.processEvents()  # the layout and paint the switch posted
    late = grab(first)
    first.close()
    again = make_window(qtbot, routine, journal, clock, notice=read)
    assert again.built_pages() == [again.session_page]
    QApplication.processEvents()
    assert grab(again) == late


def test_the_first_screen_does_not_build_the_qt_namespace(tmp_path: Path) -> None:
    """Its ~90 enums cost 15-25 ms of start-up; the first screen needs none of them."""
    read = tmp_path / "home" / "config" / "before-you-start"
    read.mkdir(parents=True)
    (read / "xplain-back").write_text("read\n", encoding="utf-8")
    script = textwrap.dedent(
        """
        import sys
        import PySide6.QtCore as core
        from PySide6.QtWidgets import QApplication
        from exercise_timer.cli import main

        def shown(app):
            [window] = [w for w in app.topLevelWidgets() if w.objectName() == "main-window"]
            for _ in range(50):
                app.processEvents()
            print(window.pages.currentWidget().objectName(), "Qt" in vars(core))
            return 0

        QApplication.exec = shown
        sys.exit(main(["--home", sys.argv[1], "--no-voice"]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "home")],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=True,
    )
    assert done.stdout.split() == ["session-page", "False"]


def test_the_display_refresh_counts_from_the_first_paint_and_stays_stopped_after_shutdown(
    qtbot: QtBot,
    routine: Routine,
    journal: Journal,
    clock: SimulatedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    restarted: list[bool] = []
    original = ControllerDriver.refresh_from_now

    def noted(driver: ControllerDriver) -> None:
        window = driver.parent()
        assert isinstance(window, MainWindow)
        restarted.append(window.first_paint.painted)
        original(driver)

    monkeypatch.setattr(ControllerDriver, "refresh_from_now", noted)
    window = make_window(qtbot, routine, journal, clock, notice=tmp_path / "read")
    qtbot.waitUntil(lambda: bool(restarted))
    assert restarted == [True]  # once, after the window was painted
    refresh = window.findChild(QTimer, "display-refresh")
    assert refresh is not None and refresh.isActive()
    window.driver.shutdown()
    original(window.driver)
    assert not refresh.isActive()


def test_work_for_after_the_first_paint_waits_for_it(qtbot: QtBot) -> None:
    window = QLabel("first screen")
    qtbot.addWidget(window)
    first_paint = FirstPaint(window)
    done: list[str] = []
    first_paint.then(lambda: done.append("icon"))
    for _ in range(3):
        QApplication.processEvents()
    assert done == [] and not first_paint.painted  # built, not shown: nothing painted yet
    window.show()
    qtbot.waitUntil(lambda: done == ["icon"])
    assert first_paint.painted
    first_paint.then(lambda: done.append("later"))  # after the paint: soon, not never
    qtbot.waitUntil(lambda: done == ["icon", "later"])
    window.update()
    for _ in range(3):
        QApplication.processEvents()
    assert done == ["icon", "later"]  # once only


def test_the_window_icon_is_the_programs(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    set_window_icon(app)
    assert not app.windowIcon().isNull()
    assert app.windowIcon().availableSizes() or app.windowIcon().pixmap(32, 32).width() == 32
