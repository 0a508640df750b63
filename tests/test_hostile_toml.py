"""Hostile TOML in every file the program reads: refused before parsing, at its line, quickly.

Issue 16, points 1 and 2: deeply dotted keys made tomllib take 13 s and 3.5 GB, and integers
of more than 4,300 digits escaped as a ValueError traceback. Each loader (settings, personal
values, the lock, the kiosk PIN, prescriptions, routines, figures) must answer with its usual
message naming the file and the line, never a traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from exercise_timer.core import toml_guard
from exercise_timer.core.figures.reader import load_figures
from exercise_timer.core.limits import TOML_KEY_PARTS, TOML_NESTING
from exercise_timer.core.loader import load_routine
from exercise_timer.core.problems import InputError
from exercise_timer.core.toml_reader import parse_toml
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.kiosk_pin import kiosk_pin_file, kiosk_pin_problem
from exercise_timer.storage.lock import lock_file, lock_problem
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import load_personal, personal_file
from exercise_timer.storage.prescription import read_prescription
from exercise_timer.storage.settings import load_settings

PARTS = int(TOML_KEY_PARTS.high)
NESTING = int(TOML_NESTING.high)
DIGITS = sys.get_int_max_str_digits()
HEAD = "format_version = 1\n"

DEEP_KEY = "a" + ".a" * 10_000 + " = 1\n"  # 20 KB: tomllib alone takes seconds
DEEP_NESTING = "x = " + "[" * 50_000 + "]" * 50_000 + "\n"
LONG_INTEGER = f"x = {'7' * (DIGITS + 1)}\n"

HOSTILE = {
    "deep-key": (DEEP_KEY, f"more than {PARTS} parts"),
    "deep-nesting": (DEEP_NESTING, f"more than {NESTING} levels"),
    "long-integer": (LONG_INTEGER, f"more than {DIGITS} digits"),
}


# The guard alone.


@pytest.mark.parametrize(
    "text",
    [
        "a" + ".b" * PARTS + " = 1\n",
        "[" + ".".join(["t"] * (PARTS + 1)) + "]\n",
        "'q'" + " . 'q'" * PARTS + " = 1\n",
        '"a.b"' + '."x"' * PARTS + " = 1\n",
    ],
    ids=["bare", "table-header", "literal-quoted", "basic-quoted"],
)
def test_a_key_of_one_part_too_many_is_refused_at_its_line(text: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_toml("title = 'x'\n\n" + text, "f.toml", "routine")
    (problem,) = raised.value.problems
    assert (problem.path, problem.line) == ("f.toml", 3)
    assert f"more than {PARTS} parts" in problem.message
    assert "fewer dots" in problem.message


def test_keys_and_nesting_at_the_limits_are_read() -> None:
    text = (
        "a" + ".b" * (PARTS - 1) + " = 1\n"
        "x = " + "[" * NESTING + "]" * NESTING + "\n"
        f"n = {'7' * DIGITS}\n"
    )
    data = parse_toml(text, "f.toml", "routine")
    depth, value = 0, data["x"]
    while isinstance(value, list):
        depth, value = depth + 1, value[0] if value else None
    assert depth == NESTING
    assert data["n"] == int("7" * DIGITS)


def test_one_level_too_deep_is_refused_at_its_line() -> None:
    text = "a = 1\nx = [\n" + "[" * NESTING + "]" * (NESTING + 1) + "\n"
    with pytest.raises(InputError) as raised:
        parse_toml(text, "f.toml", "settings file")
    (problem,) = raised.value.problems
    assert problem.line == 3
    assert f"more than {NESTING} levels" in problem.message
    assert "write them flatter" in problem.message


@pytest.mark.parametrize(
    "text",
    [
        'note = "' + "a." * 100 + '"\n',
        "note = '" + "[" * 100 + "'\n",
        'note = """\n' + "a." * 100 + "\n" + "{" * 100 + '\n"""\n',
        "note = '''\n" + "a." * 100 + "\n'''\n",
        "# " + "a." * 100 + "[" * 100 + "\n",
        'note = "' + "1" * (DIGITS + 10) + '"\n',
        'note = """ends with quotes"""""\n' + "x = 1\n",
    ],
    ids=["basic", "literal", "multi-basic", "multi-literal", "comment", "digits", "quotes"],
)
def test_dots_brackets_and_digits_inside_texts_and_comments_do_not_count(text: str) -> None:
    assert isinstance(parse_toml(text, "f.toml", "routine"), dict)


def test_a_key_hidden_after_an_escaped_quote_is_still_counted() -> None:
    """The string ends where tomllib ends it, not at the first three quotes."""
    text = 'x = """a\\"""\n"""\n' + "a" + ".a" * PARTS + ' = 1\ny = """ z """\n'
    with pytest.raises(InputError, match=f"more than {PARTS} parts"):
        parse_toml(text, "f.toml", "routine")


