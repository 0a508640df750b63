"""The lines ``--trace FILE`` gets from a session: phases, cues and the end (README's shapes)."""

from __future__ import annotations

from collections.abc import Iterable

from exercise_timer.core.effects import SessionEnded
from exercise_timer.core.schedule import Segment
from exercise_timer.speech.speaker import CueReport
from exercise_timer.storage.trace import TraceWriter


def write_phase(
    trace: TraceWriter, segment: Segment, exercise_id: str, t_planned: float, t_actual: float
) -> None:
    """A phase began: planned and actual real seconds since the session started."""
    trace.write(
        "phase",
        phase=segment.phase.value,
        exercise=exercise_id,
        side=segment.side.value if segment.side else None,
        rep=segment.rep,
        stage=segment.stage,
        t_planned=round(t_planned, 6),
        t_actual=round(t_actual, 6),
    )


def write_cues(trace: TraceWriter, reports: Iterable[CueReport], start: float) -> None:
    """What became of each cue, in real seconds since the session started."""
    for report in reports:
        trace.write(
            "cue",
            text=report.text,
            backend=report.backend,
            t_requested=round(report.t_requested - start, 6),
            t_started=None if report.t_started is None else round(report.t_started - start, 6),
            t_finished=None if report.t_finished is None else round(report.t_finished - start, 6),
            status=report.status,
        )


def write_end(trace: TraceWriter, ended: SessionEnded) -> None:
    """How the session ended."""
    trace.write(
        "end",
        outcome=ended.outcome.value,
        reason=ended.reason.value if ended.reason else None,
    )
