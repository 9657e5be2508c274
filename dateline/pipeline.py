"""Running the pipeline: articles -> spaCy -> extractors -> records, in one or many
processes, or on a Dask cluster.

:func:`extract_records` turns a stream of articles into records, in order, with
at most a bounded number of articles in flight, so memory stays flat however
long the stream is.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from dateline import __version__
from dateline.article import Article

# spaCy and the extractors are imported where they run (the worker processes),
# so the process that reads and stores never loads them.

#: Stored with each article; ``ingest --update`` re-extracts older ones.
EXTRACTOR_VERSION = __version__

Result = tuple[Article, dict[str, Any] | None, str | None]
"""``(article, record, error)``: the record, or None and why extraction failed."""


def extract_article(article: Article) -> dict[str, Any]:
    """The record of one article (parses it in this process)."""
    from dateline.extract import build_record
    from dateline.nlp import load_model
    return build_record(load_model()(article.text), article)


def _extract_batch(articles: list[Article]) -> list[Result]:
    from dateline.extract import build_record
    from dateline.nlp import load_model
    nlp = load_model()
    out: list[Result] = []
    try:
        docs = list(nlp.pipe([a.text for a in articles], batch_size=len(articles)))
    except Exception:  # one bad text spoils nlp.pipe's batch: redo one by one
        docs = [None] * len(articles)
    for article, doc in zip(articles, docs):
        try:
            out.append((article, build_record(doc if doc is not None else nlp(article.text),
                                              article), None))
        except Exception as exc:  # an extractor bug must not stop a long ingest
            out.append((article, None, f"extraction failed: {type(exc).__name__}: {exc}"))
    return out


def _warm_up() -> None:
    import dateline.extract  # noqa: F401  (the extractors, before the first batch)
    from dateline.nlp import load_model
    load_model()


#: A worker process is replaced after this many batches: spaCy's string store only
#: grows, so a fresh process keeps a long ingest's memory flat.
BATCHES_PER_WORKER = 100

#: A batch closes once its texts reach this many characters: spaCy's memory grows
#: with the text it holds at once, and news articles vary from 1 kB to 200 kB.
BATCH_CHARS = 100_000


def _batches(articles: Iterable[Article], size: int,
             max_chars: int = BATCH_CHARS) -> Iterator[list[Article]]:
    """Batches of at most ``size`` articles and, unless one article alone is
    longer, at most ``max_chars`` characters."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        if batch and chars + len(article.text) > max_chars:
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += len(article.text)
        if len(batch) >= size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def extract_records(articles: Iterable[Article], *, workers: int = 1,
                    batch_size: int = 16, dask: str | None = None) -> Iterator[list[Result]]:
    """Extract ``articles`` in batches, yielding each batch's results in input order.

    With ``workers`` > 1, batches run in that many processes, at most two
    batches per process in flight; the input is consumed lazily.

    With ``dask`` (a scheduler address such as ``tcp://10.0.0.5:8786``, or
    ``"local"`` for a local cluster of ``workers`` processes), batches run as
    Dask tasks instead, at most two per worker thread in flight, with the same
    results in the same order (see :mod:`dateline.distributed`); it raises
    :class:`dateline.distributed.DaskError` before the first batch when Dask is
    not installed or the scheduler cannot be reached.
    """
    if dask is not None:
        from dateline.distributed import run_batches
        yield from run_batches(_extract_batch, _batches(articles, batch_size), dask,
                               workers=workers)
        return
    if workers <= 1:
        for batch in _batches(articles, batch_size):
            yield _extract_batch(batch)
        return
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_warm_up, maxtasksperchild=BATCHES_PER_WORKER) as pool:
        pending: deque[mp.pool.AsyncResult] = deque()
        for batch in _batches(articles, batch_size):
            pending.append(pool.apply_async(_extract_batch, (batch,)))
            while len(pending) >= 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
