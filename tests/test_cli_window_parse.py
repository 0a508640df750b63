"""Opening the window parses its options without the command groups, and nothing else changes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from exercise_timer.cli import build_parser
from exercise_timer.cli.entry import COMMAND_GROUPS, parse_command_line

WINDOW_COMMAND_LINES = [
    [],
    ["--kiosk"],
    ["--home", "/tmp/h", "--routine", "spine-clinic", "--speed", "4", "--autostart"],
    ["--exit-when-done", "--no-voice", "--trace", "t.jsonl", "--rout", "x.toml"],
]


@pytest.mark.parametrize("argv", WINDOW_COMMAND_LINES)
def test_the_window_options_parse_as_the_whole_command_line_does(argv: list[str]) -> None:
    assert vars(parse_command_line(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--he"],
        ["-h"],
        ["--version"],
        ["--bogus"],
        ["--speed", "0"],
        ["--speed"],
        ["plan"],
        ["history", "--json", "--csv"],
        ["--routine", "plan", "voices", "--json"],
        ["nonsense"],
        ["--"],
        ["--kiosk", "--", "plan"],
    ],
)
def test_anything_else_prints_and_exits_as_the_whole_command_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    def outcome(parse: object) -> tuple[object, str, str]:
        try:
            result: object = vars(parse(argv))  # type: ignore[operator]
        except SystemExit as exit_info:
            result = ("exit", exit_info.code)
        printed = capsys.readouterr()
        return result, printed.out, printed.err

    assert outcome(parse_command_line) == outcome(build_parser().parse_args)


def test_the_window_command_line_imports_no_command_group() -> None:
    code = (
        "import sys\n"
        "from exercise_timer.cli.entry import parse_command_line\n"
        "parse_command_line(['--kiosk', '--speed', '2'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('exercise_timer.cli.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = {name.rsplit(".", 1)[1] for name in eval(done.stdout)}  # a printed list of names
    assert loaded and not loaded & set(COMMAND_GROUPS)
