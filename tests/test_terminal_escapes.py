"""Terminal escapes in what a person or a file wrote are printed escaped (issue 16, point 7).

A clinic name, a patient label, a routine's words or a note after a stop could carry ESC
sequences that clear the screen, retitle the window or hide text; the text writers print them
as visible escapes (``\\x1b``). JSON stays JSON: ``json.dumps`` escapes the C0 controls itself.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from exercise_timer.cli import main
from exercise_timer.core.effects import Outcome, StopReason
from exercise_timer.report.table import safe_text, text_table
from exercise_timer.storage.journal import Journal, StopRecord, open_journal
from exercise_timer.storage.paths import Paths

HOSTILE = "Dr\x1b]0;owned\x07 \x1b[2J\x1b[31mRed\x9b1m\rover\x08\x7f\u202eevil\nnext\ttab"
RAW = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What a terminal could act on; a line break between lines is the writer's own."""


def test_safe_text_escapes_every_control_and_keeps_the_rest() -> None:
    shown = safe_text(HOSTILE)
    assert not RAW.search(shown) and "\n" not in shown
    assert shown == (
        "Dr\\x1b]0;owned\\x07 \\x1b[2J\\x1b[31mRed\\x9b1m\\rover\\x08\\x7f\\u202eevil\\nnext\\ttab"
    )
    plain = "Señora Müller, 5 × 10 s, straße, 日本, \\ back\\slash"
    assert safe_text(plain) == plain


def test_tables_escape_every_cell_and_stay_aligned() -> None:
    table = text_table([("a", "b"), (HOSTILE, "SECOND"), ("short", "COLUMN")])
    lines = table.split("\n")
    assert len(lines) == 3 and not RAW.search(table)
    assert lines[1].index("SECOND") == lines[2].index("COLUMN")


# The commands.


def home_of(paths: Paths) -> str:
    return str(paths.config_dir.parent)


@pytest.fixture
def noted(paths: Paths) -> Paths:
    paths.data_dir.mkdir(parents=True)
    journal = open_journal(paths.journal_file, now=lambda: datetime(2026, 11, 2, 8, tzinfo=UTC))
    assert isinstance(journal, Journal)
    session = journal.start_session("xplain-back", 13)
    stop = StopRecord(StopReason.PAIN, HOSTILE, "back-arch", "left", 1, 1, "hold", 12.0)
    journal.end_session(session, Outcome.STOPPED, stop)
    journal.close()
    return paths


def test_history_text_prints_the_note_escaped(
    noted: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--home", home_of(noted), "history"]) == 0
    out = capsys.readouterr().out
    assert not RAW.search(out)
    assert "Dr\\x1b]0;owned\\x07" in out and len(out.strip().split("\n")) == 2


def test_history_csv_writes_the_note_escaped(
    noted: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--home", home_of(noted), "history", "--csv"]) == 0
    out = capsys.readouterr().out
    assert not RAW.search(out)
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["stop_note"] == safe_text(HOSTILE)


def test_history_json_keeps_the_note_as_it_was(
    noted: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--home", home_of(noted), "history", "--json"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    (session,) = json.loads(out)
    assert session["stop"]["note"] == HOSTILE


def hostile_routine(paths: Paths, example_text: str) -> None:
    paths.routines_dir.mkdir(parents=True)
    escaped = HOSTILE.encode("unicode_escape").decode("ascii").replace("\\x", "\\u00")
    text = example_text.replace('id = "my-routine"', 'id = "evil"').replace(
        'title = "Morning back routine"', f'title = "{escaped}"'
    )
    (paths.routines_dir / "evil.toml").write_text(text, encoding="utf-8")


def test_prescription_show_routines_and_plan_print_a_routines_words_escaped(
    paths: Paths, example_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile_routine(paths, example_text)
    for command in (["prescription", "show", "evil"], ["routines"], ["plan", "evil"]):
        assert main(["--home", home_of(paths), *command]) == 0, command
        out, err = capsys.readouterr()
        assert "Dr\\x1b]0;owned" in out, (command, err)
        assert not RAW.search(out), command


def test_prescription_import_prints_the_clinic_escaped(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clinic = HOSTILE.replace("\n", " ").encode("unicode_escape").decode("ascii")
    prescription = tmp_path / "p.toml"
    prescription.write_text(
        'format_version = 1\nkind = "exercise-timer prescription"\nroutine = "xplain-back"\n'
        f'clinic = "{clinic.replace(chr(92) + "x", chr(92) + "u00")}"\n'
        'patient = "\\u001b[8m"\ndate = 2026-11-21\n',
        encoding="utf-8",
    )
    assert main(["--home", home_of(paths), "prescription", "import", str(prescription)]) == 0
    out = capsys.readouterr().out
    assert "Dr\\x1b]0;owned" in out
    assert not RAW.search(out)
