"""One-off speech for the command line: speak one text, or write it to a WAV file.

Each call uses a fresh worker process, never the window's: after ``save_to_file`` a pyttsx3
engine writes every later ``say()`` to that file too, so rendering gets an engine of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exercise_timer.core.i18n import _
from exercise_timer.speech import problems, wavutil
from exercise_timer.speech.probe import PROBE_TIMEOUT, SpeechStatus, engine_problem, probe_speech
from exercise_timer.speech.process import WorkerSpec, WorkerTimeout, run_requests
from exercise_timer.speech.pyttsx3_speaker import Pyttsx3Speaker
from exercise_timer.speech.speaker import CueReport, VoiceSettings


@dataclass(frozen=True)
class Outcome:
    """What became of a one-off request.

    Attributes:
        problem: Why it failed, in plain words; None on success.
        seconds: The length of the speech (rendered or played), when known.
        report: The cue report of spoken text.
    """

    problem: str | None
    seconds: float | None = None
    report: CueReport | None = None


def render_wav(
    text: str,
    path: Path,
    settings: VoiceSettings,
    *,
    spec: WorkerSpec | None = None,
    timeout: float = 30.0,
) -> Outcome:
    """Writes ``text`` as it would be spoken to a mono 16-bit WAV file (no sound device needed)."""
    spec = spec or WorkerSpec(quiet=True)
    request = {
        "op": "render",
        "text": text,
        "path": str(path.resolve()),
        "voice": settings.voice,
        "rate": settings.rate,
        "volume": settings.volume,
    }
    try:
        events, _ = run_requests(spec, [request], timeout)
    except WorkerTimeout:
        return Outcome(problems.no_answer())
    for event in events:
        if event.get("event") == "rendered":
            try:
                written = wavutil.read_complete(path)
            except wavutil.IncompleteWav as fault:
                return Outcome(no_complete_file(path, str(fault)))
            return Outcome(None, written.seconds)
    problem = engine_problem(events)
    if problem is not None:
        return Outcome(problem)
    failed = next((e for e in events if e.get("event") == "finished"), None)
    if failed is not None and failed.get("kind") == "clip":
        return Outcome(no_complete_file(path, str(failed.get("error"))))
    detail = str(failed.get("error")) if failed else "no sound was written"
    return Outcome(problems.engine_broken(detail))


def no_complete_file(path: Path, detail: str) -> str:
    """The sentence for a render that did not give a complete WAV file, twice."""
    return _(
        "{file}: the speech engine did not produce complete speech for this text ({detail}); "
        "the file was not written. Try again, or a shorter text."
    ).format(file=path, detail=detail)


def speak_text(
    text: str,
    settings: VoiceSettings,
    *,
    spec: WorkerSpec | None = None,
    timeout: float = 60.0,
    checked: SpeechStatus | None = None,
) -> Outcome:
    """Speaks ``text`` aloud and waits until it has been said (probing first unless ``checked``)."""
    spec = spec or WorkerSpec(quiet=True)
    status = checked or probe_speech(spec, timeout=PROBE_TIMEOUT)
    if not status.speech_works:
        return Outcome(status.problem)
    speaker = Pyttsx3Speaker(settings, spec=spec, lead_probes=())
    speaker.start()
    try:
        speaker.say(text)
        speaker.wait_for(lambda s: s.reports_made >= 1 or s.problem is not None, timeout)
        reports = speaker.reports()
    finally:
        speaker.close()
    report = reports[0] if reports else None
    if report is None or report.t_started is None or report.t_finished is None:
        return Outcome(speaker.problem or problems.engine_broken("the text was not spoken"))
    return Outcome(None, report.t_finished - report.t_started, report)
