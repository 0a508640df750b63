"""Speech figures for espeak-ng: worker start, request-to-sound latency, countdown landing.

Run: .venv/bin/python tests/bench/bench_speech.py  (prints figures; targets in brackets)

``--wav-runs N`` also runs ``exercise-timer speak TEXT --wav FILE`` N times on the longest cue
of each bundled routine (from ``plan ROUTINE --json``) and on a 150-character text, and counts
the complete files (readable, every frame, sound, the same length every time); ``--wav-only``
skips the rest.

Uses the real engine and ``aplay``. On a machine without a sound device (CI) the cues go to
ALSA's ``null`` device, which discards them at once: "started" is then the moment ``aplay`` was
launched (synthesis, trimming and process start included, the sound device's own start-up
latency not). With a sound device, "started" is aplay's exit minus the clip's length.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from exercise_timer.core.cues import countdown_cue, phase_cue
from exercise_timer.core.resolve import resolve
from exercise_timer.core.schedule import build_schedule
from exercise_timer.resources import routines_dir
from exercise_timer.speech import wavutil
from exercise_timer.speech.probe import probe_speech
from exercise_timer.speech.process import WorkerSpec
from exercise_timer.speech.pyttsx3_speaker import Pyttsx3Speaker
from exercise_timer.speech.speaker import CueReport, VoiceSettings
from exercise_timer.storage.catalogue import DEFAULT_ROUTINE, open_routine
from exercise_timer.storage.paths import find_paths

WAIT = 30.0
PROGRAM = str(Path(sys.executable).with_name("exercise-timer"))
LONG_TEXT = (
    "Slowly return to the starting position. Relax and breathe normally, then get ready for "
    "the next exercise: Cat and Camel, on your hands and knees, back flat."
)
SILENCE_FLOOR = 500.0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def session_cues(limit: int) -> list[str]:
    """The default routine's phase cues with a countdown after each hold, in session order."""
    schedule = build_schedule(resolve(open_routine(DEFAULT_ROUTINE, find_paths(None))))
    cues: list[str] = []
    for index, segment in enumerate(schedule.segments):
        cues.append(phase_cue(schedule, index))
        if segment.phase.value == "hold":
            cues += [countdown_cue(n) for n in (3, 2, 1)]
        if len(cues) >= limit:
            break
    return cues[:limit]


def speak_and_wait(speaker: Pyttsx3Speaker, text: str, count: int) -> None:
    speaker.say(text)
    if not speaker.wait_for(lambda s: s.reports_made >= count, WAIT):
        sys.exit(f"no report for {text!r}: {speaker.status()}")


def longest_cue(routine: str) -> str:
    """The longest ``cue`` text anywhere in ``plan ROUTINE --json``, with a fresh home."""
    with tempfile.TemporaryDirectory() as home:
        shown = subprocess.run(
            [PROGRAM, "--home", home, "plan", routine, "--json"],
            capture_output=True,
            text=True,
            check=True,
        )
    return max(cue_texts(json.loads(shown.stdout)), key=len)


def cue_texts(document: object) -> list[str]:
    """Every string under a ``cue`` key."""
    if isinstance(document, dict):
        found = [document["cue"]] if isinstance(document.get("cue"), str) else []
        return found + [t for key, v in document.items() if key != "cue" for t in cue_texts(v)]
    if isinstance(document, list):
        return [text for item in document for text in cue_texts(item)]
    return []


