"""The clinic report in words, shared by its PDF and HTML writers; translated when called.

Lists a page cannot hold whole (the sessions of two years) keep their newest entries and say
how many there are in all; the counts, stops by reason and charts always cover every session.
"""

from __future__ import annotations

from collections.abc import Sequence

from exercise_timer.core.effects import StopReason
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.report.clinic import BuildUpRow, ClinicReport, SessionLine
from exercise_timer.report.history import HistoryRow, outcome_text
from exercise_timer.report.history_page import WeekRow, place_text, week_text
from exercise_timer.report.wording import progression_text, values_text
from exercise_timer.storage.journal import reason_text

MOST_SESSIONS = 24
"""Sessions listed one by one (the newest)."""
MOST_STOPS = 10
"""Stops listed with their notes (the newest)."""
MOST_WEEKS = 12
"""Weeks listed with their counts (the latest; the chart shows them all)."""

Line = tuple[str, str]
"""A label (a date, an exercise) and the sentence beside it."""


def report_title(report: ClinicReport) -> str:
    """The report's title line."""
    return _("Exercise report: {routine}").format(routine=report.routine_title)


def about_lines(report: ClinicReport) -> list[Line]:
    """Who and what the report is for: clinic, patient, routine, period, the day it was made."""
    lines: list[Line] = []
    prescriber = report.prescriber
    if prescriber is not None:
        lines.append((_("Clinic:"), prescriber.clinic))
        if prescriber.patient:
            lines.append((_("Patient:"), prescriber.patient))
        if prescriber.dated is not None:
            lines.append((_("Prescribed:"), prescriber.dated.isoformat()))
    else:
        lines.append(
            (_("Clinic:"), _("not given (make the report with --prescription FILE to show it)"))
        )
    lines.append((_("Routine:"), f"{report.routine_title} ({report.routine_id})"))
    lines.append((_("Period:"), period_text(report)))
    lines.append((_("Made on:"), report.made_on.isoformat()))
    return lines


def period_text(report: ClinicReport) -> str:
    """The days the report covers, as asked or as the sessions span them."""
    since, until = report.period.since, report.period.until
    if since is None and report.sessions:
        since = report.sessions[0].started_at.date()
    if until is None and report.sessions:
        until = report.sessions[-1].started_at.date()
    if since is None and until is None:
        return _("all sessions")
    return _("{since} to {until}").format(
        since=since.isoformat() if since else "…", until=until.isoformat() if until else "…"
    )


def nothing_yet_text(report: ClinicReport) -> str:
    """What the report says when no session of the routine falls in its period."""
    if report.period.since is None and report.period.until is None:
        return _("No sessions of this routine are recorded yet: there is nothing to report.")
    return _("No sessions of this routine are recorded in this period: there is nothing to report.")


def summary_text(report: ClinicReport) -> str:
    """How many sessions, how they ended, and stops by reason, in two or three sentences."""
    total = len(report.sessions)
    sentences = [
        ngettext(
            "{count} session: {completed} completed, {stopped} stopped, {interrupted} "
            "interrupted (the program was closed or crashed).",
            "{count} sessions: {completed} completed, {stopped} stopped, {interrupted} "
            "interrupted (the program was closed or crashed).",
            total,
        ).format(
            count=total,
            completed=report.count("completed"),
            stopped=report.count("stopped"),
            interrupted=report.count("interrupted"),
        )
    ]
    if report.reasons:
        reasons = "; ".join(
            _("{reason}: {count}").format(reason=reason_text(reason), count=count)
            for reason, count in sorted(report.reasons.items(), key=lambda item: _order(item[0]))
        )
        sentences.append(_("Stops by reason: {reasons}.").format(reasons=reasons))
    if report.other_routines:
        sentences.append(
            ngettext(
                "{count} session of another routine in this period is not in this report.",
                "{count} sessions of other routines in this period are not in this report.",
                report.other_routines,
            ).format(count=report.other_routines)
        )
    return " ".join(sentences)


