"""The command line: ``quotebank extract`` and ``quotebank evaluate``.

Thin by design: options are parsed here, the work is done by
:mod:`quotebank.run`, :mod:`quotebank.corpus` and :mod:`quotebank.evaluate`.
"""

from __future__ import annotations

import json
import sys
import time

import click

from quotebank import __version__
from quotebank.corpus.readers import ReadProblem
from quotebank.corpus.writers import FORMATS, open_writer
from quotebank.models import MODEL_ENV, model_name

__all__ = ["main"]


def _version_message() -> str:
    return f"quotebank {__version__} (spaCy pipeline: {model_name()})"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", message=_version_message())
def main() -> None:
    """Find quotations in English news text and say who said them."""


class _Progress:
    """Progress lines on stderr: at most one every ``every`` seconds, and at the end."""

    def __init__(self, enabled: bool, every: float = 2.0) -> None:
        self.enabled = enabled
        self.every = every
        self.last = 0.0

    def __call__(self, report, final: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not final and now - self.last < self.every):
            return
        self.last = now
        rate = report.words / report.seconds if report.seconds else 0.0
        click.echo(
            f"quotebank: {report.documents}/{report.files} files, {report.quotes} quotes, "
            f"{rate:,.0f} words/s",
            err=True,
        )


def _say_problem(problem: ReadProblem) -> None:
    level = "error" if problem.fatal else "warning"
    click.echo(f"quotebank: {level}: {problem.source}: {problem.message}", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--output", default=None, help="Output file (default: stdout). Format from its suffix.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from -o's suffix, else jsonl).")
@click.option("-m", "--model", default=None,
              help=f"spaCy pipeline to use (default: ${MODEL_ENV} or the bundled en_core_web_sm).")
@click.option("--batch-size", default=16, show_default=True, help="Documents per spaCy batch.")
@click.option("-j", "--n-process", default=1, show_default=True, help="Processes for parsing.")
@click.option("--speakers", "speakers_csv", type=click.Path(exists=True, dir_okay=False), default=None,
              help="CSV of speakers (name, aliases, qid) to merge aliases and add Wikidata QIDs.")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines on stderr.")
def extract(paths: tuple[str, ...], output: str | None, fmt: str | None, model: str | None,
            batch_size: int, n_process: int, speakers_csv: str | None, quiet: bool) -> None:
    """Extract quotes from .txt and .jsonl files and folders (recursively).

    Writes one record per quote. Unreadable, binary or empty inputs are
    reported on stderr and skipped; the exit status is 1 when an input could
    not be read, 0 otherwise.
    """
    from quotebank.api import Extractor
    from quotebank.run import RunReport, iter_corpus
    from quotebank.speakers.registry import SpeakerTable

    try:
        table = SpeakerTable.from_csv(speakers_csv) if speakers_csv else None
    except (ValueError, OSError, UnicodeDecodeError) as err:
        raise click.UsageError(f"--speakers: {err}") from err
    try:
        writer = open_writer(output, fmt)
    except (ValueError, OSError) as err:
        raise click.UsageError(str(err)) from err
    try:
        extractor = Extractor(model, speakers=table)
    except (OSError, ValueError) as err:
        writer.abort()
        raise click.ClickException(str(err)) from err
    report = RunReport()
    progress = _Progress(enabled=not quiet)
    try:
        for _, quotes in iter_corpus(paths, extractor, batch_size=batch_size, n_process=n_process,
                                     report=report, on_problem=_say_problem, on_document=progress):
            writer.write(quotes)
    except BaseException:
        writer.abort()
        raise
    writer.close()
    progress(report, final=True)
    if report.documents == 0 and not report.errors:
        click.echo("quotebank: warning: no documents found (looked for .txt and .jsonl files)", err=True)
    if report.errors:
        click.echo(f"quotebank: {len(report.errors)} input(s) could not be read", err=True)
        sys.exit(1)


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("predictions", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--speech-cues", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Word list defining the speech scope (default: METRICS.md's list).")
def evaluate(gold: str, predictions: str, as_json: bool, speech_cues: str | None) -> None:
    """Score PREDICTIONS (quotebank's JSONL) against GOLD (METRICS.md)."""
    from quotebank import evaluate as ev

    words = ev.load_speech_words(speech_cues) if speech_cues else ev.SPEECH_CUE_WORDS
    try:
        result = ev.evaluate(ev.load_gold(gold), ev.load_predictions(predictions), speech_words=words)
    except (ValueError, KeyError) as err:
        raise click.ClickException(f"cannot score: {err!r}") from err
    if as_json:
        click.echo(json.dumps(result, indent=2))
    else:
        click.echo(ev.format_table(result))


if __name__ == "__main__":  # pragma: no cover
    main()
