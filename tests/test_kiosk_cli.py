"""``kiosk stats [--json]`` and ``kiosk pin [--clear] [--pin-stdin]``."""

from __future__ import annotations

import getpass
import io
import json
import stat
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

from exercise_timer.cli import build_parser, main
from exercise_timer.cli.registry import handler_of
from exercise_timer.storage.kiosk_counter import KioskCounter, kiosk_counter_file
from exercise_timer.storage.kiosk_pin import check_kiosk_pin, has_kiosk_pin, kiosk_pin_file
from exercise_timer.storage.lock import is_locked
from exercise_timer.storage.paths import Paths

ZERO_STOPS = {"pain": 0, "numbness": 0, "dizziness": 0, "other": 0, "closed": 0}


def stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


@pytest.mark.parametrize("argv", [["kiosk", "stats"], ["kiosk", "pin"]])
def test_the_kiosk_commands_are_registered(argv: list[str]) -> None:
    assert handler_of(build_parser().parse_args(argv)) is not None


def test_stats_of_a_kiosk_that_counted_nothing(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["kiosk", "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "days": [],
        "total": {"started": 0, "completed": 0, "stopped": ZERO_STOPS},
    }
    assert main(["kiosk", "stats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "date",
        "started",
        "completed",
        "stopped",
        "pain",
        "numbness",
        "dizziness",
        "other",
        "closed",
    ]
    assert lines[1].split() == ["total"] + ["0"] * 8
    assert not home.exists()  # reading creates nothing


@pytest.fixture
def counted(paths: Paths) -> None:
    days = iter([date(2026, 11, 21)] * 4 + [date(2026, 11, 22)] * 3)
    counter = KioskCounter(kiosk_counter_file(paths), today=lambda: next(days))
    counter.started()
    counter.completed()
    counter.started()
    counter.stopped("dizziness")
    counter.started()
    counter.started()
    counter.stopped("closed")


def test_stats_one_line_per_day_and_a_total(
    counted: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["kiosk", "stats"]) == 0
    lines = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert lines[1:] == [
        ["2026-11-21", "2", "1", "1", "0", "0", "1", "0", "0"],
        ["2026-11-22", "2", "0", "1", "0", "0", "0", "0", "1"],
        ["total", "4", "1", "2", "0", "0", "1", "0", "1"],
    ]


def test_stats_json(counted: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kiosk", "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "days": [
            {
                "date": "2026-11-21",
                "started": 2,
                "completed": 1,
                "stopped": {**ZERO_STOPS, "dizziness": 1},
            },
            {
                "date": "2026-11-22",
                "started": 2,
                "completed": 0,
                "stopped": {**ZERO_STOPS, "closed": 1},
            },
        ],
        "total": {
            "started": 4,
            "completed": 1,
            "stopped": {**ZERO_STOPS, "dizziness": 1, "closed": 1},
        },
    }


def test_stats_of_a_damaged_counter_names_it_and_changes_nothing(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    file = kiosk_counter_file(paths)
    file.parent.mkdir(parents=True)
    file.write_text("{not json")
    assert main(["kiosk", "stats", "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and str(file) in captured.err
    assert "Traceback" not in captured.err
    assert file.read_text() == "{not json"


def test_pin_set_and_clear_with_pin_stdin(
    paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(monkeypatch, "482913\n")
    assert main(["kiosk", "pin", "--pin-stdin"]) == 0
    assert "asks for this PIN" in capsys.readouterr().out
    file = kiosk_pin_file(paths)
    assert file == paths.config_dir / "kiosk-pin.toml"
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(paths.config_dir.stat().st_mode) == 0o700
    text = file.read_text(encoding="utf-8")
    assert "482913" not in text
    assert tomllib.loads(text)["algorithm"] == "scrypt"
    assert check_kiosk_pin(paths, "482913") and not check_kiosk_pin(paths, "482914")
    assert not is_locked(paths)  # the clinician's lock is another thing

    stdin(monkeypatch, "000000\n")
    assert main(["kiosk", "pin", "--clear", "--pin-stdin"]) == 1
    assert "not the kiosk's PIN" in capsys.readouterr().err
    assert has_kiosk_pin(paths)
    stdin(monkeypatch, "482913\n")
    assert main(["kiosk", "pin", "--clear", "--pin-stdin"]) == 0
    assert not has_kiosk_pin(paths)
    assert main(["kiosk", "pin", "--clear", "--pin-stdin"]) == 0
    assert "no PIN of its own" in capsys.readouterr().out


def test_a_pin_is_not_replaced_without_the_current_one(
    paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(monkeypatch, "4826\n")
    assert main(["kiosk", "pin", "--pin-stdin"]) == 0
    before = kiosk_pin_file(paths).read_bytes()
    stdin(monkeypatch, "5927\n")
    assert main(["kiosk", "pin", "--pin-stdin"]) == 1
    assert "--clear" in capsys.readouterr().err
    assert kiosk_pin_file(paths).read_bytes() == before


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", "", " 1234"])
def test_the_pin_rules_are_the_clinician_pins(
    paths: Paths, pin: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(monkeypatch, pin + "\n")
    assert main(["kiosk", "pin", "--pin-stdin"]) == 1
    err = capsys.readouterr().err
    assert "4 to 12 digits" in err and "Traceback" not in err
    assert not has_kiosk_pin(paths)


def test_pin_is_asked_twice_on_a_terminal(
    paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    answers = iter(["2468", "2469"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    assert main(["kiosk", "pin"]) == 1
    assert "differ" in capsys.readouterr().err and not has_kiosk_pin(paths)
    answers = iter(["2468", "2468"])
    assert main(["kiosk", "pin"]) == 0
    assert check_kiosk_pin(paths, "2468")


def test_a_damaged_pin_file_says_how_to_remove_it(
    paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths.config_dir.mkdir(parents=True)
    kiosk_pin_file(paths).write_text("garbage = [")
    stdin(monkeypatch, "4826\n")
    assert main(["kiosk", "pin", "--clear", "--pin-stdin"]) == 1
    err = capsys.readouterr().err
    assert "cannot be read" in err and "delete that file" in err
    assert kiosk_pin_file(paths).exists()


def test_a_pin_file_that_cannot_be_written_is_one_line(
    paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths.config_dir.parent.mkdir(parents=True)
    paths.config_dir.write_text("a file where the folder should be")
    stdin(monkeypatch, "4826\n")
    assert main(["kiosk", "pin", "--pin-stdin"]) == 1
    err = capsys.readouterr().err
    assert "could not be written" in err and "kiosk-pin.toml" in err
    assert "Traceback" not in err
