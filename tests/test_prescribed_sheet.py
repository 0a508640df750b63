"""The sheet and the start screen's Print… name the prescription the values were imported from."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from prescription_support import PRESCRIPTION
from pytestqt.qtbot import QtBot
from window_support import make_window

from exercise_timer.cli.entry import main
from exercise_timer.core.clock import SimulatedClock
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.journal import Journal, open_journal
from exercise_timer.storage.paths import find_paths
from exercise_timer.storage.personal_access import StoredPersonal
from exercise_timer.ui.print_sheet import save_sheet_to

pytestmark = pytest.mark.gui


def _pages(pdf: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(pdf).pages]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A --home where the prescription was imported; the file itself is gone."""
    home, file = tmp_path / "home", tmp_path / "jd-back.toml"
    file.write_text(PRESCRIPTION, encoding="utf-8")
    assert main(["--home", str(home), "prescription", "import", str(file)]) == 0
    file.unlink()
    return home


def test_the_sheet_names_the_kept_clinic_patient_and_date(
    qapp: object, home: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "sheet.pdf"
    assert main(["--home", str(home), "sheet", "xplain-back", "--pdf", str(pdf)]) == 0
    pages = _pages(pdf)
    assert "For J. D." in pages[0] and "Prescribed by Riverside Physiotherapy" in pages[0]
    footer = r"Riverside Physiotherapy · prescribed on 2026-02-27 · printed on \d{4}-\d\d-\d\d"
    assert all(re.search(footer, page) for page in pages)


def test_the_sheets_clinic_option_still_wins(qapp: object, home: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "sheet.pdf"
    args = ["--home", str(home), "sheet", "xplain-back", "--pdf", str(pdf), "--clinic", "Hilltop"]
    assert main(args) == 0
    text = " ".join(_pages(pdf))
    assert "Hilltop · printed on" in text and "Riverside" not in text
    assert "For J. D." in text


def test_the_start_screens_print_names_the_kept_clinic_and_patient(
    qtbot: QtBot, home: Path, tmp_path: Path
) -> None:
    paths = find_paths(str(home))
    routine = load_catalogue(paths).find("xplain-back")
    assert routine is not None
    journal = open_journal(home / "journal.sqlite3")
    assert isinstance(journal, Journal)
    window = make_window(
        qtbot,
        routine,
        journal,
        SimulatedClock(1000.0),
        personal=StoredPersonal(paths, load_catalogue(paths), journal),
    )
    source = window.session_page.print_button.source
    assert source is not None
    target = tmp_path / "today.pdf"
    assert save_sheet_to(window, source, target)
    pages = _pages(target)
    assert "For J. D." in pages[0] and "Prescribed by Riverside Physiotherapy" in pages[0]
    assert all("Riverside Physiotherapy · prescribed on 2026-02-27" in page for page in pages)
