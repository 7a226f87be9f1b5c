"""Convert PolNeAR brat files (text/*.txt + attributions/*.ann) to the gold JSONL
that ``quotebank evaluate`` reads, following shared/eval/polnear/README.md:

* content fragments sorted, fragments separated only by white space merged, each
  remaining piece one record repeating the speaker and cue;
* the first Source fragment is the speaker span; the cue spans its fragments;
* ``kind`` derived from quote marks (“ ” „ « toggle on, ” » off, ASCII " and ''
  toggle, reset at each newline): all inside → direct, none → indirect, else mixed;
* the lowest annotator id is used when a document has several.

Used to build a held-out set from PolNeAR documents that are not in dev.jsonl:

    python benchmarks/brat_to_jsonl.py PolNeAR/data/test held-out.jsonl --exclude dev.jsonl

The data itself is not part of quotebank (its licence is unstated): bring your own copy.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def quote_state(text: str) -> list[bool]:
    """For each character, whether it lies inside double quote marks."""
    inside = [False] * len(text)
    state = False
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\n":
            state = False
        elif c in "“„«":
            state = True
        elif c in "”»":
            state = False
        elif c == '"':
            state = not state
        elif text.startswith("''", i):
            state = not state
            inside[i] = inside[i + 1] = state
            i += 2
            continue
        inside[i] = state
        i += 1
    return inside


def kind_of(inside: list[bool], text: str, start: int, end: int) -> str:
    flags = [inside[k] for k in range(start, end) if text[k].isalnum()]
    if flags and all(flags):
        return "direct"
    if any(flags):
        return "mixed"
    return "indirect"


def convert(doc_id: str, text: str, ann: str) -> dict:
    """One document's gold record from its text and brat annotation."""
    bounds: dict[str, list[tuple[int, int]]] = {}
    events = []
    for line in ann.splitlines():
        if line.startswith("T"):
            tid, middle, _ = line.split("\t")
            spans = middle.split(" ", 1)[1]
            bounds[tid] = [tuple(map(int, f.split())) for f in spans.split(";")]
        elif line.startswith("E"):
            events.append(dict(arg.split(":") for arg in line.split("\t")[1].split()))
    inside = quote_state(text)
    quotes = []
    for roles in events:
        content = [k for k in roles if k.startswith("Content") and roles[k] in bounds]
        if not content:
            continue
        frags = sorted(f for k in content for f in bounds[roles[k]])
        merged = [list(frags[0])]
        for s, e in frags[1:]:
            if not text[merged[-1][1]:s].strip():
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        src = bounds[roles["Source"]][0] if roles.get("Source") in bounds else None
        cue = bounds[roles["Cue"]] if roles.get("Cue") in bounds else None
        cs, ce = (cue[0][0], cue[-1][1]) if cue else (None, None)
        for s, e in merged:
            quotes.append({
                "start": s, "end": e, "text": text[s:e], "kind": kind_of(inside, text, s, e),
                "speaker": text[src[0]:src[1]] if src else None,
                "speaker_start": src[0] if src else None, "speaker_end": src[1] if src else None,
                "cue": text[cs:ce] if cue else None, "cue_start": cs, "cue_end": ce,
            })
    quotes.sort(key=lambda q: (q["start"], q["end"]))
    return {"id": doc_id, "text": text, "quotes": quotes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", help="a PolNeAR compartment with text/ and attributions/")
    parser.add_argument("out", help="the JSONL to write")
    parser.add_argument("--exclude", help="a gold JSONL whose ids are left out (e.g. dev.jsonl)")
    args = parser.parse_args()
    folder = Path(args.folder)
    skip = set()
    if args.exclude:
        skip = {json.loads(line)["id"] for line in open(args.exclude, encoding="utf-8") if line.strip()}
    count = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for txt in sorted((folder / "text").glob("*.txt")):
            if txt.stem in skip:
                continue
            anns = sorted((folder / "attributions").glob(f"{txt.stem}_*.ann"))
            if not anns:
                continue
            doc = convert(txt.stem, txt.read_text(encoding="utf-8"), anns[0].read_text(encoding="utf-8"))
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            count += 1
    print(f"{count} documents written to {args.out}")


if __name__ == "__main__":
    main()
