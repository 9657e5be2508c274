"""Time one extractor as the registry runs it, for the harnesses' speed figures."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc


def run_timed(doc: Doc, published: dt.date, name: str, *, text: str | None = None,
              configs: Mapping[str, Any] | None = None) -> tuple[dict[str, Any], float]:
    """Run extractor ``name`` with what it requires on ``doc``; return all their results
    (as :func:`dateline.extract.run_extractors` with ``only=(name,)``) and the seconds
    ``name`` itself took.

    Those seconds are the time of that run less the time of a run of ``name``'s
    requirements alone, made just before it: so a table the extractor loads on its
    first call is counted in its own time, as are the requirements' tables in theirs.
    ``configs`` replaces declared extractor configurations, as in ``run_extractors``.
    On one document the difference is noisy (it can even be slightly negative for a
    fast extractor); harnesses sum it over documents.
    """
    from dateline.extract import registry, run_extractors

    t0 = time.perf_counter()
    run_extractors(doc, published, only=registry()[name].requires, text=text,
                   configs=configs)
    t1 = time.perf_counter()
    results = run_extractors(doc, published, only=(name,), text=text, configs=configs)
    t2 = time.perf_counter()
    return results, (t2 - t1) - (t1 - t0)
