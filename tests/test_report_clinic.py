"""``exercise-timer report --pdf|--html FILE``: the clinic report, read back as a clinic would.

The journal is written by the real journal writer into a real SQLite file: sessions of every
outcome (completed, stopped for each reason, interrupted, with skipped exercises, with a Stop
taken back), with the values they used growing as the X-Plain build-up does.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from prescription_support import PRESCRIPTION

from exercise_timer.cli import main
from exercise_timer.core.effects import Outcome, StopReason
from exercise_timer.core.loader import load_routine
from exercise_timer.report.clinic import Period, clinic_report
from exercise_timer.report.clinic_text import MOST_SESSIONS
from exercise_timer.resources import routines_dir
from exercise_timer.storage.journal import StopRecord, WithdrawnStop, open_journal, read_journal
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import load_personal, today

pypdf = pytest.importorskip("pypdf")

pytestmark = pytest.mark.gui

PLUS_ONE = timezone(timedelta(hours=1))
MONDAY = datetime(2026, 3, 2, 18, 0, tzinfo=PLUS_ONE)
XPLAIN = load_routine(routines_dir() / "xplain-back.toml", bundled=True)
NAMES = [exercise.name for exercise in XPLAIN.exercises]
IDS = [exercise.id for exercise in XPLAIN.exercises]
STOPS = {
    StopReason.PAIN: "sharp pain in the lower back",
    StopReason.NUMBNESS: "tingling down the left leg",
    StopReason.DIZZINESS: "the room was spinning",
    StopReason.OTHER: "the phone rang",
    StopReason.CLOSED: "",
}


def _values(step: int) -> dict[str, object]:
    """What a session of the X-Plain build-up keeps: step 0 is 2 s and 2 times."""
    return {
        "exercises": [
            {
                "id": exercise_id,
                "variant": None,
                "repetitions": min(2 + step, 5),
                "hold_seconds": [float(min(2 + step, 5))],
                "relax_seconds": 5.0,
            }
            for exercise_id in IDS
        ],
        "progression": None,
    }


def dead_pid() -> int:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(child.stdout)


def write_journal(paths: Paths) -> None:
    """Ten sessions over three weeks (3, 4, then 3), then one a crash left open.

    Week of 2026-03-02: completed, stopped for pain, completed with 2 exercises skipped.
    Week of 2026-03-09: stopped for numbness, completed, stopped for dizziness, completed.
    Week of 2026-03-16: stopped for another reason, closed, completed with a Stop taken back.
    Week of 2026-03-23: one session of spine-clinic (another routine), then the crash.
    """
    starts = [MONDAY + timedelta(days=d) for d in (0, 2, 4, 7, 8, 10, 12, 14, 16, 18)]
    clock = [MONDAY]
    journal = open_journal(paths.journal_file, now=lambda: clock[0])
    plan = [
        (None, 0),
        (StopReason.PAIN, 0),
        (None, 2),
        (StopReason.NUMBNESS, 0),
        (None, 0),
        (StopReason.DIZZINESS, 0),
        (None, 0),
        (StopReason.OTHER, 0),
        (StopReason.CLOSED, 0),
        (None, 0),
    ]
    for number, (reason, skipped) in enumerate(plan):
        clock[0] = starts[number]
        session = journal.start_session("xplain-back", len(IDS), _values(number // 2))
        stop_at = 3 if reason is not None else len(IDS)
        for position, exercise_id in enumerate(IDS[:stop_at]):
            journal.exercise_finished(session, exercise_id, position, position >= skipped)
        if number == 9:
            journal.stop_withdrawn(session, WithdrawnStop("pelvic-tilt", None, 1, 1, "hold", 12.0))
        if reason is None:
            journal.end_session(session, Outcome.COMPLETED, None)
        else:
            journal.exercise_finished(session, IDS[3], 3, False, stopped=True)
            stop = StopRecord(reason, STOPS[reason], IDS[3], "left", 2, 1, "hold", 300.0)
            journal.end_session(session, Outcome.STOPPED, stop)
        journal.rate_pain(session, [5, 7, 4, 6, 3, 6, 3, 4, 3, 2][number])
    clock[0] = MONDAY + timedelta(days=21)
    other = journal.start_session("spine-clinic", 8)
    journal.end_session(other, Outcome.COMPLETED, None)
    journal.close()
    clock[0] = MONDAY + timedelta(days=22)
    crashed = open_journal(paths.journal_file, now=lambda: clock[0], pid=dead_pid())
    crashed.start_session("xplain-back", len(IDS), _values(5))
    crashed.close()


@pytest.fixture
def recorded(paths: Paths) -> Paths:
    write_journal(paths)
    return paths


@pytest.fixture
def prescription(tmp_path: Path) -> Path:
    file = tmp_path / "riverside.toml"
    file.write_text(PRESCRIPTION, encoding="utf-8")
    return file


def pdf_text(file: Path) -> tuple[str, int]:
    """The PDF's text as one line of words, in reading order, and its number of pages.

    Each page's footer (drawn last, so it ends the page's text) is left out, so a paragraph
    that goes on over a page break reads on.
    """
    reader = pypdf.PdfReader(file)
    pages = len(reader.pages)
    text = " ".join(page.extract_text() for page in reader.pages)
    text = re.sub(r"\s+", " ", text)
    title = re.escape(f"Exercise report: {XPLAIN.title} · made on ")
    footer = rf" ?{title}\d{{4}}-\d\d-\d\d Page \d+ of \d+ ?"
    assert len(re.findall(footer, text)) == pages
    return re.sub(footer, " ", text).strip(), pages


def in_order(text: str, parts: list[str]) -> None:
    """Every part is in ``text``, each after the one before it."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} not found after position {at} in {text[at : at + 400]!r}"
        at = found + len(part)


