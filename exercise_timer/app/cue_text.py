"""Sentences the controller puts in the caption or says, beyond the phase cues of core.cues."""

from __future__ import annotations

from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.model import Routine


def ready_caption(routine: Routine, sessions_this_week: int | None) -> str:
    """What the caption says before a session: how to start, and the week against the advice.

    ``sessions_this_week`` is None where the sessions are nobody's (a kiosk).
    """
    caption = _("Press Start or the Space bar when you are ready.")
    if not routine.advice.sessions_per_week or sessions_this_week is None:
        return caption
    week = ngettext(
        "The routine advises {sessions} sessions a week; this week you have done {count}.",
        "The routine advises {sessions} sessions a week; this week you have done {count}.",
        sessions_this_week,
    ).format(sessions=routine.advice.sessions_per_week, count=sessions_this_week)
    return f"{caption} {week}"
