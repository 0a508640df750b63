"""Issue 16, point 8: guessing the clinician's PIN is slow, waits grow, easy PINs are refused.

No test waits on real time: the clock is injected. What a try costs is measured by
``tests/bench/bench_pin.py``, not here.
"""

from __future__ import annotations

import hashlib
import io
import stat
import sys
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest

from exercise_timer.cli import main
from exercise_timer.storage import lock, pin_tries
from exercise_timer.storage.lock import LockError, check_pin, lock_file, pin_problem, set_pin
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_access import StoredPersonal
from exercise_timer.storage.pin_tries import GuardedCheck, PinTries, pin_tries_file


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


class Pins:
    """A check that records what it was asked."""

    def __init__(self, right: str) -> None:
        self.right = right
        self.asked: list[str] = []

    def __call__(self, pin: str) -> bool:
        self.asked.append(pin)
        return pin == self.right


@pytest.mark.parametrize(
    "pin", ["0000", "1111", "999999999999", "1234", "4321", "0123", "9876", "3456789", "6543"]
)
def test_one_digit_or_a_run_is_refused(pin: str) -> None:
    problem = pin_problem(pin)
    assert problem is not None and "first anyone would try" in problem
    with pytest.raises(LockError, match="first anyone would try"):
        set_pin(Paths.under(Path("/nonexistent")), pin)


@pytest.mark.parametrize("pin", ["2468", "1235", "7890", "1212", "482913", "0987"[:0] + "5274"])
def test_pins_in_no_such_pattern_are_taken(pin: str) -> None:
    assert pin_problem(pin) is None


def test_the_commands_refuse_an_easy_pin(
    paths: Paths, home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in (["prescription", "lock", "--pin-stdin"], ["kiosk", "pin", "--pin-stdin"]):
        monkeypatch.setattr(sys, "stdin", io.StringIO("0000\n"))
        assert main(command) == 1
        assert "first anyone would try" in capsys.readouterr().err
    assert not paths.config_dir.exists() or sorted(paths.config_dir.iterdir()) == []


def test_a_lock_set_with_an_easy_pin_before_still_opens(paths: Paths) -> None:
    lock.write_pin_hash(lock_file(paths), "1234")  # as an older version allowed
    assert check_pin(paths, "1234")


def test_the_cost_is_recorded_and_old_costs_are_still_read(paths: Paths) -> None:
    set_pin(paths, "482913")
    recorded = tomllib.loads(lock_file(paths).read_text(encoding="utf-8"))
    assert (recorded["n"], recorded["r"], recorded["p"]) == (2**15, 8, 2)
    older = lock_file(paths).with_name("old.toml")
    salt = bytes(range(16))
    digest = hashlib.scrypt(b"482913", salt=salt, n=2**14, r=8, p=1, dklen=32)
    older.write_text(  # as versions before issue 16 wrote it
        'format_version = 1\nalgorithm = "scrypt"\nn = 16384\nr = 8\np = 1\n'
        f'salt = "{salt.hex()}"\nhash = "{digest.hex()}"\n',
        encoding="utf-8",
    )
    assert lock.pin_hash_matches(older, "482913")
    assert not lock.pin_hash_matches(older, "482914")


def test_three_wrong_then_waits_that_double_and_the_right_pin_is_not_even_checked(
    tmp_path: Path,
) -> None:
    clock, pins = Clock(), Pins("2468")
    tries = PinTries(tmp_path / "pin-tries.json", clock)
    first = tries.attempt(pins, "1357")
    assert (first.ok, first.tries_left, first.message) == (
        False,
        2,
        "That PIN is not right. 2 more tries before a wait.",
    )
    assert tries.attempt(pins, "1357").message.endswith("1 more try before a wait.")
    third = tries.attempt(pins, "1357")
    assert (third.wait_seconds, third.message) == (
        30.0,
        "That PIN is not right. Try again in 30 seconds.",
    )
    clock.now += 29.5
    refused = tries.attempt(pins, "2468")
    assert not refused.ok and refused.message == "Too many wrong PINs. Try again in 1 second."
    assert pins.asked == ["1357"] * 3
    clock.now += 0.5
    assert tries.attempt(pins, "1357").wait_seconds == 60.0
    clock.now += 60
    assert tries.attempt(pins, "1357").wait_seconds == 120.0
    clock.now += 120
    assert tries.attempt(pins, "2468").ok
    again = tries.attempt(pins, "1357")
    assert again.tries_left == 2 and again.wait_seconds == 0


def test_the_count_outlives_the_process_and_its_file_is_private(tmp_path: Path) -> None:
    clock, pins, file = Clock(), Pins("2468"), tmp_path / "config" / "pin-tries.json"
    for _ in range(3):
        PinTries(file, clock).attempt(pins, "1357")  # a fresh process for every guess
    assert PinTries(file, clock).wait_seconds() == 30.0
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    clock.now -= 86_400  # a clock put back a day never makes the wait longer
    assert PinTries(file, clock).wait_seconds() == 30.0


@pytest.mark.parametrize("damage", ["", "[]", '{"wrong": "x"}', '{"wrong": 1, "wait": NaN}'])
def test_a_damaged_count_starts_again(tmp_path: Path, damage: str) -> None:
    file = tmp_path / "pin-tries.json"
    file.write_text(damage, encoding="utf-8")
    answer = PinTries(file, Clock()).attempt(Pins("2468"), "1357")
    assert answer.tries_left == 2


def test_the_editors_unlock_waits_after_three_wrong_pins(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    monkeypatch.setattr(pin_tries, "time", SimpleNamespace(time=clock))
    set_pin(paths, "482913")
    personal = StoredPersonal(paths, None, None)  # type: ignore[arg-type]
    check = personal.guarded_check()
    assert isinstance(check, GuardedCheck)
    assert not check("111111") and "2 more tries" in check.refusal
    assert not check("111111") and not check("111111")
    assert check.refusal == "That PIN is not right. Try again in 30 seconds."
    assert not personal.guarded_check()("482913"), "a new editor waits too"
    clock.now += 30
    assert personal.guarded_check()("482913")


def test_unlock_and_import_refuse_further_tries_during_the_wait(
    paths: Paths,
    home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    clock = Clock()
    monkeypatch.setattr(pin_tries, "time", SimpleNamespace(time=clock))
    set_pin(paths, "482913")

    def run(*command: str, pin: str = "111111") -> tuple[int, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(pin + "\n"))
        code = main([*command, "--pin-stdin"])
        return code, capsys.readouterr().err

    code, err = run("prescription", "unlock")
    assert code == 1
    assert "not right; the values stay locked. 2 more tries before a wait." in err
    code, err = run("prescription", "import", str(tmp_path / "missing.toml"))
    assert code == 1 and "not right; nothing was changed. 1 more try" in err
    code, err = run("prescription", "unlock")
    assert code == 1 and "Try again in 30 seconds." in err
    code, err = run("prescription", "unlock", pin="482913")
    assert code == 1 and "Too many wrong PINs. Try again in 30 seconds." in err
    assert lock.is_locked(paths)
    clock.now += 30
    code, err = run("prescription", "unlock", pin="482913")
    assert code == 0 and not lock.is_locked(paths)
    assert stat.S_IMODE(pin_tries_file(paths).stat().st_mode) == 0o600
