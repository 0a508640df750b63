"""``plan --json`` says how long each cue takes, and no cue runs into the next one.

The lengths are measured with the real voice (espeak-ng through the speech worker), as the
window measures them; with ``--no-voice`` they are estimates and say so.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from exercise_timer.cli import main
from exercise_timer.speech.probe import probe_speech
from exercise_timer.storage.paths import CUE_SECONDS_NAME

BUNDLED = ("xplain-back", "spine-clinic", "chiro-clinic")


@pytest.fixture(scope="module")
def engine_works() -> None:
    status = probe_speech()
    if not status.engine:
        pytest.skip(f"no speech engine here: {status.problem}")


def plan(capsys: pytest.CaptureFixture[str], home: Path, routine: str, *extra: str) -> dict:
    assert main(["--home", str(home), *extra, "plan", routine, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert isinstance(document, dict)
    return document


def heard(document: dict) -> list[tuple[float, float, str]]:
    """(start, length, text) of every cue said, phase cues and counts, in order."""
    said = []
    for entry in document["timeline"]:
        if entry["cue"]:
            said.append((entry["start"], entry["cue_seconds"], entry["cue"]))
        said += [(c["start"], c["cue_seconds"], str(c["number"])) for c in entry["counts"]]
    return said


@pytest.mark.parametrize("routine", BUNDLED)
def test_no_measured_cue_is_longer_than_the_time_until_the_next(
    engine_works: None, home: Path, capsys: pytest.CaptureFixture[str], routine: str
) -> None:
    document = plan(capsys, home, routine)
    assert document["cue_rate"] == 160
    timeline = document["timeline"]
    assert all(entry["cue_seconds_measured"] for entry in timeline if entry["cue"])
    said = heard(document)
    for (start, seconds, text), (following, _, after) in itertools.pairwise(said):
        assert seconds <= following - start, (text, after)
    last_start, last_seconds, _ = said[-1]
    assert last_start + last_seconds <= document["total_seconds"] + 0.2
    assert any(entry["cue"] != entry["caption"] for entry in timeline)
    assert (home / "cache" / CUE_SECONDS_NAME).is_file()


def test_without_a_voice_the_lengths_are_estimates(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = plan(capsys, home, "spine-clinic", "--no-voice")
    entries = [entry for entry in document["timeline"] if entry["cue"]]
    assert entries and not any(entry["cue_seconds_measured"] for entry in entries)
    assert all(entry["cue_seconds"] > 0 for entry in entries)
    assert not (home / "cache" / CUE_SECONDS_NAME).exists()


def test_a_faster_rate_in_the_settings_says_more_of_each_cue(
    engine_works: None, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slow_home, fast_home = home / "slow", home / "fast"
    for folder, rate in ((slow_home, 100), (fast_home, 260)):
        (folder / "config").mkdir(parents=True)
        (folder / "config" / "settings.toml").write_text(
            f"format_version = 1\nrate = {rate}\n", encoding="utf-8"
        )
    slow = plan(capsys, slow_home, "chiro-clinic")
    fast = plan(capsys, fast_home, "chiro-clinic")
    assert (slow["cue_rate"], fast["cue_rate"]) == (100, 260)
    whole_slow = sum(e["cue"] == e["caption"] for e in slow["timeline"])
    whole_fast = sum(e["cue"] == e["caption"] for e in fast["timeline"])
    assert whole_fast > whole_slow
