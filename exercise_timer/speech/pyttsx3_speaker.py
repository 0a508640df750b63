"""The real voice: a :class:`Speaker` that drives one pyttsx3 worker process at a time.

Threads (all started by :meth:`Pyttsx3Speaker.start`, all ended by :meth:`Pyttsx3Speaker.close`):

- one *supervisor* thread owns every piece of state below; ``say``, ``interrupt`` and
  ``configure`` only put a command in its inbox, so they never block the caller;
- one *reader* thread per worker process turns its stdout into inbox messages.

The rules (docs/decisions/0005-speech-worker-process.md):

- **One cue at a time.** A cue is sent only when the worker has finished the previous one.
- **Newest wins.** A cue waiting to be sent is replaced by a newer one (the older is reported
  as dropped). A cue being spoken is allowed to finish unless a newer cue is waiting and the
  one being spoken was requested more than ``stale_after`` seconds (1.5) ago: then it is cut
  off (the worker is killed) and the newer one goes next. So a short cue is never clipped,
  and a newer cue waits at most ``stale_after`` after the older one's request.
- **Kill to interrupt.** ``interrupt()`` drops any waiting cue and, if a cue is being spoken,
  SIGKILLs the worker's process group (the worker and its ``aplay``). A fresh worker is
  started at once in the background, so the next cue does not wait for it.
- **Watchdog.** A worker that does not finish a cue within ``watchdog_base`` +
  ``watchdog_per_char`` x characters, that does not become ready within ``start_timeout``, or
  that dies, is replaced. After ``max_start_failures`` workers in a row die before becoming
  ready, the speaker gives up and says so through ``problem``.
- **Lead.** When the first worker is ready and idle, it speaks ``lead_probes`` at volume 0
  (also while muted: they are silent); ``lead_seconds`` is the median request-to-sound time of
  the last three (the countdown numbers said a second time, as the worker keeps short clips)
  (``default_lead`` until then). ``status().lead_measured`` turns true when the probes are
  over, measured or not, and when the speaker gives up.
- **Every worker speaks at the settings' rate.** Every request (lead probes too) carries the
  voice, rate and volume of the current settings, and the worker sets them before each cue,
  so a fresh worker never speaks at the engine's default. Its ``finished`` event says the rate
  in force, which each report keeps (``CueReport.rate``).
- **Reports say what happened** (``CueReport.status``): ``spoken``; ``cut`` (started, then
  stopped for a newer cue or an interrupt: ``t_started`` is the player's launch, ``t_finished``
  the cut); ``replaced`` (never started); ``failed`` (the worker could not make or play it).
"""

from __future__ import annotations

import contextlib
import queue
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exercise_timer.speech import problems
from exercise_timer.speech.process import Message, WorkerProcess, WorkerSpec
from exercise_timer.speech.speaker import CueReport, CueStatus, VoiceSettings

BACKEND = "pyttsx3"
LEAD_SAMPLES = 3
"""The lead is the median of this many latest probes."""


@dataclass
class _Cue:
    id: int
    text: str
    t_requested: float
    probe: bool = False
    t_sent: float = 0.0
    t_launched: float | None = None
    player_pid: int | None = None
    expected_seconds: float | None = None


@dataclass(frozen=True)
class SpeakerStatus:
    """A snapshot of the speaker for tests, benchmarks and the command line (not the window).

    Attributes:
        worker_pid: The current worker's process id, if one is running.
        ready: Whether the current worker has loaded its engine.
        speaking: The text of the cue being spoken (lead probes included), if any.
        player_pid: The process id of the player of the cue being spoken, once it plays.
        pending: The text of the cue waiting to be sent, if any.
        workers_started: How many workers have been started so far.
        lead_measured: Whether the start-up lead measurement is over (``lead_seconds`` keeps
            its default when every probe failed).
        reports_made: How many cue reports have been made so far (read or not).
        problem: The speaker's problem, if any.
        running: Whether the supervisor is running (started and not closed).
    """

    worker_pid: int | None = None
    ready: bool = False
    speaking: str | None = None
    player_pid: int | None = None
    pending: str | None = None
    workers_started: int = 0
    lead_measured: bool = False
    reports_made: int = 0
    problem: str | None = None
    running: bool = False


