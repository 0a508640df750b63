"""The command line as a package: its registry, its bounds from core.limits, no Qt on import."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from exercise_timer.cli import build_parser, main
from exercise_timer.cli.registry import handler_of
from exercise_timer.core import limits
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.progression import NO_PROGRESSION
from exercise_timer.storage.lock import is_locked
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import save_personal


def test_no_module_of_the_command_line_or_the_reports_imports_qt() -> None:
    code = (
        "import sys, pkgutil, importlib\n"
        "for name in ('exercise_timer.cli', 'exercise_timer.report'):\n"
        "    package = importlib.import_module(name)\n"
        "    for info in pkgutil.walk_packages(package.__path__, name + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "argv",
    [
        ["routines"],
        ["plan", "xplain-back"],
        ["check", "x.toml"],
        ["history"],
        ["voices"],
        ["speak", "Relax."],
        ["prescription", "show", "xplain-back"],
        ["prescription", "lock"],
    ],
)
def test_every_command_has_a_handler(argv: list[str]) -> None:
    assert handler_of(build_parser().parse_args(argv)) is not None


def test_no_command_opens_the_window() -> None:
    assert handler_of(build_parser().parse_args(["--kiosk"])) is None


def parse_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(argv)
    assert exit_info.value.code == 2
    return capsys.readouterr().err


def test_speaking_rate_bounds_are_the_limits(capsys: pytest.CaptureFixture[str]) -> None:
    low, high = int(limits.SPEAKING_RATE.low), int(limits.SPEAKING_RATE.high)
    for rate in (low, high):
        assert build_parser().parse_args(["speak", "x", "--rate", str(rate)]).rate == rate
    for rate in (low - 1, high + 1):
        error = parse_error(["speak", "x", "--rate", str(rate)], capsys)
        assert f"must be between {low} and {high} words per minute" in error


def test_speed_bounds_are_the_limits(capsys: pytest.CaptureFixture[str]) -> None:
    low, high = limits.SPEED.low, limits.SPEED.high
    for speed in (low, high):
        assert build_parser().parse_args(["--speed", str(speed)]).speed == speed
    for speed in (low / 2, high * 2):
        error = parse_error(["--speed", str(speed)], capsys)
        assert f"must be between {low:g} and {high:g}" in error


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_pin_prompt_names_the_limits(
    paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    prompts: list[str] = []

    def answer(prompt: str) -> str:
        prompts.append(prompt)
        return "482913"

    monkeypatch.setattr("getpass.getpass", answer)
    monkeypatch.setattr(sys, "stdin", Terminal())
    assert main(["prescription", "lock"]) == 0
    low, high = int(limits.PIN_DIGITS.low), int(limits.PIN_DIGITS.high)
    assert prompts == [f"New clinician PIN ({low}-{high} digits): ", "The same PIN again: "]
    assert is_locked(paths)


@pytest.mark.parametrize(("count", "words"), [(1, "1 exercise"), (2, "2 exercises")])
def test_export_counts_the_exercises_in_words(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str], count: int, words: str
) -> None:
    ids = ["pelvic-tilt", "pretzel"][:count]
    values = PersonalValues({i: ExerciseValues(repetitions=3) for i in ids})
    save_personal(paths, "xplain-back", values, NO_PROGRESSION)
    target = tmp_path / "out.toml"
    assert main(["prescription", "export", "xplain-back", str(target), "--clinic", "C"]) == 0
    assert capsys.readouterr().out == (
        f"{target}: prescription of xplain-back from C, values for {words}\n"
    )


def test_check_counts_the_exercises_in_words(
    tmp_path: Path, example_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    one = example_text.split("[[exercises]]")
    single = tmp_path / "one.toml"
    single.write_text("[[exercises]]".join(one[:2]), encoding="utf-8")
    assert main(["check", str(single)]) == 0
    assert capsys.readouterr().out == f"{single}: ok, 1 exercise\n"


def test_window_options_are_typed_from_the_command_line(tmp_path: Path) -> None:
    from exercise_timer.app.options import AppOptions
    from exercise_timer.cli.window import window_options

    argv = ["--home", "H", "--routine", "spine-clinic", "--kiosk", "--speed", "4"]
    argv += ["--autostart", "--exit-when-done", "--no-voice", "--trace", str(tmp_path / "t")]
    assert window_options(build_parser().parse_args(argv)) == AppOptions(
        routine="spine-clinic",
        home="H",
        kiosk=True,
        speed=4.0,
        autostart=True,
        exit_when_done=True,
        no_voice=True,
        trace=tmp_path / "t",
    )
    assert window_options(build_parser().parse_args([])) == AppOptions(routine="xplain-back")
