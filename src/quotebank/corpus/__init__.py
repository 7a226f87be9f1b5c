"""Corpora: reading documents in, writing the speaker-quote dataset out."""

from quotebank.corpus.readers import Document, ReadProblem, find_files, read_documents
from quotebank.corpus.writers import FORMATS, QuoteWriter, open_writer

__all__ = ["Document", "ReadProblem", "find_files", "read_documents", "FORMATS", "QuoteWriter", "open_writer"]
