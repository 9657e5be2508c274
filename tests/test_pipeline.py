"""Batching of the extraction pipeline."""

from __future__ import annotations

import datetime as dt

from dateline.article import Article
from dateline.pipeline import _batches


def _art(n_chars: int) -> Article:
    return Article(text="x" * n_chars, published=dt.date(2018, 9, 1))


def test_batches_close_at_size_or_characters():
    sizes = [[len(a.text) for a in b] for b in _batches(
        [_art(n) for n in (10, 10, 10, 60, 50, 200, 5)], size=3, max_chars=100)]
    # 3 articles make a batch; 60 + 50 would pass 100 characters; 200 alone is too long
    # for any batch but still goes, alone
    assert sizes == [[10, 10, 10], [60], [50], [200], [5]]