@pytest.mark.parametrize(
    "text",
    [
        '"""' * 20_000,  # unterminated multi-line strings, one after another
        "x = " + "1" * 4000 + "\n" + ("y" + "1" * 4000 + " = 1\n") * 15,
        ("a" + ".a" * (PARTS - 2) + " = 1\n") * 1000,
        "\\" + '"' * 60_000,
        "[]" * 30_000,
    ],
    ids=["open-strings", "long-runs", "keys-at-the-limit", "quotes", "brackets"],
)
def test_the_guard_stays_linear(text: str) -> None:
    start = time.perf_counter()
    try:
        toml_guard.check_toml_shape(text, "f.toml", "routine")
        toml_guard.long_number_line(text)
    except InputError:
        pass
    assert time.perf_counter() - start < 0.5


def test_a_number_of_too_many_digits_is_named_at_its_line() -> None:
    text = 'title = "x"\n\n\nhold = 1_' + "2" * DIGITS + "\n"
    with pytest.raises(InputError) as raised:
        parse_toml(text, "f.toml", "prescription")
    (problem,) = raised.value.problems
    assert problem.line == 4
    assert f"more than {DIGITS} digits" in problem.message
    assert "write a number such as 5" in problem.message


def test_an_oversized_text_is_refused_before_parsing() -> None:
    with pytest.raises(InputError, match="larger than 1 MB"):
        parse_toml("# x\n" * 300_000, "f.toml", "routine")


# Every loader.


def _line_of(reason: str, path: Path) -> None:
    assert str(path) in reason
    assert re.search(r"(:|line )2\b", reason), reason


def _settings(paths: Paths, body: str) -> str:
    path = paths.settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD + body, encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.problem is not None
    _line_of(loaded.problem, path)
    return loaded.problem


def _personal(paths: Paths, body: str) -> str:
    routine = load_catalogue(paths).find("xplain-back")
    assert routine is not None
    path = personal_file(paths, routine.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD + body, encoding="utf-8")
    loaded = load_personal(paths, routine)
    assert loaded.problem is not None
    assert not loaded.values.exercises
    _line_of(loaded.problem, path)
    return loaded.problem


def _lock(paths: Paths, body: str) -> str:
    path = lock_file(paths)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD + body, encoding="utf-8")
    problem = lock_problem(paths)
    assert problem is not None
    _line_of(problem, path)
    return problem


def _kiosk_pin(paths: Paths, body: str) -> str:
    path = kiosk_pin_file(paths)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD + body, encoding="utf-8")
    problem = kiosk_pin_problem(paths)
    assert problem is not None
    _line_of(problem, path)
    return problem


def _prescription(paths: Paths, body: str) -> str:
    path = paths.config_dir.parent / "prescription.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD + body, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_prescription(path, load_catalogue(paths))
    _line_of(str(raised.value), path)
    return str(raised.value)


def _routine(paths: Paths, body: str) -> str:
    path = paths.config_dir.parent / "routine.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD + body, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_routine(path)
    _line_of(str(raised.value), path)
    return str(raised.value)


def _figures(paths: Paths, body: str) -> str:
    path = paths.config_dir.parent / "figures.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD + body, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_figures(path)
    _line_of(str(raised.value), path)
    return str(raised.value)


LOADERS: dict[str, Callable[[Paths, str], str]] = {
    "settings": _settings,
    "personal": _personal,
    "lock": _lock,
    "kiosk-pin": _kiosk_pin,
    "prescription": _prescription,
    "routine": _routine,
    "figures": _figures,
}


@pytest.mark.parametrize("kind", HOSTILE)
@pytest.mark.parametrize("loader", LOADERS)
def test_every_loader_names_a_hostile_file_at_its_line_at_once(
    loader: str, kind: str, paths: Paths
) -> None:
    body, says = HOSTILE[kind]
    start = time.perf_counter()
    message = LOADERS[loader](paths, body)
    assert time.perf_counter() - start < 1.0
    assert says in message
    assert "Traceback" not in message


def test_tomllib_is_imported_only_by_the_one_reader() -> None:
    package = Path(__file__).parents[1] / "exercise_timer"
    users = sorted(
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if re.search(r"^\s*(import tomllib|from tomllib)", path.read_text("utf-8"), re.M)
    )
    assert users == ["core/toml_reader.py"]


# Through the command line.


