"""The clinician lock: a salted PIN hash; locked import needs the PIN; damage never unlocks."""

from __future__ import annotations

import getpass
import hashlib
import io
import sys
import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from exercise_timer.cli import main
from exercise_timer.core.limits import PIN_DIGITS
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.progression import NO_PROGRESSION
from exercise_timer.storage.lock import (
    LockError,
    check_pin,
    clear_pin,
    is_locked,
    lock_file,
    lock_problem,
    pin_problem,
    set_pin,
)
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import personal_file, save_personal
from exercise_timer.storage.prescription import (
    Prescription,
    import_prescription,
    prescription_text,
)


def stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


@pytest.fixture
def prescription(tmp_path: Path) -> Path:
    file = tmp_path / "prescription.toml"
    values = PersonalValues({"back-arch": ExerciseValues(hold_seconds=(9.0,), repetitions=7)})
    file.write_text(
        prescription_text(Prescription("xplain-back", "Clinic", date(2026, 11, 21), values)),
        encoding="utf-8",
    )
    return file


@pytest.fixture
def mine(paths: Paths) -> Iterator[bytes]:
    """The person's own saved values, which a refused import must leave byte for byte."""
    values = PersonalValues({"back-arch": ExerciseValues(repetitions=3)})
    save_personal(paths, "xplain-back", values, NO_PROGRESSION)
    yield personal_file(paths, "xplain-back").read_bytes()


