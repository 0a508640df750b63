"""Whether the program that ran a session is still running, so an open session is not lost.

A session row carries the pid and, where the system tells it, the process start time (the
*token*) of the program that runs it, so a later process that reuses the pid is not mistaken
for it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def process_alive(pid: int, token: str | None = None) -> bool:
    """Whether the process that recorded ``token`` at start still runs.

    ``token`` tells a reused pid from the original process where the system allows it.
    """
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # It exists, run by someone else.
    except (OSError, OverflowError):  # OverflowError: a damaged row's pid beyond any process
        return False
    stat = _linux_stat(pid)
    if stat is None:
        return True
    state, start = stat
    if state in ("Z", "X"):
        return False  # Killed, waiting to be reaped.
    return token is None or token == start


def process_token(pid: int) -> str | None:
    """The process start time (Linux), so a later process reusing the pid is not mistaken."""
    stat = _linux_stat(pid)
    return None if stat is None else stat[1]


def _linux_stat(pid: int) -> tuple[str, str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = text.rpartition(")")[2].split()
    if len(fields) < 20:
        return None
    return fields[0], fields[19]


def _windows_process_alive(pid: int) -> bool:
    # os.kill(pid, 0) would terminate the process on Windows, so ask the kernel instead.
    if sys.platform != "win32":
        return False
    import ctypes

    query_limited_information, still_active = 0x1000, 259
    kernel = ctypes.windll.kernel32
    handle = kernel.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return bool(code.value == still_active)
    finally:
        kernel.CloseHandle(handle)