def make_pdf(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str], *options: str
) -> tuple[str, int]:
    target = tmp_path / "report.pdf"
    assert main(["report", "--pdf", str(target), *options]) == 0
    assert str(target) in capsys.readouterr().out
    return pdf_text(target)


def test_the_pdf_says_what_was_done_what_stopped_it_and_how_the_holds_grew(
    recorded: Paths, prescription: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, pages = make_pdf(recorded, tmp_path, capsys, "--prescription", str(prescription))
    assert 1 <= pages <= 3
    in_order(
        text,
        [
            f"Exercise report: {XPLAIN.title}",
            "Clinic: Riverside Physiotherapy",
            "Patient: J. D.",
            "Prescribed: 2026-02-27",
            "Summary",
            "11 sessions: 5 completed, 5 stopped, 1 interrupted",
            "Stops by reason: pain or discomfort: 1; tingling or numbness: 1; dizziness: 1; "
            "another reason: 1; the window being closed: 1.",
            "1 session of another routine in this period is not in this report.",
            "The routine advises 2-3 sessions a week.",
            "Week of 2026-03-02: 2 sessions completed, as advised (2-3 a week). "
            "3 sessions started in all.",
            "Week of 2026-03-09: 2 sessions completed, as advised (2-3 a week). "
            "4 sessions started in all.",
            "Week of 2026-03-16: 1 session completed, fewer than the 2-3 a week advised. "
            "3 sessions started in all.",
            "Week of 2026-03-23: no session completed; 2-3 a week are advised. "
            "1 session started in all.",
            "Values in use",
            *[name for name in NAMES],
            "Stops",
            "Stopped for pain or discomfort at Pretzel, left side, repetition 2, holding.",
            "Note: “sharp pain in the lower back”",
            "tingling or numbness",
            "Note: “tingling down the left leg”",
            "dizziness",
            "Note: “the room was spinning”",
            "another reason",
            "Note: “the phone rang”",
            "the window being closed",
            "Sessions",
            "2026-03-02 18:00 completed; 13 of 13 exercises done; pain 5/10.",
            "2026-03-06 18:00 completed; 11 of 13 exercises done, 2 skipped; pain 4/10.",
            "2026-03-20 18:00 completed; 13 of 13 exercises done; pain 2/10; 1 Stop taken back.",
            "interrupted",
            "Build-up of each exercise",
            *[name for name in NAMES],
        ],
    )


def test_the_values_in_use_stand_beside_the_documents(
    recorded: Paths, prescription: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["prescription", "import", str(prescription)]) == 0
    text, _pages = make_pdf(recorded, tmp_path, capsys)
    in_order(
        text,
        [
            "Values in use",
            "Building up gradually",
            NAMES[0],
            "Document: hold 3-5 s, 5 times. Personal: hold 8 s, 6 times.",
            NAMES[1],
            "Document: hold 5 s, 5 times.",
        ],
    )
    in_order(text, ["Clinic: Riverside Physiotherapy", "Patient: J. D.", "Values in use"])


def test_the_build_up_says_where_each_exercise_started_and_where_it_is(
    recorded: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, _pages = make_pdf(recorded, tmp_path, capsys)
    build_up = text[text.index("Build-up of each exercise") :]
    in_order(
        build_up,
        [
            ", ".join(NAMES) + ": from hold 2 s, 2 times on 2026-03-02 "
            "to hold 5 s, 5 times on 2026-03-24.",
        ],
    )


def test_since_and_until_keep_the_days_between_them(
    recorded: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, _pages = make_pdf(
        recorded, tmp_path, capsys, "--since", "2026-03-09", "--until", "2026-03-15"
    )
    in_order(text, ["Period: 2026-03-09 to 2026-03-15", "4 sessions: 2 completed, 2 stopped"])
    assert "Week of 2026-03-02" not in text
    assert "Week of 2026-03-16" not in text
    assert "sharp pain" not in text


def test_the_html_report_is_one_file_with_the_same_words_and_charts_inline(
    recorded: Paths, prescription: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.html"
    assert main(["report", "--html", str(target), "--prescription", str(prescription)]) == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<svg") == 3  # weeks, pain, and one build-up: X-Plain builds up all alike
    assert "All 13 exercises" in page
    assert not re.search(r"""(src|href)=["']?(https?:|//|file:)""", page)
    in_order(
        page,
        [
            "Riverside Physiotherapy",
            "Sessions per week",
            "Week of 2026-03-09: 2 sessions completed",
            "Values in use",
            "tingling or numbness",
            "Note: “the room was spinning”",
            "Build-up of each exercise",
        ],
    )


def test_a_note_cannot_write_html(paths: Paths, tmp_path: Path) -> None:
    moments = iter(MONDAY + timedelta(minutes=m) for m in range(5))
    journal = open_journal(paths.journal_file, now=lambda: next(moments))
    session = journal.start_session("xplain-back", 13)
    stop = StopRecord(
        StopReason.OTHER, "<script>alert(1)</script>", None, None, None, None, None, 1
    )
    journal.end_session(session, Outcome.STOPPED, stop)
    journal.close()
    target = tmp_path / "report.html"
    assert main(["report", "--html", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_long_journal_lists_the_newest_sessions_and_says_how_many_in_all(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    moments = iter(MONDAY + timedelta(hours=h) for h in range(0, 2000, 10))
    journal = open_journal(paths.journal_file, now=lambda: next(moments))
    for _number in range(60):
        session = journal.start_session("xplain-back", 13, _values(3))
        journal.end_session(session, Outcome.COMPLETED, None)
    journal.close()
    text, pages = make_pdf(paths, tmp_path, capsys)
    assert pages <= 3
    assert f"The newest {MOST_SESSIONS} of 60 sessions are listed" in text


def test_the_rows_hold_every_week_of_the_period_even_empty_ones(recorded: Paths) -> None:
    loaded = load_personal(recorded, XPLAIN)
    report = clinic_report(
        read_journal(recorded.journal_file),
        XPLAIN,
        (loaded, today(loaded, [])),
        period=Period(since=date(2026, 2, 20), until=date(2026, 4, 1)),
        made_on=date(2026, 4, 2),
    )
    assert [(w.monday.isoformat(), w.sessions, w.completed) for w in report.weeks] == [
        ("2026-02-16", 0, 0),
        ("2026-02-23", 0, 0),
        ("2026-03-02", 3, 2),
        ("2026-03-09", 4, 2),
        ("2026-03-16", 3, 1),
        ("2026-03-23", 1, 0),
        ("2026-03-30", 0, 0),
    ]


# Bad input


def test_an_empty_journal_gives_a_report_that_says_there_is_nothing_yet(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, pages = make_pdf(paths, tmp_path, capsys)
    assert pages == 1
    assert "No sessions of this routine are recorded yet" in text
    assert not paths.journal_file.exists()


def test_since_after_until_is_a_usage_error(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.pdf"
    options = ["--since", "2026-03-10", "--until", "2026-03-09"]
    assert main(["report", "--pdf", str(target), *options]) == 2
    assert "--since 2026-03-10 is after --until 2026-03-09" in capsys.readouterr().err
    assert not target.exists()


@pytest.mark.parametrize("option", ["--since", "--until"])
@pytest.mark.parametrize("day", ["yesterday", "2026-02-30"])
def test_a_day_that_is_not_a_date_is_a_usage_error(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, day: str
) -> None:
    target = tmp_path / "report.pdf"
    with pytest.raises(SystemExit) as exited:
        main(["report", "--pdf", str(target), option, day])
    assert exited.value.code == 2
    assert "write it as YYYY-MM-DD" in capsys.readouterr().err
    assert not target.exists()


@pytest.mark.parametrize("kind", ["--pdf", "--html"])
def test_an_unwritable_file_is_named_and_nothing_is_left_behind(
    recorded: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "report"
    target.mkdir()  # a folder where the file should go: unwritable even for root
    assert main(["report", kind, str(target)]) == 1
    error = capsys.readouterr().err
    assert str(target) in error
    assert "choose a file in a folder you can write to" in error
    assert "Traceback" not in error
    assert [path.name for path in folder.iterdir()] == ["report"]
    assert list(target.iterdir()) == []


def test_a_missing_folder_is_named(
    recorded: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "report.pdf"
    assert main(["report", "--pdf", str(target)]) == 1
    assert str(target) in capsys.readouterr().err
    assert not target.parent.exists()


def test_an_unknown_routine_is_invalid_input(
    recorded: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.pdf"
    assert main(["report", "--pdf", str(target), "--routine", "no-such-routine"]) == 1
    assert "no routine has this id" in capsys.readouterr().err
    assert not target.exists()
