"""Readers: files and folders in, ``(doc_id, text)`` documents out.

Every problem with one input is reported as a :class:`ReadProblem` naming the
file, and reading goes on with the rest: nothing raises for a bad file.

* ``.txt`` files are decoded as UTF-8 (a BOM is dropped), UTF-16 when they start
  with its BOM, else as Windows-1252 with a warning;
* ``.jsonl`` files hold one document a line, ``{"id": …, "text": …}``;
* files holding NUL bytes (binary), empty files and unreadable files are
  reported and skipped.

The doc id of a file is its path relative to the folder it was found in,
without its suffix (``seeds/000_x.txt`` given as ``seeds/`` → ``000_x``); a
file named directly gets its stem.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

__all__ = ["Document", "ReadProblem", "find_files", "read_documents", "decode"]

#: File suffixes read from folders.
SUFFIXES = (".txt", ".jsonl")


@attrs.frozen(slots=True)
class Document:
    """One text to extract from.

    Attributes:
        doc_id: its id in the output.
        text: the text.
        source: the file it came from.
        warning: a note on how it was read (e.g. decoded as Windows-1252), or "".
    """

    doc_id: str
    text: str
    source: str
    warning: str = ""


@attrs.frozen(slots=True)
class ReadProblem:
    """A file (or line) that could not be used.

    Attributes:
        source: the file, with ``:line`` for a JSONL line.
        message: what is wrong.
        fatal: True when nothing of it was read (an error), False for an
            empty input (a warning).
    """

    source: str
    message: str
    fatal: bool = True


def find_files(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[ReadProblem]]:
    """List the input files of the given paths, with their doc ids.

    Args:
        paths: files and folders; folders are searched recursively for
            ``.txt`` and ``.jsonl`` files, in sorted order.

    Returns:
        ``([(file, doc_id), …], problems)``; a path that does not exist is a problem.
    """
    found: list[tuple[Path, str]] = []
    problems: list[ReadProblem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
            for f in files:
                found.append((f, f.relative_to(path).with_suffix("").as_posix()))
        elif path.is_file():
            found.append((path, path.stem))
        elif path.exists():
            problems.append(ReadProblem(str(path), "not a regular file"))
        else:
            problems.append(ReadProblem(str(path), "no such file or folder"))
    return found, problems


def decode(data: bytes) -> tuple[str, str]:
    """Decode a text file's bytes.

    Args:
        data: the raw bytes.

    Returns:
        ``(text, warning)``; the warning is "" for clean UTF-8.

    Raises:
        ValueError: for binary data (NUL bytes outside UTF-16).
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), ""
    if b"\x00" in data:
        raise ValueError("binary file (holds NUL bytes)")
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as err:
        where = err.start
    text = data.decode("cp1252", errors="replace")
    return text, f"not valid UTF-8 (byte {where}); decoded as Windows-1252"


def read_documents(files: Iterable[tuple[Path, str]]) -> Iterator[Document | ReadProblem]:
    """Read files into documents, reporting problems instead of raising.

    Args:
        files: ``(path, doc_id)`` pairs from :func:`find_files`.

    Yields:
        A :class:`Document` for each text, a :class:`ReadProblem` for each
        file or line that cannot be used.
    """
    for path, doc_id in files:
        source = str(path)
        try:
            data = path.read_bytes()
        except OSError as err:
            yield ReadProblem(source, f"cannot read: {err.strerror or err}")
            continue
        try:
            text, warning = decode(data)
        except ValueError as err:
            yield ReadProblem(source, str(err))
            continue
        if path.suffix.lower() == ".jsonl":
            yield from _jsonl_documents(text, source, path.stem)
            continue
        if not text.strip():
            yield ReadProblem(source, "empty file", fatal=False)
            continue
        yield Document(doc_id, text, source, warning)


def _jsonl_documents(text: str, source: str, stem: str) -> Iterator[Document | ReadProblem]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield ReadProblem(where, f"not JSON: {err.msg}")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield ReadProblem(where, 'no "text" string')
            continue
        doc_id = obj.get("id", obj.get("doc_id"))
        doc_id = str(doc_id) if doc_id is not None else f"{stem}:{lineno}"
        if not obj["text"].strip():
            yield ReadProblem(where, "empty text", fatal=False)
            continue
        yield Document(doc_id, obj["text"], where)
