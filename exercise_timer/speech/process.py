"""The parent's handle on one speech worker process, and one-shot requests to a fresh worker.

The worker runs ``python -m exercise_timer.speech.worker`` in a session of its own (so its
process group holds it and the ``aplay`` it starts, and one ``killpg`` silences both), and
talks JSON lines over its stdin and stdout. Each worker has one reader thread, which hands
every event to a callback and signals the end of output with ``None``.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

Message = dict[str, Any]


@dataclass(frozen=True)
class WorkerSpec:
    """How to start a worker. The defaults are the real thing; tests inject the rest.

    Attributes:
        engine: Module whose ``init()`` returns a pyttsx3-like engine (a test hook: a module
            that hangs or raises).
        mode: ``wav`` (synthesise, then play with ``player``), ``direct`` (pyttsx3 plays),
            or ``auto`` (``wav`` on Linux).
        player: The WAV player's command; the file name is appended.
        device: ``aplay -D`` device; ``"null"`` discards the sound (benchmarks, tests).
        search_path: Where the player is looked for instead of ``PATH`` (a test hook).
        env: Extra environment variables for the worker.
        python: The interpreter that runs the worker.
        quiet: Send the worker's stderr to /dev/null instead of ours.
        player_timeout: Seconds after which the worker gives up on one playback.
    """

    engine: str = "pyttsx3"
    mode: str = "auto"
    player: tuple[str, ...] = ("aplay", "-q")
    device: str | None = None
    search_path: str | None = None
    env: Mapping[str, str] = field(default_factory=dict)
    python: str = sys.executable
    quiet: bool = False
    player_timeout: float | None = 60.0

    def config(self, workdir: Path | None) -> Message:
        """The JSON settings handed to the worker."""
        return {
            "engine": self.engine,
            "mode": self.mode,
            "player": list(self.player),
            "device": self.device,
            "search_path": self.search_path,
            "player_timeout": self.player_timeout,
            "workdir": str(workdir) if workdir else None,
        }


class WorkerProcess:
    """One running worker: start it, send it requests, kill it. Owned by one thread."""

    def __init__(
        self,
        spec: WorkerSpec,
        on_message: Callable[[WorkerProcess, Message | None], None],
        workdir: Path | None = None,
    ) -> None:
        self.spec = spec
        self._on_message = on_message
        self._workdir = workdir
        self._process: subprocess.Popen[bytes] | None = None
        self._reader: threading.Thread | None = None
        self.started_at = 0.0

    @property
    def pid(self) -> int | None:
        """The worker's process id once started."""
        return self._process.pid if self._process else None

    def start(self) -> None:
        """Starts the process and its reader thread."""
        env = {**os.environ, **self.spec.env}
        command = [
            self.spec.python,
            "-m",
            "exercise_timer.speech.worker",
            "--config",
            json.dumps(self.spec.config(self._workdir)),
        ]
        self.started_at = time.monotonic()
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL if self.spec.quiet else None,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
        stdout = self._process.stdout
        assert stdout is not None
        self._reader = threading.Thread(
            target=self._read,
            args=(stdout,),
            name=f"speech-reader-{self._process.pid}",
            daemon=True,
        )
        self._reader.start()

    def _read(self, stream: IO[bytes]) -> None:
        for raw in stream:
            try:
                message = json.loads(raw)
            except ValueError:
                continue
            if isinstance(message, dict):
                self._on_message(self, message)
        self._on_message(self, None)

    def send(self, message: Message) -> bool:
        """Writes one request; False when the worker is gone."""
        process = self._process
        if process is None or process.stdin is None:
            return False
        try:
            process.stdin.write((json.dumps(message, ensure_ascii=False) + "\n").encode("utf-8"))
            process.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            return False
        return True

    @property
    def returncode(self) -> int | None:
        """The exit code once the worker has ended (negative: killed by that signal)."""
        return self._process.returncode if self._process else None

    def alive(self) -> bool:
        """Whether the process is still running."""
        return self._process is not None and self._process.poll() is None

    def kill(self) -> None:
        """SIGKILLs the worker's whole process group (the player too) and reaps the worker."""
        process = self._process
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        self._reap(process)

    def close(self, timeout: float = 2.0) -> None:
        """Asks the worker to finish (end of input); kills it if it does not within ``timeout``."""
        process = self._process
        if process is None:
            return
        if process.stdin is not None:
            with contextlib.suppress(OSError, ValueError):
                process.stdin.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=timeout)
        # The group may still hold a player that outlived the worker.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        self._reap(process)

    def _reap(self, process: subprocess.Popen[bytes]) -> None:
        process.wait()
        if process.stdin is not None:
            with contextlib.suppress(OSError, ValueError):
                process.stdin.close()
        if self._reader is not None and self._reader is not threading.current_thread():
            self._reader.join(timeout=5)
        if process.stdout is not None:
            with contextlib.suppress(OSError, ValueError):
                process.stdout.close()


class WorkerTimeout(Exception):
    """A one-shot worker did not answer in time.

    Attributes:
        events: The events collected before the time ran out.
    """

    def __init__(self, events: list[Message] | None = None) -> None:
        """Keeps the events that did arrive."""
        super().__init__("the speech worker did not answer in time")
        self.events = list(events or [])


def run_requests(
    spec: WorkerSpec, requests: Sequence[Message], timeout: float
) -> tuple[list[Message], int | None]:
    """Starts a fresh worker, sends ``requests`` one by one, and collects every event.

    Each request gets an ``id``; the function waits for the answer to each before sending the
    next (a request is answered by an event carrying its id). Returns the events and the
    worker's exit code (None if it had to be killed).

    Raises:
        WorkerTimeout: When the worker does not answer within ``timeout`` seconds in all (it
            carries the events that did arrive).
    """
    events: queue.Queue[Message | None] = queue.Queue()
    collected: list[Message] = []
    deadline = time.monotonic() + timeout
    with tempfile.TemporaryDirectory(prefix="et-speech-") as folder:
        worker = WorkerProcess(spec, lambda _w, m: events.put(m), Path(folder))
        worker.start()
        ids = itertools.count(1)
        try:
            ended = False
            for request in requests:
                ask = {**request, "id": next(ids)}
                if not worker.send(ask):
                    break
                ended = _collect_until(events, collected, deadline, ask["id"])
                if ended:
                    break
            worker.close(timeout=max(0.1, deadline - time.monotonic()))
            if not ended:
                _collect_until(events, collected, deadline, None)
        except WorkerTimeout:
            worker.kill()
            raise WorkerTimeout(collected) from None
        code = worker.returncode
    return collected, (code if code is not None and code >= 0 else None)


def _collect_until(
    events: queue.Queue[Message | None],
    collected: list[Message],
    deadline: float,
    answer_id: int | None,
) -> bool:
    """Collects events until one answers ``answer_id``; True when the output ended first."""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise WorkerTimeout
        try:
            message = events.get(timeout=remaining)
        except queue.Empty:
            raise WorkerTimeout from None
        if message is None:
            return True
        collected.append(message)
        if (
            answer_id is not None
            and message.get("id") == answer_id
            and message["event"] != "started"
        ):
            return False
