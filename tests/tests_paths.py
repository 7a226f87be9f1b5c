"""Paths the tests read: the project's seeds and, when present, ../shared."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
POLNEAR_DEV = SHARED / "eval" / "polnear" / "dev.jsonl"
SPEECH_CUES = SHARED / "eval" / "speech_cues.txt"
