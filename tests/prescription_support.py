"""A clinic's prescription file for tests: Riverside Physiotherapy's, for X-Plain's pelvic tilt."""

PRESCRIPTION = """\
format_version = 1
kind = "exercise-timer prescription"
routine = "xplain-back"
clinic = "Riverside Physiotherapy"
patient = "J. D."
date = 2026-02-27

[exercises.pelvic-tilt]
hold_seconds = [8]
repetitions = 6
"""