def _order(reason: StopReason) -> int:
    return list(StopReason).index(reason)


def advice_text(report: ClinicReport) -> str:
    """The routine's advice of how often, or that it gives none."""
    if not report.advice_text:
        return _("The routine does not say how many sessions a week to do.")
    return _("The routine advises {sessions} sessions a week.").format(sessions=report.advice_text)


def week_lines(report: ClinicReport) -> tuple[list[str], int]:
    """The latest weeks in sentences, newest last, and how many weeks there are in all."""
    weeks = report.weeks[-MOST_WEEKS:]
    return [_week_sentence(week, report) for week in weeks], len(report.weeks)


def _week_sentence(week: WeekRow, report: ClinicReport) -> str:
    completed = week_text(week, report.advice)
    if week.sessions == week.completed:
        return completed
    started = ngettext(
        "{count} session started in all.", "{count} sessions started in all.", week.sessions
    ).format(count=week.sessions)
    return f"{completed} {started}"


def value_lines(report: ClinicReport) -> list[Line]:
    """Per exercise of the routine, in its order: the values in use and the document's."""
    lines = []
    for line in report.values:
        if not line.included:
            text = _("Left out. Document: {document}.").format(document=line.document)
        elif line.personal == "-":
            text = _("Today: {in_use}. Document: {document}.").format(
                in_use=line.in_use, document=line.document
            )
        else:
            text = _("Today: {in_use}. Document: {document}. Personal: {personal}.").format(
                in_use=line.in_use, document=line.document, personal=line.personal
            )
        lines.append((line.name, text))
    return lines


def values_note(report: ClinicReport) -> str:
    """Where building up stands, when the routine builds up; else ""."""
    return progression_text(report.progress) if report.progress is not None else ""


def session_lines(report: ClinicReport) -> tuple[list[Line], int]:
    """The newest sessions, oldest first, one sentence each; and how many there are in all."""
    shown = report.sessions[-MOST_SESSIONS:]
    return [(_when(line), session_text(line)) for line in shown], len(report.sessions)


def session_text(line: SessionLine) -> str:
    """One session: outcome and reason, where it stopped, exercises done, pain."""
    parts = [outcome_text(_history_row(line))]
    if line.stop is not None:
        parts.append(_("at {place}").format(place=place_text(line.stop, _names(line))))
    done = ngettext(
        "{done} of {total} exercise done",
        "{done} of {total} exercises done",
        line.exercises_total,
    ).format(done=line.exercises_completed, total=line.exercises_total)
    if line.skipped:
        done = ngettext(
            "{done_part}, {count} skipped", "{done_part}, {count} skipped", line.skipped
        ).format(done_part=done, count=line.skipped)
    parts.append(done)
    if line.pain_rating is not None:
        parts.append(_("pain {rating}/10").format(rating=line.pain_rating))
    if line.withdrawn_stops:
        parts.append(
            ngettext(
                "{count} Stop taken back", "{count} Stops taken back", line.withdrawn_stops
            ).format(count=line.withdrawn_stops)
        )
    return _("{parts}.").format(parts="; ".join(parts))


def stop_lines(report: ClinicReport) -> tuple[list[Line], int]:
    """The newest stops with where and the person's note; and how many there are in all."""
    stops = report.stops
    lines = []
    for line in stops[-MOST_STOPS:]:
        stop = line.stop
        assert stop is not None
        text = _("Stopped for {reason} at {place}.").format(
            reason=reason_text(stop.reason), place=place_text(stop, _names(line))
        )
        if stop.note.strip():
            text = _("{stop} Note: “{note}”").format(stop=text, note=stop.note.strip())
        lines.append((_when(line), text))
    return lines, len(stops)


