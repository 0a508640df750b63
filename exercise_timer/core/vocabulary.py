"""The routine's fixed vocabularies in words a person reads: phases, kinds and positions.

The enums' values (``"hold"``, ``"lying-on-back"``) are identifiers for files and JSON; these
are the words shown for them, the same in the window, the command line's text and the reports,
translated when they are shown.
"""

from __future__ import annotations

from exercise_timer.core.i18n import N_, _
from exercise_timer.core.model import Kind, Position
from exercise_timer.core.schedule import Phase

PHASE_WORDS = {
    Phase.PREPARE: N_("Get into position"),
    Phase.MOVE: N_("Move slowly"),
    Phase.HOLD: N_("Hold"),
    Phase.RETURN: N_("Return slowly"),
    Phase.RELAX: N_("Relax"),
}
"""Each phase as the window's banner names it (marked only: see :func:`phase_words`)."""

_KINDS = {
    Kind.STRETCH: N_("stretch"),
    Kind.STRENGTHEN: N_("strengthening"),
    Kind.RANGE_OF_MOTION: N_("range of motion"),
}

_KIND_TITLES = {
    Kind.STRETCH: N_("Stretch"),
    Kind.STRENGTHEN: N_("Strengthening"),
    Kind.RANGE_OF_MOTION: N_("Range of motion"),
}

_POSITIONS = {
    Position.LYING_ON_BACK: N_("lying on back"),
    Position.LYING_FACE_DOWN: N_("lying face down"),
    Position.LYING_ON_SIDE: N_("lying on side"),
    Position.HANDS_AND_KNEES: N_("hands and knees"),
    Position.KNEELING: N_("kneeling"),
    Position.SEATED_ON_FLOOR: N_("seated on floor"),
    Position.SEATED_IN_CHAIR: N_("seated in chair"),
    Position.STANDING: N_("standing"),
    Position.STANDING_AT_WALL: N_("standing at wall"),
}


def phase_words(phase: Phase) -> str:
    """The phase in the window's words, such as "Get into position"."""
    return _(PHASE_WORDS[phase])


def kind_words(kind: Kind) -> str:
    """The kind of exercise within a sentence, such as "stretch"."""
    return _(_KINDS[kind])


def kind_title(kind: Kind) -> str:
    """The kind of exercise standing alone, as a label: "Stretch"."""
    return _(_KIND_TITLES[kind])


def position_words(position: Position) -> str:
    """The starting position within a sentence, such as "lying on back"."""
    return _(_POSITIONS[position])
