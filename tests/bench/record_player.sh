#!/bin/sh
# A stand-in for aplay that keeps what it would play: record_player.sh FOLDER [options] CLIP.
# It copies the clip into FOLDER and returns after as long as the clip lasts, as aplay does
# once it has drained the sound (the worker's clips: 16-bit mono at 22050 Hz, 44-byte header).
# A shell script, so that its start costs no more than aplay's. Options between are ignored.
folder=$1
for clip; do :; done
cp "$clip" "$folder/$(date +%s%N).wav" || exit 1
bytes=$(stat -c %s "$clip") || exit 1
sleep "$(( (bytes - 44) * 1000 / 44100 / 1000 )).$(printf '%03d' $(( (bytes - 44) * 1000 / 44100 % 1000 )))"
