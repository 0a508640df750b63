"""Reading the catalogue with a 60 KB hostile file in the personal routines folder.

Run: .venv/bin/python tests/bench/bench_hostile_catalogue.py  (prints figures; target in brackets)

Each hostile file sits beside a copy of a bundled routine in a fresh home; the catalogue is
read cold (no routine cache) and warm (the cache of the previous read), as every command does
at start. Exit status 1 when any read takes 0.5 s or more, or the hostile file is not named.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from exercise_timer import resources
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.paths import Paths

TARGET_SECONDS = 0.5
SIZE = 60_000

HOSTILE: dict[str, Callable[[], str]] = {
    "dotted key a.a.a... (30,000 parts)": lambda: "a" + ".a" * (SIZE // 2 - 1) + " = 1\n",
    "dotted table header [a . a . ...]": lambda: "[" + "a . " * (SIZE // 4 - 1) + "b]\n",
    "keys of 31 parts, one per line": lambda: ("a" + ".a" * 30 + " = 1\n") * (SIZE // 66),
    "nested arrays [[[[...": lambda: "x = " + "[" * (SIZE - 4),
    "nested inline tables {a = {a = ...": lambda: "x = " + "{a = " * (SIZE // 5),
    "integer of 59,990 digits": lambda: "x = " + "9" * (SIZE - 10) + "\n",
    'unterminated strings """...': lambda: '"""' * (SIZE // 3),
}


def read_seconds(paths: Paths) -> tuple[float, int]:
    began = time.perf_counter()
    catalogue = load_catalogue(paths)
    return time.perf_counter() - began, len(catalogue.problems)


def main() -> int:
    worst = 0.0
    failed = False
    bundled = next(resources.routines_dir().glob("*.toml")).read_text(encoding="utf-8")
    print(f"catalogue read with one {SIZE // 1000} KB hostile personal routine:")
    for name, make in HOSTILE.items():
        with tempfile.TemporaryDirectory() as folder:
            paths = Paths.under(Path(folder))
            paths.routines_dir.mkdir(parents=True)
            (paths.routines_dir / "mine.toml").write_text(
                bundled.replace('id = "', 'id = "mine-', 1), encoding="utf-8"
            )
            (paths.routines_dir / "hostile.toml").write_text(make(), encoding="utf-8")
            cold, problems = read_seconds(paths)
            warm, _problems = read_seconds(paths)
        worst = max(worst, cold, warm)
        named = problems == 1
        failed |= not named or max(cold, warm) >= TARGET_SECONDS
        print(
            f"  {name:40} cold {cold:.3f} s, warm {warm:.3f} s"
            f"{'' if named else '   (the hostile file was not reported once)'}"
        )
    print(f"worst: {worst:.3f} s   [target < {TARGET_SECONDS} s]")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
