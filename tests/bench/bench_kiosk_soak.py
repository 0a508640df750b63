"""Kiosk soak: the installed program loops whole sessions in a real window; memory and files.

Run: .venv/bin/python tests/bench/bench_kiosk_soak.py [--minutes 30] [--voice] [--unread]

Starts its own Xvfb (1024x600x24, no window manager, on a free display number) and, on it,
``.venv/bin/exercise-timer --kiosk --speed 60 --no-voice --autostart --home FRESH_HOME`` of this
checkout (``QT_QPA_PLATFORM=xcb``). ``--autostart`` starts the first session; after it the
kiosk starts each session itself 15 s (real time) after the last one completed. Every second it
samples the program's resident memory (VmRSS of the process and all its descendants, from
/proc), the kiosk counter (``HOME/data/kiosk-counter.json``) and the size of every file under
the home. It prints the memory at the end of each loop (a loop is a session counted as
completed), then the issue's two targets: resident memory after loop 10 grows by less than
2 MB over the rest of the run, and no file grows after the first loop except the counter.

The routine's "before you start" page is marked read before the program starts (its flag file
under ``HOME/config/before-you-start/``), as a clinic would have done once; ``--unread`` leaves
it unread to see what a fresh kiosk does with the page. ``--voice`` runs without
``--no-voice`` (the speech a machine has; captions where it has none).

Exit status: 0 when both targets are met, 1 when one is not, when no loop completed, or when
the program exited by itself (its stderr is printed). Everything is written under one
temporary folder that is removed at the end (``--keep`` leaves it).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from exercise_timer.app.services import READ_ROUTINES
from exercise_timer.storage.kiosk_counter import kiosk_counter_file, read_kiosk_counts
from exercise_timer.storage.paths import Paths

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = ROOT / ".venv" / "bin" / "exercise-timer"
SCREEN = "1024x600x24"
SPEED = 60
GROWTH_LIMIT_KB = 2 * 1024
BASELINE_LOOP = 10
NO_LOOP_WARNING_S = 120  # a loop at speed 60 takes ~25 s; none by then means nothing counts


@dataclass
class Sample:
    """One second's look at the program."""

    at: float
    rss_kb: int
    started: int
    completed: int
    stopped: int
    sizes: dict[str, int]

    @property
    def home_bytes(self) -> int:
        """The whole home."""
        return sum(self.sizes.values())


@dataclass
class Run:
    """What the soak saw."""

    samples: list[Sample] = field(default_factory=list)
    loop_ends: list[Sample] = field(default_factory=list)
    exit_code: int | None = None
    stderr: str = ""
    counter_problem: str | None = None


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A private X server without a window manager; Xvfb picks a free display number."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        raise SystemExit("Xvfb did not start (is it installed? bash tools/bootstrap)")
    return server, f":{number}"


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # The name (field 2) may hold spaces and parentheses; the parent follows the last ")".
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and its descendants, in kB (VmRSS)."""
    total = 0
    for process in descendants(pid):
        try:
            status = Path(f"/proc/{process}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total


def file_sizes(home: Path) -> dict[str, int]:
    """Every file under ``home`` by its path there, with its size in bytes."""
    sizes = {}
    for folder, _dirs, files in os.walk(home):
        for name in files:
            path = Path(folder, name)
            # A temporary file may be renamed away between the listing and the stat.
            with contextlib.suppress(OSError):
                sizes[str(path.relative_to(home))] = path.stat().st_size
    return sizes


def sample(pid: int, home: Path, counter: Path, run: Run, begun: float) -> Sample:
    """One look at memory, the counter and the files."""
    counts = read_kiosk_counts(counter)
    if counts.problem is not None:
        run.counter_problem = counts.problem
    total = counts.total
    return Sample(
        time.monotonic() - begun,
        rss_kb(pid),
        total.started,
        total.completed,
        total.stopped_total,
        file_sizes(home),
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the program's process group, then SIGKILL if it has not gone in 5 s."""
    if process.poll() is not None:
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            continue


def soak(args: argparse.Namespace, work: Path) -> Run:
    """Runs the program for ``args.minutes`` and samples it every second."""
    home = work / "home"
    paths = Paths.under(home)
    if not args.unread:
        flag = paths.config_dir / READ_ROUTINES / args.routine
        flag.parent.mkdir(parents=True)
        flag.write_text("read by the clinic before the kiosk was started\n", encoding="utf-8")
    counter = kiosk_counter_file(paths)
    command = [str(PROGRAM), "--home", str(home), "--routine", args.routine, "--kiosk"]
    command += ["--speed", str(args.speed), "--autostart"]
    if not args.voice:
        command.append("--no-voice")
    server, display = start_xvfb()
    run = Run()
    stderr_file = work / "stderr.txt"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    print(f"display {display} ({SCREEN}, no window manager); home {home}")
    print("$ " + " ".join(command), flush=True)
    with stderr_file.open("wb") as stderr:
        program = subprocess.Popen(
            command, env=env, stdout=stderr, stderr=stderr, start_new_session=True
        )
        try:
            watch(program, home, counter, run, args)
        except KeyboardInterrupt:
            print("interrupted: the figures so far follow")
        finally:
            stop(program)
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    run.stderr = stderr_file.read_text(encoding="utf-8", errors="replace")
    return run


