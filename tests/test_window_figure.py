"""The moving figure on the session page: in step with the session's clock, on a fake clock.

The frame timer is driven by hand (``driver.frame()``, as the timer would call it), so no test
waits on real time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox
from pytestqt.qtbot import QtBot
from window_support import advance_to, make_window, press

from exercise_timer import resources
from exercise_timer.app.policy import KIOSK
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.figures.blend import both_sides, mirror
from exercise_timer.core.figures.book import FigureBook
from exercise_timer.core.figures.motion import FigureFrame
from exercise_timer.core.figures.skeleton import Pose
from exercise_timer.core.loader import load_routine, parse_routine_text
from exercise_timer.core.model import Routine, Side
from exercise_timer.core.schedule import Phase
from exercise_timer.storage.figure_files import load_routine_figures
from exercise_timer.storage.journal import Journal
from exercise_timer.storage.settings import Settings, save_settings
from exercise_timer.ui.driver import FRAME_MS
from exercise_timer.ui.figure_view import FigureView, Scene, draw_still, scene_box, still_scenes
from exercise_timer.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def answer_close_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a window mid-session asks a question; at teardown the answer is Yes."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)


@pytest.fixture(scope="module")
def xplain() -> Routine:
    return load_routine(resources.routines_dir() / "xplain-back.toml")


@pytest.fixture(scope="module")
def book(xplain: Routine) -> FigureBook:
    return load_routine_figures(xplain)


def view_of(window: MainWindow) -> FigureView:
    return window.session_page.figure.view


def drawn_pose(window: MainWindow) -> Pose:
    [scene] = view_of(window).scenes
    return scene.pose


def same_pose(a: Pose, b: Pose) -> bool:
    return (
        (a.view, a.rest, a.facing, a.anchor) == (b.view, b.rest, b.facing, b.anchor)
        and a.angles.keys() == b.angles.keys()
        and all(abs(a.angles[k] - b.angles[k]) < 1e-6 for k in a.angles)
        and abs(a.x - b.x) < 1e-6
    )


def frames_timer(window: MainWindow) -> QTimer:
    timer = window.driver.findChild(QTimer, "figure-frames")
    assert isinstance(timer, QTimer)
    return timer


def next_phase(window: MainWindow, clock: SimulatedClock) -> None:
    """Moves the clock to the end of the phase and wakes the controller, as the timer would."""
    advance_to(window, clock, window.controller.state.seconds_left)


def until(window: MainWindow, clock: SimulatedClock, phase: Phase, side: Side | None) -> None:
    for _ in range(400):
        state = window.controller.state
        if state.phase is phase and state.side is side:
            return
        next_phase(window, clock)
    raise AssertionError(f"no {phase} on side {side}")


@pytest.fixture
def started(
    qtbot: QtBot, xplain: Routine, journal: Journal, clock: SimulatedClock
) -> Iterator[MainWindow]:
    window = make_window(qtbot, xplain, journal, clock)
    press(qtbot, window, Qt.Key.Key_Space)
    yield window


def test_the_figure_at_the_end_of_move_is_the_stages_end_pose(
    started: MainWindow, clock: SimulatedClock, book: FigureBook
) -> None:
    until(started, clock, Phase.MOVE, None)
    state = started.controller.state
    assert state.exercise is not None and state.stage == 1
    figure = book.find(state.exercise.id)
    assert figure is not None
    assert same_pose(drawn_pose(started), figure.start)
    clock.advance(state.seconds_left)  # the frame before the deadline wakes the controller
    started.driver.frame()
    assert same_pose(drawn_pose(started), figure.stage(1).end)
    assert not same_pose(figure.stage(1).end, figure.start)


def test_the_left_side_is_the_mirror_of_the_right(
    started: MainWindow, clock: SimulatedClock, book: FigureBook
) -> None:
    started.controller.skip()  # Single Leg Pull: right leg, then left
    until(started, clock, Phase.HOLD, Side.LEFT)
    state = started.controller.state
    assert state.exercise is not None
    figure = book.find(state.exercise.id)
    assert figure is not None
    assert same_pose(drawn_pose(started), mirror(figure.stage(1).end))
    [scene] = view_of(started).scenes
    assert scene.holding and scene.highlight
    assert all(not part.startswith("right_") for part in scene.highlight)


def test_frames_follow_the_sessions_clock_and_pause_freezes_the_figure(
    started: MainWindow, clock: SimulatedClock
) -> None:
    until(started, clock, Phase.MOVE, None)
    before = drawn_pose(started)
    clock.advance(0.4)
    started.driver.frame()
    moved = drawn_pose(started)
    assert not same_pose(moved, before)
    started.toggle()  # pause
    assert not started.driver.animating
    paused = drawn_pose(started)
    assert same_pose(paused, moved)
    for _ in range(5):
        clock.advance(0.2)
        started.driver.frame()
        started.controller.poll()
        assert same_pose(drawn_pose(started), paused)
    started.toggle()  # resume: the figure goes on from where it stood
    assert started.driver.animating
    clock.advance(0.2)
    started.driver.frame()
    assert not same_pose(drawn_pose(started), paused)


def test_skip_and_back_change_the_figure_at_once(
    started: MainWindow, clock: SimulatedClock, book: FigureBook
) -> None:
    until(started, clock, Phase.MOVE, None)
    clock.advance(0.5)
    started.driver.frame()
    press_skip = started.session_page.skip_button
    press_skip.click()
    state = started.controller.state
    assert state.exercise is not None and state.phase is Phase.PREPARE
    figure = book.find(state.exercise.id)
    assert figure is not None
    assert same_pose(drawn_pose(started), figure.start)
    assert not started.driver.animating
    started.session_page.back_button.click()
    state = started.controller.state
    assert state.exercise is not None
    assert state.exercise_index == 0
    first = book.find(state.exercise.id)
    assert first is not None
    assert same_pose(drawn_pose(started), first.start)


def test_the_frame_timer_runs_only_while_the_figure_moves_at_30_a_second(
    started: MainWindow, clock: SimulatedClock
) -> None:
    timer = frames_timer(started)
    assert started.controller.state.phase is Phase.PREPARE
    assert not timer.isActive()
    until(started, clock, Phase.MOVE, None)
    assert timer.isActive()
    assert 1000 / timer.interval() >= 30
    assert timer.interval() == FRAME_MS
    next_phase(started, clock)
    assert started.controller.state.phase is Phase.HOLD
    assert not timer.isActive()
    next_phase(started, clock)
    assert started.controller.state.phase is Phase.RETURN
    assert timer.isActive()
    next_phase(started, clock)
    assert started.controller.state.phase is Phase.RELAX
    assert not timer.isActive()


def test_the_frame_timer_stops_when_the_movement_is_drawn_to_its_end(
    started: MainWindow, clock: SimulatedClock
) -> None:
    until(started, clock, Phase.MOVE, None)
    clock.advance(started.controller.state.seconds_left + 0.01)
    started.driver.frame()  # the deadline has not woken the controller yet
    assert not started.driver.animating


def test_stop_freezes_the_figure_and_stops_the_frames(
    started: MainWindow, clock: SimulatedClock
) -> None:
    until(started, clock, Phase.MOVE, None)
    clock.advance(0.3)
    started.driver.frame()
    pose = drawn_pose(started)
    started.request_stop()
    assert not started.driver.animating
    clock.advance(1.0)
    started.driver.frame()
    assert same_pose(drawn_pose(started), pose)


@pytest.fixture
def reduce_motion(tmp_path: Path) -> Path:
    path = tmp_path / "settings.toml"
    save_settings(path, Settings.default().replace(reduce_motion=True))
    return path


def test_reduce_motion_shows_the_still_and_runs_no_frame_timer(
    qtbot: QtBot,
    xplain: Routine,
    journal: Journal,
    clock: SimulatedClock,
    reduce_motion: Path,
    book: FigureBook,
) -> None:
    window = make_window(qtbot, xplain, journal, clock, settings_path=reduce_motion)
    press(qtbot, window, Qt.Key.Key_Space)
    until(window, clock, Phase.MOVE, None)
    view = view_of(window)
    state = window.controller.state
    assert state.exercise is not None
    figure = book.find(state.exercise.id)
    assert figure is not None
    assert view.still
    assert len(view.scenes) == len(figure.stages) + 1
    assert same_pose(view.scenes[0].pose, figure.start)
    assert same_pose(view.scenes[1].pose, figure.stage(1).end)
    assert not any(scene.holding for scene in view.scenes)
    assert not frames_timer(window).isActive()
    next_phase(window, clock)
    assert window.controller.state.phase is Phase.HOLD
    assert view.still and view.scenes[1].holding  # the held parts lit while holding
    assert not frames_timer(window).isActive()


def test_reduce_motion_takes_effect_at_once_when_changed(
    started: MainWindow, clock: SimulatedClock
) -> None:
    services = started.controller.services
    until(started, clock, Phase.MOVE, None)
    assert started.driver.animating
    dialog = started.open_settings()
    box = dialog.editors["reduce_motion"]
    assert isinstance(box, QCheckBox) and not box.isChecked()
    box.setChecked(True)
    dialog.accept()
    assert view_of(started).still
    assert not started.driver.animating
    assert services.settings.reduce_motion
    dialog = started.open_settings()
    box = dialog.editors["reduce_motion"]
    assert isinstance(box, QCheckBox) and box.isChecked()
    box.setChecked(False)
    dialog.accept()
    assert not view_of(started).still
    assert started.driver.animating


def test_a_routine_without_figures_keeps_the_pictogram(
    qtbot: QtBot, example_text: str, journal: Journal, clock: SimulatedClock
) -> None:
    routine = parse_routine_text(example_text, "mine.toml")
    window = make_window(qtbot, routine, journal, clock)
    page = window.session_page
    assert not page.figure.shows_figure
    assert page.picture.isVisible() and page.picture.has_picture()
    press(qtbot, window, Qt.Key.Key_Space)
    until(window, clock, Phase.MOVE, window.controller.state.side)
    assert not page.figure.shows_figure
    assert not window.driver.animating


def test_both_sides_show_both_limbs_working(
    qtbot: QtBot, journal: Journal, clock: SimulatedClock
) -> None:
    spine = load_routine(resources.routines_dir() / "spine-clinic.toml")
    window = make_window(qtbot, spine, journal, clock)
    press(qtbot, window, Qt.Key.Key_Space)
    segments = window.controller.engine.schedule.segments
    both = next(s.exercise for s in segments if s.side is Side.BOTH)
    for _ in range(both):
        window.controller.skip()
    until(window, clock, Phase.HOLD, Side.BOTH)
    state = window.controller.state
    assert state.exercise is not None
    figure = load_routine_figures(spine).find(state.exercise.id)
    assert figure is not None
    assert same_pose(drawn_pose(window), both_sides(figure.stage(1).end))


def test_the_kiosk_loops_the_first_figure_while_ready_and_stops_at_start(
    qtbot: QtBot, xplain: Routine, journal: Journal, clock: SimulatedClock, book: FigureBook
) -> None:
    window = make_window(qtbot, xplain, journal, clock, policy=KIOSK)
    state = window.controller.state
    assert state.exercise is not None and state.exercise_index == 0
    figure = book.find(state.exercise.id)
    assert figure is not None
    assert window.driver.animating
    first = drawn_pose(window)
    assert same_pose(first, figure.start)
    clock.advance(2.0)
    window.driver.frame()
    assert not same_pose(drawn_pose(window), first)
    seen_end = False
    for _ in range(200):  # one round of the loop and more, a frame each 0.1 s
        clock.advance(0.1)
        window.driver.frame()
        window.controller.poll()
        seen_end = seen_end or same_pose(drawn_pose(window), figure.stage(1).end)
    assert seen_end
    press(qtbot, window, Qt.Key.Key_Space)
    state = window.controller.state
    assert state.phase is Phase.PREPARE
    assert not window.driver.animating
    assert same_pose(drawn_pose(window), figure.start)


def test_no_attract_loop_at_home_or_with_reduce_motion(
    qtbot: QtBot,
    xplain: Routine,
    journal: Journal,
    clock: SimulatedClock,
    reduce_motion: Path,
) -> None:
    home = make_window(qtbot, xplain, journal, clock)
    assert home.session_page.figure.shows_figure
    assert not home.driver.animating
    home.close()
    kiosk = make_window(qtbot, xplain, journal, clock, policy=KIOSK, settings_path=reduce_motion)
    assert view_of(kiosk).still
    assert not kiosk.driver.animating


def screen_image(window: MainWindow) -> QImage:
    """What the window's backing store holds (the offscreen screen), not a fresh render."""
    screen = window.screen()
    return screen.grabWindow(window.winId()).toImage()


