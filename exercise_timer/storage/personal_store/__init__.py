"""Personal values: one TOML file per routine, the layer the engine applies over the routine.

A clinician or the person sets hold seconds, repetitions, relax time, the version of an
exercise and which exercises to do; the file is ``Paths.personal_dir / "ROUTINE.toml"``::

    format_version = 1
    routine = "xplain-back"
    order = ["pelvic-tilt", "back-arch"]          # optional

    [progression]                                 # optional
    enabled = true
    every = 2
    start_hold = 2
    start_repetitions = 2
    started = 2026-11-21T09:30:00+01:00

    [exercises.pelvic-tilt]                       # every key optional
    included = true
    variant = "seated"
    hold_seconds = [10]                           # one per stage of the chosen version
    repetitions = 8
    relax_seconds = 3

    [prescribed]                                  # optional: the prescription imported
    clinic = "Riverside Physiotherapy"
    patient = "J. D."                             # optional
    date = 2026-02-27
    file = "jd-back.toml"                         # optional

It is validated against the routine with the declared ``PERSONAL_FIELDS``; a file that cannot
be read or fails validation is renamed aside (``NAME.broken-DATE``), never overwritten in
place, and the routine's own values are used, with a plain message saying so.

The modules: :mod:`.files` (reading, keeping aside and writing the file), :mod:`.validate`
(checking values against the routine and the limits, shared with prescription files),
:mod:`.prescribed` (the ``[prescribed]`` table: where the values came from),
:mod:`.progression_table` (the ``[progression]`` table), :mod:`.problems` (what a problem
says), :mod:`.document` (the TOML shape) and :mod:`.merge` (today's values, progression
applied).
"""

from __future__ import annotations

from exercise_timer.storage.personal_store.document import (
    PERSONAL_FORMAT_VERSION,
    values_document,
)
from exercise_timer.storage.personal_store.files import (
    LoadedPersonal,
    load_personal,
    personal_file,
    save_personal,
)
from exercise_timer.storage.personal_store.merge import (
    Today,
    build_up_problem,
    journal_values,
    routine_history,
    today,
)
from exercise_timer.storage.personal_store.prescribed import (
    MAX_TEXT,
    Prescribed,
    read_prescribed,
    text_problem,
)
from exercise_timer.storage.personal_store.problems import ValueProblem, dotted
from exercise_timer.storage.personal_store.progression_table import PROGRESSION_FIELDS
from exercise_timer.storage.personal_store.validate import (
    bounds_problems,
    check_hold,
    check_values,
    exercise_stages,
    parse_values,
)

__all__ = [
    "MAX_TEXT",
    "PERSONAL_FORMAT_VERSION",
    "PROGRESSION_FIELDS",
    "LoadedPersonal",
    "Prescribed",
    "Today",
    "ValueProblem",
    "bounds_problems",
    "build_up_problem",
    "check_hold",
    "check_values",
    "dotted",
    "exercise_stages",
    "journal_values",
    "load_personal",
    "parse_values",
    "personal_file",
    "read_prescribed",
    "routine_history",
    "save_personal",
    "text_problem",
    "today",
    "values_document",
]
