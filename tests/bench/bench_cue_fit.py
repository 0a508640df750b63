"""Do the spoken cues fit their phases? Whole sessions with the real voice, on the real clock.

Run: .venv/bin/python tests/bench/bench_cue_fit.py [--exercises N] [--rates 150,175,220]
     [--routines xplain-back,spine-clinic,chiro-clinic] [--parallel K]

Each (routine, rate) runs in a process of its own: the session controller headless on the real
monotonic clock with ``--autostart``, the real espeak-ng voice through the speech worker, and in
place of ``aplay`` a player (``record_player.sh``) that keeps each clip it is given and takes as
long as the clip to "play" it. Printed per routine and rate: cues said, cut, failed, silent (a
kept clip with no frames, or unreadable), the p95 start offset of phase cues from their phase, and
the p95 offset of countdown numbers from their second. Goals: 0 cut, 0 failed, 0 silent, phase
p95 < 60 ms, count p95 < 20 ms.

Whole sessions take 10 (X-Plain), 18 (spine) and 31 (chiropractic) minutes; ``--exercises N``
runs the first N exercises of each routine (0: all).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROUTINES = ("xplain-back", "spine-clinic", "chiro-clinic")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))] if ordered else 0.0


def silent(clip: Path) -> bool:
    """No frames, or unreadable (the lead probes are played at volume 0 on purpose)."""
    try:
        with wave.open(str(clip), "rb") as wav:
            return wav.getnframes() == 0
    except (OSError, EOFError, wave.Error):
        return True


def run_one(routine_id: str, rate: int, exercises: int, folder: Path) -> dict[str, Any]:
    """One session; returns the figures."""
    from exercise_timer import resources
    from exercise_timer.app.controller import SessionController
    from exercise_timer.app.services import Services
    from exercise_timer.core.loader import load_routine
    from exercise_timer.speech.measure import measure_cue_seconds
    from exercise_timer.speech.process import WorkerSpec
    from exercise_timer.speech.pyttsx3_speaker import Pyttsx3Speaker
    from exercise_timer.speech.speaker import VoiceSettings
    from exercise_timer.storage.journal import open_journal
    from exercise_timer.storage.settings import Settings
    from exercise_timer.storage.trace import TraceWriter

    routine = load_routine(resources.routines_dir() / f"{routine_id}.toml")
    if exercises:
        routine = dataclasses.replace(routine, exercises=routine.exercises[:exercises])
    clips = folder / "clips"
    clips.mkdir(parents=True)
    player = ("sh", str(HERE / "record_player.sh"), str(clips))
    voice = VoiceSettings(rate=rate)
    speaker = Pyttsx3Speaker(voice, spec=WorkerSpec(player=player, quiet=True))
    speaker.start()
    trace_file = folder / "trace.jsonl"
    services = Services(
        journal=open_journal(folder / "journal.sqlite3"),
        speaker=speaker,
        clock=time.monotonic,
        settings=Settings.default().replace(rate=rate),
        trace=TraceWriter(trace_file),
        cue_cache=folder / "cue-seconds.json",
        measure_cues=lambda v, r: (
            lambda texts: measure_cue_seconds(texts, VoiceSettings(voice=v, rate=r)).seconds
        ),
    )
    controller = SessionController(services, routine)
    controller.autostart()
    try:
        while controller.state.ended is None:
            wait = controller.next_wake()
            time.sleep(min(0.1, wait) if wait is not None else 0.1)
            controller.wake()
            controller.poll()
        deadline = time.monotonic() + 15
        while speaker.busy and time.monotonic() < deadline:
            time.sleep(0.05)
        controller.poll()
        controller.shutdown()
    finally:
        services.close()
    return figures(trace_file, clips)


def figures(trace_file: Path, clips: Path) -> dict[str, Any]:
    events = [json.loads(line) for line in trace_file.read_text(encoding="utf-8").splitlines()]
    phases = [e for e in events if e["event"] == "phase"]
    cues = [e for e in events if e["event"] == "cue"]
    phase_offsets: list[float] = []
    count_offsets: list[float] = []
    for cue in cues:
        if cue["t_started"] is None:
            continue
        before = [p for p in phases if p["t_planned"] <= cue["t_requested"] + 0.01]
        if not before:
            continue
        phase = before[-1]
        if cue["text"].isdigit():
            following = phases[phases.index(phase) + 1] if phase is not phases[-1] else None
            if following is None:
                continue
            due = following["t_planned"] - int(cue["text"])
            count_offsets.append(abs(cue["t_started"] - due))
        else:
            phase_offsets.append(cue["t_started"] - phase["t_planned"])
    kept = sorted(clips.glob("*.wav"))
    return {
        "cues": len(cues),
        "cut": sum(1 for c in cues if c.get("status") == "cut"),
        "replaced": sum(1 for c in cues if c.get("status") == "replaced"),
        "failed": sum(1 for c in cues if c.get("status") == "failed"),
        "silent": sum(1 for clip in kept if silent(clip)),
        "clips": len(kept),
        "phase_p95_ms": percentile(phase_offsets, 0.95) * 1000,
        "phase_max_ms": max(phase_offsets, default=0.0) * 1000,
        "count_p95_ms": percentile(count_offsets, 0.95) * 1000,
        "count_max_ms": max(count_offsets, default=0.0) * 1000,
        "counts": len(count_offsets),
        "phase_median_ms": statistics.median(phase_offsets) * 1000 if phase_offsets else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exercises", type=int, default=3, help="first N exercises (0: all)")
    parser.add_argument("--rates", default="150,175,220")
    parser.add_argument("--routines", default=",".join(ROUTINES))
    parser.add_argument("--parallel", type=int, default=3, help="sessions at once")
    parser.add_argument("--one", nargs=2, metavar=("ROUTINE", "RATE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        with tempfile.TemporaryDirectory(prefix="bench-cue-fit-") as folder:
            result = run_one(args.one[0], int(args.one[1]), args.exercises, Path(folder))
        print(json.dumps(result))
        return
    jobs = [
        (routine, int(rate))
        for routine in args.routines.split(",")
        for rate in args.rates.split(",")
    ]
    print(
        f"{len(jobs)} sessions, first {args.exercises or 'all'} exercises, "
        f"{args.parallel} at once; goals: 0 cut, 0 failed, 0 silent, "
        "phase p95 < 60 ms, count p95 < 20 ms"
    )
    header = (
        f"{'routine':<14}{'rate':>5}{'cues':>6}{'cut':>5}{'failed':>7}{'silent':>7}"
        f"{'phase p95':>11}{'phase max':>11}{'count p95':>11}{'count max':>11}"
    )
    print(header)
    running: list[tuple[tuple[str, int], subprocess.Popen[str]]] = []
    pending = list(jobs)
    while pending or running:
        while pending and len(running) < args.parallel:
            routine, rate = pending.pop(0)
            command = [
                sys.executable,
                __file__,
                "--one",
                routine,
                str(rate),
                "--exercises",
                str(args.exercises),
            ]
            running.append(
                ((routine, rate), subprocess.Popen(command, stdout=subprocess.PIPE, text=True))
            )
        (routine, rate), process = running.pop(0)
        out, _ = process.communicate()
        try:
            f = json.loads(out.strip().splitlines()[-1])
        except (IndexError, ValueError):
            print(f"{routine:<14}{rate:>5}  failed to run (exit {process.returncode})")
            continue
        print(
            f"{routine:<14}{rate:>5}{f['cues']:>6}{f['cut']:>5}{f['failed']:>7}{f['silent']:>7}"
            f"{f['phase_p95_ms']:>8.0f} ms{f['phase_max_ms']:>8.0f} ms"
            f"{f['count_p95_ms']:>8.0f} ms{f['count_max_ms']:>8.0f} ms",
            flush=True,
        )


if __name__ == "__main__":
    main()
