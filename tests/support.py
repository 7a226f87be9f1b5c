"""Shared test support: the paths the tests read (the seeds and, when present, ../shared) and checks."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
POLNEAR_DEV = SHARED / "eval" / "polnear" / "dev.jsonl"
SPEECH_CUES = SHARED / "eval" / "speech_cues.txt"


def assert_offsets(text, quotes):
    """Every quote, cue and speaker mention is the text at its offsets."""
    for q in quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_mention
        if q.cue_start is not None:
            assert text[q.cue_start:q.cue_end] == q.cue