class Pyttsx3Speaker:
    """Says cues through a pyttsx3 worker process; see the module docstring for the rules."""

    def __init__(
        self,
        settings: VoiceSettings | None = None,
        *,
        spec: WorkerSpec | None = None,
        stale_after: float = 1.5,
        watchdog_base: float = 10.0,
        watchdog_per_char: float = 0.2,
        start_timeout: float = 15.0,
        max_start_failures: int = 3,
        lead_probes: Sequence[str] = ("3", "2", "1", "3", "2", "1"),
        default_lead: float = 0.1,
    ) -> None:
        self._settings = settings or VoiceSettings()
        self._spec = spec or WorkerSpec()
        self._stale_after = stale_after
        self._watchdog_base = watchdog_base
        self._watchdog_per_char = watchdog_per_char
        self._start_timeout = start_timeout
        self._max_start_failures = max_start_failures
        self._probes = list(lead_probes)
        self._default_lead = default_lead

        self._inbox: queue.Queue[tuple[Any, ...]] = queue.Queue()
        self._ids = 0
        self._id_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._tempdir: tempfile.TemporaryDirectory[str] | None = None
        self._closed = False

        # Owned by the supervisor thread.
        self._worker: WorkerProcess | None = None
        self._ready = False
        self._inflight: _Cue | None = None
        self._pending: _Cue | None = None
        self._start_failures = 0
        self._workers_started = 0
        self._gave_up = False
        self._lead_samples: list[float] = []

        # Read from any thread.
        self._problem: str | None = None
        self._lead: float | None = None
        self._reports: list[CueReport] = []
        self._reports_made = 0
        self._status = SpeakerStatus()
        self._changed = threading.Condition()

    # -- the Speaker interface --------------------------------------------------------------

    @property
    def problem(self) -> str | None:
        """Why speech does not work (now), or None."""
        return self._problem

    @property
    def lead_seconds(self) -> float:
        """The measured median request-to-sound time (a default until it is measured)."""
        return self._default_lead if self._lead is None else self._lead

    @property
    def lead_measured(self) -> bool:
        """Whether the start-up measurement of the lead is over (or speech gave up)."""
        status = self.status()
        return (
            status.lead_measured
            or status.problem is not None
            or self._settings.mute  # muted, the lead is not measured
            or self._closed
        )

    def start(self) -> None:
        """Starts the supervisor thread, which starts the first worker at once."""
        if self._thread is not None or self._closed:
            return
        self._tempdir = tempfile.TemporaryDirectory(prefix="et-speech-")
        self._thread = threading.Thread(target=self._supervise, name="speech-supervisor")
        self._thread.start()

    def say(self, text: str, *, expected_seconds: float | None = None) -> None:
        """Queues ``text``, replacing any cue still waiting. Never blocks.

        Args:
            text: What to say.
            expected_seconds: The measured length of the text's speech at these settings
                (:func:`exercise_timer.speech.measure.measure_cue_seconds`); the worker
                renders a clip of another length again. Never an estimate.
        """
        cue = _Cue(self._next_id(), text, time.monotonic(), expected_seconds=expected_seconds)
        self._inbox.put(("say", cue))

    def interrupt(self) -> None:
        """Silences the cue being spoken and drops any waiting one. Never blocks."""
        self._inbox.put(("interrupt",))

    def configure(self, settings: VoiceSettings) -> None:
        """Applies to the next cue; muting also silences the current one."""
        self._inbox.put(("configure", settings))

    def reports(self) -> list[CueReport]:
        """The reports made since the last call."""
        with self._changed:
            made, self._reports = self._reports, []
        return made

    def close(self) -> None:
        """Stops the worker and the threads and waits for them; idempotent."""
        self._closed = True
        thread = self._thread
        if thread is not None:
            self._inbox.put(("close",))
            thread.join()
            self._thread = None
        if self._tempdir is not None:
            self._tempdir.cleanup()
            self._tempdir = None

    # -- for tests, benchmarks and the command line ----------------------------------------

    @property
    def busy(self) -> bool:
        """True while a cue is being spoken or waits to be sent."""
        status = self.status()
        return status.speaking is not None or status.pending is not None

    def status(self) -> SpeakerStatus:
        """The latest snapshot."""
        with self._changed:
            return self._status

    def wait_for(self, predicate: Callable[[SpeakerStatus], bool], timeout: float) -> bool:
        """Blocks until ``predicate(status)`` holds or ``timeout`` passes. Not for the window."""
        with self._changed:
            return self._changed.wait_for(lambda: predicate(self._status), timeout)

    # -- the supervisor thread --------------------------------------------------------------

    def _next_id(self) -> int:
        with self._id_lock:
            self._ids += 1
            return self._ids

    def _supervise(self) -> None:
        try:
            self._publish(running=True)
            while True:
                self._pump()
                self._publish(running=True)
                try:
                    item = self._inbox.get(timeout=self._wait_seconds())
                except queue.Empty:
                    item = None
                if item is not None and item[0] == "close":
                    break
                if item is not None:
                    self._handle(item)
                self._check_deadlines()
        finally:
            self._shut_down()
            self._publish(running=False)

    def _handle(self, item: tuple[Any, ...]) -> None:
        kind = item[0]
        if kind == "say":
            self._on_say(item[1])
        elif kind == "interrupt":
            self._drop_pending()
            if self._inflight is not None and not self._inflight.probe:
                self._replace_worker(cut=True)
        elif kind == "configure":
            self._settings = item[1]
            if self._settings.mute:
                self._drop_pending()
                if self._inflight is not None and not self._inflight.probe:
                    self._replace_worker(cut=True)
        elif kind == "message":
            if item[1] is self._worker:
                self._on_message(item[2])
        elif kind == "ended" and item[1] is self._worker:
            self._on_worker_ended()

    def _on_say(self, cue: _Cue) -> None:
        if self._settings.mute:
            return
        if self._gave_up:
            self._report(cue, None, None, "failed")
            return
        self._drop_pending()
        self._pending = cue

    def _on_message(self, message: Message) -> None:
        event = message.get("event")
        inflight = self._inflight
        if event == "ready":
            self._ready = True
            self._start_failures = 0
        elif event == "engine-failed":
            self._give_up(_engine_problem(message))
        elif event == "started" and inflight is not None and message.get("id") == inflight.id:
            inflight.t_launched = message.get("t")
            inflight.player_pid = message.get("player_pid")
        elif event == "finished" and inflight is not None and message.get("id") == inflight.id:
            self._inflight = None
            ok = bool(message.get("ok"))
            started, finished = message.get("t_started"), message.get("t_finished")
            if ok and not self._gave_up:
                self._problem = None
            elif message.get("kind") == "no-player":
                self._problem = problems.install(["alsa-utils"])
            elif message.get("kind") == "playback":
                self._problem = problems.no_sound_device()
            if inflight.probe:
                if ok and started is not None:
                    self._lead_samples.append(float(started) - inflight.t_requested)
                    # The worker keeps short clips, so the countdown numbers it has said once
                    # start sooner: the lead is that of the latest probes, the kept clips.
                    self._lead = statistics.median(self._lead_samples[-LEAD_SAMPLES:])
            elif ok:
                self._report(inflight, started, finished, "spoken", message.get("rate"))
            else:
                self._report(inflight, None, None, "failed", message.get("rate"))

    def _on_worker_ended(self) -> None:
        """The worker's output ended: it exited, crashed or was killed by someone else."""
        if not self._ready:
            self._start_failures += 1
        self._replace_worker()
        if self._start_failures >= self._max_start_failures and not self._gave_up:
            self._give_up(problems.engine_broken("the speech worker keeps stopping"))

    def _check_deadlines(self) -> None:
        worker, inflight, now = self._worker, self._inflight, time.monotonic()
        if worker is None:
            return
        if not self._ready and now > worker.started_at + self._start_timeout:
            self._start_failures += 1
            self._replace_worker()
        elif inflight is not None and now > self._watchdog_deadline(inflight):  # hung
            self._replace_worker()
        elif (
            inflight is not None
            and self._pending is not None
            and now >= inflight.t_requested + self._stale_after
        ):
            self._replace_worker(cut=True)
        elif not worker.alive() and inflight is None:
            self._on_worker_ended()

    def _watchdog_deadline(self, cue: _Cue) -> float:
        return cue.t_sent + self._watchdog_base + self._watchdog_per_char * len(cue.text)

    def _wait_seconds(self) -> float:
        """How long the supervisor may sleep before a deadline needs checking."""
        deadlines = [time.monotonic() + 1.0]
        worker, inflight = self._worker, self._inflight
        if worker is not None and not self._ready:
            deadlines.append(worker.started_at + self._start_timeout)
        if inflight is not None:
            deadlines.append(self._watchdog_deadline(inflight))
            if self._pending is not None:
                deadlines.append(inflight.t_requested + self._stale_after)
        return max(0.0, min(deadlines) - time.monotonic())

    def _pump(self) -> None:
        """Starts a worker when there is none, and sends it the next cue when it is idle."""
        if self._gave_up or self._closed:
            return
        if self._worker is None:
            self._start_worker()
            return
        if not self._ready or self._inflight is not None:
            return
        if self._pending is not None:
            cue, self._pending = self._pending, None
            volume = self._settings.volume
        elif self._probes:
            cue = _Cue(self._next_id(), self._probes.pop(0), time.monotonic(), probe=True)
            volume = 0.0
        else:
            return
        cue.t_sent = time.monotonic()
        request = {
            "op": "say",
            "id": cue.id,
            "text": cue.text,
            "voice": self._settings.voice,
            "rate": self._settings.rate,
            "volume": volume,
        }
        if cue.expected_seconds is not None:
            request["expected_seconds"] = cue.expected_seconds
        self._inflight = cue
        if not self._worker.send(request):
            self._replace_worker()

    def _start_worker(self) -> None:
        workdir = Path(self._tempdir.name) if self._tempdir else None
        worker = WorkerProcess(self._spec, self._post, workdir)
        self._worker, self._ready = worker, False
        self._workers_started += 1
        try:
            worker.start()
        except OSError as error:
            self._worker = None
            self._give_up(problems.engine_broken(str(error)))

    def _post(self, worker: WorkerProcess, message: Message | None) -> None:
        """Called on a reader thread."""
        if message is None:
            self._inbox.put(("ended", worker))
        else:
            self._inbox.put(("message", worker, message))

    def _replace_worker(self, *, cut: bool = False) -> None:
        """Kills the current worker (a new one is started by the next pump).

        The cue it was speaking is reported as ``cut`` when ``cut`` (a newer cue, an
        interrupt or mute stopped it) and its player had started, ``replaced`` when ``cut``
        and it had not, and ``failed`` otherwise (the worker hung, died or could not start).
        """
        worker, inflight = self._worker, self._inflight
        self._worker, self._ready, self._inflight = None, False, None
        if worker is not None:
            worker.kill()
        if inflight is None or inflight.probe:
            return
        if not cut:
            self._report(inflight, None, None, "failed")
        elif inflight.t_launched is not None:
            self._report(inflight, inflight.t_launched, time.monotonic(), "cut")
        else:
            self._report(inflight, None, None, "replaced")

    def _drop_pending(self) -> None:
        if self._pending is not None:
            self._report(self._pending, None, None, "replaced")
            self._pending = None

    def _give_up(self, problem: str) -> None:
        self._problem = problem
        self._gave_up = True
        self._probes.clear()  # the lead stays at its default: measuring it is over
        self._drop_pending()
        self._replace_worker()

    def _shut_down(self) -> None:
        self._drop_pending()
        worker, inflight = self._worker, self._inflight
        self._worker, self._inflight = None, None
        if worker is not None:
            if inflight is not None:
                worker.kill()
                if not inflight.probe:
                    launched = inflight.t_launched
                    if launched is None:
                        self._report(inflight, None, None, "replaced")
                    else:
                        self._report(inflight, launched, time.monotonic(), "cut")
            else:
                worker.close(timeout=1.0)
        # Messages from readers that ended meanwhile are of no interest now.
        with contextlib.suppress(queue.Empty):
            while True:
                self._inbox.get_nowait()

    def _report(
        self,
        cue: _Cue,
        started: float | None,
        finished: float | None,
        status: CueStatus,
        rate: int | None = None,
    ) -> None:
        report = CueReport(cue.text, BACKEND, cue.t_requested, started, finished, status, rate)
        with self._changed:
            self._reports.append(report)
            self._reports_made += 1

    def _publish(self, *, running: bool) -> None:
        worker, inflight = self._worker, self._inflight
        status = SpeakerStatus(
            worker_pid=worker.pid if worker else None,
            ready=self._ready,
            speaking=inflight.text if inflight else None,
            player_pid=inflight.player_pid if inflight else None,
            pending=self._pending.text if self._pending else None,
            workers_started=self._workers_started,
            lead_measured=not self._probes and not (inflight is not None and inflight.probe),
            reports_made=self._reports_made,
            problem=self._problem,
            running=running,
        )
        with self._changed:
            self._status = status
            self._changed.notify_all()


def _engine_problem(message: Message) -> str:
    kind = message.get("kind")
    if kind == "import":
        return problems.no_pyttsx3()
    if kind == "init":
        return problems.install(["espeak-ng"])
    return problems.engine_broken(str(message.get("detail") or kind))
