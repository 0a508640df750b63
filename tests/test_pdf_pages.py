"""The shared PDF pages: paper sizes, text in reading order over pages, whole-or-nothing files."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pypdf
import pytest
from PySide6.QtGui import QColor, QImage

from exercise_timer.core.problems import InputError
from exercise_timer.ui.pdf_pages import (
    HEADING,
    RESOLUTION,
    TITLE,
    Block,
    Grid,
    PageDocument,
    Paper,
    Paragraph,
    Picture,
    Spacer,
    write_file_whole,
)

pytestmark = pytest.mark.gui

POINTS = {Paper.A4: (595, 842), Paper.LETTER: (612, 792)}
PIXELS_PER_MM = RESOLUTION / 25.4


def _text(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def _sizes(data: bytes) -> list[tuple[int, int]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [(round(page.mediabox.width), round(page.mediabox.height)) for page in reader.pages]


@pytest.mark.parametrize("paper", list(Paper))
def test_pages_are_the_paper_size(qapp: object, paper: Paper) -> None:
    document = PageDocument(paper)
    document.add(Paragraph("One line."))
    data, pages = document.render()
    assert pages == 1
    assert _sizes(data) == [POINTS[paper]]


def test_long_text_flows_over_pages_in_reading_order_with_page_numbers(qapp: object) -> None:
    document = PageDocument(Paper.A4, footer="Example Clinic")
    document.add(Paragraph("Title words", TITLE))
    document.add(*(Paragraph(f"Sentence number {n} is here.") for n in range(150)))
    data, pages = document.render()
    assert pages >= 2
    text = _text(data)
    assert len(text) == pages
    joined = " ".join(text)
    positions = [joined.index(f"Sentence number {n} is here.") for n in range(150)]
    assert positions == sorted(positions)
    assert joined.index("Title words") < positions[0]
    for number, page in enumerate(text, start=1):
        assert page.endswith(f"Example Clinic Page {number} of {pages}")


def test_a_block_is_never_split_over_two_pages(qapp: object) -> None:
    document = PageDocument(Paper.LETTER)
    document.add(*(Paragraph(f"Filler {n}.") for n in range(40)))
    steps = [Paragraph(f"Step {n} of the block.", label=f"{n}.", label_mm=6) for n in range(1, 9)]
    document.add(Block(steps, title="The block"))
    data, pages = document.render()
    text = _text(data)
    holding = [number for number, page in enumerate(text) if "of the block." in page]
    assert pages == 2
    assert holding == [1]
    assert "The block" in text[1]
    assert "Step 1 of the block. 2. Step 2" in text[1]


def test_a_heading_is_not_left_alone_at_the_foot_of_a_page(qapp: object) -> None:
    filler = [Paragraph(f"Filler {n}.") for n in range(200)]
    document = PageDocument(Paper.A4)
    document.add(*filler)
    full, _pages = document.render()
    last_line_on_first_page = _text(full)[0].split("Filler ")[-1].split(".")[0]
    at = int(last_line_on_first_page)
    document = PageDocument(Paper.A4)
    document.add(*filler[:at], Paragraph("The heading", HEADING, keep_with_next=True))
    document.add(*filler[at:])
    data, _ = document.render()
    text = _text(data)
    assert "The heading" not in text[0]
    assert text[1].startswith("The heading")


def test_a_spacer_is_dropped_at_the_top_of_a_page(qapp: object) -> None:
    lone = PageDocument(Paper.A4)
    lone.add(Spacer(250.0), Paragraph("After the space."))
    data, pages = lone.render()
    assert pages == 1
    assert "After the space." in _text(data)[0]


def test_write_replaces_the_file_whole(qapp: object, tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    document = PageDocument(Paper.A4)
    document.add(Paragraph("New."))
    assert document.write(target) == 1
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


@pytest.mark.parametrize("where", ["missing folder", "a folder", "read-only folder"])
def test_an_unwritable_file_is_an_input_error_and_leaves_nothing(
    tmp_path: Path, where: str
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    target = {
        "missing folder": tmp_path / "nope" / "out.pdf",
        "a folder": locked,
        "read-only folder": locked / "out.pdf",
    }[where]
    if where == "read-only folder":
        if os.geteuid() == 0:
            pytest.skip("root writes into a read-only folder")
        locked.chmod(0o500)
    try:
        with pytest.raises(InputError) as caught:
            write_file_whole(target, b"%PDF-1.4 data")
    finally:
        locked.chmod(0o700)
    (problem,) = caught.value.problems
    assert problem.path == target
    assert "cannot be written" in problem.message
    assert "choose a file in a folder you can write to" in problem.message
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["locked"]


def test_a_file_where_nothing_can_be_made_is_an_input_error() -> None:
    target = Path("/proc/exercise-timer-sheet.pdf")
    with pytest.raises(InputError) as caught:
        write_file_whole(target, b"%PDF-1.4 data")
    assert caught.value.problems[0].path == target
    assert not target.exists()


def test_words_stay_searchable_without_ligatures(qapp: object) -> None:
    document = PageDocument(Paper.A4)
    document.add(Paragraph("If it does not, back off a little; find the official fit."))
    data, _ = document.render()
    assert "back off a little; find the official fit." in _text(data)[0]


def test_text_beside_an_aside_picture_wraps_in_the_narrower_column(qapp: object) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#88aacc"))
    words = " ".join(f"word{n}" for n in range(60))

    def lines(block: Block) -> int:
        document = PageDocument(Paper.A4)
        document.add(block)
        data, _ = document.render()
        reader = pypdf.PdfReader(io.BytesIO(data))
        return len([line for line in reader.pages[0].extract_text().splitlines() if "word" in line])

    alone = lines(Block([Paragraph(words)]))
    beside = lines(Block([Paragraph(words)], aside=Picture(image, 30.0), aside_mm=80.0))
    assert beside > alone


def _runs(data: bytes) -> dict[str, tuple[float, float]]:
    """Each piece of text drawn on the first page, with where it starts (x, y from the top
    of the text area, in mm)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    runs: dict[str, tuple[float, float]] = {}

    def seen(text: str, _cm: object, tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            runs[text.replace("\t", " ")] = (tm[4] / PIXELS_PER_MM, tm[5] / PIXELS_PER_MM)

    reader.pages[0].extract_text(visitor_text=seen)
    return runs


def _image(width: int = 400, height: int = 300) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#88aacc"))
    return image


def test_an_aside_at_the_left_puts_the_text_right_of_it_and_its_column_under_it(
    qapp: object,
) -> None:
    document = PageDocument(Paper.A4)
    document.add(
        Block(
            [Paragraph("Column words.")],
            title="Title",
            aside=Picture(_image(), 30.0),
            aside_mm=60.0,
            aside_left=True,
            aside_below=[Paragraph("Under the picture.")],
        )
    )
    data, _ = document.render()
    runs = _runs(data)
    text_x, text_y = runs["Column words."]
    under_x, under_y = runs["Under the picture."]
    assert text_x > 60.0
    assert under_x < 10.0
    assert under_y > text_y + 25.0
    assert _text(data)[0].startswith("Title Column words. Under the picture.")


def test_a_grid_is_read_along_each_row_then_down(qapp: object) -> None:
    document = PageDocument(Paper.A4)
    cells = ["First cell.", "Second cell.", "Third cell."]
    document.add(Grid([Paragraph(cell) for cell in cells], columns=2, tint=True))
    data, _ = document.render()
    runs = _runs(data)
    (x1, y1), (x2, y2), (x3, y3) = (runs[cell] for cell in cells)
    assert y1 == y2 < y3
    assert x1 == x3 < x2 - 60.0
    assert _text(data)[0].startswith("First cell. Second cell. Third cell.")


def test_an_aside_column_is_as_wide_as_it_can_be_without_making_the_block_taller(
    qapp: object,
) -> None:
    def text_starts(words: str) -> float:
        document = PageDocument(Paper.A4)
        document.add(
            Block(
                [Paragraph(words)],
                aside=Picture(_image(300, 300), 30.0),
                aside_mm=100.0,
                aside_min_mm=60.0,
                aside_left=True,
                aside_below=[Paragraph("Note.")],
            )
        )
        data, _ = document.render()
        return min(x for text, (x, _y) in _runs(data).items() if text.startswith("word"))

    beside_little = text_starts("word0 word1.")
    beside_much = text_starts(" ".join(f"word{n}" for n in range(400)))
    assert beside_little > 100.0
    assert beside_much < 70.0


def test_a_label_without_a_width_runs_in_before_the_first_line(qapp: object) -> None:
    document = PageDocument(Paper.A4)
    words = " ".join(f"word{n}" for n in range(40))
    document.add(Paragraph(words, label="Start:"))
    data, _ = document.render()
    runs = _runs(data)
    label_x, label_y = runs["Start:"]
    first = next(x for text, (x, y) in runs.items() if text.startswith("word0") and y == label_y)
    later = [x for text, (x, y) in runs.items() if text.startswith("word") and y > label_y]
    assert first > label_x + 8.0
    assert later
    assert all(x == label_x for x in later)
