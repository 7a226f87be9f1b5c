"""Readers: files and folders in, ``(doc_id, text)`` documents out.

Every problem with one input is reported as a `ReadProblem` naming the
file, and reading goes on with the rest: nothing raises for a bad file.

* ``.txt`` files are decoded as UTF-8 (a BOM is dropped), UTF-16 when they
  start with its BOM or when charset-normalizer recognises UTF-16 without one,
  else as Windows-1252 with a warning (Latin-1 text reads the same);
* bytes that decode to noise (charset-normalizer finds no encoding under which
  they read as text) are reported as *not text* and skipped;
* ``.jsonl`` files hold one document a line, ``{"id": …, "text": …}``, with
  optional ``date``, ``url``, ``title`` and ``source`` (the outlet) that are
  copied into every record of the document; ``-`` reads such lines from stdin.
  A JSONL file of any size is read in ranges of whole lines (see
  `jsonl_ranges`), so only one range is in memory at a time;
* ``.parquet`` files (needs pyarrow) hold the same fields as columns: ``text``,
  with ``id`` (or ``doc_id``), ``date``, ``url``, ``title`` and ``source``
  where present; they are read a row group at a time;
* ``.html``/``.htm`` files are reduced to their main text by trafilatura
  (navigation, scripts, footers, comments and related links dropped); the
  page's title, date, URL and site name become the document's metadata, and
  offsets refer to the extracted text;
* binary files (NUL bytes outside UTF-16), empty files, files larger than
  `MAX_FILE_BYTES` (JSONL lines that long; whole UTF-16 JSONL files),
  unreadable files, bad JSON lines and ids longer than
  `MAX_ID_CHARS` are reported and skipped; a duplicate id is warned about.

The doc id of a file is its path relative to the folder it was found in,
without its suffix (``seeds/000_x.txt`` given as ``seeds/`` → ``000_x``); a
file named directly gets its stem. A JSONL line or Parquet row without an id
gets ``STEM:N``, N its line (row) number counted from 1. Ids and file names are always valid text:
bytes of a file name that are not UTF-8 are written as ``\\xe9``
(``caf\\xe9``).
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from quotebank.records import META_FIELDS, Metadata

__all__ = ["Document", "ReadProblem", "IdCheck", "find_files", "read_documents", "read_file", "decode", "json_error",
           "safe_text", "html_document", "jsonl_ranges", "read_jsonl_range", "read_parquet", "MAX_FILE_BYTES", "STDIN"]

#: File suffixes read from folders.
SUFFIXES = (".txt", ".jsonl", ".html", ".htm", ".parquet")
#: Suffixes of HTML pages.
HTML_SUFFIXES = (".html", ".htm")
#: The path that means "JSONL lines on standard input".
STDIN = "-"
#: Larger files are reported and skipped: a text this long would need more
#: memory than a run is allowed (see docs/failure-modes.md).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Longer ids are rejected: an id is copied into every record of its document.
MAX_ID_CHARS = 1000
#: Largest "chaos" (charset-normalizer's measure of how much a decoding looks
#: like noise, 0 to 1) of a text that is not UTF-8; real Windows-1252 and
#: Latin-1 news text measures under 0.05, random bytes find no encoding at all.
MAX_CHAOS = 0.2
#: Share of Latin letters, digits, punctuation and spaces that UTF-16 without
#: a byte-order mark must decode to: English text is almost all Latin, while
#: binary data read as UTF-16 turns into CJK and other scripts.
MIN_LATIN_SHARE = 0.9


def _latin_share(text: str) -> float:
    """Share of the characters of ``text`` that are Latin, punctuation or space."""
    if not text:
        return 0.0
    ok = sum(1 for c in text if c < "\u0250" or "\u2000" <= c <= "\u206f")
    return ok / len(text)


@attrs.frozen(slots=True)
class Document:
    """One text to extract from.

    Attributes:
        doc_id: its id in the output.
        text: the text.
        source: the file it came from (with ``:line`` for a JSONL line).
        warning: a note on how it was read (e.g. decoded as Windows-1252), or "".
        meta: its date, URL, title and outlet, where the input gives them.
    """

    doc_id: str
    text: str
    source: str
    warning: str = ""
    meta: Metadata = Metadata()


@attrs.frozen(slots=True)
class ReadProblem:
    """A file (or line) that could not be used.

    Attributes:
        source: the file, with ``:line`` for a JSONL line.
        message: what is wrong.
        fatal: True when nothing of it was read (an error), False for a
            warning (an empty input, a duplicate id).
        detail: more for ``--debug`` (a failed document's traceback), or "".
    """

    source: str
    message: str
    fatal: bool = True
    detail: str = ""


def json_error(err: json.JSONDecodeError) -> str:
    """A JSON error as a whole sentence: "Unterminated string starting at
    column 12" (the module's message leaves the place to its attributes)."""
    message = err.msg
    if message.endswith((" at", " starting at")):
        return f"{message} column {err.colno}"
    return f"{message} (column {err.colno})"


def safe_text(text: str) -> str:
    """``text`` made encodable as UTF-8, visibly: the undecodable bytes of a
    file name (Python keeps them as lone surrogates) become ``\\xe9``, other
    lone surrogates ``\\ud800``. Valid text is returned unchanged.
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _without_surrogates(text: str) -> str:
    """Lone surrogates (invalid in any output) replaced by U+FFFD, one for
    one, so that every offset stays the same."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


def find_files(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[ReadProblem]]:
    """List the input files of the given paths, with their doc ids.

    Args:
        paths: files and folders; folders are searched recursively for
            ``.txt``, ``.jsonl``, ``.html``, ``.htm`` and ``.parquet`` files
            (`SUFFIXES`), in sorted order; ``-`` is JSONL on standard input.

    Returns:
        ``([(file, doc_id), …], problems)``; a path that does not exist is a problem.
    """
    found: list[tuple[Path, str]] = []
    problems: list[ReadProblem] = []
    for raw in paths:
        if str(raw) == STDIN:
            found.append((Path(STDIN), "stdin"))
            continue
        path = Path(raw)
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except OSError as err:  # a folder on the way that cannot be entered
            problems.append(ReadProblem(safe_text(str(path)), f"cannot read: {err.strerror or err}"))
            continue
        if is_dir:
            files = _walk(path, problems)
            for f in sorted(files, key=lambda f: f.relative_to(path).parts):
                found.append((f, safe_text(f.relative_to(path).with_suffix("").as_posix())))
        elif is_file:
            found.append((path, safe_text(path.stem)))
        elif path.exists():
            problems.append(ReadProblem(safe_text(str(path)), "not a regular file"))
        else:
            problems.append(ReadProblem(safe_text(str(path)), _missing(path)))
    return found, problems


def _missing(path: Path) -> str:
    """Why a path names nothing that can be read: no such file, a symbolic
    link whose target does not exist, or a loop of symbolic links."""
    if not path.is_symlink():
        return "no such file or folder"
    try:
        os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "a loop of symbolic links"
    return f"a symbolic link to {safe_text(os.readlink(path))}, which does not exist"


def _walk(root: Path, problems: list[ReadProblem]) -> list[Path]:
    """The input files under ``root``, searched recursively: symbolic links to
    folders are followed, each folder searched once. What cannot be searched
    is a problem: a folder that cannot be listed or entered, a link loop, a
    link named like an input whose target does not exist."""
    files: list[Path] = []
    searched: set[tuple[int, int]] = set()

    def problem(path: Path, message: str, fatal: bool = True) -> None:
        problems.append(ReadProblem(safe_text(str(path)), message, fatal=fatal))

    def search(folder: Path, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            info = folder.stat()
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as err:
            problem(folder, f"cannot list this folder: {err.strerror or err}")
            return
        key = (info.st_dev, info.st_ino)
        if key in ancestors:
            problem(folder, "a loop of symbolic links (a link to a folder that holds it): not searched again")
            return
        if key in searched:
            problem(folder, "a link to a folder already searched: not searched again", fatal=False)
            return
        searched.add(key)
        for entry in entries:
            path = folder / entry.name
            try:
                if entry.is_dir():
                    search(path, ancestors | {key})
                elif entry.is_file():
                    if path.suffix.lower() in SUFFIXES:
                        files.append(path)
                elif entry.is_symlink() and path.suffix.lower() in SUFFIXES:
                    problem(path, _missing(path))
            except OSError as err:  # a link loop, or a folder that can be listed but not entered
                loop = err.errno == errno.ELOOP
                problem(path, "a loop of symbolic links" if loop else f"cannot read: {err.strerror or err}")

    search(root, frozenset())
    return files


def decode(data: bytes) -> tuple[str, str]:
    """Decode a text file's bytes.

    Args:
        data: the raw bytes.

    Returns:
        ``(text, warning)``; the warning is "" for clean UTF-8 and UTF-16.

    Raises:
        ValueError: for binary data (NUL bytes outside UTF-16) and for bytes
            that read as noise in every encoding.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), ""
    if b"\x00" in data:
        best = _best_guess(data)
        if best is not None and best.encoding.startswith("utf_16") and best.chaos <= MAX_CHAOS:
            text = data.decode(best.encoding, errors="replace")
            if _latin_share(text) >= MIN_LATIN_SHARE:
                return text, ""
        raise ValueError("binary file (holds NUL bytes)")
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as err:
        where = err.start
    best = _best_guess(data)
    if best is None or best.chaos > MAX_CHAOS:
        raise ValueError("not text: the bytes read as noise in every encoding tried")
    text = data.decode("cp1252", errors="replace")
    return text, f"not valid UTF-8 (byte {where}); decoded as Windows-1252"


def _best_guess(data: bytes) -> Any:
    """charset-normalizer's best reading of bytes that are not UTF-8 (imported
    only then: clean UTF-8 corpora never load it)."""
    from charset_normalizer import from_bytes

    return from_bytes(data).best()


def read_documents(files: Iterable[tuple[Path, str]], *, check_ids: bool = True) -> Iterator[Document | ReadProblem]:
    """Read files into documents, reporting problems instead of raising.

    Args:
        files: ``(path, doc_id)`` pairs from `find_files`.
        check_ids: warn about ids seen before (a non-fatal `ReadProblem`
            before the document).

    Yields:
        A `Document` for each text, a `ReadProblem` for each
        file or line that cannot be used, and a warning (a non-fatal
        `ReadProblem`) for each id seen before.
    """
    check = IdCheck()
    for path, doc_id in files:
        items = _jsonl_documents(_stdin_lines(), "<stdin>", doc_id) if str(path) == STDIN else read_file(path, doc_id)
        for item in items:
            if check_ids and isinstance(item, Document):
                yield from check(item.doc_id, item.source)
            yield item


class IdCheck:
    """Remembers the ids seen (a 12-byte digest each) and warns about repeats."""

    def __init__(self) -> None:
        self.seen: dict[bytes, str] = {}  # a digest of each id → where it was first seen

    def __call__(self, doc_id: str, source: str) -> Iterator[ReadProblem]:
        """A warning when ``doc_id`` (read from ``source``) was seen before, else nothing."""
        key = hashlib.blake2b(doc_id.encode("utf-8"), digest_size=12).digest()
        if key in self.seen:
            yield ReadProblem(source, f"duplicate id {doc_id!r} (first seen at {self.seen[key]})", fatal=False)
        else:
            self.seen[key] = source


def read_file(path: Path, doc_id: str) -> Iterator[Document | ReadProblem]:
    """The documents of one input file (a text, a page, or many for JSONL and Parquet).

    Args:
        path: the file.
        doc_id: its id (the stem of its documents' ids, for JSONL and Parquet).

    Yields:
        Documents and the problems met, in file order.
    """
    source = safe_text(str(path))
    suffix = path.suffix.lower()
    try:
        size = os.stat(path).st_size
        if suffix == ".jsonl":
            for start, stop, first_line in jsonl_ranges(path, MAX_FILE_BYTES):
                yield from read_jsonl_range(path, doc_id, start, stop, first_line)
            return
        if suffix == ".parquet":
            yield from read_parquet(path, doc_id)
            return
        if size > MAX_FILE_BYTES:
            yield _too_large(source, size)
            return
        data = path.read_bytes()
    except OSError as err:
        yield ReadProblem(source, f"cannot read: {err.strerror or err}")
        return
    try:
        text, warning = decode(data)
    except ValueError as err:
        yield ReadProblem(source, str(err))
        return
    if not text.strip():
        yield ReadProblem(source, "empty file", fatal=False)
        return
    if suffix in HTML_SUFFIXES:
        page = html_document(text, doc_id, source)
        if isinstance(page, ReadProblem):
            yield page
            return
        yield attrs.evolve(page, warning=warning)
    else:
        yield Document(doc_id, _without_surrogates(text), source, warning)


def _too_large(source: str, size: int) -> ReadProblem:
    return ReadProblem(source, f"too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")


def _splittable(path: Path) -> bool:
    """Whether a JSONL file can be cut at its newline bytes (not UTF-16)."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    return not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and b"\x00" not in head


def jsonl_ranges(path: Path, target: int) -> list[tuple[int, int, int]]:
    """Cut a JSONL file into ranges of whole lines of about ``target`` bytes.

    Args:
        path: the file.
        target: the size of a range; a range ends at the first line end at or
            after ``target`` bytes from its start.

    Returns:
        ``[(start, stop, first_line), …]``: byte offsets and the number
        (from 1) of the range's first line. A file of at most ``target``
        bytes, and a UTF-16 one (which cannot be cut at newline bytes), is
        one range.

    Raises:
        OSError: when the file cannot be read.
    """
    size = os.stat(path).st_size
    if size <= target or not _splittable(path):
        return [(0, size, 1)]
    ranges: list[tuple[int, int, int]] = []
    start, position, line, first_line = 0, 0, 0, 1
    with open(path, "rb") as fh:
        for raw in fh:
            position += len(raw)
            line += 1
            if position - start >= target:
                ranges.append((start, position, first_line))
                start, first_line = position, line + 1
    if position > start or not ranges:
        ranges.append((start, position, first_line))
    return ranges


def read_jsonl_range(
    path: Path, stem: str, start: int, stop: int, first_line: int = 1
) -> Iterator[Document | ReadProblem]:
    """The documents of the lines of a JSONL file between two byte offsets.

    Args:
        path: the file.
        stem: the id stem of lines without an id (``STEM:N``).
        start: where the range starts (a line start).
        stop: where it ends (a line end, or the file's end).
        first_line: the number (from 1) of the range's first line.

    Yields:
        Documents and problems, in line order.
    """
    source = safe_text(str(path))
    where = source if first_line == 1 else f"{source}:{first_line}"
    if stop - start > MAX_FILE_BYTES:
        yield _too_large(where, stop - start)
        return
    try:
        with open(path, "rb") as fh:
            fh.seek(start)
            data = fh.read(stop - start)
    except OSError as err:
        yield ReadProblem(source, f"cannot read: {err.strerror or err}")
        return
    try:
        text, _warning = decode(data)
    except ValueError as err:
        yield ReadProblem(where, str(err))
        return
    # Lines end at "\n" only: str.splitlines would also cut at U+2028, U+2029
    # and U+0085, which JSON strings may hold as they are (scraped text does).
    yield from _jsonl_documents((line.rstrip("\r") for line in text.split("\n")), source, stem, first_line)


def read_parquet(path: Path, stem: str, row_groups: tuple[int, int] | None = None) -> Iterator[Document | ReadProblem]:
    """The documents of a Parquet file's rows (``text``, with ``id``/``doc_id``,
    ``date``, ``url``, ``title`` and ``source`` where present).

    Args:
        path: the file.
        stem: the id stem of rows without an id (``STEM:N``, N the row from 1).
        row_groups: ``(first, stop)``: read only these row groups (all when None).

    Yields:
        Documents and problems, in row order.
    """
    source = safe_text(str(path))
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield ReadProblem(source, "Parquet input needs pyarrow: pip install 'quotebank[parquet]'")
        return
    try:
        pf = pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises ArrowInvalid, OSError and others for a file that is not Parquet
        yield ReadProblem(source, f"cannot read as Parquet: {err}")
        return
    names = set(pf.schema_arrow.names)
    if "text" not in names:
        yield ReadProblem(source, 'no "text" column')
        return
    columns = [c for c in ("id", "doc_id", "text", *META_FIELDS) if c in names]
    first, stop = row_groups if row_groups is not None else (0, pf.num_row_groups)
    row = 1 + sum(pf.metadata.row_group(g).num_rows for g in range(first))
    for group in range(first, stop):
        try:
            rows = pf.read_row_group(group, columns=columns).to_pylist()
        except Exception as err:
            yield ReadProblem(f"{source}:row group {group}", f"cannot read: {err}")
            row += pf.metadata.row_group(group).num_rows
            continue
        for obj in rows:
            yield from _document(obj, f"{source}:{row}", stem, row)
            row += 1


def _stdin_lines() -> Iterator[str]:
    """Lines of standard input, decoded as UTF-8 (undecodable bytes replaced)."""
    import io
    import sys

    stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    for line in stream:
        yield line.rstrip("\r\n")


def html_document(html: str, doc_id: str, source: str) -> Document | ReadProblem:
    """The main text of an HTML page, and its metadata, as a document.

    trafilatura keeps the article's text (its title, paragraphs, lists and
    quotes) and drops navigation, scripts, styles, footers, comments and
    links to related articles. Paragraphs are separated by one newline.

    Args:
        html: the page.
        doc_id: the document's id.
        source: where it came from (for messages).

    Returns:
        A `Document` whose metadata holds the page's title, date
        (``YYYY-MM-DD``), URL and site name where the page gives them, or a
        `ReadProblem` when no main text was found.
    """
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a dependency
        return ReadProblem(source, "HTML input needs trafilatura: pip install trafilatura")
    try:
        page = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
            deduplicate=False,
        )
    except Exception as err:  # lxml and trafilatura raise many kinds on broken pages
        return ReadProblem(source, f"cannot read the HTML: {type(err).__name__}: {err}")
    text = getattr(page, "text", None) if page is not None else None
    if not text or not text.strip():
        return ReadProblem(source, "no main text found in the HTML page")
    meta = Metadata(
        date=_clean(getattr(page, "date", None)),
        url=_clean(getattr(page, "url", None)),
        title=_clean(getattr(page, "title", None)),
        source=_clean(getattr(page, "sitename", None)),
    )
    return Document(doc_id, _without_surrogates(text), source, meta=meta)


def _clean(value: Any) -> str | None:
    """A metadata value as text, or None when missing or empty."""
    if value is None:
        return None
    text = safe_text(str(value)).strip()
    return text or None


def _jsonl_documents(
    lines: Iterable[str], source: str, stem: str, first_line: int = 1
) -> Iterator[Document | ReadProblem]:
    for lineno, line in enumerate(lines, first_line):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield ReadProblem(where, f"not JSON: {json_error(err)}")
            continue
        if not isinstance(obj, dict):
            yield ReadProblem(where, 'no "text" string')
            continue
        yield from _document(obj, where, stem, lineno)


def _document(obj: dict[str, Any], where: str, stem: str, number: int) -> Iterator[Document | ReadProblem]:
    """A JSONL line's or a Parquet row's fields as a document (or the problem with them)."""
    if not isinstance(obj.get("text"), str):
        yield ReadProblem(where, 'no "text" string')
        return
    raw_id = obj.get("id")
    if raw_id is None:
        raw_id = obj.get("doc_id")
    doc_id = safe_text(str(raw_id)) if raw_id is not None else f"{stem}:{number}"
    if len(doc_id) > MAX_ID_CHARS:
        yield ReadProblem(where, f"id of {len(doc_id):,} characters (the limit is {MAX_ID_CHARS:,})")
        return
    if not obj["text"].strip():
        yield ReadProblem(where, "empty text", fatal=False)
        return
    meta = Metadata(**{name: _clean(obj.get(name)) for name in META_FIELDS})
    yield Document(doc_id, _without_surrogates(obj["text"]), where, meta=meta)
