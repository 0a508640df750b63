"""Colours, words and shapes of the phases, and the window's two styles (standard, high contrast).

Every phase has a word and a shape as well as a colour, so colour is never the only signal;
the colours stay apart for red-green colour blindness (docs/decisions/0013-phase-colours.md,
checked by tests/test_phase_colours.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from exercise_timer.core.i18n import _
from exercise_timer.core.schedule import Phase
from exercise_timer.core.vocabulary import PHASE_WORDS


class Shape(StrEnum):
    """The mark drawn beside a phase's word."""

    NONE = "none"
    DIAMOND = "diamond"
    TRIANGLE_UP = "triangle-up"
    SQUARE = "square"
    TRIANGLE_DOWN = "triangle-down"
    CIRCLE = "circle"
    PAUSE = "pause"


@dataclass(frozen=True)
class PhaseLook:
    """How a phase is shown: its words, background, the colour of its words, and its mark."""

    words: str
    colour: str
    ink: str = "#ffffff"
    shape: Shape = Shape.NONE


PHASE_COLOURS = {
    Phase.PREPARE: "#2e4c60",
    Phase.MOVE: "#21452d",
    Phase.HOLD: "#aa5c0e",
    Phase.RETURN: "#8011d0",
    Phase.RELAX: "#707070",
}
"""Chosen to stay apart under deuteranopia and protanopia (see the decision record)."""

PAUSED_COLOUR = "#ffd400"
READY_COLOUR = "#3c4657"
DIMMED = "#b5bcc8"
"""The countdown ring while the timer stands still."""

_PHASES = {
    Phase.PREPARE: (PHASE_WORDS[Phase.PREPARE], Shape.DIAMOND),
    Phase.MOVE: (PHASE_WORDS[Phase.MOVE], Shape.TRIANGLE_UP),
    Phase.HOLD: (PHASE_WORDS[Phase.HOLD], Shape.SQUARE),
    Phase.RETURN: (PHASE_WORDS[Phase.RETURN], Shape.TRIANGLE_DOWN),
    Phase.RELAX: (PHASE_WORDS[Phase.RELAX], Shape.CIRCLE),
}


def phase_look(phase: Phase | None) -> PhaseLook:
    """The words, colour and shape of a phase (None: before the start)."""
    if phase is None or phase not in _PHASES:
        return PhaseLook(_("Ready"), READY_COLOUR)
    words, shape = _PHASES[phase]
    return PhaseLook(_(words), PHASE_COLOURS[phase], shape=shape)


def paused_look() -> PhaseLook:
    """The banner while the timer is paused: never in a phase's colour."""
    return PhaseLook(_("Paused"), PAUSED_COLOUR, ink="#000000", shape=Shape.PAUSE)


STOP_RED = "#c62828"
INK = "#1f2a44"
MUTED = "#5c6675"
PAPER = "#f7f8fa"
HIGHLIGHT = "#fff1c2"

STYLE = f"""
QWidget {{ background: {PAPER}; color: {INK}; }}
QPushButton {{ background: #e3e7ee; border: 2px solid #c5ccd8; border-radius: 10px;
              padding: 6px 14px; }}
QPushButton:focus {{ border-color: {INK}; }}
QPushButton:disabled {{ color: #9aa3b2; }}
QPushButton#stop {{ background: {STOP_RED}; color: white; border: 3px solid #8e1b1b;
                    border-radius: 14px; font-weight: bold; }}
QPushButton#stop:focus {{ border-color: #1b0000; }}
QPushButton#stop:disabled {{ background: #e9c4c4; color: #fbeeee; border-color: #d9a7a7; }}
QPushButton#reason {{ text-align: left; padding: 10px 18px; }}
QPushButton#mistake {{ text-align: left; padding: 8px 18px; }}
QLabel#phase {{ color: white; border-radius: 12px; padding: 6px 16px; font-weight: bold; }}
QLabel#caption {{ background: #ffffff; border: 1px solid #d5dae3; border-radius: 8px;
                  padding: 6px 12px; }}
QLabel#caption[paused="true"] {{ background: {PAUSED_COLOUR}; color: #000000;
                                 border: 3px solid #000000; font-weight: bold; }}
QLabel#notice {{ background: #fff4d6; border: 1px solid #e0b44c; border-radius: 6px;
                 padding: 4px 10px; }}
QLabel#step[current="true"] {{ background: {HIGHLIGHT}; color: {INK}; font-weight: bold;
                              border-radius: 6px; }}
QLabel#caution {{ color: #8a2a00; font-weight: bold; }}
QLabel#leave-out {{ color: #8a2a00; font-weight: bold; }}
QLabel#before-heading {{ font-weight: bold; margin-top: 6px; }}
QLabel#before-safety {{ color: #8a2a00; }}
QLabel#building {{ color: #1d5b8f; font-weight: bold; }}
QLabel#muted {{ color: {MUTED}; }}
QFrame#card {{ background: #ffffff; border: 1px solid #d5dae3; border-radius: 12px; }}
QFrame#card QLabel, QFrame#card QWidget#steps, QFrame#card QScrollArea QWidget {{
    background: #ffffff; }}
QProgressBar {{ border: 1px solid #c5ccd8; border-radius: 6px; background: #e3e7ee;
                text-align: center; }}
QProgressBar::chunk {{ background: #6b8fc2; border-radius: 6px; }}
"""