def test_frames_repaint_only_the_body_and_leave_no_trace(
    started: MainWindow, clock: SimulatedClock
) -> None:
    view = view_of(started)
    started.controller.skip()  # Single Leg Pull: the knee comes up a long way
    until(started, clock, Phase.MOVE, Side.RIGHT)
    QApplication.processEvents()
    painted: list[QRect] = []

    class Regions(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if isinstance(event, QPaintEvent):
                painted.append(event.rect())
            return False

    spy = Regions(view)
    view.installEventFilter(spy)
    for phase in (Phase.MOVE, Phase.RETURN):  # the knee comes up, and goes back down
        until(started, clock, phase, Side.RIGHT)
        for _ in range(8):
            clock.advance(0.25)
            started.driver.frame()
            QApplication.processEvents()
    assert painted
    assert all(rect.width() * rect.height() < view.width() * view.height() for rect in painted)
    stepped = screen_image(started)
    view.update()  # all of it, from scratch
    QApplication.processEvents()
    assert screen_image(started) == stepped


def test_a_refresh_between_frames_leaves_the_moving_figure_to_the_frames(
    started: MainWindow, clock: SimulatedClock
) -> None:
    until(started, clock, Phase.MOVE, None)
    clock.advance(0.3)
    started.driver.frame()
    pose = drawn_pose(started)
    clock.advance(0.01)
    started.controller.poll()  # the display refresh: the countdown, not the figure
    assert drawn_pose(started) is pose
    started.driver.frame()
    assert drawn_pose(started) is not pose


def test_a_frame_clears_where_the_body_was(qtbot: QtBot, book: FigureBook) -> None:
    figure = book.figures[0]
    here = figure.start
    there = replace(here, x=here.x + 150.0)  # far off: the two bodies do not overlap

    def frame(pose: Pose) -> FigureFrame:
        return FigureFrame(pose, here, (), False, (), moving=True)

    box = scene_box([Scene.of(frame(here)), Scene.of(frame(there))])
    view = FigureView()
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    view.show_frame(frame(here), box)
    QApplication.processEvents()
    view.show_frame(frame(there), box)
    QApplication.processEvents()
    shown = view.screen().grabWindow(view.winId()).toImage()
    view.update()
    QApplication.processEvents()
    assert view.screen().grabWindow(view.winId()).toImage() == shown


def floor_lines(image: QImage) -> int:
    """How many floor lines a still has: bands of rows inked across most of the image."""
    white = QColor("white").rgb()
    long_rows = [
        y
        for y in range(image.height())
        if sum(image.pixel(x, y) != white for x in range(0, image.width(), 4))
        > 0.7 * image.width() / 4
    ]
    return sum(1 for a, b in zip([-100, *long_rows], long_rows, strict=False) if b - a > 10)


@pytest.mark.parametrize(("width", "height", "stacked"), [(300, 600, True), (900, 200, False)])
def test_a_still_stacks_its_panels_where_that_draws_them_bigger(
    book: FigureBook, width: int, height: int, stacked: bool
) -> None:
    figure = book.find("single-leg-pull")  # lying down: wider than tall
    assert figure is not None
    scenes = still_scenes(figure)
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    draw_still(painter, QRectF(0, 0, width, height), scenes, scene_box(scenes))
    painter.end()
    assert floor_lines(image) == (len(scenes) if stacked else 1)