def _cli(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "exercise_timer", "--home", str(home), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("kind", ["deep-key", "long-integer"])
def test_commands_go_on_past_a_hostile_settings_personal_or_lock_file(
    kind: str, home: Path
) -> None:
    body, says = HOSTILE[kind]
    config = home / "config"
    (config / "personal").mkdir(parents=True)
    (config / "settings.toml").write_text(HEAD + body, encoding="utf-8")
    (config / "personal" / "xplain-back.toml").write_text(HEAD + body, encoding="utf-8")
    (config / "lock.toml").write_text(HEAD + body, encoding="utf-8")

    start = time.perf_counter()
    shown = _cli(home, "prescription", "show", "xplain-back")
    planned = _cli(home, "plan", "xplain-back", "--json")
    elapsed = time.perf_counter() - start

    for result in (shown, planned):
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    assert says in shown.stderr
    assert f"{config / 'personal' / 'xplain-back.toml'}" in shown.stderr
    assert elapsed < 20


@pytest.mark.parametrize("kind", ["deep-key", "long-integer", "deep-nesting"])
def test_importing_a_hostile_prescription_exits_1_naming_its_line(
    kind: str, home: Path, tmp_path: Path
) -> None:
    body, says = HOSTILE[kind]
    path = tmp_path / "hostile.toml"
    path.write_text(HEAD + body, encoding="utf-8")

    result = _cli(home, "prescription", "import", str(path))

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{path}:2: ")
    assert says in result.stderr


# Numbers tomllib reads but no float holds.

ENORMOUS = "9" * DIGITS  # exactly as many digits as Python converts: far beyond any float


def test_enormous_values_in_settings_are_a_bad_value(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f"{HEAD}rate = {ENORMOUS}\nvolume = {ENORMOUS}\n", encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.problem is not None
    assert "rate is an enormous number; use a number from 80 to 300" in loaded.problem


def test_enormous_values_in_personal_values_are_a_bad_value(paths: Paths) -> None:
    routine = load_catalogue(paths).find("xplain-back")
    assert routine is not None
    path = personal_file(paths, routine.id)
    path.parent.mkdir(parents=True)
    path.write_text(
        f'{HEAD}routine = "xplain-back"\n'
        f"[progression]\nenabled = true\nevery = {ENORMOUS}\n"
        f"[exercises.pelvic-tilt]\nrepetitions = {ENORMOUS}\nrelax_seconds = {ENORMOUS}\n"
        f"hold_seconds = [{ENORMOUS}]\n",
        encoding="utf-8",
    )
    loaded = load_personal(paths, routine)
    assert loaded.problem is not None and str(path) in loaded.problem
    assert "is an enormous number" in loaded.problem
    assert len(loaded.problem) < 600


def test_enormous_values_in_a_lock_file_leave_it_locked(paths: Paths) -> None:
    for path, problem in (
        (lock_file(paths), lock_problem),
        (kiosk_pin_file(paths), kiosk_pin_problem),
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f'format_version = {ENORMOUS}\nalgorithm = "scrypt"\nn = {ENORMOUS}\n'
            f"r = {ENORMOUS}\np = {ENORMOUS}\niterations = {ENORMOUS}\n",
            encoding="utf-8",
        )
        message = problem(paths)
        assert message is not None and str(path) in message
        assert len(message) < 600


def test_enormous_values_in_a_prescription_are_named_at_their_lines(paths: Paths) -> None:
    path = paths.config_dir.parent / "prescription.toml"
    path.parent.mkdir(parents=True)
    path.write_text(
        f'{HEAD}kind = "exercise-timer prescription"\nroutine = "xplain-back"\n'
        f'clinic = "Example"\ndate = 2026-01-01\n'
        f"[progression]\nenabled = true\nevery = {ENORMOUS}\n"
        f"[exercises.pelvic-tilt]\nrepetitions = {ENORMOUS}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        read_prescription(path, load_catalogue(paths))
    lines = str(raised.value).splitlines()
    assert any(line.startswith(f"{path}:8: ") for line in lines), lines
    assert any(line.startswith(f"{path}:10: ") for line in lines), lines
    assert all(len(line) < 300 for line in lines)


@pytest.mark.gui
@pytest.mark.slow
@pytest.mark.parametrize("kind", ["deep-key", "long-integer"])
def test_the_window_opens_and_runs_past_hostile_files(
    kind: str, tmp_path: Path, example_text: str
) -> None:
    body, _says = HOSTILE[kind]
    home = tmp_path / "home"
    config = home / "config"
    (config / "before-you-start").mkdir(parents=True)
    (config / "before-you-start" / "my-routine").write_text("read\n", encoding="utf-8")
    (config / "personal").mkdir()
    for name in ("settings.toml", "lock.toml", "kiosk-pin.toml", "personal/my-routine.toml"):
        (config / name).write_text(HEAD + body, encoding="utf-8")
    routine = tmp_path / "routine.toml"
    routine.write_text(example_text.replace("repetitions = 5", "repetitions = 1"), "utf-8")
    trace = tmp_path / "trace.jsonl"

    program = [sys.executable, "-m", "exercise_timer", "--home", str(home)]
    options = ["--speed", "200", "--autostart", "--exit-when-done", "--no-voice"]
    result = subprocess.run(
        [*program, "--routine", str(routine), *options, "--trace", str(trace)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert '"outcome": "completed"' in trace.read_text(encoding="utf-8")
