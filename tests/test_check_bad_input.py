"""`exercise-timer check` turns any bad file into `FILE:LINE: problem and fix` lines, exit 1.

Each case starts from the valid example of routines/README.md and changes one thing. The
expected line is found in the text the case wrote (`where`), never typed in as a number.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from exercise_timer.cli import main
from exercise_timer.core.textfile import MAX_FILE_BYTES

pytestmark = pytest.mark.usefixtures("home")

Content = str | bytes


def swap(old: str, new: str) -> Callable[[str], str]:
    """Replaces text that occurs exactly once in the example."""

    def mutate(text: str) -> str:
        assert text.count(old) == 1, f"{old!r} must occur once in the example"
        return text.replace(old, new)

    return mutate


def then(first: Callable[[str], str], second: Callable[[str], Content]) -> Callable[[str], Content]:
    return lambda text: second(first(text))


def one_exercise(text: str) -> str:
    """The example without its second exercise (still a valid routine)."""
    return text[: text.index('[[exercises]]\nid = "hamstring"')]


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[str], Content]  # the file's content, made from the valid example
    where: str | bytes | None  # text at the start of the line the problem names; None: no line
    fix: str  # words of the fix the message must give
    problems: int = 1


KIND_TYPO = swap('kind = "stretch"\nposition = "hands', 'kind = "strech"\nposition = "hands')
SHORT_HOLDS = swap("hold_seconds = 5\nstep = 1", "hold_seconds = [1, 2, 3]\nstep = 1")
CAT = '[[exercises]]\nid = "cat-and-camel"'
HUGE_DECIMAL = "1" * 5000

CASES = [
    # what the bytes are
    Case("empty", lambda text: "", None, "format_version = 1"),
    Case("blank", lambda text: "\n  \t\n", None, "is empty"),
    Case(
        "nul-byte", swap('"Morning back', '"Morning\0 back'), 'title = "Morning', "TOML text file"
    ),
    Case("png", lambda text: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", b"\0\0\0\rIHDR", "TOML text file"),
    Case("utf-16", lambda text: text.encode("utf-16"), b"\xff\xfe", "TOML text file"),
    Case(
        "latin-1",
        lambda text: text.replace("Morning", "Caf\xe9").encode("latin-1"),
        b'title = "Caf\xe9',
        "save the file with UTF-8",
    ),
    # not TOML
    Case(
        "no-quotes",
        swap('"Morning back routine"', "Morning back routine"),
        "title = Morning",
        "check the quotes",
    ),
    Case(
        "key-twice",
        swap('language = "en"', 'language = "en"\ntitle = "Again"'),
        'title = "Again"',
        "not valid TOML",
    ),
    Case(
        "plain-exercises-table",
        then(one_exercise, swap("[[exercises]]", "[exercises]")),
        "[exercises]",
        "[[exercises]] tables",
    ),
    Case("nested-arrays", lambda text: text + "x = " + "[" * 100_000, "x = [", "too deeply"),
    Case("nested-tables", lambda text: text + "x = " + "{a = " * 100_000, "x = {", "too deeply"),
    Case(
        "nested-arrays-one-too-many",
        lambda text: text + "x = " + "[" * 33 + "]" * 33,
        "x = [",
        "more than 32 levels",
    ),
    Case(
        "deeply-dotted-key",  # tomllib takes minutes on these (DESIGN.md, known traps)
        lambda text: text + "deep." + "a." * 20_000 + "b = 1\n",
        "deep.a.a",
        "more than 32 parts",
    ),
    Case(
        "deeply-dotted-table",
        lambda text: text + "[" + "a . " * 20_000 + "b]\n",
        "[a . a",
        "more than 32 parts",
    ),
    Case(
        "huge-decimal",
        swap("hold_seconds = 5\nstep = 1", f"hold_seconds = {HUGE_DECIMAL}\nstep = 1"),
        "hold_seconds = 111",
        "a number such as 5",
    ),
    # TOML of the wrong shape or type
    Case(
        "source-as-text",
        swap(
            '[source]\ntitle = "My clinic\'s sheet"\npublisher = "Example Clinic"\n',
            'source = "My clinic\'s sheet"\n',
        ),
        "source = ",
        "written as [source]",
    ),
    Case(
        "steps-as-text",
        swap(
            'steps = ["Lean forward gently until you feel a stretch.", "Hold."]',
            'steps = "Lean forward."',
        ),
        'steps = "Lean',
        "list of texts",
    ),
    Case(
        "steps-empty",
        swap('steps = ["Lean forward gently until you feel a stretch.", "Hold."]', "steps = []"),
        "steps = []",
        "list of texts",
    ),
    Case("name-number", swap('name = "Cat and Camel"', "name = 5"), "name = 5", "text in quotes"),
    Case(
        "title-empty",
        swap('title = "Morning back routine"', 'title = ""'),
        'title = ""',
        "text in quotes",
    ),
    Case(
        "text-too-long",
        swap('"Two stretches for the lower back."', '"' + "x" * 3000 + '"'),
        "description = ",
        "keep it under 2000",
    ),
    Case(
        "too-many-items",
        swap("safety = [", "safety = [" + '"Stop.", ' * 50),
        "safety = ",
        "keep it under 50",
    ),
    # numbers
    Case(
        "ten-hour-hold",
        swap("hold_seconds = 5\nstep = 1", "hold_seconds = 36000\nstep = 1"),
        "hold_seconds = 36000",
        "from 0.5 to 120",
    ),
    Case(
        "negative-relax",
        swap("relax_seconds = 2", "relax_seconds = -2"),
        "relax_seconds = -2",
        "from 0 to 60",
    ),
    Case(
        "nan-hold",
        swap("hold_seconds = 5\nstep = 3", "hold_seconds = nan\nstep = 3"),
        "hold_seconds = nan",
        "from 0.5 to 120",
    ),
    Case(
        "tenth-of-a-second-hold",
        swap("hold_seconds = 5\nstep = 1", "hold_seconds = 0.1\nstep = 1"),
        "hold_seconds = 0.1",
        "use 0 for no hold",
    ),
    Case(
        "inf-move",
        swap("move_seconds = 3", "move_seconds = inf"),
        "move_seconds = inf",
        "from 0.5 to 60",
    ),
    Case(
        "minus-inf-prepare",
        swap("prepare_seconds = 10", "prepare_seconds = -inf"),
        "prepare_seconds = -inf",
        "from 0 to 300",
    ),
    Case(
        "bool-hold",
        swap("hold_seconds = 5\nreturn", "hold_seconds = true\nreturn"),
        "hold_seconds = true",
        "from 0.5 to 120",
    ),
    Case(
        "bool-repetitions",
        swap(
            "repetitions = 5\n\n[[exercises.stages]]", "repetitions = true\n\n[[exercises.stages]]"
        ),
        "repetitions = true",
        "whole number from 1 to 30",
    ),
    Case(
        "float-repetitions",
        swap(
            "repetitions = 5\n\n[[exercises.stages]]", "repetitions = 5.5\n\n[[exercises.stages]]"
        ),
        "repetitions = 5.5",
        "whole number from 1 to 30",
    ),
    Case(
        "zero-default-repetitions",
        swap("repetitions = 5\n\n" + CAT, "repetitions = 0\n\n" + CAT),
        "repetitions = 0",
        "whole number from 1 to 30",
    ),
    Case(
        "huge-hex-repetitions",
        swap(
            "repetitions = 5\n\n[[exercises.stages]]",
            "repetitions = 0x" + "f" * 5000 + "\n\n[[exercises.stages]]",
        ),
        "repetitions = 0x",
        "whole number from 1 to 30",
    ),
    Case(
        "reversed-range",
        swap('repetitions = "prescribed"', 'repetitions = "10-5"'),
        'repetitions = "10-5"',
        'a range like "5-10"',
    ),
    Case(
        "huge-range",
        swap('repetitions = "prescribed"', f'repetitions = "{HUGE_DECIMAL}-2"'),
        'repetitions = "111',
        'a range like "5-10"',
    ),
    Case("step-past-steps", swap("step = 3", "step = 9"), "step = 9", "whole number from 1 to 4"),
    Case("hold-list-short", SHORT_HOLDS, "hold_seconds = [1, 2, 3]", "one hold per repetition"),
    Case(
        "variant-hold-list-short",
        swap('steps = ["Pull', 'repetitions = 5\nhold_seconds = [1, 2]\nsteps = ["Pull'),
        "hold_seconds = [1, 2]",
        "one hold per repetition",
    ),
    Case(
        "hold-and-stages",
        swap(
            "repetitions = 5\n\n[[exercises.stages]]",
            "repetitions = 5\nhold_seconds = 5.0\n\n[[exercises.stages]]",
        ),
        "hold_seconds = 5.0",
        "remove hold_seconds",
    ),
    # vocabularies
    Case(
        "position-typo",
        swap('"seated-on-floor"', '"seated-on-flor"'),
        'position = "seated-on-flor',
        'did you mean "seated-on-floor"',
    ),
    Case(
        "position-unknown",
        swap('"hands-and-knees"', '"upside-down"'),
        'position = "upside',
        'use one of "lying-on-back"',
    ),
    Case("kind-typo", KIND_TYPO, 'kind = "strech"', 'did you mean "stretch"'),
    Case(
        "breathing",
        swap('breathing = "in"', 'breathing = "hold"'),
        'breathing = "hold"',
        'use one of "in", "out"',
    ),
    Case("sides", swap('sides = "each"', 'sides = "both"'), 'sides = "both"', 'use one of "none"'),
    Case(
        "first-side-both",
        swap('side_label = "leg"', 'side_label = "leg"\nfirst_side = "both"'),
        "first_side",
        'use one of "right", "left"',
    ),
    Case(
        "unknown-variant",
        swap('default_variant = "seated"', 'default_variant = "sitting"'),
        "default_variant",
        "not one of this exercise's variants",
    ),
    # keys
    Case("key-typo", swap("side_label", "side_lable"), "side_lable", "did you mean side_label"),
    Case("top-key-typo", swap("language", "langauge"), "langauge", "did you mean language"),
    Case(
        "stage-key-typo",
        swap('breathing = "out"', 'breathnig = "out"'),
        "breathnig",
        "did you mean breathing",
    ),
    Case("unknown-key", swap("tips = ", 'colour = "blue"\ntips = '), "colour", "remove it"),
    Case(
        "required-key-typo",
        swap('kind = "stretch"\nposition = "hands', 'kindo = "stretch"\nposition = "hands'),
        "kindo",
        "did you mean kind",
        problems=2,
    ),
    Case(
        "missing-purpose", swap('purpose = "Stretches the lower back."\n', ""), CAT, "add purpose"
    ),
    Case(
        "missing-stage-hold",
        swap("hold_seconds = 5\nstep = 1", "step = 1"),
        '[[exercises.stages]]\nname = "Round"',
        "add hold_seconds",
    ),
    Case(
        "missing-source",
        swap('[source]\ntitle = "My clinic\'s sheet"\npublisher = "Example Clinic"\n', ""),
        None,
        "add a [source] table",
    ),
    Case(
        "spaces-in-nested-array",
        lambda text: text + "x = [\n[" + " " * 50_000 + "\n1]]\n",
        "x = [",
        "remove it",
    ),  # once took hours: the line looked like a [table] header
    Case(
        "deep-but-allowed-arrays",
        lambda text: text + "x = " + "[" * 32 + "]" * 32,
        "x = [",
        "remove it",
    ),
    # format_version
    Case("no-format-version", swap("format_version = 1\n", ""), None, "add format_version = 1"),
    Case(
        "newer-format-version",
        swap("format_version = 1", "format_version = 2"),
        "format_version = 2",
        "update exercise_timer",
    ),
    Case(
        "format-version-text",
        swap("format_version = 1", 'format_version = "1"'),
        "format_version = ",
        "write format_version = 1",
    ),
    # ids
    Case(
        "id-with-spaces",
        swap('id = "hamstring"', 'id = "ham string"'),
        'id = "ham string"',
        "lower-case letters, digits and -",
    ),
    Case(
        "routine-id-capitals",
        swap('id = "my-routine"', 'id = "My-Routine"'),
        'id = "My-Routine"',
        "lower-case letters, digits and -",
    ),
    Case(
        "duplicate-exercise-id",
        swap('id = "hamstring"', 'id = "cat-and-camel"'),
        'id = "cat-and-camel"\nname = "Hamstring',
        "give each exercise its own id",
    ),
    Case(
        "duplicate-variant-id",
        swap('id = "lying"', 'id = "seated"'),
        'id = "seated"\nname = "Lying',
        "give each its own id",
    ),
    # line numbers count "\n" only, whatever else the text holds
    Case(
        "crlf",
        then(KIND_TYPO, lambda text: text.replace("\n", "\r\n")),
        'kind = "strech"',
        'did you mean "stretch"',
    ),
    Case(
        "bom",
        then(KIND_TYPO, lambda text: "\ufeff" + text),
        'kind = "strech"',
        'did you mean "stretch"',
    ),
    Case(
        "unicode-line-breaks",
        then(swap("Two stretches", "Two\u2028stretches\x85\u2029"), KIND_TYPO),
        'kind = "strech"',
        'did you mean "stretch"',
    ),
]


def write(path: Path, content: Content) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def line_of(data: bytes, where: str | bytes) -> int:
    marker = where.encode("utf-8") if isinstance(where, str) else where
    assert data.count(marker) == 1, f"{marker!r} must occur once in the file"
    return data[: data.index(marker)].count(b"\n") + 1


def run_check(capsys: pytest.CaptureFixture[str], *files: Path) -> tuple[int, list[str], list[str]]:
    code = main(["check", *map(str, files)])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def assert_problems(lines: list[str], path: Path, line: int | None, fix: str) -> None:
    """Every line is one problem of `path`; one of them is at `line` and names the fix."""
    own = re.compile(re.escape(str(path)) + r"(:[1-9]\d*)?: \S")
    assert lines, "no problem reported"
    assert all(own.match(text) for text in lines), lines
    start = f"{path}:{line}: " if line is not None else f"{path}: "
    assert any(text.startswith(start) and fix.lower() in text.lower() for text in lines), (
        f"expected a problem starting {start!r} naming {fix!r}",
        lines,
    )


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_file(
    case: Case, example_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "routine.toml", case.make(example_text))
    line = None if case.where is None else line_of(path.read_bytes(), case.where)

    code, out, err = run_check(capsys, path)

    assert code == 1
    assert out == []
    assert_problems(err, path, line, case.fix)
    assert len(err) == case.problems, err


def fifo(folder: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(folder / "pipe.toml")
    return folder / "pipe.toml"


def symlink(folder: Path, target: Path) -> Path:
    try:
        (folder / "link.toml").symlink_to(target)
    except OSError as error:  # Windows without the privilege
        pytest.skip(f"cannot make symlinks here: {error}")
    return folder / "link.toml"


def forty_megabytes(folder: Path) -> Path:
    with (folder / "big.toml").open("wb") as file:
        file.truncate(40 * 1024 * 1024)  # sparse: no need to write 40 MB
    return folder / "big.toml"


def device(folder: Path) -> Path:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    return Path("/dev/zero")


def file_as_folder(folder: Path) -> Path:
    (folder / "routine.toml").write_text("format_version = 1\n", encoding="utf-8")
    return folder / "routine.toml" / "inner.toml"


PATH_CASES = [
    ("missing", lambda folder: folder / "nope.toml", "no such file"),
    ("directory", lambda folder: folder, "is a folder"),
    ("symlink-to-directory", lambda folder: symlink(folder, folder), "is a folder"),
    ("broken-symlink", lambda folder: symlink(folder, folder / "gone.toml"), "no such file"),
    ("file-as-folder", file_as_folder, "no such file"),
    ("named-pipe", fifo, "not a regular file"),  # reading it would wait forever
    ("endless-device", device, "not a regular file"),  # reading it would fill the memory
    ("forty-megabytes", forty_megabytes, "at most 1 MB"),
]


@pytest.mark.parametrize(
    ("make", "fix"), [case[1:] for case in PATH_CASES], ids=[case[0] for case in PATH_CASES]
)
def test_bad_path(
    make: Callable[[Path], Path], fix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make(tmp_path)

    code, out, err = run_check(capsys, path)

    assert (code, out) == (1, [])
    assert len(err) == 1, err
    assert_problems(err, path, None, fix)


def test_forty_megabytes_of_text(
    example_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "big.toml", example_text + "# padding\n" * 4_200_000)
    assert path.stat().st_size > 40 * MAX_FILE_BYTES
    megabytes = path.stat().st_size / 1_000_000

    code, out, err = run_check(capsys, path)

    assert (code, out, len(err)) == (1, [], 1)
    assert_problems(err, path, None, f"is {megabytes:.1f} MB, far larger than any routine")
    assert "at most 1 MB" in err[0]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root reads files whatever their permissions; see the next test",
)
def test_unreadable_file(
    example_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "routine.toml", example_text)
    path.chmod(0)
    try:
        code, _, err = run_check(capsys, path)
    finally:
        path.chmod(0o644)
    assert code == 1
    assert_problems(err, path, None, "check its permissions")


def test_read_error_is_reported(
    example_text: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As root, chmod 000 does not stop reading; make the read itself fail instead."""
    path = write(tmp_path / "routine.toml", example_text)

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    code, _, err = run_check(capsys, path)

    assert code == 1
    assert_problems(err, path, None, "(Permission denied); check its permissions")


