"""Start-up counted in instructions: the bare window against the program, stage by stage.

Run: .venv/bin/python tests/bench/bench_startup_stages.py [--before DIR]
     (about a minute on 2 cores; needs valgrind). ``--before DIR``: also the shown window of
     another checkout (``git worktree add DIR COMMIT``), in the same run.

bench_window.py times start-up on the wall clock, which moves by 20-40 % from run to run on a
shared machine. This counts the instructions each start executes (valgrind's callgrind, the
``Collected`` total) up to each stage, in fresh processes (tests/bench/startup_stage_child.py):
the same figure on every run, so a change of a few per cent is seen, and where the program
spends its start-up is seen stage by stage. Instructions are not time (a page fault or a
cache miss costs no instruction), but on the same machine they follow it: the ratio here
and bench_window's CPU ratio agree within a few per cent.

Before counting, the program runs once normally, so its byte-code, its kept dataclass code
and its routine and figures caches exist, as for a person who has started it before.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).parent
CHILD = HERE / "startup_stage_child.py"
WINDOW_CHILD = HERE / "window_child.py"
sys.path.insert(0, str(HERE))

from bench_window import make_home  # noqa: E402  (the same returning user)
from startup_stage_child import BARE_STAGES, PROGRAM_STAGES  # noqa: E402

TIME_RATIO = 1.5  # issue 9
COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def child_env(cache: Path, code: Path | None = None) -> dict[str, str]:
    """Byte-code kept under ``cache`` (as an installed program keeps it), offscreen.

    ``code`` puts another checkout of the program first on the path.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(cache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), env.get("PYTHONPATH")]))
    return env


def warm(python: str, home: Path, env: dict[str, str]) -> None:
    """Two normal starts: byte-code, kept dataclass code, routine and figures caches exist."""
    for _start in range(2):
        for args in (["bare"], ["program", str(home)]):
            subprocess.run(
                [python, str(WINDOW_CHILD), *args], env=env, check=True, capture_output=True
            )


def instructions(args: list[str], env: dict[str, str]) -> int:
    """Instructions one child executes, counted by callgrind."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    found = COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"{args}: {done.returncode}\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="another checkout to count beside this one")
    before = parser.parse_args().before
    if shutil.which("valgrind") is None:
        print("bench_startup_stages: valgrind is not installed (apt-get install valgrind)")
        return 1
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="stages-") as folder:
        root = Path(folder)
        home = make_home(root / "home")
        env = child_env(root / "pycache")
        warm(python, home, env)
        jobs = [("bare", stage, [python, str(CHILD), "bare", stage], env) for stage in BARE_STAGES]
        jobs += [
            ("program", stage, [python, str(CHILD), "program", str(home), stage], env)
            for stage in PROGRAM_STAGES
        ]
        jobs.append(("whole", "shown", [python, str(CHILD), "whole", str(home)], env))
        if before is not None:
            before_home = make_home(root / "before-home")
            before_env = child_env(root / "before-pycache", before.resolve())
            warm(python, before_home, before_env)
            for kind, mode in (("before", "program"), ("before whole", "whole")):
                child = [python, str(CHILD), mode, str(before_home)]
                child += ["shown"] if mode == "program" else []
                jobs.append((kind, "shown", child, before_env))
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            counts = dict(
                zip(
                    [(kind, stage) for kind, stage, _args, _env in jobs],
                    pool.map(lambda job: instructions(job[2], job[3]), jobs),
                    strict=True,
                )
            )
    print("bench_startup_stages: instructions to each stage (millions), callgrind, offscreen\n")
    for kind, stages in (("bare", BARE_STAGES), ("program", PROGRAM_STAGES)):
        print(f"  {kind}")
        previous = 0.0
        for stage in stages:
            count = counts[(kind, stage)] / 1e6
            print(f"    {stage:<14} {count:8.1f}  (+{count - previous:.1f})")
            previous = count
    bare, staged = counts[("bare", "shown")], counts[("program", "shown")]
    program = counts[("whole", "shown")]
    print(
        f"\n  the whole start (cli.main, as bench_window.py times it): {program / 1e6:.1f}"
        f" = {program / bare:.2f}x the bare; the stages above: {staged / bare:.2f}x"
    )
    if before is not None:
        earlier, earlier_whole = counts[("before", "shown")], counts[("before whole", "shown")]
        print(
            f"  before ({before}): the whole start {earlier_whole / 1e6:.1f} = "
            f"{earlier_whole / bare:.2f}x; the stages {earlier / 1e6:.1f} = {earlier / bare:.2f}x"
        )
    ratio = program / bare
    verdict = "PASS" if ratio < TIME_RATIO else "MISS"
    print(
        f"\nSUMMARY\n  {verdict}  instructions to the shown window: program "
        f"{program / 1e6:.0f} M vs bare {bare / 1e6:.0f} M = {ratio:.2f}x   [< {TIME_RATIO}x]"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
