"""Small WAV helpers (standard library only): trim, scale, measure, and make test tones.

The worker trims espeak's trailing pause so a cue ends when its last word does, and scales
volume itself so a silent probe takes exactly as long as a spoken cue.
"""

from __future__ import annotations

import array
import math
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

#: Samples quieter than this fraction of the loudest sample count as silence when trimming.
SILENCE_FRACTION = 0.02
#: Silence kept before the first and after the last loud sample, in seconds.
TRIM_MARGIN = 0.01


@dataclass(frozen=True)
class Pcm:
    """Mono 16-bit samples and their rate."""

    samples: array.array[int]
    rate: int

    @property
    def seconds(self) -> float:
        """The duration."""
        return len(self.samples) / self.rate if self.rate else 0.0


class IncompleteWav(ValueError):
    """A WAV file that is missing, unreadable, empty, or shorter than its header says."""


def read_pcm(path: Path) -> Pcm:
    """Reads a mono 16-bit WAV file (stereo is mixed down by taking the first channel)."""
    with wave.open(str(path), "rb") as wav:
        if wav.getsampwidth() != 2:
            raise ValueError(f"{path}: only 16-bit WAV files are supported")
        channels = wav.getnchannels()
        rate = wav.getframerate()
        frames = wav.readframes(wav.getnframes())
    return _samples(frames, channels, rate)


def read_complete(path: Path) -> Pcm:
    """Reads a WAV file that must hold sound: every frame its header counts, and at least one.

    Raises:
        IncompleteWav: The file is missing, unreadable, empty or cut short.
    """
    try:
        with wave.open(str(path), "rb") as wav:
            width, channels = wav.getsampwidth(), wav.getnchannels()
            rate, counted = wav.getframerate(), wav.getnframes()
            frames = wav.readframes(counted)
    except FileNotFoundError:
        raise IncompleteWav("no file was written") from None
    except (OSError, EOFError, wave.Error) as error:
        raise IncompleteWav(
            f"the file is not a readable WAV ({error or type(error).__name__})"
        ) from error
    if width != 2:
        raise IncompleteWav(f"{8 * width}-bit samples instead of 16")
    if counted == 0:
        raise IncompleteWav("the file holds no sound (0 frames)")
    if len(frames) < counted * width * channels:
        raise IncompleteWav(
            f"the file holds {len(frames) // (width * channels)} of its {counted} frames"
        )
    return _samples(frames, channels, rate)


def _samples(frames: bytes, channels: int, rate: int) -> Pcm:
    samples = array.array("h")
    samples.frombytes(frames)
    if sys.byteorder == "big":
        samples.byteswap()
    if channels > 1:
        samples = samples[::channels]
    return Pcm(samples, rate)


def write_pcm(path: Path, pcm: Pcm) -> None:
    """Writes mono 16-bit samples as a WAV file."""
    samples = pcm.samples
    if sys.byteorder == "big":
        samples = array.array("h", samples)
        samples.byteswap()
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(pcm.rate)
        wav.writeframes(samples.tobytes())


def trim_silence(pcm: Pcm, margin: float = TRIM_MARGIN) -> Pcm:
    """Drops leading and trailing silence, keeping ``margin`` seconds; all-silent input is kept."""
    samples = pcm.samples
    peak = max(max(samples, default=0), -min(samples, default=0))
    if peak == 0:
        return pcm
    floor = max(1, int(peak * SILENCE_FRACTION))
    first = _first_loud(samples, floor, range(0, len(samples), _BLOCK))
    last = _first_loud(samples, floor, range(len(samples) - 1, -1, -_BLOCK), backwards=True)
    keep = int(margin * pcm.rate)
    return Pcm(samples[max(0, first - keep) : min(len(samples), last + 1 + keep)], pcm.rate)


_BLOCK = 512


def _first_loud(
    samples: array.array[int], floor: int, starts: range, *, backwards: bool = False
) -> int:
    """The index of the first sample louder than ``floor``, searched a block at a time.

    ``min`` and ``max`` of a block run in C, so a second of silence costs microseconds
    instead of a Python loop's milliseconds.
    """
    for start in starts:
        block = (
            samples[max(0, start - _BLOCK + 1) : start + 1]
            if backwards
            else samples[start : start + _BLOCK]
        )
        if max(block) > floor or -min(block) > floor:
            offsets = range(len(block) - 1, -1, -1) if backwards else range(len(block))
            found = next(i for i in offsets if abs(block[i]) > floor)
            return (start - len(block) + 1 + found) if backwards else start + found
    raise ValueError("no sample is louder than the floor")


def scale(pcm: Pcm, volume: float) -> Pcm:
    """Multiplies every sample by ``volume`` (0..1)."""
    volume = min(1.0, max(0.0, volume))
    if volume == 1.0:
        return pcm
    return Pcm(array.array("h", (int(s * volume) for s in pcm.samples)), pcm.rate)


def rms(pcm: Pcm) -> float:
    """Root mean square of the samples, 0..32768."""
    if not pcm.samples:
        return 0.0
    return math.sqrt(sum(s * s for s in pcm.samples) / len(pcm.samples))


def silence(seconds: float, rate: int = 22050) -> Pcm:
    """A silent clip."""
    return Pcm(array.array("h", bytes(2 * int(seconds * rate))), rate)


def chime(rate: int = 22050) -> Pcm:
    """A soft two-tone chime (E5 then A5), 0.45 s, with a gentle attack and a bell-like decay."""
    total = int(0.45 * rate)
    notes = ((659.25, 0.0), (880.0, 0.12))  # (frequency Hz, start s)
    attack, peak = 0.012, 0.5 * 32767
    samples = array.array("h", bytes(2 * total))
    for frequency, start in notes:
        begin = int(start * rate)
        for i in range(total - begin):
            t = i / rate
            envelope = min(1.0, t / attack) * math.exp(-t / 0.09)
            fade_out = min(1.0, (total - begin - i) / (0.03 * rate))
            value = peak * envelope * fade_out * math.sin(2 * math.pi * frequency * t)
            # A quiet octave overtone makes it rounder than a bare sine.
            value += 0.15 * peak * envelope * fade_out * math.sin(4 * math.pi * frequency * t)
            mixed = samples[begin + i] + int(value)
            samples[begin + i] = max(-32767, min(32767, mixed))
    return Pcm(samples, rate)