HIGH_CONTRAST_STYLE = f"""
QWidget {{ background: #000000; color: #ffffff; }}
QPushButton, QComboBox, QLineEdit, QSpinBox, QDoubleSpinBox, QPlainTextEdit, QTextEdit {{
    background: #000000; color: #ffffff; border: 3px solid #ffffff; border-radius: 8px;
    padding: 6px 14px; }}
QPushButton:focus, QComboBox:focus, QLineEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus,
QPlainTextEdit:focus, QTextEdit:focus {{ border: 5px solid #ffff00; }}
QCheckBox:focus, QRadioButton:focus {{ color: #ffff00; text-decoration: underline; }}
QCheckBox::indicator, QRadioButton::indicator {{ border: 2px solid #ffffff; background: #000000; }}
QCheckBox::indicator:checked, QRadioButton::indicator:checked {{ background: #ffff00; }}
QCheckBox::indicator:focus {{ border: 3px solid #ffff00; }}
QPushButton:hover {{ color: #ffff00; border-color: #ffff00; }}
QPushButton:disabled {{ color: #9a9a9a; border-color: #6a6a6a; border-style: dashed; }}
QComboBox {{ padding: 6px 6px; }}
QComboBox QAbstractItemView {{ background: #000000; color: #ffffff;
                               selection-background-color: #ffff00; selection-color: #000000; }}
QPushButton#stop {{ background: {STOP_RED}; color: #ffffff; border: 4px solid #ffffff;
                    border-radius: 14px; font-weight: bold; }}
QPushButton#stop:focus {{ border: 6px solid #ffff00; }}
QPushButton#stop:disabled {{ background: #3a0000; color: #9a9a9a; border: 3px dashed #6a6a6a; }}
QPushButton#reason {{ text-align: left; padding: 10px 18px; }}
QPushButton#mistake {{ text-align: left; padding: 8px 18px; }}
QLabel#phase {{ color: white; border: 3px solid #ffffff; border-radius: 12px;
                padding: 6px 16px; font-weight: bold; }}
QLabel#caption {{ background: #000000; color: #ffff00; border: 2px solid #ffff00;
                  border-radius: 8px; padding: 6px 12px; }}
QLabel#caption[paused="true"] {{ background: {PAUSED_COLOUR}; color: #000000;
                                 border: 4px solid #ffffff; font-weight: bold; }}
QLabel#notice {{ background: #000000; color: #ffff00; border: 2px solid #ffff00;
                 border-radius: 6px; padding: 4px 10px; }}
QLabel#step[current="true"] {{ background: {PAUSED_COLOUR}; color: #000000; font-weight: bold;
                              border-radius: 6px; }}
QLabel#caution, QLabel#leave-out, QLabel#before-safety {{ color: #ffff00; font-weight: bold; }}
QLabel#before-heading {{ font-weight: bold; margin-top: 6px; }}
QLabel#building {{ color: #ffff00; font-weight: bold; }}
QLabel#muted {{ color: #ffffff; }}
QFrame#card {{ background: #000000; border: 2px solid #ffffff; border-radius: 12px; }}
QFrame#card QLabel, QFrame#card QWidget#steps, QFrame#card QScrollArea QWidget {{
    background: #000000; }}
QProgressBar {{ border: 2px solid #ffffff; border-radius: 6px; background: #000000;
                text-align: center; }}
QProgressBar::chunk {{ background: #ffff00; border-radius: 4px; }}
QScrollBar {{ background: #000000; border: 1px solid #ffffff; }}
QScrollBar::handle {{ background: #ffffff; }}
QToolTip {{ background: #000000; color: #ffff00; border: 2px solid #ffff00; }}
"""


def style_sheet(*, high_contrast: bool) -> str:
    """The window's style sheet: standard, or black, white and yellow with strong focus frames."""
    return HIGH_CONTRAST_STYLE if high_contrast else STYLE