def watch(
    program: subprocess.Popen[bytes],
    home: Path,
    counter: Path,
    run: Run,
    args: argparse.Namespace,
) -> None:
    """Samples every second until the time is up or the program exits; prints each loop."""
    begun = time.monotonic()
    end = begun + args.minutes * 60
    warned = False
    print(
        f"{'loop':>4} {'time s':>7} {'RSS kB':>8} {'started':>7} {'completed':>9} "
        f"{'stopped':>7} {'home B':>8}",
        flush=True,
    )
    while time.monotonic() < end:
        code = program.poll()
        if code is not None:
            run.exit_code = code
            return
        now = sample(program.pid, home, counter, run, begun)
        run.samples.append(now)
        while now.completed > len(run.loop_ends):
            run.loop_ends.append(now)
            print(
                f"{len(run.loop_ends):>4} {now.at:>7.1f} {now.rss_kb:>8} {now.started:>7} "
                f"{now.completed:>9} {now.stopped:>7} {now.home_bytes:>8}",
                flush=True,
            )
        if not run.loop_ends and not warned and now.at > NO_LOOP_WARNING_S:
            warned = True
            print(
                f"no loop counted after {NO_LOOP_WARNING_S} s (started {now.started}): the "
                "kiosk does not count completed sessions, or a page holds the loop",
                flush=True,
            )
        next_at = begun + len(run.samples)
        time.sleep(max(0.0, next_at - time.monotonic()))


def report(run: Run) -> int:
    """Prints the figures and the targets; returns the exit status."""
    failed = False
    if run.exit_code is not None:
        failed = True
        print(f"FAILURE: the program exited by itself with code {run.exit_code}; its stderr:")
        print(run.stderr.rstrip() or "(empty)")
    elif run.stderr.strip():
        print("the program's stderr:")
        print(run.stderr.rstrip())
    if run.counter_problem:
        print(f"counter: {run.counter_problem}")
    if not run.samples:
        print("no sample was taken")
        return 1
    last = run.samples[-1]
    first_rss = run.samples[0].rss_kb
    peak = max(s.rss_kb for s in run.samples)
    print(
        f"\n{len(run.samples)} samples over {last.at:.0f} s; loops completed {last.completed}, "
        f"sessions started {last.started}, stopped {last.stopped}"
    )
    print(f"RSS: first sample {first_rss} kB, peak {peak} kB, end {last.rss_kb} kB")
    if len(run.loop_ends) >= BASELINE_LOOP:
        base = run.loop_ends[BASELINE_LOOP - 1]
        growth = last.rss_kb - base.rss_kb
        after = [s.rss_kb for s in run.samples if s.at >= base.at]
        met = growth < GROWTH_LIMIT_KB
        failed |= not met
        print(
            f"RSS after loop {BASELINE_LOOP}: {base.rss_kb} kB; at the end: {last.rss_kb} kB; "
            f"growth over the rest ({len(run.loop_ends) - BASELINE_LOOP} loops): {growth:+d} kB "
            f"(max since {max(after)} kB) [target < {GROWTH_LIMIT_KB} kB: "
            f"{'met' if met else 'NOT met'}]"
        )
    else:
        print(
            f"RSS growth: not measured, only {len(run.loop_ends)} loops "
            f"(needs {BASELINE_LOOP} and more)"
        )
        failed |= not run.loop_ends
    if run.loop_ends:
        failed |= not files_after_first_loop(run.loop_ends[0], last)
    return 1 if failed else 0


def files_after_first_loop(first: Sample, last: Sample) -> bool:
    """Prints every file that grew or appeared after the first loop; True if only the counter."""
    counter = str(Path("data") / "kiosk-counter.json")
    grown = {
        name: (first.sizes.get(name), size)
        for name, size in last.sizes.items()
        if size > first.sizes.get(name, -1)
    }
    gone = sorted(set(first.sizes) - set(last.sizes))
    print(
        f"home: {first.home_bytes} B after loop 1, {last.home_bytes} B at the end; "
        f"{len(last.sizes)} files"
    )
    for name, (before, after) in sorted(grown.items()):
        was = "new" if before is None else f"{before} B"
        print(f"  grew after loop 1: {name}: {was} -> {after} B")
    for name in gone:
        print(f"  gone after loop 1: {name}")
    others = sorted(set(grown) - {counter})
    met = not others
    print(
        f"files grown after loop 1 other than the counter: {len(others)} "
        f"[target none: {'met' if met else 'NOT met'}]"
    )
    return met


def main() -> int:
    """Parses the options, runs the soak, prints the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0, help="how long (default 30)")
    parser.add_argument("--speed", type=float, default=SPEED, help="--speed (default 60)")
    parser.add_argument("--routine", default="xplain-back", help="routine id")
    parser.add_argument("--voice", action="store_true", help="without --no-voice")
    parser.add_argument("--unread", action="store_true", help="leave the safety page unread")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    if not PROGRAM.exists():
        print(f"{PROGRAM} is missing: install the checkout first (bash tools/bootstrap)")
        return 1
    for tool in ("Xvfb",):
        if shutil.which(tool) is None:
            print(f"{tool} is missing (bash tools/bootstrap installs it)")
            return 1
    work = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    try:
        run = soak(args, work)
        return report(run)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
