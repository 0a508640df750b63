"""The phases differ by word, shape and colour, and the colours stay apart for colour blindness.

Method (docs/decisions/0013-phase-colours.md): each colour is simulated for protanopia and
deuteranopia with the matrices of Machado, Oliveira and Fernandes (2009, severity 1.0) applied
in linear sRGB, and every pair of the phases' colours and the paused colour must differ by a
CIEDE2000 ΔE of at least ``MIN_DELTA_E`` with normal vision and under each simulation.
"""

from __future__ import annotations

import itertools
import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from window_support import advance_to, make_window, press

from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.loader import parse_routine_text
from exercise_timer.core.model import Routine
from exercise_timer.core.schedule import Phase
from exercise_timer.storage.journal import Journal
from exercise_timer.ui.theme import (
    DIMMED,
    PAUSED_COLOUR,
    PHASE_COLOURS,
    Shape,
    paused_look,
    phase_look,
)

MIN_DELTA_E = 15.0
"""CIEDE2000: about 2 is a just-noticeable difference; 15 reads as clearly other colours."""

MIN_CONTRAST = 4.5
"""WCAG 2 AA for the banner's words on its colour."""

Matrix = tuple[tuple[float, float, float], ...]
SIMULATIONS: dict[str, Matrix] = {
    "normal vision": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
}


def linear(colour: str) -> tuple[float, float, float]:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return r, g, b


def simulated(colour: str, matrix: Matrix) -> tuple[float, float, float]:
    rgb = linear(colour)
    r, g, b = (min(1.0, max(0.0, sum(row[i] * rgb[i] for i in range(3)))) for row in matrix)
    return r, g, b


def lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(one: tuple[float, float, float], two: tuple[float, float, float]) -> float:
    (l1, a1, b1), (l2, a2, b2) = one, two
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p, h2p = math.degrees(math.atan2(b1, a1p)) % 360, math.degrees(math.atan2(b2, a2p)) % 360
    dh = 0.0 if c1p * c2p == 0 else (h2p - h1p + 180) % 360 - 180
    d_l, d_c = l2 - l1, c2p - c1p
    d_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh) / 2)
    l_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_bar - 30))
        + 0.24 * math.cos(math.radians(2 * h_bar))
        + 0.32 * math.cos(math.radians(3 * h_bar + 6))
        - 0.20 * math.cos(math.radians(4 * h_bar - 63))
    )
    rotation = 30 * math.exp(-(((h_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_bar**7 / (cp_bar**7 + 25**7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c, s_h = 1 + 0.045 * cp_bar, 1 + 0.015 * cp_bar * t
    r_t = -math.sin(math.radians(2 * rotation)) * r_c
    return math.sqrt(
        (d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (d_c / s_c) * (d_h / s_h)
    )


def contrast(one: str, two: str) -> float:
    def luminance(colour: str) -> float:
        r, g, b = linear(colour)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    dark, light = sorted((luminance(one), luminance(two)))
    return (light + 0.05) / (dark + 0.05)


SHOWN = {
    **{phase.value: colour for phase, colour in PHASE_COLOURS.items()},
    "paused": PAUSED_COLOUR,
}


def test_the_formula_gives_the_published_ciede2000_values() -> None:
    """Sharma, Wu and Dalal (2005), pairs 1 and 17 of their test data."""
    assert ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, abs=1e-4)


def test_a_red_and_a_green_of_the_same_lightness_run_together_in_the_simulation() -> None:
    """The simulation does what it is for: red and green, far apart to most eyes, are not."""
    red, green = "#b35900", "#5c7a00"
    normal = ciede2000(lab(simulated(red, SIMULATIONS["normal vision"])), lab(linear(green)))
    deutan = SIMULATIONS["deuteranopia"]
    assert normal > 20
    assert ciede2000(lab(simulated(red, deutan)), lab(simulated(green, deutan))) < 10


@pytest.mark.parametrize("vision", SIMULATIONS)
def test_every_two_phase_colours_stay_apart(vision: str) -> None:
    matrix = SIMULATIONS[vision]
    gaps = {
        (one, two): ciede2000(
            lab(simulated(SHOWN[one], matrix)), lab(simulated(SHOWN[two], matrix))
        )
        for one, two in itertools.combinations(SHOWN, 2)
    }
    close = {pair: round(gap, 1) for pair, gap in gaps.items() if gap < MIN_DELTA_E}
    assert close == {}


def test_every_phase_reads_in_its_own_words_shape_and_colour() -> None:
    looks = [phase_look(phase) for phase in PHASE_COLOURS]
    assert set(PHASE_COLOURS) == {Phase.PREPARE, Phase.MOVE, Phase.HOLD, Phase.RETURN, Phase.RELAX}
    for look in [*looks, paused_look()]:
        assert contrast(look.colour, look.ink) >= MIN_CONTRAST, look
    everything = [*looks, paused_look()]
    assert len({look.words for look in everything}) == len(everything)
    assert len({look.shape for look in everything}) == len(everything)
    assert Shape.NONE not in {look.shape for look in everything}


@pytest.fixture(autouse=True)
def answer_close_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a window mid-session asks a question; at teardown the answer is Yes."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)


@pytest.fixture
def routine(example_text: str) -> Routine:
    return parse_routine_text(example_text, "ex.toml")


@pytest.mark.gui
def test_pause_shows_its_own_banner_and_a_dimmed_countdown(
    qtbot: QtBot, routine: Routine, journal: Journal, clock: SimulatedClock
) -> None:
    window = make_window(qtbot, routine, journal, clock)
    page = window.session_page
    press(qtbot, window, Qt.Key.Key_Space)
    advance_to(window, clock, 2)
    running = phase_look(Phase.PREPARE)
    assert (page.phase.text(), page.phase.shape()) == (running.words, Shape.DIAMOND)
    assert running.colour in page.phase.styleSheet()
    assert page.ring._colour.name() == running.colour
    assert not page.caption.property("paused")

    press(qtbot, window, Qt.Key.Key_Space)
    assert page.phase.text() == "Paused"
    assert page.phase.shape() is Shape.PAUSE
    assert PAUSED_COLOUR in page.phase.styleSheet()
    assert running.colour not in page.phase.styleSheet()
    assert page.ring._colour.name() == DIMMED
    assert page.caption.property("paused") is True
    assert page.caption.text().startswith("Paused")

    press(qtbot, window, Qt.Key.Key_Space)
    assert (page.phase.text(), page.phase.shape()) == (running.words, Shape.DIAMOND)
    assert not page.caption.property("paused")
