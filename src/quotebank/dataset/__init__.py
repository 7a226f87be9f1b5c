"""The speaker-quote dataset: filters, the quote level, the per-speaker summary, data frames.

* `quotebank.dataset.filters`: which records to keep;
* `quotebank.dataset.quotations`: one record per distinct quotation
  across a corpus (Quotebank's quote level);
* `quotebank.dataset.speakers`: speakers ranked by quotes, with what
  each talks about;
* `quotebank.dataset.frames`: records as a pandas DataFrame.
"""