def wav_runs(runs: int) -> None:
    """``speak --wav`` ``runs`` times on each long text; prints complete files out of runs."""
    texts = {path.stem: longest_cue(path.stem) for path in sorted(routines_dir().glob("*.toml"))}
    texts["150 characters"] = LONG_TEXT
    print(f"speak --wav, {runs} runs per text   [target: {runs} complete files each]")
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "x.wav"
        for name, text in texts.items():
            complete, refused, tracebacks, lengths, times = 0, 0, 0, set(), []
            for _ in range(runs):
                target.unlink(missing_ok=True)
                began = time.perf_counter()
                done = subprocess.run(
                    [PROGRAM, "speak", text, "--wav", str(target)],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                times.append(time.perf_counter() - began)
                tracebacks += "Traceback" in done.stderr
                if done.returncode != 0:
                    refused += 1
                    continue
                try:
                    clip = wavutil.read_complete(target)
                except wavutil.IncompleteWav:
                    continue
                if wavutil.rms(clip) > SILENCE_FLOOR:
                    complete += 1
                    lengths.add(round(clip.seconds, 2))
            print(
                f"  {name:<15} {len(text):>3} chars: {complete}/{runs} complete, "
                f"{refused} refused with a message, {tracebacks} tracebacks, "
                f"lengths {sorted(lengths)} s, run p50 {ms(statistics.median(times))}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wav-runs", type=int, default=0, metavar="N")
    parser.add_argument("--wav-only", action="store_true")
    args = parser.parse_args()
    if not args.wav_only:
        latency()
    if args.wav_runs:
        wav_runs(args.wav_runs)


def latency() -> None:
    status = probe_speech()
    if not status.engine:
        sys.exit(f"no speech engine: {status.problem}")
    device = None if status.sound else "null"
    where = "the default sound device" if device is None else "ALSA's null device (no sound card)"
    print(f"espeak-ng through aplay on {where}")
    spec = WorkerSpec(device=device, quiet=True)

    began = time.perf_counter()
    probe_speech(spec)
    print(
        f"start-up probe (a worker, engine load, a silent aplay): {ms(time.perf_counter() - began)}"
    )

    starts = []
    for _ in range(10):
        speaker = Pyttsx3Speaker(VoiceSettings(), spec=spec, lead_probes=())
        began = time.perf_counter()
        speaker.start()
        speaker.wait_for(lambda s: s.ready, WAIT)
        starts.append(time.perf_counter() - began)
        speaker.close()
    print(
        f"worker start to engine ready: median {ms(statistics.median(starts))}, "
        f"max {ms(max(starts))}   [target < 500 ms]"
    )

    speaker = Pyttsx3Speaker(VoiceSettings(), spec=spec)
    speaker.start()
    speaker.wait_for(lambda s: s.lead_measured, WAIT)
    lead = speaker.lead_seconds
    print(f"lead measured at start-up (median of 3 silent probes): {ms(lead)}")

    cues = session_cues(80)
    for number, text in enumerate(cues, start=1):
        speak_and_wait(speaker, text, number)
    made: list[CueReport] = speaker.reports()
    latency = [r.t_started - r.t_requested for r in made if r.t_started is not None]
    print(
        f"{len(cues)} session cues, request to start: p50 {ms(percentile(latency, 0.5))}, "
        f"p95 {ms(percentile(latency, 0.95))}, max {ms(max(latency))}   "
        f"[target p95 < 150 ms]  ({len(made) - len(latency)} not started)"
    )

    # Skip: interrupt() kills the worker mid-cue; the next cue waits for a fresh one.
    requested = len(made)
    after_skip = []
    for _ in range(10):
        speaker.say(cues[0])
        speaker.interrupt()
        speak_and_wait(speaker, "Relax.", requested + 2)
        requested += 2
        [relax] = [r for r in speaker.reports() if r.text == "Relax."]
        if relax.t_started is not None:
            after_skip.append(relax.t_started - relax.t_requested)
    print(
        f"cue right after an interrupt (kill, fresh worker, speak): "
        f"p50 {ms(percentile(after_skip, 0.5))}, max {ms(max(after_skip))}   [target < 250 ms]"
    )

    # A countdown sent early by the lead: each number should be heard on its second.
    errors = []
    for _hold in range(5):
        speak_and_wait(speaker, "Hold for 5 seconds.", requested + 1)
        requested += 1
        zero = time.monotonic() + 0.5
        for k, number in enumerate((3, 2, 1)):
            second = zero + k
            time.sleep(max(0.0, second - lead - time.monotonic()))
            speak_and_wait(speaker, countdown_cue(number), requested + 1)
            requested += 1
            [report] = [r for r in speaker.reports() if r.text == str(number)]
            if report.t_started is not None:
                errors.append(report.t_started - second)
    speaker.close()
    off = [abs(e) for e in errors]
    print(
        f"countdown after the early-send correction ({len(errors)} numbers): "
        f"mean {ms(statistics.mean(errors))}, |error| p50 {ms(percentile(off, 0.5))}, "
        f"p95 {ms(percentile(off, 0.95))}, max {ms(max(off))}   [target within 50 ms]"
    )


if __name__ == "__main__":
    main()
