"""The follow-along window: draws the controller's ``SessionState`` and forwards keys and buttons.

It decides nothing about the session and writes nothing: every press is a command to the
``SessionController``, every change on screen comes from a new state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from exercise_timer.app.controller import SessionController
from exercise_timer.app.routine_language import RoutineLanguage
from exercise_timer.app.services import RoutineChoice
from exercise_timer.app.state import SessionState, Status
from exercise_timer.core.cues import stop_advice
from exercise_timer.core.effects import Outcome
from exercise_timer.core.i18n import _, current_language, use_language
from exercise_timer.storage.settings import Settings
from exercise_timer.ui import words
from exercise_timer.ui.driver import ControllerDriver
from exercise_timer.ui.first_paint import FirstPaint
from exercise_timer.ui.keys import FocusKeys
from exercise_timer.ui.scaling import apply_fonts, scale_dialog
from exercise_timer.ui.theme import phase_look, style_sheet

if TYPE_CHECKING:  # these load when first shown or opened, not with the first screen
    from exercise_timer.ui.before_page import BeforePage
    from exercise_timer.ui.exit_page import ExitPage
    from exercise_timer.ui.history_page import HistoryPage
    from exercise_timer.ui.pages import EndPage, StopPage
    from exercise_timer.ui.session_page import SessionPage
    from exercise_timer.ui.settings_dialog import SettingsDialog
    from exercise_timer.ui.values_editor import ValuesEditor

KEYS = ("Space", "Right", "Left", "Esc", "Return", "Enter")
"""The keys the window answers to, by name: ``Qt.Key`` would build the whole ``Qt`` namespace."""

Page = TypeVar("Page", bound=QWidget)


class MainWindow(QMainWindow):
    """The window a person follows from across the room."""

    def __init__(
        self, controller: SessionController, *, choices: list[RoutineChoice] | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.setStyleSheet(style_sheet(high_contrast=controller.services.settings.high_contrast))
        self.setMinimumSize(1024, 600)
        self.controller = controller
        self.policy = controller.policy
        self.has_values = controller.services.personal is not None
        self._choices = choices if choices is not None else [RoutineChoice(controller.routine, 0)]
        self._voices: list[tuple[str, str]] | None = None
        self._last: SessionState | None = None
        self._leaving = False
        self.exit_code: int | None = None

        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self._shown: QWidget | None = None
        self._session_page: SessionPage | None = None
        self._before_page: BeforePage | None = None
        self._stop_page: StopPage | None = None
        self._advice_page: EndPage | None = None
        self._summary_page: EndPage | None = None
        self._exit_page: ExitPage | None = None
        self._exiting = False
        self._history_page: HistoryPage | None = None
        self._in_history = False
        self._shortcuts: list[QShortcut] = []
        self._keys()
        self.driver = ControllerDriver(controller, self)
        self.driver.on_frame(self._figure_frame)
        self.first_paint = FirstPaint(self)
        self.first_paint.then(self.driver.refresh_from_now)  # its first poll after the paint
        controller.subscribe(self.show_state)
        self.routine_language = RoutineLanguage(controller, self._choices)
        self.setWindowTitle(_("Exercise Timer"))
        self.show_state(controller.state)

    # -- pages, each built the first time it is wanted ---------------------------------------

    @property
    def session_page(self) -> SessionPage:
        """The page a person follows (built when first wanted)."""
        if self._session_page is None:
            from exercise_timer.ui.print_sheet import today_sheet
            from exercise_timer.ui.session_page import SessionPage

            page = SessionPage(
                self.pages,
                self._choices,
                self.policy,
                has_values=self.has_values,
                new_labels=self.apply_fonts,
                clock=self.controller.services.clock,
                reduce_motion=self.controller.services.settings.reduce_motion,
            )
            controller = self.controller
            page.picker.currentIndexChanged.connect(self._picked)
            page.wait_box.toggled.connect(controller.set_wait_for_me)
            page.settings_button.clicked.connect(self.open_settings)
            page.values_button.clicked.connect(self.open_values_editor)
            page.safety_button.clicked.connect(controller.show_notice)
            page.history_button.clicked.connect(self.open_history)
            page.print_button.source = lambda: today_sheet(controller)
            page.back_button.clicked.connect(lambda: self._command(controller.back))
            page.toggle_button.clicked.connect(self.toggle)
            page.skip_button.clicked.connect(lambda: self._command(controller.skip))
            page.stop_button.clicked.connect(self.request_stop)
            self._session_page = self._added(page)
            if self._last is not None:
                page.draw(self._last)
        return self._session_page

    @property
    def before_page(self) -> BeforePage:
        """The routine's safety text and advice before its first session."""
        if self._before_page is None:
            from exercise_timer.ui.before_page import BeforePage

            page = BeforePage(self.pages)
            page.accepted.connect(self.controller.acknowledge_notice)
            page.declined.connect(self.controller.decline_notice)
            self._before_page = self._added(page)
            if self._last is not None:
                page.show_routine(self._last)
        return self._before_page

    @property
    def stop_page(self) -> StopPage:
        """The question after Stop."""
        if self._stop_page is None:
            from exercise_timer.ui.pages import StopPage

            page = StopPage(self.pages)
            page.chosen.connect(self.controller.stop)
            page.taken_back.connect(self.controller.take_back_stop)
            self._stop_page = self._added(page)
            if self._last is not None:
                page.mistake.setVisible(self._last.can_take_back)
        return self._stop_page

    @property
    def advice_page(self) -> EndPage:
        """The advice after a stopped session."""
        if self._advice_page is None:
            self._advice_page = self._end_page_named("advice-page")
            self._advice_page.caution.left_out.connect(self.controller.leave_out)
            self._advice_page.caution.kept_in.connect(self.controller.keep_in)
        return self._advice_page

    @property
    def summary_page(self) -> EndPage:
        """The summary of a completed session."""
        if self._summary_page is None:
            self._summary_page = self._end_page_named("summary-page")
        return self._summary_page

    @property
    def exit_page(self) -> ExitPage:
        """A kiosk's way out: the PIN (only with a kiosk's exit guard)."""
        if self._exit_page is None:
            from exercise_timer.ui.exit_page import ExitPage

            guard = self.controller.services.kiosk_exit
            assert guard is not None
            idle = self.policy.idle_seconds or 60.0
            page = ExitPage(self.pages, guard, idle / 2)
            page.left.connect(self._left_kiosk)
            page.cancelled.connect(self._back_to_kiosk)
            self._exit_page = self._added(page)
        return self._exit_page

    @property
    def history_page(self) -> HistoryPage:
        """The sessions in the journal, from the start screen (built when first opened)."""
        if self._history_page is None:
            from exercise_timer.ui.history_page import HistoryPage

            page = HistoryPage(self.pages, self._choices)
            page.closed.connect(self.close_history)
            self._history_page = self._added(page)
        return self._history_page

    def open_history(self) -> None:
        """Shows the history page (only before a session); the window's keys rest until Esc."""
        if self.controller.state.status is not Status.READY or self._in_history:
            return
        self._in_history = True
        self._keys_on(False)
        self.history_page.show_history(self.controller.services.journal, self.controller.routine.id)
        self.show_state(self.controller.state)

    def close_history(self) -> None:
        """Back to the start screen from the history page."""
        if not self._in_history:
            return
        self._in_history = False
        self._keys_on(True)
        self.show_state(self.controller.state)
        self.session_page.history_button.setFocus()

    def _end_page_named(self, name: str) -> EndPage:
        from exercise_timer.ui.pages import EndPage

        page = EndPage(self.pages, name)
        page.again.connect(self.controller.again)
        page.pain.rated.connect(self.controller.rate_pain)
        return self._added(page)

    def _added(self, page: Page) -> Page:
        self.pages.addWidget(page)
        if self.isVisible():
            # Laid out in the default type first, as a page built before the first show is:
            # an empty QLabel keeps its size hint until its text changes, so this keeps the
            # page the same to the pixel however late it was built.
            page.adjustSize()
            apply_fonts(self, page)
        return page

    def built_pages(self) -> list[QWidget]:
        """The pages built so far, in the order they were built."""
        pages = (self.pages.widget(index) for index in range(self.pages.count()))
        return [page for page in pages if page is not None]

    # -- wiring ----------------------------------------------------------------------------

    def _keys(self) -> None:
        space, right, left, escape, enter, keypad_enter = KEYS
        bindings: list[tuple[str, Callable[[], None]]] = [
            (space, self.toggle),
            (right, lambda: self._command(self.controller.skip)),
            (left, lambda: self._command(self.controller.back)),
            (escape, self.request_stop),
            (enter, self._enter_key),
            (keypad_enter, self._enter_key),
        ]
        self._focus_keys = FocusKeys(self)  # a focused field or button keeps its keys
        for key, action in bindings:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(action)
            self._shortcuts.append(shortcut)
        for digit in range(10):
            shortcut = QShortcut(QKeySequence(str(digit)), self)
            shortcut.activated.connect(lambda d=digit: self._digit_key(d))
            self._shortcuts.append(shortcut)
        if self.policy.operator_exit:
            from PySide6.QtCore import Qt

            leave = QShortcut(QKeySequence("Ctrl+Shift+Q"), self)
            leave.setContext(Qt.ShortcutContext.ApplicationShortcut)
            leave.activated.connect(self._leave)

    def retranslate(self) -> None:
        """Sets every text in the language in use now (pages built later start in it)."""
        self.setWindowTitle(_("Exercise Timer"))
        for page in (
            self._session_page,
            self._before_page,
            self._stop_page,
            self._advice_page,
            self._summary_page,
            self._history_page,
        ):
            if page is not None:
                page.retranslate()
        if self._last is not None:
            last, self._last = self._last, None
            self.show_state(last)
        self.apply_fonts()

    # -- drawing ---------------------------------------------------------------------------

    def show_state(self, state: SessionState) -> None:
        """Draws ``state``: the page it calls for, the session, the end, or quitting."""
        last = self._last
        self._last = state
        if self._exiting:
            page: QWidget = self.exit_page
        elif self._in_history:
            page = self.history_page
        elif state.notice_pending:
            page = self.before_page
        elif state.status is Status.ASKING:
            page = self.stop_page
        elif state.ended is not None:
            page = self._end_page(state, last)
        else:
            page = self.session_page
        if self._session_page is not None:
            self._session_page.draw(state)
        if self._before_page is not None:
            self._before_page.show_routine(state)
        if self._stop_page is not None:
            self._stop_page.mistake.setVisible(state.can_take_back)
        if page is not self._shown:
            self._shown = page
            self.pages.setCurrentWidget(page)
            if page is self._stop_page:
                self.stop_page.reset()
                self._announce(_("Stopped. What made you stop?"))
            elif page is self._before_page:
                self.before_page.button.setFocus()
            elif page is self._exit_page:
                self.exit_page.open()
        self._announce_changes(last, state)
        self.driver.reschedule()
        self.driver.animate(self._on_session_page() and self.session_page.figure.moving)
        if state.exit_code is not None and self.exit_code is None:
            self.exit_code = state.exit_code
            self.driver.shutdown()
            QApplication.exit(state.exit_code)

    def _figure_frame(self, state: SessionState) -> bool:
        """One frame of the moving figure; True while it still moves."""
        if not self._on_session_page():
            return False
        return self.session_page.draw_figure(state)

    def _end_page(self, state: SessionState, last: SessionState | None) -> QWidget:
        ended = state.ended
        assert ended is not None
        if last is None or last.ended is not ended:
            if ended.outcome is Outcome.COMPLETED:
                self.summary_page.show_text(
                    _("Well done!"),
                    words.ended_summary(state),
                    words.recorded(state),
                )
            else:
                self.advice_page.show_text(
                    _("Session stopped"), stop_advice(ended.reason), words.recorded(state)
                )
        page = self.summary_page if ended.outcome is Outcome.COMPLETED else self.advice_page
        page.pain.show_rating(state.asks_pain, state.pain_rating)
        page.caution.show_offer(state)
        return page

    def _announce_changes(self, last: SessionState | None, state: SessionState) -> None:
        if last is None:
            return
        if state.phase_serial != last.phase_serial and state.phase is not None:
            self._announce(f"{phase_look(state.phase).words}. {state.cue}")
        elif state.status is Status.PAUSED and last.status is not Status.PAUSED:
            self._announce(_("Paused"))
        elif state.status is Status.RUNNING and last.status is Status.PAUSED:
            self._announce(_("Resumed"))

    def _announce(self, text: str) -> None:
        """Tells screen readers about a change (never about each tick)."""
        # Imported here: their 14 enums are not needed before the first change.
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

        if QAccessible.isActive():
            QAccessible.updateAccessibility(
                QAccessibleAnnouncementEvent(self.session_page.phase, text)
            )

    # -- commands --------------------------------------------------------------------------

    def toggle(self) -> None:
        """Start, pause, resume, or "I'm ready" while waiting."""
        if self._on_session_page():
            self.controller.toggle()

    def autostart(self) -> None:
        """Starts as soon as the safety notice (if shown) is acknowledged."""
        self.controller.autostart()

    def request_stop(self) -> None:
        """Stop: timer and voice halt at once, then the reasons are asked."""
        if self._on_session_page():
            self.controller.halt()
        elif self._shown is not None and self._shown is self._stop_page:
            self._stop_page.leave_note()  # still stopped; the keys 1-4 answer again

    def _command(self, command: Callable[[], None]) -> None:
        if self._on_session_page():
            command()

    def _on_session_page(self) -> bool:
        return self._shown is not None and self._shown is self._session_page

    def _digit_key(self, digit: int) -> None:
        """1-4 answer the stop question; 0-9 rate the pain after a session."""
        page = self._shown
        if page is None:
            return
        if page is self._stop_page:
            reasons = list(self._stop_page.buttons)
            if 1 <= digit <= len(reasons):
                self._stop_page.buttons[reasons[digit - 1]].click()
            elif digit == 0:
                self.controller.take_back_stop()
        elif page in (self._summary_page, self._advice_page) and self.controller.state.asks_pain:
            self.controller.rate_pain(digit)

    def _enter_key(self) -> None:
        if self._shown is not None and self._shown is self._before_page:
            self.controller.acknowledge_notice()

    def _picked(self, index: int) -> None:
        state = self.controller.state
        if state.status is not Status.READY:
            return
        routine_id = self.session_page.picker.itemData(index)
        for choice in self._choices:
            if choice.routine.id == routine_id:
                self.controller.load(choice.routine)

    def open_settings(self) -> SettingsDialog:
        """Shows the settings dialog; saving applies the new settings at once."""
        from exercise_timer.ui.settings_dialog import SettingsDialog

        services = self.controller.services
        if self._voices is None:
            self._voices = list(services.list_voices())
        dialog = SettingsDialog(
            self, services.settings, voices=self._voices, test_voice=self._test_voice
        )
        dialog.accepted.connect(lambda: self._settings_saved(dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _test_voice(self, settings: Settings) -> None:
        from exercise_timer.ui.settings_dialog import TEST_SENTENCE

        self.controller.test_voice(settings, _(TEST_SENTENCE))

    def _settings_saved(self, settings: Settings) -> None:
        before = current_language()
        use_language(settings.language)
        if self._session_page is not None:
            self._session_page.figure.set_reduce_motion(settings.reduce_motion)
        self.controller.apply_settings(settings)
        self.setStyleSheet(style_sheet(high_contrast=settings.high_contrast))
        if current_language() != before:
            self.routine_language.language_changed()
            self.retranslate()
        else:
            self.apply_fonts()  # the text size may have changed

    def open_values_editor(self) -> ValuesEditor | None:
        """Shows the personal values editor for this routine (read-only while locked)."""
        from exercise_timer.ui.values_editor import ValuesEditor

        controller = self.controller
        personal, loaded, routine = (
            controller.services.personal,
            controller.loaded,
            controller.routine,
        )
        if personal is None or loaded is None:
            return None
        editor = ValuesEditor(
            self,
            routine,
            loaded.values,
            progression=loaded.progression,
            locked=personal.locked(),
            check_pin=personal.guarded_check(),
            import_file=lambda path: personal.read(routine, path),
            export_file=lambda path, values, progression, clinic, patient: personal.export(
                routine, path, values, progression, clinic, patient
            ),
        )
        scale_dialog(editor, controller.services.settings.text_scale)
        editor.accepted.connect(
            lambda: controller.save_values(editor.values(), editor.progression())
        )
        editor.finished.connect(editor.deleteLater)
        editor.open()
        return editor

    def _leave(self) -> None:
        """Ctrl+Shift+Q, the operator's way out of a kiosk: the PIN page, over the kiosk."""
        if self.controller.services.kiosk_exit is None:
            self._leaving = True
            self.close()
            self._leaving = False
            return
        if self._exiting:
            return
        self._exiting = True
        self._keys_on(False)  # every key goes to the PIN while it is asked
        self.show_state(self.controller.state)

    def _back_to_kiosk(self) -> None:
        self._exiting = False
        self._keys_on(True)
        self.show_state(self.controller.state)

    def _keys_on(self, on: bool) -> None:
        for shortcut in self._shortcuts:
            shortcut.setEnabled(on)

    def _left_kiosk(self) -> None:
        """The PIN was right: a session under way is counted as closed, and the program ends."""
        self.exit_code = 0
        self.driver.shutdown()
        self.controller.close()
        QApplication.exit(0)

    # -- window events ---------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Asks before ending a session by closing the window; a kiosk cannot be closed."""
        if not self.policy.can_close and not self._leaving:
            event.ignore()
            return
        controller = self.controller
        if controller.state.segment is None:
            self._shutdown()
            event.accept()
            return
        controller.halt(ask=False)
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            _("End the session?"),
            _("Closing the window ends this session. It will be recorded as stopped."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.driver.shutdown()
            controller.close()
            event.accept()
            return
        controller.carry_on()
        event.ignore()

    def _shutdown(self) -> None:
        self.driver.shutdown()
        self.controller.shutdown()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Scales the type with the window, so it reads from across the room at any size."""
        super().resizeEvent(event)
        apply_fonts(self)

    def apply_fonts(self) -> None:
        """Scales the type to the window (after new labels appear).

        Before the window is shown its first resize does it, once, for everything.
        """
        if self.isVisible():
            apply_fonts(self)
