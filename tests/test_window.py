"""The follow-along window with pytest-qt: every control, key and stop reason, on a fake clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes.recording_speaker import RecordingSpeaker
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
)
from pytestqt.qtbot import QtBot
from window_support import advance_to, make_window, press

from exercise_timer.app.policy import KIOSK
from exercise_timer.core.clock import SimulatedClock as FakeClock
from exercise_timer.core.cues import stop_advice
from exercise_timer.core.effects import StopReason
from exercise_timer.core.engine import State
from exercise_timer.core.loader import parse_routine_text
from exercise_timer.core.model import Routine
from exercise_timer.speech.speaker import VoiceSettings
from exercise_timer.storage.journal import Journal, open_journal
from exercise_timer.storage.settings import SETTINGS_FIELDS, Settings, load_settings, save_settings
from exercise_timer.ui.main_window import MainWindow
from exercise_timer.ui.settings_dialog import TEST_SENTENCE

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def answer_close_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a window mid-session asks a question; at teardown the answer is Yes."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)


@pytest.fixture
def routine(example_text: str) -> Routine:
    return parse_routine_text(example_text.replace("repetitions = 5", "repetitions = 2"), "ex.toml")


def test_space_starts_and_the_window_shows_prepare(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock
) -> None:
    speaker = RecordingSpeaker()
    window = make_window(qtbot, routine, journal, clock, speaker=speaker)
    assert window.session_page.toggle_button.text() == "Start"
    assert not window.session_page.stop_button.isEnabled()
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.session_page.phase.text() == "Get into position"
    assert window.session_page.exercise_name.text() == "Cat and Camel"
    assert window.session_page.exercise_count.text() == "1 of 2"
    assert window.session_page.caption.text() == speaker.said[-1]
    assert window.session_page.caption.text().startswith("Cat and Camel.")
    assert window.session_page.ring.text() == "10"
    assert (
        window.session_page.stop_button.isEnabled()
        and window.session_page.toggle_button.text() == "Pause"
    )
    assert window.session_page.next_up.text() == "Next: Hamstring Stretch"


def test_phases_follow_the_clock_with_steps_and_breathing(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock
) -> None:
    window = make_window(qtbot, routine, journal, clock)
    press(qtbot, window, Qt.Key.Key_Space)
    advance_to(window, clock, 10)
    assert window.session_page.phase.text() == "Move slowly"
    assert window.session_page.breathing.text() == "Breathe in"
    assert window.session_page.detail.text() == "Repetition 1 of 2  ·  Stage 1: Round"
    highlighted = [
        label.text() for label in window.session_page.step_labels if label.property("current")
    ]
    assert highlighted == ["1.  Breathe in, round your back up and let your head drop."]
    advance_to(window, clock, 3.5)
    assert window.session_page.phase.text() == "Hold"
    window.controller.poll()
    assert window.session_page.ring.text() == "5"
    advance_to(window, clock, 5 + 3)
    assert (
        window.session_page.phase.text() == "Hold"
        and window.session_page.breathing.text() == "Breathe out"
    )
    assert "Stage 2: Sag" in window.session_page.detail.text()


def test_space_pauses_and_resumes_and_time_stands_still(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock
) -> None:
    window = make_window(qtbot, routine, journal, clock)
    press(qtbot, window, Qt.Key.Key_Space)
    advance_to(window, clock, 4)
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.session_page.toggle_button.text() == "Resume"
    assert window.session_page.caption.text().startswith("Paused")
    advance_to(window, clock, 300)
    window.controller.poll()
    assert window.session_page.phase.text() == "Paused" and window.session_page.ring.text() == "6"
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.session_page.toggle_button.text() == "Pause"
    assert window.session_page.phase.text() == "Get into position"
    advance_to(window, clock, 6)
    assert window.session_page.phase.text() == "Move slowly"


def test_right_skips_and_left_goes_back(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock
) -> None:
    window = make_window(qtbot, routine, journal, clock)
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_Right)
    assert window.session_page.exercise_name.text() == "Hamstring Stretch"
    assert window.session_page.next_up.text() == "Last exercise"
    assert window.session_page.variant.text() == "Version: Seated on the floor"
    advance_to(window, clock, 5)
    press(qtbot, window, Qt.Key.Key_Left)
    assert window.session_page.exercise_name.text() == "Hamstring Stretch"
    assert (
        window.session_page.phase.text() == "Get into position"
        and window.session_page.ring.text() == "10"
    )
    press(qtbot, window, Qt.Key.Key_Left)
    assert window.session_page.exercise_name.text() == "Cat and Camel"
    qtbot.mouseClick(window.session_page.skip_button, Qt.MouseButton.LeftButton)
    assert window.session_page.exercise_name.text() == "Hamstring Stretch"
    qtbot.mouseClick(window.session_page.back_button, Qt.MouseButton.LeftButton)
    assert window.session_page.exercise_name.text() == "Cat and Camel"


def test_buttons_do_what_the_keys_do(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock
) -> None:
    window = make_window(qtbot, routine, journal, clock)
    qtbot.mouseClick(window.session_page.toggle_button, Qt.MouseButton.LeftButton)
    assert window.controller.engine is not None and window.controller.engine.state is State.RUNNING
    qtbot.mouseClick(window.session_page.toggle_button, Qt.MouseButton.LeftButton)
    assert window.controller.engine.state is State.PAUSED
    qtbot.mouseClick(window.session_page.stop_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.stop_page


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        (Qt.Key.Key_1, StopReason.PAIN),
        (Qt.Key.Key_2, StopReason.NUMBNESS),
        (Qt.Key.Key_3, StopReason.DIZZINESS),
        (Qt.Key.Key_4, StopReason.OTHER),
    ],
)
def test_stop_halts_at_once_asks_why_and_records_it(
    qtbot: QtBot,
    routine: Routine,
    journal: Journal,
    clock: FakeClock,
    key: Qt.Key,
    reason: StopReason,
) -> None:
    speaker = RecordingSpeaker()
    window = make_window(qtbot, routine, journal, clock, speaker=speaker)
    press(qtbot, window, Qt.Key.Key_Space)
    advance_to(window, clock, 10 + 3 + 1)
    interrupts = speaker.interrupts
    press(qtbot, window, Qt.Key.Key_Escape)
    assert speaker.interrupts > interrupts
    assert window.pages.currentWidget() is window.stop_page
    assert window.controller.engine is not None and window.controller.engine.next_deadline() is None
    advance_to(window, clock, 30)
    window.stop_page.note.setText("left side hurt")
    press(qtbot, window, key)
    assert window.pages.currentWidget() is window.advice_page
    assert window.advice_page.body.text() == stop_advice(reason)
    (record,) = journal.sessions()
    assert record.outcome == "stopped"
    assert record.stop is not None
    assert (
        record.stop.reason,
        record.stop.note,
        record.stop.exercise,
        record.stop.phase,
        record.stop.rep,
        record.stop.stage,
    ) == (reason, "left side hurt", "cat-and-camel", "hold", 1, 1)
    assert record.stop.session_seconds == 14
    assert window.controller.engine.state is State.FINISHED
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.pages.currentWidget() is window.advice_page


def test_stop_reasons_by_mouse(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock
) -> None:
    window = make_window(qtbot, routine, journal, clock)
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.mouseClick(window.stop_page.buttons[StopReason.DIZZINESS], Qt.MouseButton.LeftButton)
    assert "sit down" in window.advice_page.body.text()
    assert journal.sessions()[0].stop.reason is StopReason.DIZZINESS  # type: ignore[union-attr]


def test_a_completed_session_ends_on_a_summary_and_is_journaled(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock
) -> None:
    speaker = RecordingSpeaker()
    window = make_window(qtbot, routine, journal, clock, speaker=speaker)
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.controller.engine is not None
    while (deadline := window.controller.engine.next_deadline()) is not None:
        advance_to(window, clock, deadline - clock.now)
    assert window.pages.currentWidget() is window.summary_page
    assert window.summary_page.title.text() == "Well done!"
    assert "2 of 2 exercises" in window.summary_page.body.text()
    assert "Well done" in speaker.said[-1]
    assert {"3", "2", "1"} <= set(speaker.said)
    (record,) = journal.sessions()
    assert (record.outcome, record.exercises_completed, record.exercises_total) == (
        "completed",
        2,
        2,
    )
    qtbot.mouseClick(window.summary_page.button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.session_page
    assert window.session_page.toggle_button.text() == "Start"


def test_wait_for_me_holds_prepare_until_ready(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock
) -> None:
    window = make_window(qtbot, routine, journal, clock)
    window.session_page.wait_box.setChecked(True)
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.session_page.toggle_button.text() == "I'm ready"
    assert "Press Ready" in window.session_page.caption.text()
    advance_to(window, clock, 120)
    assert window.session_page.phase.text() == "Get into position"
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.session_page.phase.text() == "Move slowly"


def test_closing_mid_session_asks_and_records_closed(
    qtbot: QtBot,
    routine: Routine,
    journal: Journal,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(qtbot, routine, journal, clock)
    press(qtbot, window, Qt.Key.Key_Space)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args: answers.pop(0))
    assert not window.close()
    assert window.controller.engine is not None and window.controller.engine.state is State.RUNNING
    assert window.close()
    (record,) = journal.sessions()
    assert record.outcome == "stopped" and record.stop is not None
    assert record.stop.reason is StopReason.CLOSED


def test_a_routines_safety_page_must_be_read_once_before_its_first_session(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock, tmp_path: Path
) -> None:
    folder = tmp_path / "config" / "before-you-start"
    window = make_window(qtbot, routine, journal, clock, notice=folder)
    window.autostart()
    assert window.pages.currentWidget() is window.before_page
    page = window.before_page
    for line in routine.safety:
        assert line in page.safety.text()
    assert page.title.text() == f"Before you start: {routine.title}"
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.controller.engine.state is State.READY
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.session_page
    assert window.controller.engine.state is State.RUNNING
    assert (folder / routine.id).is_file()
    again = make_window(qtbot, routine, journal, clock, notice=folder)
    assert again.pages.currentWidget() is again.session_page
    qtbot.mouseClick(again.session_page.safety_button, Qt.MouseButton.LeftButton)
    assert again.pages.currentWidget() is again.before_page
    press(qtbot, again, Qt.Key.Key_Return)
    assert again.pages.currentWidget() is again.session_page


def test_the_chiropractic_routine_cannot_start_until_its_prescription_is_confirmed(
    qtbot: QtBot, journal: Journal, clock: FakeClock, tmp_path: Path
) -> None:
    from exercise_timer import resources
    from exercise_timer.core.loader import load_routine

    chiro = load_routine(resources.routines_dir() / "chiro-clinic.toml")
    assert chiro.only_if_prescribed
    window = make_window(qtbot, chiro, journal, clock, notice=tmp_path / "read")
    page = window.before_page
    assert window.pages.currentWidget() is page and page.decline.isVisible()
    assert "only for patients whose chiropractic office has prescribed them" in page.safety.text()
    qtbot.mouseClick(page.decline, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.session_page
    assert "only for patients whose clinic prescribed them" in window.session_page.caption.text()
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.pages.currentWidget() is page
    assert window.controller.engine.state is State.READY
    assert page.button.text() == "Yes, my clinic prescribed these exercises for me"
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.session_page
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.controller.engine.state is State.RUNNING


@pytest.mark.parametrize("routine_id", ["xplain-back", "spine-clinic", "chiro-clinic"])
def test_every_routines_safety_and_advice_text_is_on_its_page(
    qtbot: QtBot, journal: Journal, clock: FakeClock, tmp_path: Path, routine_id: str
) -> None:
    from exercise_timer import resources
    from exercise_timer.core.loader import load_routine

    routine = load_routine(resources.routines_dir() / f"{routine_id}.toml")
    window = make_window(qtbot, routine, journal, clock, notice=tmp_path / "read")
    page = window.before_page
    shown = "\n".join(
        label.text() for label in (page.description, page.safety, page.advice, page.stop_hint)
    )
    texts = [*routine.safety, *routine.advice.notes, routine.description]
    assert [text for text in texts if text not in shown] == []
    if routine.advice.sessions_per_week:
        assert routine.advice.sessions_per_week in page.advice.text()
    assert "This week you have done 0 sessions of this routine." in page.advice.text()


def test_a_broken_journal_is_said_plainly_and_the_session_runs(
    qtbot: QtBot, routine: Routine, clock: FakeClock, tmp_path: Path
) -> None:
    damaged = tmp_path / "journal.sqlite3"
    damaged.write_bytes(b"this is not a database" * 100)
    unavailable = open_journal(damaged)
    assert unavailable.problem
    window = make_window(qtbot, routine, unavailable, clock)
    assert (
        window.session_page.notice.isVisible()
        and unavailable.problem in window.session_page.notice.text()
    )
    press(qtbot, window, Qt.Key.Key_Space)
    advance_to(window, clock, 10)
    assert window.session_page.phase.text() == "Move slowly"
    assert damaged.read_bytes() == b"this is not a database" * 100


def test_unfilled_prescriptions_are_named(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock
) -> None:
    window = make_window(qtbot, routine, journal, clock)
    assert "Hamstring Stretch" in window.session_page.notice.text()
    assert "default values" in window.session_page.notice.text()
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.session_page.exercise_count.text() == "1 of 2"
    press(qtbot, window, Qt.Key.Key_Right)
    assert (
        window.session_page.exercise_count.text() == "Default values, not prescribed yet  ·  2 of 2"
    )


def test_many_unfilled_prescriptions_are_summed_up(
    qtbot: QtBot, journal: Journal, clock: FakeClock
) -> None:
    from exercise_timer import resources
    from exercise_timer.core.loader import load_routine

    chiro = load_routine(resources.routines_dir() / "chiro-clinic.toml")
    window = make_window(qtbot, chiro, journal, clock)
    assert window.session_page.notice.text() == (
        "26 exercises are not prescribed yet and use this routine's default values "
        "(hold 5 s, 3 repetitions). Ask your clinic to fill them in."
    )


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock
) -> None:
    window = make_window(qtbot, routine, journal, clock)
    unnamed = [b.text() for b in window.findChildren(QPushButton) if not b.accessibleName()]
    assert unnamed == []
    assert (
        window.session_page.picker.accessibleName()
        and window.session_page.wait_box.accessibleName()
    )


def test_type_scales_with_the_window(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock
) -> None:
    window = make_window(qtbot, routine, journal, clock)
    small = window.session_page.phase.font().pixelSize()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.session_page.phase.font().pixelSize() > small)
    assert window.session_page.phase.font().pixelSize() >= small * 1.7


def test_kiosk_cannot_be_closed_and_loops(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock
) -> None:
    window = make_window(qtbot, routine, journal, clock, policy=KIOSK)
    assert not window.session_page.picker.isEnabled()
    press(qtbot, window, Qt.Key.Key_Space)
    assert not window.close()
    assert window.controller.engine is not None
    while (deadline := window.controller.engine.next_deadline()) is not None:
        advance_to(window, clock, deadline - clock.now)
    assert window.pages.currentWidget() is window.summary_page
    clock.advance(14.9)
    window.controller.poll()
    assert window.pages.currentWidget() is window.summary_page
    clock.advance(0.1)
    window.controller.poll()
    assert window.pages.currentWidget() is window.session_page
    assert window.controller.engine.state is State.RUNNING
    qtbot.keyClick(
        window,
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not window.isVisible()


def settings_window(
    qtbot: QtBot,
    routine: Routine,
    journal: Journal,
    clock: FakeClock,
    path: Path,
    speaker: RecordingSpeaker,
) -> MainWindow:
    return make_window(qtbot, routine, journal, clock, speaker=speaker, settings_path=path)


def test_every_setting_is_set_in_the_dialog_and_read_back_from_disk(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock, tmp_path: Path
) -> None:
    path = tmp_path / "config" / "settings.toml"
    speaker = RecordingSpeaker()
    window = settings_window(qtbot, routine, journal, clock, path, speaker)
    dialog = window.open_settings()
    wanted: dict[str, object] = {}
    for field in SETTINGS_FIELDS:
        editor = dialog.editors[field.key]
        assert editor.accessibleName() == field.shown_label()
        if isinstance(editor, QCheckBox):
            editor.setChecked(not editor.isChecked())
            wanted[field.key] = editor.isChecked()
        elif field.key == "volume":  # shown in per cent, kept from 0 to 1
            assert isinstance(editor, QSpinBox) and editor.suffix() == " %"
            editor.setValue(50)
            wanted[field.key] = 0.5
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(field.high or 0) - 1)
            wanted[field.key] = editor.value()
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(0.5)
            wanted[field.key] = 0.5
        elif field.key == "language":
            assert isinstance(editor, QComboBox)
            editor.setCurrentIndex(editor.findData("en"))  # a choice, yet the labels stay English
            wanted[field.key] = "en"
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.count() - 1)
            wanted[field.key] = editor.currentData()
    assert set(wanted) == {field.key for field in SETTINGS_FIELDS}
    dialog.accept()
    on_disk = load_settings(path)
    assert on_disk.problem is None
    assert dict(on_disk.settings.values) == wanted
    assert window.session_page.wait_box.isChecked() is wanted["wait_for_me"]
    # "de" speaks no English: only the English voice is offered (and so the last one)
    assert speaker.configured[-1] == VoiceSettings(voice="en-gb", rate=299, volume=0.5, mute=True)


def test_test_voice_speaks_a_sample_with_the_settings_shown(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock, tmp_path: Path
) -> None:
    speaker = RecordingSpeaker()
    window = settings_window(qtbot, routine, journal, clock, tmp_path / "s.toml", speaker)
    dialog = window.open_settings()
    rate = dialog.editors["rate"]
    assert isinstance(rate, QSpinBox)
    rate.setValue(120)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert speaker.said[-1] == TEST_SENTENCE  # English: the msgid is the sentence
    assert VoiceSettings(rate=120) in speaker.configured
    dialog.reject()
    assert not (tmp_path / "s.toml").exists()


@pytest.mark.parametrize(
    ("counting", "numbers"),
    [("none", []), ("every", ["4", "3", "2", "1"]), ("last-three", ["3", "2", "1"])],
)
def test_the_counting_setting_decides_the_spoken_countdown(
    qtbot: QtBot,
    routine: Routine,
    journal: Journal,
    clock: FakeClock,
    tmp_path: Path,
    counting: str,
    numbers: list[str],
) -> None:
    path = tmp_path / "settings.toml"
    save_settings(path, Settings.default().replace(counting=counting))
    speaker = RecordingSpeaker()
    window = settings_window(qtbot, routine, journal, clock, path, speaker)
    press(qtbot, window, Qt.Key.Key_Space)
    advance_to(window, clock, 10 + 3)
    start = len(speaker.said)
    for _ in range(5):
        advance_to(window, clock, 1)
    assert [text for text in speaker.said[start:] if text.isdigit()] == numbers


def test_wait_for_me_is_remembered(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock, tmp_path: Path
) -> None:
    path = tmp_path / "settings.toml"
    window = settings_window(qtbot, routine, journal, clock, path, RecordingSpeaker())
    window.session_page.wait_box.setChecked(True)
    assert load_settings(path).settings.wait_for_me


@pytest.mark.parametrize("key", [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3])
def test_kiosk_does_not_restart_after_a_stop_for_a_symptom(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock, key: Qt.Key
) -> None:
    window = make_window(qtbot, routine, journal, clock, policy=KIOSK)
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_Escape)
    press(qtbot, window, key)
    assert window.pages.currentWidget() is window.advice_page
    clock.advance(600)
    window.controller.poll()
    assert window.pages.currentWidget() is window.advice_page
    assert window.controller.engine.state is State.FINISHED


def test_a_versions_clinician_advice_is_not_shown_to_the_patient(
    qtbot: QtBot, journal: Journal, clock: FakeClock
) -> None:
    from exercise_timer import resources
    from exercise_timer.core.loader import load_routine

    chiro = load_routine(resources.routines_dir() / "chiro-clinic.toml")
    window = make_window(qtbot, chiro, journal, clock)
    press(qtbot, window, Qt.Key.Key_Space)
    for _ in range(7):
        press(qtbot, window, Qt.Key.Key_Right)
    assert window.session_page.exercise_name.text() == "Hamstring Stretch"
    seated = next(v for v in chiro.exercise("hamstring-stretch").variants if v.id == "seated")
    # The advice is the clinician's ("Choose this if ..."): only the values editor shows it.
    assert window.session_page.variant.text() == f"Version: {seated.name}"
    assert seated.advice not in window.session_page.cautions.text()
    assert seated.advice not in window.session_page.caption.text()


def test_after_a_session_the_pain_rating_is_one_key_or_click_or_skipped(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock
) -> None:
    window = make_window(qtbot, routine, journal, clock)
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_Escape)
    press(qtbot, window, Qt.Key.Key_1)
    page = window.advice_page
    assert window.pages.currentWidget() is page
    assert page.pain.question.isVisible() and page.pain.buttons[10].isVisible()
    press(qtbot, window, Qt.Key.Key_7)
    assert not page.pain.question.isVisible()
    assert page.pain.thanks.text() == "Pain 7 of 10 recorded. Thank you."
    press(qtbot, window, Qt.Key.Key_2)
    assert journal.sessions()[-1].pain_rating == 7

    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    press(qtbot, window, Qt.Key.Key_Space)
    while (deadline := window.controller.engine.next_deadline()) is not None:
        advance_to(window, clock, deadline - clock.now)
    summary = window.summary_page
    assert window.pages.currentWidget() is summary and summary.pain.question.isVisible()
    qtbot.mouseClick(summary.pain.buttons[10], Qt.MouseButton.LeftButton)
    assert journal.sessions()[-1].pain_rating == 10
    assert summary.pain.thanks.text() == "Pain 10 of 10 recorded. Thank you."


def test_key_0_on_the_stop_page_takes_the_stop_back(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock
) -> None:
    window = make_window(qtbot, routine, journal, clock)
    press(qtbot, window, Qt.Key.Key_Space)
    advance_to(window, clock, 10 + 3 + 1)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.stop_page
    assert window.stop_page.mistake.isVisible()
    press(qtbot, window, Qt.Key.Key_0)
    assert window.pages.currentWidget() is window.session_page
    assert window.session_page.phase.text() == "Move slowly"
    press(qtbot, window, Qt.Key.Key_Escape)
    clock.advance(11)
    window.controller.poll()
    assert not window.stop_page.mistake.isVisible()
    press(qtbot, window, Qt.Key.Key_0)
    assert window.pages.currentWidget() is window.stop_page


def test_only_the_shown_exercises_steps_are_on_screen(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: FakeClock
) -> None:
    window = make_window(qtbot, routine, journal, clock)
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_Right)
    hamstring = window.controller.state.exercise
    assert hamstring is not None
    wanted = [f"{n}.  {step}" for n, step in enumerate(hamstring.steps, start=1)]

    def shown() -> list[str]:
        labels = window.session_page.steps_box.findChildren(QLabel)
        return [label.text() for label in labels if label.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) >= len(wanted), timeout=2000)
    assert shown() == wanted


def test_the_values_line_marks_what_the_document_does_not_give(
    qtbot: QtBot, journal: Journal, clock: FakeClock
) -> None:
    from exercise_timer import resources
    from exercise_timer.core.loader import load_routine

    spine = load_routine(resources.routines_dir() / "spine-clinic.toml")
    window = make_window(qtbot, spine, journal, clock)
    press(qtbot, window, Qt.Key.Key_Space)
    while window.controller.state.exercise.id != "knee-to-chest-raise":  # type: ignore[union-attr]
        press(qtbot, window, Qt.Key.Key_Right)
    line = window.session_page.building.text()
    assert line.startswith("Today: ")
    assert "hold 5 s*" in line and line.endswith("(* not in the document)")
    press(qtbot, window, Qt.Key.Key_Right)
    assert window.controller.state.exercise.id == "pelvic-tilt"  # type: ignore[union-attr]
    assert "relax 5 s" in window.session_page.building.text()
    assert "relax 5 s*" not in window.session_page.building.text()
