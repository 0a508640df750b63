"""Colours and words of the phases, and the type scale.

Every phase has a word as well as a colour, so colour is never the only signal.
"""

from __future__ import annotations

from dataclasses import dataclass

from exercise_timer.core.i18n import _
from exercise_timer.core.schedule import Phase


@dataclass(frozen=True)
class PhaseLook:
    """How a phase is shown."""

    words: str
    colour: str


def phase_look(phase: Phase | None) -> PhaseLook:
    """The words and colour of a phase (None: before the start)."""
    looks = {
        Phase.PREPARE: PhaseLook(_("Get into position"), "#2f5d8a"),
        Phase.MOVE: PhaseLook(_("Move slowly"), "#1d6f6b"),
        Phase.HOLD: PhaseLook(_("Hold"), "#a14a00"),
        Phase.RETURN: PhaseLook(_("Return slowly"), "#5b4b8a"),
        Phase.RELAX: PhaseLook(_("Relax"), "#2e6b34"),
    }
    return (
        looks.get(phase, PhaseLook(_("Ready"), "#3c4657"))
        if phase
        else PhaseLook(_("Ready"), "#3c4657")
    )


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
QLabel#notice {{ background: #fff4d6; border: 1px solid #e0b44c; border-radius: 6px;
                 padding: 4px 10px; }}
QLabel#caution {{ color: #8a2a00; font-weight: bold; }}
QLabel#leave-out {{ color: #8a2a00; font-weight: bold; }}
QLabel#before-heading {{ font-weight: bold; margin-top: 6px; }}
QLabel#before-safety {{ color: #8a2a00; }}
QLabel#building {{ color: #1d5b8f; font-weight: bold; }}
QLabel#muted {{ color: {MUTED}; }}
QFrame#card {{ background: #ffffff; border: 1px solid #d5dae3; border-radius: 12px; }}
QFrame#card QLabel, QFrame#card QWidget#steps {{ background: #ffffff; }}
QProgressBar {{ border: 1px solid #c5ccd8; border-radius: 6px; background: #e3e7ee;
                text-align: center; }}
QProgressBar::chunk {{ background: #6b8fc2; border-radius: 6px; }}
"""
