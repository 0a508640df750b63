"""Wall-clock moments for what the program writes down: always aware of their time zone."""

from __future__ import annotations

from datetime import datetime


def local_now() -> datetime:
    """Now, in the local time zone (what records and file names use)."""
    return datetime.now().astimezone()


def aware(moment: datetime) -> datetime:
    """``moment`` with a time zone; a naive one is taken as local time."""
    return moment if moment.tzinfo is not None else moment.astimezone()