def more_text(shown: int, total: int, what: str) -> str:
    """Says that only the newest ``shown`` of ``total`` are listed; "" when all are.

    Args:
        shown: How many are listed.
        total: How many there are.
        what: "sessions", "stops" or "weeks" (which sentence to use).
    """
    if shown >= total:
        return ""
    if what == "stops":
        text = ngettext(
            "The newest {shown} of {total} stop are listed.",
            "The newest {shown} of {total} stops are listed.",
            total,
        )
    elif what == "weeks":
        text = ngettext(
            "The latest {shown} of {total} week are listed; the chart shows them all.",
            "The latest {shown} of {total} weeks are listed; the chart shows them all.",
            total,
        )
    else:
        text = ngettext(
            "The newest {shown} of {total} session are listed; "
            "exercise-timer history --csv lists them all.",
            "The newest {shown} of {total} sessions are listed; "
            "exercise-timer history --csv lists them all.",
            total,
        )
    return text.format(shown=shown, total=total)


def build_up_groups(report: ClinicReport) -> list[BuildUpRow]:
    """The build-up with exercises whose values went the same way as one row, named for all.

    A routine that builds up every exercise together (X-Plain) then has one chart, not 13
    copies of it.
    """
    groups: dict[tuple[tuple[object, ...], ...], list[BuildUpRow]] = {}
    for row in report.build_up:
        key = tuple((p.when, p.hold_seconds, p.repetitions) for p in row.points)
        groups.setdefault(key, []).append(row)
    return [
        BuildUpRow(rows[0].exercise_id, _group_name(rows, len(report.build_up)), rows[0].points)
        for rows in groups.values()
    ]


def _group_name(rows: Sequence[BuildUpRow], everyone: int) -> str:
    if len(rows) == 1:
        return rows[0].name
    if len(rows) == everyone:
        return _("All {count} exercises").format(count=len(rows))
    if len(rows) <= 3:
        return ", ".join(row.name for row in rows)
    return ngettext("{names} and {count} more", "{names} and {count} more", len(rows) - 2).format(
        names=", ".join(row.name for row in rows[:2]), count=len(rows) - 2
    )


def build_up_lines(report: ClinicReport, groups: Sequence[BuildUpRow] | None = None) -> list[Line]:
    """Per group of exercises that went the same way, where they started and where they are.

    The label names every exercise of the group, so each exercise can be found by name.
    ``groups`` are the report's ``build_up_groups`` when the caller has them already.
    """
    lines = []
    for group in build_up_groups(report) if groups is None else groups:
        members = [row.name for row in report.build_up if tuple(row.points) == tuple(group.points)]
        lines.append((", ".join(members), build_up_text(group)))
    return lines


def build_up_text(row: BuildUpRow) -> str:
    """From the first session's values to the last's, with their dates."""
    first, last = row.points[0], row.points[-1]
    start = values_text([first.hold_seconds], first.repetitions)
    now = values_text([last.hold_seconds], last.repetitions)
    if start == now:
        return ngettext(
            "{values} throughout ({count} session).",
            "{values} throughout ({count} sessions).",
            len(row.points),
        ).format(values=now, count=len(row.points))
    return _("from {start} on {first} to {now} on {last}.").format(
        start=start,
        first=first.when.date().isoformat(),
        now=now,
        last=last.when.date().isoformat(),
    )


def _when(line: SessionLine) -> str:
    return line.started_at.strftime("%Y-%m-%d %H:%M")


def _names(line: SessionLine) -> dict[str, str]:
    stop = line.stop
    if stop is None or stop.exercise is None or line.stop_exercise is None:
        return {}
    return {stop.exercise: line.stop_exercise}


def _history_row(line: SessionLine) -> HistoryRow:
    return HistoryRow(
        id=line.id,
        routine="",
        started_at=line.started_at,
        ended_at=None,
        outcome=line.outcome,
        stop=line.stop,
        exercises_completed=line.exercises_completed,
        exercises_total=line.exercises_total,
    )
