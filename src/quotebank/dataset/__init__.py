"""The speaker-quote dataset: filters, the quote level, the per-speaker summary, data frames.

* :mod:`quotebank.dataset.filters`: which records to keep;
* :mod:`quotebank.dataset.quotations`: one record per distinct quotation
  across a corpus (Quotebank's quote level);
* :mod:`quotebank.dataset.speakers`: speakers ranked by quotes, with what
  each talks about;
* :mod:`quotebank.dataset.frames`: records as a pandas DataFrame.
"""