def test_bom_alone_is_fine(
    example_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "routine.toml", "\ufeff" + example_text)
    assert run_check(capsys, path) == (0, [f"{path}: ok, 2 exercises"], [])


def test_good_and_bad_files_together(
    example_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path / "good.toml", example_text)
    bad = write(tmp_path / "bad.toml", KIND_TYPO(example_text))

    code, out, err = run_check(capsys, bad, good)

    assert code == 1
    assert out == [f"{good}: ok, 2 exercises"]
    assert len(err) == 1, err
    assert_problems(err, bad, line_of(bad.read_bytes(), 'kind = "strech"'), "did you mean")


def cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "exercise_timer", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
        env={**os.environ, "EXERCISE_TIMER_HOME": str(cwd / "home")},
    )


MANY = {"empty", "png", "latin-1", "nested-arrays", "ten-hour-hold", "required-key-typo"}
MANY |= {"hold-list-short", "duplicate-exercise-id", "newer-format-version"}


def test_command_on_many_bad_files(example_text: str, tmp_path: Path) -> None:
    files = {
        write(tmp_path / f"{case.id}.toml", case.make(example_text)): case
        for case in CASES
        if case.id in MANY
    }
    big, missing = forty_megabytes(tmp_path), tmp_path / "nope.toml"

    result = cli("check", *files, big, missing, cwd=tmp_path)

    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == sum(case.problems for case in files.values()) + 2

    def of(path: Path) -> list[str]:
        return [text for text in lines if text.startswith(f"{path}:")]

    for path, case in files.items():
        where = None if case.where is None else line_of(path.read_bytes(), case.where)
        assert_problems(of(path), path, where, case.fix)
    assert_problems(of(big), big, None, "at most 1 MB")
    assert_problems(of(missing), missing, None, "no such file")


def test_command_on_a_good_file(example_text: str, tmp_path: Path) -> None:
    path = write(tmp_path / "good.toml", example_text)
    result = cli("check", path, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"{path}: ok, 2 exercises\n"


@pytest.mark.skipif(
    sys.platform == "win32" or sys.platform == "darwin",
    reason="needs a file system that takes any bytes in a file name",
)
def test_command_on_a_file_name_that_is_not_utf8(example_text: str, tmp_path: Path) -> None:
    path = write(Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.toml")), example_text)
    result = subprocess.run(
        [sys.executable, "-m", "exercise_timer", "check", path],
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
        env={
            **os.environ,
            "EXERCISE_TIMER_HOME": str(tmp_path / "home"),
            "PYTHONIOENCODING": "utf-8",
        },  # as in any non-C UTF-8 locale: strict errors
    )
    assert b"Traceback" not in result.stderr
    assert result.returncode == 0
