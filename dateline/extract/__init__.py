"""Extractors: pure functions from a parsed document to one field of the record.

Each extractor lives in its own module, takes the spaCy ``Doc`` and an
:class:`Context`, and returns the value of one record field. They run in the
order of :data:`EXTRACTORS`; a later one may read what an earlier one found from
``ctx.results`` (quotes use entities, events use entities, places and dates).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable

from spacy.tokens import Doc

from dateline.article import Article

Extractor = Callable[[Doc, "Context"], Any]


@dataclass
class Context:
    """What an extractor may know besides the parsed document."""

    published: dt.date
    text: str
    sentence_starts: list[int] = field(default_factory=list)
    results: dict[str, Any] = field(default_factory=dict)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence that contains character ``offset``."""
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)


#: Registered extractors by record field, in the order they run.
EXTRACTORS: dict[str, Extractor] = {}


def register(name: str) -> Callable[[Extractor], Extractor]:
    """Decorator: register ``fn`` as the extractor of record field ``name``."""

    def deco(fn: Extractor) -> Extractor:
        EXTRACTORS[name] = fn
        return fn

    return deco


def run_extractors(doc: Doc, published: dt.date) -> dict[str, Any]:
    """Run every registered extractor on ``doc``; return the fields they fill."""
    ctx = Context(published=published, text=doc.text)
    for name, fn in EXTRACTORS.items():
        ctx.results[name] = fn(doc, ctx)
        if name == "sentences":
            ctx.sentence_starts = [s["start"] for s in ctx.results[name]]
    return ctx.results


def build_record(doc: Doc, article: Article) -> dict[str, Any]:
    """The full article record of DESIGN.md for ``article`` parsed as ``doc``."""
    record: dict[str, Any] = {
        "id": article.key,
        "published": article.published.isoformat(),
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "text": article.text,
    }
    record.update(run_extractors(doc, article.published))
    return record


# Registration order is run order: sentences first, tone last.
from dateline.extract import (  # noqa: E402,F401
    sentences,
    dates,
    entities,
    places,
    quotes,
    amounts,
    events,
    tone,
)