def test_lock_and_unlock_with_pin_stdin(
    home: Path, paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(monkeypatch, "482913\n")
    assert main(["prescription", "lock", "--pin-stdin"]) == 0
    assert "Locked" in capsys.readouterr().out
    assert is_locked(paths)
    text = lock_file(paths).read_text(encoding="utf-8")
    assert "482913" not in text
    record = tomllib.loads(text)
    assert record["algorithm"] == "scrypt" and record["n"] >= 2**14
    assert len(bytes.fromhex(record["salt"])) == 16 and len(bytes.fromhex(record["hash"])) == 32
    assert check_pin(paths, "482913") and not check_pin(paths, "482914")

    stdin(monkeypatch, "000000\n")
    assert main(["prescription", "unlock", "--pin-stdin"]) == 1
    assert "not right" in capsys.readouterr().err
    assert is_locked(paths)
    stdin(monkeypatch, "482913\n")
    assert main(["prescription", "unlock", "--pin-stdin"]) == 0
    assert not is_locked(paths) and not lock_file(paths).exists()
    assert main(["prescription", "unlock", "--pin-stdin"]) == 0
    assert "not locked" in capsys.readouterr().out


def test_the_same_pin_hashes_differently_each_time(paths: Paths) -> None:
    set_pin(paths, "4826")
    first = tomllib.loads(lock_file(paths).read_text())
    clear_pin(paths, "4826")
    set_pin(paths, "4826")
    second = tomllib.loads(lock_file(paths).read_text())
    assert first["salt"] != second["salt"] and first["hash"] != second["hash"]


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", "", " 1234", "١٢٣٤"])
def test_a_pin_is_4_to_12_digits(
    home: Path,
    paths: Paths,
    pin: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stdin(monkeypatch, pin + "\n")
    assert main(["prescription", "lock", "--pin-stdin"]) == 1
    assert "4 to 12 digits" in capsys.readouterr().err
    assert not is_locked(paths)
    with pytest.raises(LockError):
        set_pin(paths, pin)


def test_the_pin_length_is_the_one_in_the_table_of_limits() -> None:
    low, high = int(PIN_DIGITS.low), int(PIN_DIGITS.high)
    assert pin_problem("7295"[:low] + "3" * (low - 4)) is None
    assert pin_problem(("729513" * 2)[:high]) is None
    for wrong in ("7" * (low - 1), "7" * (high + 1)):
        assert pin_problem(wrong) == f"A PIN is {low} to {high} digits (0-9), such as 482913."


def test_locking_again_needs_the_old_pin_first(
    home: Path, paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    set_pin(paths, "4826")
    before = lock_file(paths).read_bytes()
    stdin(monkeypatch, "5927\n")
    assert main(["prescription", "lock", "--pin-stdin"]) == 1
    assert "already locked" in capsys.readouterr().err
    assert lock_file(paths).read_bytes() == before
    with pytest.raises(LockError, match="already locked"):
        set_pin(paths, "5927")


def test_lock_asks_twice_on_a_terminal(
    home: Path, paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    answers = iter(["2468", "2469"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    assert main(["prescription", "lock"]) == 1
    assert "differ" in capsys.readouterr().err and not is_locked(paths)
    answers = iter(["2468", "2468"])
    assert main(["prescription", "lock"]) == 0
    assert check_pin(paths, "2468")


def test_without_a_terminal_the_pin_must_come_from_stdin(
    home: Path, paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(monkeypatch, "")
    assert main(["prescription", "lock"]) == 2
    assert "--pin-stdin" in capsys.readouterr().err
    assert not is_locked(paths)


def test_a_locked_import_needs_the_right_pin(
    home: Path,
    paths: Paths,
    prescription: Path,
    mine: bytes,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    set_pin(paths, "4826")
    stdin(monkeypatch, "")
    assert main(["prescription", "import", str(prescription)]) == 2
    stdin(monkeypatch, "9999\n")
    assert main(["prescription", "import", str(prescription), "--pin-stdin"]) == 1
    assert "not right; nothing was changed" in capsys.readouterr().err
    assert personal_file(paths, "xplain-back").read_bytes() == mine
    with pytest.raises(LockError, match="needs the clinician's PIN"):
        import_prescription(paths, prescription)
    assert personal_file(paths, "xplain-back").read_bytes() == mine

    stdin(monkeypatch, "4826\n")
    assert main(["prescription", "import", str(prescription), "--pin-stdin"]) == 0
    assert personal_file(paths, "xplain-back").read_bytes() != mine
    assert import_prescription(paths, prescription, pin="4826").routine.id == "xplain-back"


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"format_version = 1\nalgorithm = [",
        b"\xff\xfe",
        b'format_version = 1\nalgorithm = "rot13"\nsalt = "00112233445566778899aabbccddeeff"\n'
        b'hash = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"\n',
        b'format_version = 1\nalgorithm = "scrypt"\nn = 1099511627776\nr = 8\np = 1\n'
        b'salt = "00112233445566778899aabbccddeeff"\n'
        b'hash = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"\n',
        b'format_version = 1\nalgorithm = "scrypt"\nn = 16384\nr = 8\np = 1\nsalt = "zz"\n',
    ],
)
def test_a_damaged_lock_file_stays_locked_and_says_how_to_fix_it(
    home: Path,
    paths: Paths,
    prescription: Path,
    mine: bytes,
    damage: bytes,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    set_pin(paths, "4826")
    lock_file(paths).write_bytes(damage)
    assert is_locked(paths)
    assert not check_pin(paths, "4826")
    problem = lock_problem(paths)
    assert problem is not None and "stay locked" in problem and "delete that file" in problem
    for argv in (["import", str(prescription)], ["unlock"], ["lock"]):
        stdin(monkeypatch, "4826\n")
        assert main(["prescription", *argv, "--pin-stdin"]) == 1
        err = capsys.readouterr().err
        assert "delete that file" in err and len(err.strip().splitlines()) == 1
    assert personal_file(paths, "xplain-back").read_bytes() == mine
    assert lock_file(paths).read_bytes() == damage
    with pytest.raises(LockError, match="stay locked"):
        clear_pin(paths, "4826")
    assert main(["prescription", "show", "xplain-back"]) == 0
    assert "delete that file" in capsys.readouterr().out


def test_a_pbkdf2_lock_file_is_checked_too(paths: Paths) -> None:
    salt = bytes(range(16))
    digest = hashlib.pbkdf2_hmac("sha256", b"777777", salt, 200_000, 32)
    lock_file(paths).parent.mkdir(parents=True)
    lock_file(paths).write_text(
        f'format_version = 1\nalgorithm = "pbkdf2-sha256"\niterations = 200000\n'
        f'salt = "{salt.hex()}"\nhash = "{digest.hex()}"\n'
    )
    assert lock_problem(paths) is None
    assert check_pin(paths, "777777") and not check_pin(paths, "777778")
    clear_pin(paths, "777777")
    assert not is_locked(paths)


def test_an_unlocked_installation_imports_without_a_pin(
    home: Path, paths: Paths, prescription: Path, mine: bytes
) -> None:
    assert not check_pin(paths, "4826")
    assert main(["prescription", "import", str(prescription)]) == 0
    assert personal_file(paths, "xplain-back").read_bytes() != mine
