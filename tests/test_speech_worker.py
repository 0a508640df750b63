"""The pyttsx3 speaker and its worker process, with real processes and injected misbehaviour.

A fake engine (``fakes.pyttsx3_engine``) hangs, crashes or raises on request, and
a fake player (``fakes.aplay``) keeps "playing" while a flag file
exists, so every case is deterministic. Tests wait on the speaker's status with timeouts and
on pidfds, never on the clock.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fakes import FAKE_ENGINE, worker_spec

from exercise_timer.speech import problems
from exercise_timer.speech.process import WorkerSpec
from exercise_timer.speech.pyttsx3_speaker import Pyttsx3Speaker, SpeakerStatus
from exercise_timer.speech.speaker import CueReport, VoiceSettings

pytestmark = pytest.mark.slow

WAIT = 20.0

MakeSpeaker = Callable[..., Pyttsx3Speaker]


@pytest.fixture
def hold(tmp_path: Path) -> Path:
    """While this file exists, the fake player keeps playing."""
    flag = tmp_path / "hold"
    flag.touch()
    return flag


@pytest.fixture
def make_speaker(hold: Path) -> Iterator[MakeSpeaker]:
    made: list[Pyttsx3Speaker] = []

    def make(
        *, engine: str = FAKE_ENGINE, env: dict[str, str] | None = None, **options: Any
    ) -> Pyttsx3Speaker:
        spec = worker_spec(engine=engine, env={"FAKE_PLAYER_HOLD": str(hold), **(env or {})})
        options.setdefault("lead_probes", ())
        speaker = Pyttsx3Speaker(spec=options.pop("spec", spec), **options)
        made.append(speaker)
        speaker.start()
        return speaker

    yield make
    for speaker in made:
        speaker.close()
    assert not [t for t in threading.enumerate() if t.name.startswith("speech-")]


def wait(speaker: Pyttsx3Speaker, predicate: Callable[[SpeakerStatus], bool]) -> SpeakerStatus:
    assert speaker.wait_for(predicate, WAIT), speaker.status()
    return speaker.status()


def playing(speaker: Pyttsx3Speaker, text: str) -> SpeakerStatus:
    """Waits until ``text`` is being played (its player started)."""
    return wait(speaker, lambda s: s.speaking == text and s.player_pid is not None)


def reports(speaker: Pyttsx3Speaker, count: int) -> list[CueReport]:
    wait(speaker, lambda s: s.reports_made >= count)
    return speaker.reports()


def spoken(report: CueReport) -> bool:
    return (
        report.t_started is not None
        and report.t_finished is not None
        and report.t_requested <= report.t_started <= report.t_finished
    )


def gone(pidfd: int) -> bool:
    """Whether the process behind ``pidfd`` ends within the wait (pidfds are readable then)."""
    try:
        readable, _, _ = select.select([pidfd], [], [], WAIT)
        return bool(readable)
    finally:
        os.close(pidfd)


# -- speaking ---------------------------------------------------------------------------------


def test_a_cue_is_spoken_and_reported(make_speaker: MakeSpeaker, hold: Path) -> None:
    hold.unlink()
    speaker = make_speaker()
    speaker.say("Relax.")
    [report] = reports(speaker, 1)
    assert report.text == "Relax." and report.backend == "pyttsx3"
    assert spoken(report) and report.status == "spoken"


def test_a_waiting_cue_is_replaced_by_a_newer_one(make_speaker: MakeSpeaker, hold: Path) -> None:
    speaker = make_speaker(stale_after=600)
    speaker.say("Breathe in and lift.")
    playing(speaker, "Breathe in and lift.")
    for number in ("3", "2", "1"):
        speaker.say(number)
    wait(speaker, lambda s: s.pending == "1" and s.reports_made == 2)
    hold.unlink()  # the current cue finishes: it is never cut off while it is young
    made = reports(speaker, 4)
    assert [r.text for r in made] == ["3", "2", "Breathe in and lift.", "1"]
    assert [spoken(r) for r in made] == [False, False, True, True]
    assert [r.status for r in made] == ["replaced", "replaced", "spoken", "spoken"]
    assert made[0].t_started is None and made[1].t_finished is None
    assert speaker.status().workers_started == 1


def test_a_stale_cue_is_cut_off_for_a_newer_one(make_speaker: MakeSpeaker, hold: Path) -> None:
    speaker = make_speaker(stale_after=0.3)
    speaker.say("Breathe in and lift.")
    status = playing(speaker, "Breathe in and lift.")
    assert status.player_pid is not None
    player = os.pidfd_open(status.player_pid)
    speaker.say("3")
    [cut] = reports(speaker, 1)
    assert cut.text == "Breathe in and lift." and cut.status == "cut"
    assert cut.t_started is not None and cut.t_finished is not None
    assert cut.t_requested <= cut.t_started <= cut.t_finished
    assert gone(player)
    hold.unlink()
    [three] = reports(speaker, 2)
    assert three.text == "3" and spoken(three)
    assert three.t_started is not None and three.t_started >= three.t_requested
    assert speaker.status().workers_started == 2


def test_interrupt_kills_the_worker_and_its_player_then_speaks_again(
    make_speaker: MakeSpeaker, hold: Path
) -> None:
    speaker = make_speaker()
    speaker.say("Slowly return.")
    status = playing(speaker, "Slowly return.")
    assert status.worker_pid is not None and status.player_pid is not None
    worker, player = os.pidfd_open(status.worker_pid), os.pidfd_open(status.player_pid)
    speaker.interrupt()
    assert gone(worker) and gone(player)
    [interrupted] = reports(speaker, 1)
    assert interrupted.text == "Slowly return." and interrupted.status == "cut"
    assert interrupted.t_started is not None and interrupted.t_finished is not None
    assert interrupted.t_started <= interrupted.t_finished
    fresh = wait(speaker, lambda s: s.workers_started == 2 and s.ready)
    assert fresh.worker_pid != status.worker_pid
    hold.unlink()
    speaker.say("Relax.")
    [relax] = reports(speaker, 2)
    assert relax.text == "Relax." and spoken(relax)


def test_interrupt_while_idle_keeps_the_worker(make_speaker: MakeSpeaker, hold: Path) -> None:
    hold.unlink()
    speaker = make_speaker()
    speaker.say("Relax.")
    reports(speaker, 1)
    speaker.interrupt()
    speaker.say("Hold for 5 seconds.")
    [report] = reports(speaker, 2)
    assert spoken(report)
    assert speaker.status().workers_started == 1


def test_a_worker_killed_mid_cue_is_restarted_and_the_next_cue_spoken(
    make_speaker: MakeSpeaker, hold: Path
) -> None:
    speaker = make_speaker()
    speaker.say("Breathe out and lower.")
    status = playing(speaker, "Breathe out and lower.")
    assert status.worker_pid is not None
    os.killpg(status.worker_pid, signal.SIGKILL)  # as if it crashed
    [lost] = reports(speaker, 1)
    assert lost.text == "Breathe out and lower." and lost.t_finished is None
    assert lost.status == "failed"
    wait(speaker, lambda s: s.workers_started == 2 and s.ready)
    hold.unlink()
    speaker.say("Relax.")
    [relax] = reports(speaker, 2)
    assert spoken(relax)
    assert speaker.problem is None


# -- misbehaving engines -------------------------------------------------------------------------


def test_a_hanging_engine_is_replaced_by_the_watchdog(
    make_speaker: MakeSpeaker, hold: Path
) -> None:
    hold.unlink()
    speaker = make_speaker(watchdog_base=0.5, watchdog_per_char=0.0)
    speaker.say("hang on this cue")
    [hung] = reports(speaker, 1)
    assert hung.text == "hang on this cue" and hung.t_started is None
    assert hung.status == "failed"
    speaker.say("Relax.")
    [relax] = reports(speaker, 2)
    assert spoken(relax)
    assert speaker.status().workers_started == 2


@pytest.mark.parametrize("text", ["crash now", "raise now", "error now"])
def test_an_engine_failure_ends_the_worker_and_a_fresh_one_speaks(
    make_speaker: MakeSpeaker, hold: Path, text: str
) -> None:
    """After an exception pyttsx3 fails for ever, so the worker exits and is replaced."""
    hold.unlink()
    speaker = make_speaker()
    speaker.say(text)
    [failed] = reports(speaker, 1)
    assert failed.t_started is None and failed.status == "failed"
    wait(speaker, lambda s: s.workers_started == 2)
    speaker.say("Relax.")
    [relax] = reports(speaker, 2)
    assert spoken(relax)
    assert speaker.problem is None


def test_an_engine_that_cannot_load_gives_up_with_the_notice(make_speaker: MakeSpeaker) -> None:
    speaker = make_speaker(env={"FAKE_TTS_INIT": "runtime-error"})
    wait(speaker, lambda s: s.problem is not None)
    assert speaker.problem == problems.install(["espeak-ng"])
    speaker.say("Relax.")
    [dropped] = reports(speaker, 1)
    assert dropped.t_started is None and dropped.status == "failed"
    assert speaker.status().workers_started == 1
    assert speaker.status().lead_measured  # over: it keeps its default


def test_a_worker_that_keeps_dying_at_start_gives_up(make_speaker: MakeSpeaker) -> None:
    false = shutil.which("false")
    assert false is not None
    speaker = make_speaker(spec=WorkerSpec(python=false, quiet=True))
    status = wait(speaker, lambda s: s.problem is not None)
    assert status.workers_started == 3
    assert speaker.problem is not None and "keeps stopping" in speaker.problem


def test_a_missing_player_says_which_package_to_install(
    make_speaker: MakeSpeaker, tmp_path: Path
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    spec = worker_spec(player=("aplay", "-q"), search_path=str(empty))
    speaker = make_speaker(spec=spec)
    speaker.say("Relax.")
    [report] = reports(speaker, 1)
    assert report.t_started is None and report.status == "failed"
    assert speaker.problem == problems.install(["alsa-utils"])


def test_a_failing_player_reports_no_sound_honestly(make_speaker: MakeSpeaker, hold: Path) -> None:
    speaker = make_speaker(env={"FAKE_PLAYER_FAIL": "1"})
    speaker.say("Relax.")
    [report] = reports(speaker, 1)
    assert (report.t_started, report.t_finished) == (None, None)
    assert report.status == "failed"
    assert speaker.problem == problems.no_sound_device()


def test_a_cue_interrupted_before_it_plays_was_replaced(
    make_speaker: MakeSpeaker, hold: Path
) -> None:
    speaker = make_speaker()
    speaker.say("hang while synthesising")
    wait(speaker, lambda s: s.speaking == "hang while synthesising")
    speaker.interrupt()
    [report] = reports(speaker, 1)
    assert report.status == "replaced" and (report.t_started, report.t_finished) == (None, None)


# -- settings, lead, shutdown --------------------------------------------------------------------


def test_mute_says_nothing(make_speaker: MakeSpeaker, hold: Path) -> None:
    hold.unlink()
    speaker = make_speaker()
    speaker.configure(VoiceSettings(mute=True))
    speaker.say("Relax.")
    speaker.configure(VoiceSettings(voice="no/such-voice", rate=120, volume=0.5))
    speaker.say("Hold for 5 seconds.")
    [report] = reports(speaker, 1)
    assert report.text == "Hold for 5 seconds." and spoken(report)


def test_mute_silences_the_current_cue(make_speaker: MakeSpeaker) -> None:
    speaker = make_speaker()
    speaker.say("Breathe in and lift.")
    playing(speaker, "Breathe in and lift.")
    speaker.configure(VoiceSettings(mute=True))
    [report] = reports(speaker, 1)
    assert report.status == "cut" and report.t_started is not None


def test_the_lead_is_measured_at_start_up_with_silent_probes(
    make_speaker: MakeSpeaker, hold: Path
) -> None:
    speaker = make_speaker(lead_probes=("3", "2", "1"), default_lead=5.0)
    playing(speaker, "3")  # held: no probe has finished yet
    assert not speaker.status().lead_measured
    assert speaker.lead_seconds == 5.0
    hold.unlink()
    wait(speaker, lambda s: s.lead_measured)
    assert 0.0 < speaker.lead_seconds < 2.0
    assert speaker.reports() == []  # probes are not cues


def test_the_lead_is_measured_as_soon_as_the_first_worker_is_ready_even_muted(
    make_speaker: MakeSpeaker, hold: Path
) -> None:
    hold.unlink()
    speaker = make_speaker(
        settings=VoiceSettings(mute=True), lead_probes=("3", "2"), default_lead=5.0
    )
    status = wait(speaker, lambda s: s.lead_measured)
    assert status.workers_started == 1 and 0.0 < speaker.lead_seconds < 2.0
    assert speaker.reports() == []


def test_lead_measuring_is_over_when_the_speaker_gives_up(make_speaker: MakeSpeaker) -> None:
    speaker = make_speaker(env={"FAKE_TTS_INIT": "runtime-error"}, lead_probes=("3", "2"))
    status = wait(speaker, lambda s: s.lead_measured)
    assert status.problem is not None and speaker.lead_seconds == 0.1


def test_close_stops_the_worker_and_threads(make_speaker: MakeSpeaker, hold: Path) -> None:
    speaker = make_speaker()
    speaker.say("Breathe in and lift.")
    status = playing(speaker, "Breathe in and lift.")
    assert status.worker_pid is not None and status.player_pid is not None
    player = os.pidfd_open(status.player_pid)
    speaker.close()
    assert gone(player)
    with pytest.raises(ChildProcessError):
        os.waitpid(status.worker_pid, os.WNOHANG)  # already reaped: no zombie
    assert not speaker.status().running
    assert [r.text for r in speaker.reports()] == ["Breathe in and lift."]
    speaker.close()  # twice is fine


def test_say_and_interrupt_never_block(make_speaker: MakeSpeaker) -> None:
    speaker = make_speaker()
    speaker.say("hang here")
    playing_or_hung = wait(speaker, lambda s: s.speaking == "hang here")
    assert playing_or_hung.speaking == "hang here"
    for _ in range(100):  # the worker is stuck; these return at once all the same
        speaker.say("Relax.")
        speaker.interrupt()
    speaker.close()


def test_a_speaker_never_started_closes_cleanly() -> None:
    speaker = Pyttsx3Speaker()
    speaker.say("Relax.")
    speaker.close()
    assert speaker.reports() == []


# -- the real engine -----------------------------------------------------------------------------

needs_aplay = pytest.mark.skipif(shutil.which("aplay") is None, reason="needs aplay")


@needs_aplay
def test_the_real_engine_reports_cue_times_on_the_null_device(
    make_speaker: MakeSpeaker,
) -> None:
    speaker = make_speaker(spec=WorkerSpec(device="null", quiet=True), lead_probes=("3", "2"))
    wait(speaker, lambda s: s.lead_measured)
    assert 0.0 < speaker.lead_seconds < 0.5
    speaker.say("Hold for 5 seconds.")
    [report] = reports(speaker, 1)
    assert spoken(report)
    assert report.t_started is not None and report.t_started - report.t_requested < 0.5


@needs_aplay
def test_the_real_engine_on_this_machines_sound_device(make_speaker: MakeSpeaker) -> None:
    """Whatever the machine: either the cue plays, or the report says it did not and why."""
    speaker = make_speaker(spec=WorkerSpec(quiet=True))
    speaker.say("3")
    [report] = reports(speaker, 1)
    if spoken(report):
        assert speaker.problem is None
    else:
        assert (report.t_started, report.t_finished) == (None, None)
        assert speaker.problem == problems.no_sound_device()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux's")
def test_the_worker_dies_with_a_killed_parent(tmp_path: Path) -> None:
    parent_code = (
        "import subprocess, sys\n"
        "worker = subprocess.Popen([sys.executable, '-m', 'exercise_timer.speech.worker'],\n"
        "                          stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)\n"
        "print(worker.pid, flush=True)\n"
        "sys.stdin.read()\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", parent_code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None
    worker_pid = int(parent.stdout.readline())
    assert Path(f"/proc/{worker_pid}").exists()
    parent.kill()
    parent.wait()
    parent.stdout.close()
    assert parent.stdin is not None
    parent.stdin.close()
    deadline = time.monotonic() + 10
    while Path(f"/proc/{worker_pid}").exists() and time.monotonic() < deadline:
        status = Path(f"/proc/{worker_pid}/status").read_text(errors="replace")
        if "State:\tZ" in status:
            break
        time.sleep(0.02)
    gone = not Path(f"/proc/{worker_pid}").exists()
    zombie = not gone and "State:\tZ" in Path(f"/proc/{worker_pid}/status").read_text()
    assert gone or zombie, "the worker outlived its parent"
