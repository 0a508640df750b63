"""Draws the stills of a figures file that may not cover its routine yet (a draft).

Usage: .venv/bin/python tools/figure_draft.py FILE --out DIR [--side left] [--only ID ...]

Prints every pose problem (range, floor), then writes one PNG per entry into DIR and a
montage.png of them all (if ImageMagick's ``montage`` is installed), for looking at.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path


def main() -> int:
    """Draws the draft's stills."""
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--side", choices=["right", "left", "both"])
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from exercise_timer.core.figures.checks import book_problems
    from exercise_timer.core.figures.reader import load_figures
    from exercise_timer.core.model import Side
    from exercise_timer.core.problems import InputError
    from exercise_timer.ui.figure_view import figure_still

    try:
        book = load_figures(args.file)
    except InputError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    problems = book_problems(book)
    for problem in problems:
        print(f"{args.file}: {problem}", file=sys.stderr)
    side = Side(args.side) if args.side else None
    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    for figure in book.figures:
        if args.only and figure.exercise not in args.only:
            continue
        name = figure.exercise if figure.variant is None else f"{figure.exercise}--{figure.variant}"
        target = args.out / f"{name}.png"
        figure_still(figure, side).save(str(target))
        written.append(target)
    print(f"{len(written)} stills in {args.out}, {len(problems)} problems")
    if written and shutil.which("montage"):
        subprocess.run(
            ["montage", "-font", "DejaVu-Sans", "-label", "%t", *map(str, written), "-tile", "2x", "-geometry", "+4+4",
             str(args.out / "montage.png")],
            check=False,
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
