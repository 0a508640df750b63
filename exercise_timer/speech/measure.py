"""How long cues take to say: many texts measured at once by a fresh one-shot worker.

Each text is synthesised at volume 1 and trimmed as the worker trims a cue it plays, so the
length is the one the person will hear. The worker checks each clip and renders it again once
(see ``Worker.produce``); a text it cannot render is left out. A worker that ends half-way is
replaced once for the texts it did not answer, the batch it ended on going last. Nothing here
raises for a speech problem: the outcome says what went wrong, and the caller falls back to
estimates.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from exercise_timer.core.i18n import ngettext
from exercise_timer.speech import problems
from exercise_timer.speech.probe import engine_problem
from exercise_timer.speech.process import Message, WorkerSpec, WorkerTimeout, run_requests
from exercise_timer.speech.speaker import VoiceSettings

#: Texts per request: a request is answered in about a second, and a worker that dies loses
#: at most this many.
BATCH = 50
#: Workers started for one call: the first, and one for what it left unanswered.
ATTEMPTS = 2


@dataclass(frozen=True)
class MeasureOutcome:
    """What a measurement gave.

    Attributes:
        seconds: The length of each text's speech that could be measured, by text.
        problem: Why some or all texts could not be measured, in plain words; None when
            every text was.
    """

    seconds: dict[str, float] = field(default_factory=dict)
    problem: str | None = None


def measure_cue_seconds(
    texts: Sequence[str],
    settings: VoiceSettings,
    *,
    spec: WorkerSpec | None = None,
    timeout: float = 60.0,
) -> MeasureOutcome:
    """Measures how long each of ``texts`` takes to say with ``settings``' voice and rate.

    Args:
        texts: The cue texts; repeats and blank texts are measured once and not at all.
        settings: The voice and rate (volume and mute do not change the length).
        spec: How to start the worker (tests inject a fake engine).
        timeout: Seconds for the whole measurement; what was measured by then is returned.

    Returns:
        The lengths measured, and a problem when any text is missing from them.
    """
    wanted = list(dict.fromkeys(text for text in texts if text.strip()))
    spec = spec or WorkerSpec(quiet=True)
    deadline = time.monotonic() + timeout
    seconds: dict[str, float] = {}
    unanswered = wanted
    problem: str | None = None
    for _attempt in range(ATTEMPTS):
        if not unanswered:
            break
        batches = [unanswered[i : i + BATCH] for i in range(0, len(unanswered), BATCH)]
        requests = [
            {"op": "measure", "texts": batch, "voice": settings.voice, "rate": settings.rate}
            for batch in batches
        ]
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            problem = problems.no_answer()
            break
        try:
            events, _ = run_requests(spec, requests, remaining)
        except WorkerTimeout as late:
            events, problem = late.events, problems.no_answer()
        except OSError as error:
            return MeasureOutcome(seconds, problems.engine_broken(str(error)))
        answered = _answers(events, batches, seconds)
        left = [batch for batch, done in zip(batches, answered, strict=True) if not done]
        # The first batch left is the one the worker died on: it goes last next time.
        unanswered = [text for batch in left[1:] + left[:1] for text in batch]
        broken = engine_problem(events)
        if broken is not None:
            return MeasureOutcome(seconds, broken)
        if problem is not None:
            break
        problem = _worker_problem(events) if unanswered else None
    missing = len(wanted) - len(seconds)
    if missing and problem is None:
        problem = ngettext(
            "{count} cue could not be measured; its length is estimated.",
            "{count} cues could not be measured; their lengths are estimated.",
            missing,
        ).format(count=missing)
    return MeasureOutcome(seconds, problem)


def _answers(
    events: list[Message], batches: list[list[str]], seconds: dict[str, float]
) -> list[bool]:
    """Adds the lengths in ``measured`` events to ``seconds``; which batches were answered."""
    answered = [False] * len(batches)
    for event in events:
        index = event.get("id")
        if event.get("event") != "measured" or not isinstance(index, int):
            continue
        if not 1 <= index <= len(batches):
            continue
        answered[index - 1] = True
        for text, length in zip(batches[index - 1], event.get("seconds") or [], strict=False):
            if isinstance(length, (int, float)) and length > 0:
                seconds[text] = float(length)
    return answered


def _worker_problem(events: list[Message]) -> str:
    fatal = next((e for e in events if e.get("event") == "fatal"), None)
    detail = str(fatal.get("detail")) if fatal else "the speech worker stopped"
    return problems.engine_broken(detail)
