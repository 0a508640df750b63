"""What a looping kiosk keeps on the Python heap: the controller alone, headless, under tracemalloc.

Run: .venv/bin/python tests/bench/kiosk_loop_heap.py [--loops 100]  (about 2 s a loop)

The kiosk's controller (the kiosk policy, its journal stand-in over a real counter file in a
temporary folder, captions only) runs whole sessions of the default routine on a simulated
clock, each started again by the policy 15 s after it completed, as ``bench_kiosk_soak.py``
sees them in the real window. After every tenth loop it prints the allocated blocks
(``sys.getallocatedblocks()`` after a collection) and the resident memory; at the end, the
traced heap's growth from loop 10 and the source lines that gained most (``--no-trace``: no
tracemalloc, about ten times faster, for runs of a thousand loops). Nothing waits on real time.

tracemalloc charges an object kept in one of the interpreter's free lists to the line that
first allocated it, so a line that gains a few small blocks a loop, slower and slower, is the
free lists filling, not a leak: a leak keeps the allocated blocks climbing at a steady rate.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import tracemalloc
from pathlib import Path

from exercise_timer import resources
from exercise_timer.app.controller import SessionController
from exercise_timer.app.kiosk_journal import KioskJournal
from exercise_timer.app.policy import KIOSK
from exercise_timer.app.services import Services
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.loader import load_routine
from exercise_timer.speech.speaker import CaptionsOnly
from exercise_timer.storage.kiosk_counter import KioskCounter, read_kiosk_counts

BASELINE_LOOP = 10
POLL_S = 0.1  # the window polls the controller about this often


def one_loop(controller: SessionController, clock: SimulatedClock) -> None:
    """Runs the session to its end, then polls until the kiosk has started the next one."""
    while (deadline := controller.engine.next_deadline()) is not None:
        clock.now = max(clock.now, deadline)
        controller.wake()
        controller.poll()
    for _tick in range(int(KIOSK.restart_seconds or 0) * 10 + 20):
        clock.advance(POLL_S)
        controller.poll()
        if controller.engine.next_deadline() is not None:
            return
    raise SystemExit("the kiosk did not start a new session after a completed one")


def _own(snapshot: tracemalloc.Snapshot) -> tracemalloc.Snapshot:
    """A snapshot after a collection, without what tracemalloc holds for earlier snapshots."""
    return snapshot.filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])


def _collected() -> tracemalloc.Snapshot:
    gc.collect()
    return tracemalloc.take_snapshot()


def _size(snapshot: tracemalloc.Snapshot) -> int:
    return sum(stat.size for stat in snapshot.statistics("filename"))


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    """Loops the kiosk and prints the heap's growth."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loops", type=int, default=100)
    parser.add_argument("--no-trace", action="store_true", help="blocks and RSS only (fast)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiosk-heap-") as folder:
        counter = Path(folder) / "kiosk-counter.json"
        clock = SimulatedClock(1000.0)
        services = Services(
            journal=KioskJournal(KioskCounter(counter)),
            speaker=CaptionsOnly(None),
            clock=clock,
        )
        routine = load_routine(resources.routines_dir() / "xplain-back.toml", bundled=True)
        controller = SessionController(services, routine, policy=KIOSK)
        if not args.no_trace:
            tracemalloc.start(1)
        controller.start()
        base = None
        for loop in range(1, args.loops + 1):
            one_loop(controller, clock)
            if loop == BASELINE_LOOP and not args.no_trace:
                base = _own(_collected())
            if loop % 10 == 0:
                gc.collect()
                print(
                    f"loop {loop:>5}: allocated blocks {sys.getallocatedblocks():>7}; "
                    f"RSS {_rss_kb():>6} kB",
                    flush=True,
                )
        total = read_kiosk_counts(counter).total
        print(f"counter: started {total.started}, completed {total.completed}")
        if base is not None:
            _print_growth(base, _own(_collected()), args.loops)
    return 0


def _print_growth(base: tracemalloc.Snapshot, end: tracemalloc.Snapshot, loops: int) -> None:
    base_size, end_size = _size(base), _size(end)
    growth = end_size - base_size
    print(
        f"traced heap after loop {BASELINE_LOOP}: {base_size / 1024:.1f} KiB; after loop "
        f"{loops}: {end_size / 1024:.1f} KiB; growth {growth / 1024:+.1f} KiB "
        f"({growth / max(1, loops - BASELINE_LOOP):+.0f} B a loop)"
    )
    print(f"largest gains since loop {BASELINE_LOOP} (by line):")
    for stat in end.compare_to(base, "lineno")[:10]:
        print(f"  {stat}")


if __name__ == "__main__":
    sys.exit(main())
